import type { EntityManager } from 'typeorm';
import type {
  DeliveryMode,
  JpChannel,
  JpClaimVerifier,
  JpEvidenceKind,
  JpRule,
  JpUnit,
} from '@kompeten/shared-contracts';

/**
 * The SQL of recognition rule versions (jp_rule_set, jp_rule). The agency names come from organisation's published
 * view `organisation_agency`.
 */

export interface RuleSetRow {
  id: string;
  agencyId: string | null;
  agencyName: string | null;
  effectiveFrom: string;
  minutesPerJp: Record<DeliveryMode, number>;
  claimVerifier: JpClaimVerifier;
  note: string | null;
  createdAt: Date;
}

interface RawRuleSet {
  id: string;
  agency_id: string | null;
  agency_name: string | null;
  effective_from: string;
  minutes_per_jp: Record<DeliveryMode, number>;
  claim_verifier: JpClaimVerifier;
  note: string | null;
  created_at: Date;
}

const toRuleSet = (r: RawRuleSet): RuleSetRow => ({
  id: r.id,
  agencyId: r.agency_id,
  agencyName: r.agency_name,
  effectiveFrom: r.effective_from,
  minutesPerJp: r.minutes_per_jp,
  claimVerifier: r.claim_verifier,
  note: r.note,
  createdAt: r.created_at,
});

const RULE_SET_COLUMNS = `rs.id, rs.agency_id, a.name AS agency_name, to_char(rs.effective_from, 'YYYY-MM-DD') AS effective_from,
  rs.minutes_per_jp, rs.claim_verifier, rs.note, rs.created_at`;
const RULE_SET_FROM = `jp_rule_set rs LEFT JOIN organisation_agency a ON a.id = rs.agency_id`;

/**
 * Versions of the national defaults and of the given agencies (most specific first), with the number of them: national
 * first, then the agencies from the last given to the first, each newest first.
 */
export async function listRuleSets(
  m: EntityManager,
  agencyIds: readonly string[],
  page: { limit: number; offset: number },
): Promise<{ total: number; rows: RuleSetRow[] }> {
  const where = `(rs.agency_id IS NULL OR rs.agency_id = ANY($1::uuid[]))`;
  const [{ total }]: Array<{ total: number }> = await m.query(
    `SELECT count(*)::int AS total FROM jp_rule_set rs WHERE ${where}`,
    [agencyIds],
  );
  const rows: RawRuleSet[] = await m.query(
    `SELECT ${RULE_SET_COLUMNS} FROM ${RULE_SET_FROM} WHERE ${where}
      ORDER BY rs.agency_id IS NOT NULL, array_position($1::uuid[], rs.agency_id) DESC, rs.effective_from DESC, rs.id
      LIMIT $2 OFFSET $3`,
    [agencyIds, page.limit, page.offset],
  );
  return { total, rows: rows.map(toRuleSet) };
}

export async function findRuleSet(m: EntityManager, id: string): Promise<RuleSetRow | null> {
  const [row]: RawRuleSet[] = await m.query(`SELECT ${RULE_SET_COLUMNS} FROM ${RULE_SET_FROM} WHERE rs.id = $1`, [id]);
  return row ? toRuleSet(row) : null;
}

/**
 * For each owner among `agencyIds` and the national defaults, the version in force on `on` (the latest whose
 * effective date is on or before it). One statement: DISTINCT ON groups the national versions (agency null) too.
 */
export async function ruleSetsInForce(
  m: EntityManager,
  agencyIds: readonly string[],
  on: string,
): Promise<RuleSetRow[]> {
  const rows: RawRuleSet[] = await m.query(
    `SELECT DISTINCT ON (rs.agency_id) ${RULE_SET_COLUMNS} FROM ${RULE_SET_FROM}
      WHERE (rs.agency_id IS NULL OR rs.agency_id = ANY($1::uuid[])) AND rs.effective_from <= $2::date
      ORDER BY rs.agency_id, rs.effective_from DESC`,
    [agencyIds, on],
  );
  return rows.map(toRuleSet);
}

interface RawRule {
  rule_set_id: string;
  jenis_diklat_id: number;
  channel: JpChannel;
  unit: JpUnit;
  jp_per_unit: string | null;
  cap_per_activity: string | null;
  cap_per_year: string | null;
  evidence: JpEvidenceKind;
  enabled: boolean;
}

const num = (v: string | null): number | null => (v === null ? null : Number(v));

/** The per-form rules of versions, by version id, in code order. */
export async function rulesOf(m: EntityManager, ruleSetIds: readonly string[]): Promise<Map<string, JpRule[]>> {
  const rows: RawRule[] = await m.query(
    `SELECT rule_set_id, jenis_diklat_id, channel, unit, jp_per_unit, cap_per_activity, cap_per_year, evidence, enabled
       FROM jp_rule WHERE rule_set_id = ANY($1::uuid[]) ORDER BY rule_set_id, jenis_diklat_id`,
    [ruleSetIds],
  );
  const out = new Map<string, JpRule[]>(ruleSetIds.map((id) => [id, []]));
  for (const r of rows) {
    out.get(r.rule_set_id)?.push({
      jenisDiklatId: r.jenis_diklat_id,
      channel: r.channel,
      unit: r.unit,
      jpPerUnit: num(r.jp_per_unit),
      capPerActivity: num(r.cap_per_activity),
      capPerYear: num(r.cap_per_year),
      evidence: r.evidence,
      enabled: r.enabled,
    });
  }
  return out;
}

/** One form's rule under one version, or null when the version does not list the form. */
export async function ruleFor(m: EntityManager, ruleSetId: string, jenisDiklatId: number): Promise<JpRule | null> {
  const rules = (await rulesOf(m, [ruleSetId])).get(ruleSetId) ?? [];
  return rules.find((r) => r.jenisDiklatId === jenisDiklatId) ?? null;
}

/** Ledger lines written under each version. */
export async function lineCounts(m: EntityManager, ruleSetIds: readonly string[]): Promise<Map<string, number>> {
  const rows: Array<{ rule_set_id: string; n: number }> = await m.query(
    `SELECT rule_set_id, count(*)::int AS n FROM jp_ledger_line WHERE rule_set_id = ANY($1::uuid[]) GROUP BY rule_set_id`,
    [ruleSetIds],
  );
  return new Map(rows.map((r) => [r.rule_set_id, r.n]));
}

export async function ruleSetExists(
  m: EntityManager,
  agencyId: string | null,
  effectiveFrom: string,
): Promise<boolean> {
  const rows: unknown[] = await m.query(
    `SELECT 1 FROM jp_rule_set WHERE agency_id IS NOT DISTINCT FROM $1::uuid AND effective_from = $2::date`,
    [agencyId, effectiveFrom],
  );
  return rows.length > 0;
}

/**
 * The latest day already credited under rules a new version would replace from `from` on: lines of `agencyIds`
 * (null: every agency) written under a version of one of `ownerIds` (null in the list: the national defaults), on or
 * after `from`. Null when there is none.
 */
export async function lastCreditReplacedFrom(
  m: EntityManager,
  o: { agencyIds: readonly string[] | null; ownerIds: ReadonlyArray<string | null>; from: string },
): Promise<string | null> {
  const owners = o.ownerIds.filter((id): id is string => id !== null);
  const national = o.ownerIds.includes(null);
  const [row]: Array<{ last: string | null }> = await m.query(
    `SELECT to_char(max(l.occurred_on), 'YYYY-MM-DD') AS last
       FROM jp_ledger_line l JOIN jp_rule_set rs ON rs.id = l.rule_set_id
      WHERE l.occurred_on >= $1::date
        AND ($2::uuid[] IS NULL OR l.agency_id = ANY($2::uuid[]))
        AND (rs.agency_id = ANY($3::uuid[]) OR ($4::boolean AND rs.agency_id IS NULL))`,
    [o.from, o.agencyIds, owners, national],
  );
  return row?.last ?? null;
}

/** Serialises new versions against credits (decision 0022): credits take it shared, a new version exclusively. */
const RULES_LOCK = 16_022_001;

export async function lockRulesShared(m: EntityManager): Promise<void> {
  await m.query('SELECT pg_advisory_xact_lock_shared($1)', [RULES_LOCK]);
}

export async function lockRulesExclusive(m: EntityManager): Promise<void> {
  await m.query('SELECT pg_advisory_xact_lock($1)', [RULES_LOCK]);
}

export async function insertRuleSet(
  m: EntityManager,
  o: {
    agencyId: string | null;
    effectiveFrom: string;
    minutesPerJp: Record<DeliveryMode, number>;
    claimVerifier: JpClaimVerifier;
    note: string | null;
    createdBy: string;
    rules: readonly JpRule[];
  },
): Promise<string> {
  const [{ id }]: Array<{ id: string }> = await m.query(
    `INSERT INTO jp_rule_set (agency_id, effective_from, minutes_per_jp, claim_verifier, note, created_by)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [o.agencyId, o.effectiveFrom, JSON.stringify(o.minutesPerJp), o.claimVerifier, o.note, o.createdBy],
  );
  await m.query(
    `INSERT INTO jp_rule (rule_set_id, jenis_diklat_id, channel, unit, jp_per_unit, cap_per_activity, cap_per_year, evidence, enabled)
     SELECT $1, r.jenis_diklat_id, r.channel, r.unit, r.jp_per_unit, r.cap_per_activity, r.cap_per_year, r.evidence, r.enabled
       FROM jsonb_to_recordset($2::jsonb) AS r(jenis_diklat_id int, channel text, unit text, jp_per_unit numeric,
            cap_per_activity numeric, cap_per_year numeric, evidence text, enabled boolean)`,
    [
      id,
      JSON.stringify(
        o.rules.map((r) => ({
          jenis_diklat_id: r.jenisDiklatId,
          channel: r.channel,
          unit: r.unit,
          jp_per_unit: r.jpPerUnit,
          cap_per_activity: r.capPerActivity,
          cap_per_year: r.capPerYear,
          evidence: r.evidence,
          enabled: r.enabled,
        })),
      ),
    ],
  );
  return id;
}
