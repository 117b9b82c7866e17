import type { EntityManager } from 'typeorm';
import { PPPK_JP_CEILING, type JpEmployeeFilter } from '@kompeten/shared-contracts';
import type { AgencyTreeIndex } from '@kompeten/server-organisation';
import { agencyChildren, BUCKET_SQL, GROUPED_SUMMARY_SQL, type SummarySqlRow } from './compliance-store';
import type { ReportNode } from './report-node';

/**
 * The province-level report aggregate (`jp_report_group`, decision 0033). A province or all-agencies summary over
 * 60,000 ASN reads about two thousand group rows instead of 60,000 people; agency, unit and team levels stay live.
 * The aggregate of a year is rebuilt whole, in one statement's snapshot, by `rebuildReportGroups` (the worker's
 * `jp.rebuild-report-groups` every minute; idempotent: a rebuild of unchanged data writes the same rows). Summaries
 * read from it say when it was built (`asOf`); a year never built is answered live.
 */

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
export type TopNode = Extract<ReportNode, { level: 'all' | 'province' }>;

export const isTopNode = (node: ReportNode): node is TopNode => node.level === 'all' || node.level === 'province';

export interface ReportBuild {
  year: number;
  builtAt: Date;
  asn: number;
  groups: number;
  durationMs: number;
}

/**
 * Rebuilds the aggregate of `year` from the per-person-year aggregate and identity's published `identity_employee`
 * view (active ASN; those without JP count with 0). Concurrent rebuilds of one year wait for each other (an advisory
 * lock), and readers see the previous rows until this transaction commits.
 */
export async function rebuildReportGroups(m: EntityManager, year: number): Promise<ReportBuild> {
  const run = async (tm: EntityManager) => {
    const started = Date.now();
    await tm.query(`SELECT pg_advisory_xact_lock(hashtext('jp_report_group'), $1)`, [year]);
    await tm.query(`SELECT set_config('jit', 'off', true), set_config('work_mem', '32MB', true)`);
    await tm.query('DELETE FROM jp_report_group WHERE year = $1', [year]);
    const [r]: Array<{ asn: number; groups: number }> = await tm.query(
      `WITH people AS (
         SELECT e.agency_id, e.employee_type, coalesce(e.position_kind, '') AS position_kind, coalesce(e.rank, '') AS rank,
                coalesce(y.total_jp, 0) AS total, coalesce(y.formal_jp, 0) AS formal, coalesce(y.social_jp, 0) AS social,
                coalesce(y.experiential_jp, 0) AS experiential, y.monthly_jp
           FROM identity_employee e
           LEFT JOIN jp_person_year y ON y.employee_id = e.id AND y.year = $1
          WHERE e.active
       ),
       inserted AS (
         INSERT INTO jp_report_group (year, agency_id, employee_type, position_kind, rank, bucket, above, asn, total_jp,
                                      formal_jp, social_jp, experiential_jp, monthly_jp)
         SELECT $1, agency_id, employee_type, position_kind, rank, ${BUCKET_SQL} AS bucket, total > ${PPPK_JP_CEILING},
                count(*)::int, sum(total), sum(formal), sum(social), sum(experiential),
                ARRAY[${MONTHS.map((i) => `coalesce(sum(monthly_jp[${i}]), 0)`).join(', ')}]::numeric[]
           FROM people
          GROUP BY 1, 2, 3, 4, 5, 6, 7
         RETURNING asn
       )
       SELECT coalesce(sum(asn), 0)::int AS asn, count(*)::int AS groups FROM inserted`,
      [year],
    );
    const build: ReportBuild = { year, builtAt: new Date(), asn: r.asn, groups: r.groups, durationMs: 0 };
    build.durationMs = Date.now() - started;
    const [row]: Array<{ built_at: Date }> = await tm.query(
      `INSERT INTO jp_report_build (year, built_at, asn, groups, duration_ms) VALUES ($1, now(), $2, $3, $4)
       ON CONFLICT (year) DO UPDATE SET built_at = now(), asn = $2, groups = $3, duration_ms = $4
       RETURNING built_at`,
      [year, build.asn, build.groups, build.durationMs],
    );
    build.builtAt = row.built_at;
    return build;
  };
  return m.queryRunner?.isTransactionActive ? run(m) : m.transaction(run);
}

/** When the aggregate of `year` was built, or null when it never was (the summary is then answered live). */
export async function reportBuildOf(m: EntityManager, year: number): Promise<Date | null> {
  const [row]: Array<{ built_at: Date }> = await m.query('SELECT built_at FROM jp_report_build WHERE year = $1', [
    year,
  ]);
  return row?.built_at ?? null;
}

/** The years whose aggregate exists (the job keeps them fresh along with the current ones). */
export async function builtYears(m: EntityManager): Promise<number[]> {
  const rows: Array<{ year: number }> = await m.query('SELECT year FROM jp_report_build ORDER BY year');
  return rows.map((r) => r.year);
}

/** A top node's agencies, their child rows and the type filter as SQL over `jp_report_group g`; `$n` from `from`. */
function groupNodeSql(node: TopNode, tree: AgencyTreeIndex, type: JpEmployeeFilter, from: number) {
  const { agencyIds, childIds } = agencyChildren(node, tree);
  const params: unknown[] = [agencyIds, childIds];
  const typeCondition = type === 'all' ? '' : ` AND g.employee_type = $${from + 2}`;
  if (type !== 'all') params.push(type);
  return {
    joins: `JOIN unnest($${from}::uuid[], $${from + 1}::uuid[]) AS m(agency_id, child) ON m.agency_id = g.agency_id`,
    where: `g.year = $1${typeCondition}`,
    params,
  };
}

/**
 * The summary statement of a top node over the aggregate: the same grouping sets, over the same columns, as the live
 * statement (`summarySql`), so both answer alike for the same data.
 */
export function groupSummarySql(
  node: TopNode,
  tree: AgencyTreeIndex,
  type: JpEmployeeFilter,
  year: number,
): { text: string; params: unknown[] } {
  const n = groupNodeSql(node, tree, type, 2);
  return {
    text: `WITH fine AS (
       SELECT m.child, g.employee_type, nullif(g.position_kind, '') AS position_kind, nullif(g.rank, '') AS rank,
              g.bucket, g.above, g.asn AS n, g.total_jp AS total, g.formal_jp AS formal, g.social_jp AS social,
              g.experiential_jp AS experiential
         FROM jp_report_group g
         ${n.joins}
        WHERE ${n.where}
     )
     ${GROUPED_SUMMARY_SQL}`,
    params: [year, ...n.params],
  };
}

/** The summary rows of a top node over the aggregate (as `summaryRows` answers them live). */
export async function groupSummaryRows(
  m: EntityManager,
  node: TopNode,
  tree: AgencyTreeIndex,
  type: JpEmployeeFilter,
  year: number,
): Promise<SummarySqlRow[]> {
  const q = groupSummarySql(node, tree, type, year);
  return m.query(q.text, q.params);
}

/** The month trend of a top node over the aggregate (as `monthlyRow` answers it live). */
export async function groupMonthlyRow(
  m: EntityManager,
  node: TopNode,
  tree: AgencyTreeIndex,
  type: JpEmployeeFilter,
  year: number,
): Promise<{ asn: number; months: Array<string | null> }> {
  const n = groupNodeSql(node, tree, type, 2);
  const [row]: Array<{ asn: number; months: Array<string | null> }> = await m.query(
    `SELECT coalesce(sum(g.asn), 0)::int AS asn,
            ARRAY[${MONTHS.map((i) => `sum(g.monthly_jp[${i}])`).join(', ')}]::text[] AS months
       FROM jp_report_group g
       ${n.joins}
      WHERE ${n.where}`,
    [year, ...n.params],
  );
  return row;
}
