import type { EntityManager } from 'typeorm';
import type { IpAsnBand, IpAsnSchemeRules, JpEmployeeFilter, PositionKind } from '@kompeten/shared-contracts';
import type { AgencyTreeIndex } from '@kompeten/server-organisation';
import { nodeSql } from '../reports/compliance-store';
import type { ReportNode } from '../reports/report-node';
import type { RuleMatchRow } from './ip-asn-score';

/**
 * SQL of the IP ASN estimate (decision 0023): scheme versions, the ASN of a node, and per ASN and input the JP of the
 * ledger lines that match the input (form, competency kind, window of years) — the matching is a join with the
 * scheme's inputs sent as rows, so a new scheme version needs no new SQL.
 */

export interface SchemeRow {
  id: string;
  version: string;
  effective_from: string;
  legal_basis: string;
  rules: IpAsnSchemeRules;
  bands: IpAsnBand[];
  note: string | null;
  created_at: Date;
}

const SCHEME_COLUMNS = `id, version, to_char(effective_from, 'YYYY-MM-DD') AS effective_from, legal_basis, rules, bands, note, created_at`;

/** The version in force on 31 December of the year (the latest whose effective date is not after it). */
export async function schemeInForce(m: EntityManager, year: number): Promise<SchemeRow | null> {
  const [row]: SchemeRow[] = await m.query(
    `SELECT ${SCHEME_COLUMNS} FROM jp_ip_asn_scheme WHERE effective_from <= make_date($1, 12, 31)
      ORDER BY effective_from DESC LIMIT 1`,
    [year],
  );
  return row ?? null;
}

export async function listSchemes(m: EntityManager): Promise<SchemeRow[]> {
  return m.query(`SELECT ${SCHEME_COLUMNS} FROM jp_ip_asn_scheme ORDER BY effective_from DESC`);
}

/** Inserts a version; null when its name or effective date is taken. */
export async function insertScheme(
  m: EntityManager,
  s: {
    version: string;
    effectiveFrom: string;
    legalBasis: string;
    rules: IpAsnSchemeRules;
    bands: IpAsnBand[];
    note: string | null;
    createdBy: string;
  },
): Promise<SchemeRow | null> {
  const [row]: SchemeRow[] = await m.query(
    `INSERT INTO jp_ip_asn_scheme (version, effective_from, legal_basis, rules, bands, note, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT DO NOTHING
     RETURNING ${SCHEME_COLUMNS}`,
    [s.version, s.effectiveFrom, s.legalBasis, JSON.stringify(s.rules), JSON.stringify(s.bands), s.note, s.createdBy],
  );
  return row ?? null;
}

export interface IpAsnPersonRow {
  id: string;
  nip: string;
  full_name: string;
  front_title: string | null;
  back_title: string | null;
  unit_name: string | null;
  employee_type: 'PNS' | 'PPPK';
  position_kind: PositionKind | null;
  /** The child row of the node the ASN counts toward (see nodeSql). */
  child: string | null;
}

/** The node's active ASN with their job kind and child key. */
export async function nodePeople(
  m: EntityManager,
  node: ReportNode,
  tree: AgencyTreeIndex,
  type: JpEmployeeFilter,
): Promise<IpAsnPersonRow[]> {
  const n = nodeSql(node, tree, type, 1);
  return m.query(
    `SELECT e.id, e.nip, e.full_name, e.front_title, e.back_title, ${n.unitJoined ? 'u.name' : 'uu.name'} AS unit_name,
            e.employee_type, e.position_kind, ${n.child} AS child
       FROM identity_employee e
       ${n.joins}
       ${n.unitJoined ? '' : 'LEFT JOIN organisation_work_unit uu ON uu.id = e.unit_id'}
      WHERE ${n.where}
      ORDER BY e.full_name, e.nip`,
    n.params,
  );
}

export interface RuleSumRow {
  employee_id: string;
  rule_key: string;
  jp: string;
  lines: number;
}

const MATCH_ROWS = `jsonb_to_recordset($2::jsonb) AS r(job_kind text, rule_key text, from_year int, forms int[], kinds text[])`;

/** Per ASN (of `employeeIds`, by their job kind) and input: JP and lines of the matching ledger lines up to `year`. */
export async function ruleSums(
  m: EntityManager,
  employeeIds: readonly string[],
  year: number,
  rules: readonly RuleMatchRow[],
): Promise<RuleSumRow[]> {
  if (!employeeIds.length) return [];
  return m.query(
    `SELECT e.id AS employee_id, r.rule_key, sum(l.jp) AS jp, count(*)::int AS lines
       FROM identity_employee e
       JOIN ${MATCH_ROWS} ON r.job_kind = e.position_kind
       JOIN jp_ledger_line l ON l.employee_id = e.id AND l.year <= $1 AND l.year >= coalesce(r.from_year, 0)
                            AND l.jenis_diklat_id = ANY(r.forms) AND (r.kinds IS NULL OR l.competency_kind = ANY(r.kinds))
      WHERE e.id = ANY($3::uuid[])
      GROUP BY e.id, r.rule_key`,
    [year, JSON.stringify(rules), employeeIds],
  );
}

export interface EvidenceRow {
  rule_key: string;
  title: string;
  occurred_on: string;
  year: number;
  jp: string;
  jenis_diklat_id: number;
}

/** The ledger lines behind each input of one ASN (newest first). */
export async function evidenceLines(
  m: EntityManager,
  employeeId: string,
  year: number,
  rules: readonly RuleMatchRow[],
): Promise<EvidenceRow[]> {
  return m.query(
    `SELECT r.rule_key, l.title, to_char(l.occurred_on, 'YYYY-MM-DD') AS occurred_on, l.year, l.jp, l.jenis_diklat_id
       FROM identity_employee e
       JOIN ${MATCH_ROWS} ON r.job_kind = e.position_kind
       JOIN jp_ledger_line l ON l.employee_id = e.id AND l.year <= $1 AND l.year >= coalesce(r.from_year, 0)
                            AND l.jenis_diklat_id = ANY(r.forms) AND (r.kinds IS NULL OR l.competency_kind = ANY(r.kinds))
      WHERE e.id = $3
      ORDER BY l.occurred_on DESC, l.created_at DESC`,
    [year, JSON.stringify(rules), employeeId],
  );
}

export interface OfficialRow {
  employee_id: string;
  year: number;
  total_score: string;
  competency_score: string | null;
  source: string;
  retrieved_at: Date;
}

export async function officialScores(
  m: EntityManager,
  employeeIds: readonly string[],
  year: number,
): Promise<OfficialRow[]> {
  if (!employeeIds.length) return [];
  return m.query(
    `SELECT employee_id, year, total_score, competency_score, source, retrieved_at
       FROM jp_ip_asn_official_score WHERE year = $1 AND employee_id = ANY($2::uuid[])`,
    [year, employeeIds],
  );
}

export interface EmployeeRefRow {
  id: string;
  agency_id: string;
  unit_path: string | null;
  supervisor_id: string | null;
  nip: string;
  full_name: string;
  front_title: string | null;
  back_title: string | null;
  employee_type: 'PNS' | 'PPPK';
  position_kind: PositionKind | null;
}

/** One ASN with what the access rules need (agency, unit path, supervisor). */
export async function findEmployee(m: EntityManager, id: string): Promise<EmployeeRefRow | null> {
  const [row]: EmployeeRefRow[] = await m.query(
    `SELECT e.id, e.agency_id, u.path AS unit_path, e.supervisor_id, e.nip, e.full_name, e.front_title, e.back_title,
            e.employee_type, e.position_kind
       FROM identity_employee e LEFT JOIN organisation_work_unit u ON u.id = e.unit_id
      WHERE e.id = $1`,
    [id],
  );
  return row ?? null;
}
