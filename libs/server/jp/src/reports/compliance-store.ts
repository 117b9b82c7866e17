import type { DataSource, EntityManager } from 'typeorm';
import { JP_ANNUAL_TARGET, JP_BUCKETS, PPPK_JP_CEILING, type JpEmployeeFilter } from '@kompeten/shared-contracts';
import type { AgencyTreeIndex } from '@kompeten/server-organisation';
import { pathIds, type ReportNode } from './report-node';

/**
 * Hand-written SQL of the JP compliance reports (decision 0023). A province summary covers 60,000 ASN: it is one
 * statement over the per-person-year aggregate (`jp_person_year`, one row per ASN and year) joined with identity's
 * published `identity_employee` view (current agency, unit, type, position kind, rank) and, for unit levels,
 * organisation's `organisation_work_unit` view (materialised paths). Every grouping of the screen — children,
 * position kinds, ranks and distribution buckets — comes from one scan with GROUPING SETS, reading the aggregate
 * through its covering index (`ix_jp_person_year_report`, index-only). ASN without a row for the year count with 0 JP.
 * The month trend is its own statement (it needs the wider `monthly_jp`).
 */

/** Joins, condition and child-key expression selecting a node's active ASN; parameters numbered from `from`. */
export interface NodeSql {
  joins: string;
  where: string;
  /** uuid of the child row an ASN counts toward (null: `direct` for a unit, `unassigned` for an agency). */
  child: string;
  params: unknown[];
  /** Whether `u` (the ASN's work unit) is joined. */
  unitJoined: boolean;
}

const UNIT_JOIN = 'LEFT JOIN organisation_work_unit u ON u.id = e.unit_id';

/**
 * The agencies of an `all` or `province` node, each with the child row it counts toward: its top-level ancestor (all),
 * or the child of the province it sits under (the province's own ASN form their own row).
 */
export function agencyChildren(
  node: Extract<ReportNode, { level: 'all' | 'province' }>,
  tree: AgencyTreeIndex,
): { agencyIds: string[]; childIds: string[] } {
  const agencyIds = node.level === 'all' ? tree.nodes.map((n) => n.id) : tree.descendantsOrSelf(node.agencyId);
  const childIds = agencyIds.map((id) => {
    const chain = tree.ancestorsOrSelf(id).reverse();
    if (node.level === 'all') return chain[0].id;
    const at = chain.findIndex((a) => a.id === node.agencyId);
    return (chain[at + 1] ?? chain[at]).id;
  });
  return { agencyIds, childIds };
}

export function nodeSql(node: ReportNode, tree: AgencyTreeIndex, type: JpEmployeeFilter, from: number): NodeSql {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${from + params.length - 1}`;
  };
  const conditions = ['e.active'];
  let joins = '';
  let child = 'NULL::uuid';
  let unitJoined = false;
  if (node.level === 'all' || node.level === 'province') {
    const { agencyIds, childIds } = agencyChildren(node, tree);
    joins = `JOIN unnest(${p(agencyIds)}::uuid[], ${p(childIds)}::uuid[]) AS m(agency_id, child) ON m.agency_id = e.agency_id`;
    child = 'm.child';
  } else if (node.level === 'agency') {
    conditions.push(`e.agency_id = ${p(node.agencyId)}`);
    joins = UNIT_JOIN;
    unitJoined = true;
    child = `CASE WHEN u.id IS NULL THEN NULL ELSE split_part(u.path, '/', 2)::uuid END`;
  } else if (node.level === 'unit') {
    conditions.push(`e.agency_id = ${p(node.agencyId)}`, `u.path LIKE ${p(`${node.path}%`)}`);
    joins = 'JOIN organisation_work_unit u ON u.id = e.unit_id';
    unitJoined = true;
    child = `nullif(split_part(u.path, '/', ${pathIds(node.path).length + 2}), '')::uuid`;
  } else {
    conditions.push(`e.supervisor_id = ${p(node.employeeId)}`);
  }
  if (type !== 'all') conditions.push(`e.employee_type = ${p(type)}`);
  return { joins, where: conditions.join(' AND '), child, params, unitJoined };
}

/** The distribution bucket of `total` (JP_BUCKETS: exactly 0 — or below — then half-open ranges). */
export const BUCKET_SQL = `CASE ${JP_BUCKETS.map((b, i) =>
  b.max === 0 ? `WHEN total <= 0 THEN ${i}` : b.max === null ? `ELSE ${i}` : `WHEN total < ${b.max} THEN ${i}`,
).join(' ')} END`;

/**
 * Runs report statements in one read transaction (one snapshot for every statement of a response) with JIT and
 * parallel workers off for it: a report statement reads ~60,000 rows in tens of milliseconds, where compiling it
 * (JIT) or starting workers costs more than it saves, and on two cores shared with the API a parallel plan only
 * takes CPU from concurrent requests (decision 0023, measured in docs/performance.md).
 */
/** The settings of a report transaction (see inReportTransaction); the bench's PostgreSQL ceiling sends the same. */
export const REPORT_SETTINGS_SQL = `SELECT set_config('jit', 'off', true), set_config('max_parallel_workers_per_gather', '0', true), set_config('work_mem', '32MB', true)`;

export async function inReportTransaction<T>(db: DataSource, fn: (m: EntityManager) => Promise<T>): Promise<T> {
  return db.transaction('REPEATABLE READ', async (m) => {
    await m.query(REPORT_SETTINGS_SQL);
    return fn(m);
  });
}

/** One row of the grouped summary; `g` says which grouping set it belongs to (see SET). Sums come as text. */
export interface SummarySqlRow {
  g: number;
  child: string | null;
  position_kind: string | null;
  rank: string | null;
  bucket: number | null;
  asn: number;
  pns: number;
  pppk: number;
  reached: number;
  pns_reached: number;
  pppk_reached: number;
  non_compliant: number;
  pppk_below: number;
  pppk_above: number;
  total: string | null;
  formal: string | null;
  social: string | null;
  experiential: string | null;
}

/**
 * grouping(child, position_kind, rank, bucket) of each set: a bit is 1 for a column the set does not group by. The
 * totals are the sum of the child rows (every ASN of the node counts toward exactly one child).
 */
export const SET = { child: 7, positionKind: 11, rank: 13, bucket: 14 } as const;

/** The first distribution bucket at or above the annual target: a bucket index tells whether an ASN reached it. */
const REACHED_FROM = JP_BUCKETS.findIndex((b) => b.min === JP_ANNUAL_TARGET);
if (REACHED_FROM < 0) throw new Error('JP_BUCKETS must have a bucket starting at the annual target');

/**
 * The summary statement of a node, as text and parameters (the bench's PostgreSQL ceiling runs this very text). Two
 * stages: the node's ASN grouped by (child, type, position kind, rank, bucket, above the PPPK ceiling) — one hash
 * aggregate with five transitions per ASN — then the grouping sets over those few hundred rows.
 */
export function summarySql(
  node: ReportNode,
  tree: AgencyTreeIndex,
  type: JpEmployeeFilter,
  year: number,
): { text: string; params: unknown[] } {
  const n = nodeSql(node, tree, type, 2);
  return {
    text: `WITH people AS (
       SELECT ${n.child} AS child, e.employee_type, e.position_kind, e.rank,
              coalesce(y.total_jp, 0) AS total, y.formal_jp AS formal, y.social_jp AS social, y.experiential_jp AS experiential
         FROM identity_employee e
         ${n.joins}
         LEFT JOIN jp_person_year y ON y.employee_id = e.id AND y.year = $1
        WHERE ${n.where}
     ),
     fine AS (
       SELECT child, employee_type, position_kind, rank, ${BUCKET_SQL} AS bucket, total > ${PPPK_JP_CEILING} AS above,
              count(*)::int AS n, sum(total) AS total, sum(formal) AS formal, sum(social) AS social,
              sum(experiential) AS experiential
         FROM people
        GROUP BY 1, 2, 3, 4, 5, 6
     )
     ${GROUPED_SUMMARY_SQL}`,
    params: [year, ...n.params],
  };
}

/**
 * The grouping sets of a summary over `fine` (child, employee_type, position_kind, rank, bucket, above, n, total,
 * formal, social, experiential): shared by the live statement and the one over the report aggregate.
 */
export const GROUPED_SUMMARY_SQL = ((reached: string) => `
     SELECT grouping(child, position_kind, rank, bucket) AS g, child, position_kind, rank, bucket,
            sum(n)::int AS asn,
            coalesce(sum(n) FILTER (WHERE employee_type = 'PNS'), 0)::int AS pns,
            coalesce(sum(n) FILTER (WHERE employee_type = 'PPPK'), 0)::int AS pppk,
            coalesce(sum(n) FILTER (WHERE ${reached}), 0)::int AS reached,
            coalesce(sum(n) FILTER (WHERE ${reached} AND employee_type = 'PNS'), 0)::int AS pns_reached,
            coalesce(sum(n) FILTER (WHERE ${reached} AND employee_type = 'PPPK'), 0)::int AS pppk_reached,
            coalesce(sum(n) FILTER (WHERE NOT ${reached} AND employee_type = 'PNS'), 0)::int AS non_compliant,
            coalesce(sum(n) FILTER (WHERE NOT ${reached} AND employee_type = 'PPPK'), 0)::int AS pppk_below,
            coalesce(sum(n) FILTER (WHERE above AND employee_type = 'PPPK'), 0)::int AS pppk_above,
            sum(total) AS total, coalesce(sum(formal), 0) AS formal, coalesce(sum(social), 0) AS social,
            coalesce(sum(experiential), 0) AS experiential
       FROM fine
      GROUP BY GROUPING SETS ((child), (position_kind), (rank), (bucket))`)(`bucket >= ${REACHED_FROM}`);

export async function summaryRows(
  m: EntityManager,
  node: ReportNode,
  tree: AgencyTreeIndex,
  type: JpEmployeeFilter,
  year: number,
): Promise<SummarySqlRow[]> {
  const q = summarySql(node, tree, type, year);
  return m.query(q.text, q.params);
}

/** JP credited per month of the year over the node's ASN (index 0 = January), and how many ASN it covers. */
export async function monthlyRow(
  m: EntityManager,
  node: ReportNode,
  tree: AgencyTreeIndex,
  type: JpEmployeeFilter,
  year: number,
): Promise<{ asn: number; months: Array<string | null> }> {
  const n = nodeSql(node, tree, type, 2);
  const [row]: Array<{ asn: number; months: Array<string | null> }> = await m.query(
    `SELECT count(*)::int AS asn,
            ARRAY[${Array.from({ length: 12 }, (_, i) => `sum(y.monthly_jp[${i + 1}])`).join(', ')}]::text[] AS months
       FROM identity_employee e
       ${n.joins}
       LEFT JOIN jp_person_year y ON y.employee_id = e.id AND y.year = $1
      WHERE ${n.where}`,
    [year, ...n.params],
  );
  return row;
}

export interface PeopleQuery {
  year: number;
  type: JpEmployeeFilter;
  status: 'notReached' | 'reached' | 'all';
  q?: string;
  sort: 'jpAsc' | 'jpDesc' | 'name';
}

export interface PersonSqlRow {
  id: string;
  nip: string;
  full_name: string;
  front_title: string | null;
  back_title: string | null;
  agency_name: string;
  unit_name: string | null;
  employee_type: 'PNS' | 'PPPK';
  position_name: string | null;
  position_kind: 'struktural' | 'fungsional' | 'pelaksana' | null;
  rank: string | null;
  total: string;
  formal: string;
  social: string;
  experiential: string;
  /** Rows matching the filter, on every row (count(*) OVER ()). */
  matching: number;
}

const ORDER: Record<PeopleQuery['sort'], string> = {
  jpAsc: 'total ASC, e.full_name, e.nip',
  jpDesc: 'total DESC, e.full_name, e.nip',
  name: 'e.full_name, e.nip',
};

/** A page of the node's ASN with their year's JP (filtered by status and a name/NIP search), and the count. */
export async function peopleRows(
  m: EntityManager,
  node: ReportNode,
  tree: AgencyTreeIndex,
  q: PeopleQuery,
  limit: number,
  offset: number,
): Promise<PersonSqlRow[]> {
  const n = nodeSql(node, tree, q.type, 4);
  const params: unknown[] = [q.year, limit, offset, ...n.params];
  const extra: string[] = [];
  if (q.status === 'notReached') extra.push(`coalesce(y.total_jp, 0) < ${JP_ANNUAL_TARGET}`);
  if (q.status === 'reached') extra.push(`coalesce(y.total_jp, 0) >= ${JP_ANNUAL_TARGET}`);
  const search = q.q?.trim();
  if (search) {
    params.push(`%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    params.push(`${search.replace(/\D/g, '') || '-'}%`);
    extra.push(`(lower(e.full_name) LIKE $${params.length - 1} OR e.nip LIKE $${params.length})`);
  }
  return m.query(
    `SELECT e.id, e.nip, e.full_name, e.front_title, e.back_title, a.name AS agency_name, u.name AS unit_name,
            e.employee_type, e.position_name, e.position_kind, e.rank,
            coalesce(y.total_jp, 0) AS total, coalesce(y.formal_jp, 0) AS formal, coalesce(y.social_jp, 0) AS social,
            coalesce(y.experiential_jp, 0) AS experiential, count(*) OVER ()::int AS matching
       FROM identity_employee e
       ${n.joins}
       ${n.unitJoined ? '' : UNIT_JOIN}
       JOIN organisation_agency a ON a.id = e.agency_id
       LEFT JOIN jp_person_year y ON y.employee_id = e.id AND y.year = $1
      WHERE ${[n.where, ...extra].join(' AND ')}
      ORDER BY ${ORDER[q.sort]}
      LIMIT $2 OFFSET $3`,
    params,
  );
}

export async function agencyNames(m: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows: Array<{ id: string; name: string }> = await m.query(
    'SELECT id, name FROM organisation_agency WHERE id = ANY($1::uuid[])',
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

export interface UnitRow {
  id: string;
  agency_id: string;
  parent_id: string | null;
  name: string;
  path: string;
}

/** A work unit by id (any agency: the caller's scope is checked by the resolver). */
export async function findUnit(m: EntityManager, id: string): Promise<UnitRow | null> {
  const [row]: UnitRow[] = await m.query(
    'SELECT id, agency_id, parent_id, name, path FROM organisation_work_unit WHERE id = $1',
    [id],
  );
  return row ?? null;
}

/** Units by id, and the child units of a node: an agency's top-level units, or a unit's direct sub-units. */
export async function unitsFor(
  m: EntityManager,
  ids: readonly string[],
  children: { agencyId: string; parentId: string | null } | null,
): Promise<UnitRow[]> {
  return m.query(
    `SELECT id, agency_id, parent_id, name, path FROM organisation_work_unit
      WHERE id = ANY($1::uuid[])
         OR ($2::uuid IS NOT NULL AND agency_id = $2 AND parent_id IS NOT DISTINCT FROM $3::uuid)
      ORDER BY name`,
    [ids, children?.agencyId ?? null, children?.parentId ?? null],
  );
}

/** The supervisor's own name, for the team node. */
export async function employeeName(
  m: EntityManager,
  employeeId: string,
): Promise<{ full_name: string; front_title: string | null; back_title: string | null } | null> {
  const [row] = await m.query('SELECT full_name, front_title, back_title FROM identity_employee WHERE id = $1', [
    employeeId,
  ]);
  return row ?? null;
}
