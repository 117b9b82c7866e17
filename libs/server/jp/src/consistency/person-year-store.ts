import type { EntityManager } from 'typeorm';
import type { JpConsistencyMismatch, JpConsistencyReport } from '@kompeten/shared-contracts';

/**
 * The per-person-year aggregate (`jp_person_year`) recomputed from the ledger with one GROUP BY (issue 16, decision
 * 0023). The ledger's append keeps the aggregate in its own transaction (jp.md contract §1); this file is how the
 * aggregate is proven equal to the ledger (`checkJpConsistency`) and rebuilt where it is not, or after a bulk load
 * (the bench's generator). Hand-written SQL: a province holds about a million lines.
 */

export interface PersonYearFilter {
  /** Only these ASN (every ASN when omitted). */
  employeeIds?: readonly string[];
  /** Only these years (every year when omitted). */
  years?: readonly number[];
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** WHERE clause and parameters for the filter, on a table alias; `$n` numbering starts at `from`. */
function filterSql(alias: string, f: PersonYearFilter, from = 1): { where: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (f.employeeIds) {
    params.push(f.employeeIds);
    parts.push(`${alias}.employee_id = ANY($${from + params.length - 1}::uuid[])`);
  }
  if (f.years) {
    params.push(f.years);
    parts.push(`${alias}.year = ANY($${from + params.length - 1}::int[])`);
  }
  return { where: parts.length ? parts.join(' AND ') : 'true', params };
}

/**
 * The aggregate as the ledger says it should be, one row per (employee, year) with lines: the same columns as
 * `jp_person_year`. A reversal is a line with the opposite JP, so sums net; a form or kind whose lines net to zero
 * keeps its key with 0, as the append leaves it.
 */
function ledgerAggregateSql(where: string): string {
  return `
    ledger AS (
      SELECT l.employee_id, l.year, l.jp, l.channel, l.jenis_diklat_id, l.competency_kind,
             extract(month FROM l.occurred_on)::int AS month
        FROM jp_ledger_line l
       WHERE ${where}
    ),
    ledger_base AS (
      SELECT employee_id, year, sum(jp) AS total_jp,
             coalesce(sum(jp) FILTER (WHERE channel = 'formal'), 0) AS formal_jp,
             coalesce(sum(jp) FILTER (WHERE channel = 'social'), 0) AS social_jp,
             coalesce(sum(jp) FILTER (WHERE channel = 'experiential'), 0) AS experiential_jp,
             ARRAY[${MONTHS.map((m) => `coalesce(sum(jp) FILTER (WHERE month = ${m}), 0)`).join(', ')}]::numeric[] AS monthly_jp
        FROM ledger GROUP BY employee_id, year
    ),
    ledger_forms AS (
      SELECT employee_id, year, jsonb_object_agg(jenis_diklat_id::text, jp) AS by_form
        FROM (SELECT employee_id, year, jenis_diklat_id, sum(jp) AS jp FROM ledger GROUP BY 1, 2, 3) f
       GROUP BY employee_id, year
    ),
    ledger_kinds AS (
      SELECT employee_id, year, jsonb_object_agg(competency_kind, jp) AS by_competency_kind
        FROM (SELECT employee_id, year, competency_kind, sum(jp) AS jp FROM ledger
               WHERE competency_kind IS NOT NULL GROUP BY 1, 2, 3) k
       GROUP BY employee_id, year
    ),
    agg AS (
      SELECT b.employee_id, b.year, b.total_jp, b.formal_jp, b.social_jp, b.experiential_jp, b.monthly_jp,
             coalesce(f.by_form, '{}'::jsonb) AS by_form, coalesce(k.by_competency_kind, '{}'::jsonb) AS by_competency_kind
        FROM ledger_base b
        LEFT JOIN ledger_forms f ON f.employee_id = b.employee_id AND f.year = b.year
        LEFT JOIN ledger_kinds k ON k.employee_id = b.employee_id AND k.year = b.year
    )`;
}

async function inTransaction<T>(m: EntityManager, fn: (tm: EntityManager) => Promise<T>): Promise<T> {
  return m.queryRunner?.isTransactionActive ? fn(m) : m.transaction(fn);
}

/**
 * Recomputes `jp_person_year` from the ledger for the filter (every row when none): upserts each (employee, year)
 * that has lines and deletes aggregate rows that have none. Takes a SHARE lock on the ledger for its transaction, so
 * no line is appended between the read and the write (an append would otherwise be overwritten by an older sum).
 * Idempotent: a second run changes nothing.
 */
export async function rebuildPersonYear(
  m: EntityManager,
  filter: PersonYearFilter = {},
): Promise<{ upserted: number; removed: number }> {
  return inTransaction(m, async (tm) => {
    await tm.query('LOCK TABLE jp_ledger_line IN SHARE MODE');
    const lines = filterSql('l', filter);
    const rows = filterSql('p', filter, lines.params.length + 1);
    const [r]: Array<{ upserted: number; removed: number }> = await tm.query(
      `WITH ${ledgerAggregateSql(lines.where)},
       upserted AS (
         INSERT INTO jp_person_year AS p (employee_id, year, total_jp, formal_jp, social_jp, experiential_jp, monthly_jp, by_form, by_competency_kind, updated_at)
         SELECT employee_id, year, total_jp, formal_jp, social_jp, experiential_jp, monthly_jp, by_form, by_competency_kind, now() FROM agg
         ON CONFLICT (employee_id, year) DO UPDATE SET
           total_jp = EXCLUDED.total_jp, formal_jp = EXCLUDED.formal_jp, social_jp = EXCLUDED.social_jp,
           experiential_jp = EXCLUDED.experiential_jp, monthly_jp = EXCLUDED.monthly_jp, by_form = EXCLUDED.by_form,
           by_competency_kind = EXCLUDED.by_competency_kind, updated_at = now()
         RETURNING 1
       ),
       removed AS (
         DELETE FROM jp_person_year p
          WHERE ${rows.where}
            AND NOT EXISTS (SELECT 1 FROM agg a WHERE a.employee_id = p.employee_id AND a.year = p.year)
         RETURNING 1
       )
       SELECT (SELECT count(*) FROM upserted)::int AS upserted, (SELECT count(*) FROM removed)::int AS removed`,
      [...lines.params, ...rows.params],
    );
    return r;
  });
}

/** A jsonb map of numbers without its zero entries (a form whose lines net to 0 may be kept or left out). */
const nonZero = (expr: string) =>
  `(SELECT coalesce(jsonb_object_agg(e.key, e.value::numeric), '{}'::jsonb) FROM jsonb_each_text(${expr}) e WHERE e.value::numeric <> 0)`;

const MAX_LISTED = 100;

/**
 * Compares every person-year aggregate with the sum of its ledger lines (for the filter) in one statement, hence one
 * snapshot: totals, channels, months, forms and competency kinds. Reports aggregates missing for lines, aggregates
 * without lines, and the fields that differ (the first 100 listed, all counted).
 */
export async function checkJpConsistency(
  m: EntityManager,
  filter: PersonYearFilter = {},
): Promise<JpConsistencyReport> {
  const started = Date.now();
  const lines = filterSql('l', filter);
  const rows = filterSql('p', filter, lines.params.length + 1);
  const fields = [
    ['total_jp', 'a.total_jp IS DISTINCT FROM p.total_jp'],
    ['formal_jp', 'a.formal_jp IS DISTINCT FROM p.formal_jp'],
    ['social_jp', 'a.social_jp IS DISTINCT FROM p.social_jp'],
    ['experiential_jp', 'a.experiential_jp IS DISTINCT FROM p.experiential_jp'],
    ['monthly_jp', 'a.monthly_jp IS DISTINCT FROM p.monthly_jp'],
    ['by_form', `${nonZero('a.by_form')} IS DISTINCT FROM ${nonZero('p.by_form')}`],
    ['by_competency_kind', `${nonZero('a.by_competency_kind')} IS DISTINCT FROM ${nonZero('p.by_competency_kind')}`],
  ];
  const result: Array<{
    employee_id: string | null;
    year: number | null;
    kind: JpConsistencyMismatch['kind'] | null;
    fields: string[] | null;
    aggregate_total: string | null;
    ledger_total: string | null;
    checked: number;
    mismatches: number;
    ledger_lines: number;
  }> = await m.query(
    `WITH ${ledgerAggregateSql(lines.where)},
     aggregate AS (
       SELECT p.employee_id, p.year, p.total_jp, p.formal_jp, p.social_jp, p.experiential_jp, p.monthly_jp, p.by_form, p.by_competency_kind
         FROM jp_person_year p WHERE ${rows.where}
     ),
     compared AS (
       SELECT coalesce(a.employee_id, p.employee_id) AS employee_id, coalesce(a.year, p.year) AS year,
              CASE WHEN p.employee_id IS NULL THEN 'missing' WHEN a.employee_id IS NULL THEN 'orphan' ELSE 'differs' END AS kind,
              CASE WHEN p.employee_id IS NULL OR a.employee_id IS NULL THEN ARRAY[]::text[]
                   ELSE array_remove(ARRAY[${fields.map(([name, cond]) => `CASE WHEN ${cond} THEN '${name}' END`).join(', ')}]::text[], NULL)
              END AS fields,
              p.total_jp AS aggregate_total, a.total_jp AS ledger_total
         FROM agg a FULL JOIN aggregate p ON p.employee_id = a.employee_id AND p.year = a.year
     ),
     bad AS (SELECT * FROM compared WHERE kind <> 'differs' OR cardinality(fields) > 0),
     counts AS (
       SELECT (SELECT count(*) FROM compared)::int AS checked, (SELECT count(*) FROM bad)::int AS mismatches,
              (SELECT count(*) FROM ledger)::int AS ledger_lines
     )
     SELECT b.employee_id, b.year, b.kind, b.fields, b.aggregate_total, b.ledger_total, c.*
       FROM counts c LEFT JOIN LATERAL (SELECT * FROM bad ORDER BY employee_id, year LIMIT ${MAX_LISTED}) b ON true`,
    [...lines.params, ...rows.params],
  );
  const [first] = result;
  const mismatches: JpConsistencyMismatch[] = result
    .filter((r) => r.employee_id !== null)
    .map((r) => ({
      employeeId: r.employee_id as string,
      year: r.year as number,
      kind: r.kind as JpConsistencyMismatch['kind'],
      fields: r.fields ?? [],
      aggregateTotalJp: r.aggregate_total === null ? null : Number(r.aggregate_total),
      ledgerTotalJp: r.ledger_total === null ? null : Number(r.ledger_total),
    }));
  return {
    consistent: first.mismatches === 0,
    personYearsChecked: first.checked,
    ledgerLines: first.ledger_lines,
    mismatchCount: first.mismatches,
    mismatches,
    checkedAt: new Date().toISOString(),
    durationMs: Date.now() - started,
  };
}
