import type { EntityManager } from 'typeorm';
import type { CompetencyKind, JpCalculation, JpChannel, JpSourceType } from '@kompeten/shared-contracts';

/**
 * The only writer of the JP ledger and of its per-person-year aggregate (docs/jp.md "Ledger", decision 0022).
 * Hand-written SQL: one insert and one upsert per credit, in the caller's transaction.
 */

export interface NewLedgerLine {
  employeeId: string;
  /** The ASN's agency when the line is written (its zone fixed `year` and `occurredOn`). */
  agencyId: string;
  /** Local year of `occurredOn` in the agency's zone. */
  year: number;
  /** Local date (`YYYY-MM-DD`) the learning ended. */
  occurredOn: string;
  /** Signed; a reversal carries the opposite of the line it reverses. */
  jp: number;
  jenisDiklatId: number;
  channel: JpChannel;
  competencyKind: CompetencyKind | null;
  sourceType: JpSourceType;
  sourceId: string;
  title: string;
  organiser: string | null;
  ruleSetId: string;
  calculation?: JpCalculation | null;
  reversesId?: string | null;
  reason?: string | null;
  recordedBy?: string | null;
}

/**
 * Appends one line: `INSERT … ON CONFLICT DO NOTHING` (a source credits at most once — `uq_jp_ledger_source`; a line is
 * reversed at most once — `uq_jp_ledger_reverses`) and, only when the row was inserted, in the same transaction, adds
 * it to `jp_person_year` for (employee, year): the total, the channel's column, the month of `occurredOn`, the form
 * and the competency kind. Answers the new line's id, or null when the source (or the reversal) was there already.
 * The caller runs it in a transaction, so a failure after the insert leaves neither the line nor the aggregate.
 */
export async function appendLedgerLine(m: EntityManager, line: NewLedgerLine): Promise<string | null> {
  const [row]: Array<{ id: string }> = await m.query(
    `INSERT INTO jp_ledger_line (employee_id, agency_id, year, occurred_on, jp, jenis_diklat_id, channel, competency_kind,
                                 source_type, source_id, title, organiser, rule_set_id, calculation, reverses_id, reason, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
     ON CONFLICT DO NOTHING
     RETURNING id`,
    [
      line.employeeId,
      line.agencyId,
      line.year,
      line.occurredOn,
      line.jp,
      line.jenisDiklatId,
      line.channel,
      line.competencyKind,
      line.sourceType,
      line.sourceId,
      line.title,
      line.organiser,
      line.ruleSetId,
      line.calculation ? JSON.stringify(line.calculation) : null,
      line.reversesId ?? null,
      line.reason ?? null,
      line.recordedBy ?? null,
    ],
  );
  if (!row) return null;
  await addToPersonYear(m, line);
  return row.id;
}

/** The aggregate's share of one line (month from `occurredOn`, 1-based for PostgreSQL arrays). */
async function addToPersonYear(m: EntityManager, line: NewLedgerLine): Promise<void> {
  const month = Number(line.occurredOn.slice(5, 7));
  await m.query(
    `INSERT INTO jp_person_year AS py (employee_id, year, total_jp, formal_jp, social_jp, experiential_jp, monthly_jp,
                                       by_form, by_competency_kind, updated_at)
     VALUES ($1, $2, $3::numeric,
             CASE WHEN $4 = 'formal' THEN $3::numeric ELSE 0 END,
             CASE WHEN $4 = 'social' THEN $3::numeric ELSE 0 END,
             CASE WHEN $4 = 'experiential' THEN $3::numeric ELSE 0 END,
             (SELECT array_agg(CASE WHEN i = $5 THEN $3::numeric ELSE 0 END ORDER BY i) FROM generate_series(1, 12) i),
             jsonb_build_object($6::text, $3::numeric),
             CASE WHEN $7::text IS NULL THEN '{}'::jsonb ELSE jsonb_build_object($7::text, $3::numeric) END,
             now())
     ON CONFLICT (employee_id, year) DO UPDATE SET
       total_jp = py.total_jp + $3::numeric,
       formal_jp = py.formal_jp + CASE WHEN $4 = 'formal' THEN $3::numeric ELSE 0 END,
       social_jp = py.social_jp + CASE WHEN $4 = 'social' THEN $3::numeric ELSE 0 END,
       experiential_jp = py.experiential_jp + CASE WHEN $4 = 'experiential' THEN $3::numeric ELSE 0 END,
       monthly_jp[$5] = coalesce(py.monthly_jp[$5], 0) + $3::numeric,
       by_form = py.by_form || jsonb_build_object($6::text, coalesce((py.by_form ->> $6::text)::numeric, 0) + $3::numeric),
       by_competency_kind = CASE WHEN $7::text IS NULL THEN py.by_competency_kind
         ELSE py.by_competency_kind || jsonb_build_object($7::text, coalesce((py.by_competency_kind ->> $7::text)::numeric, 0) + $3::numeric) END,
       updated_at = now()`,
    [line.employeeId, line.year, line.jp, line.channel, month, String(line.jenisDiklatId), line.competencyKind],
  );
}

/**
 * Serialises credits of one ASN and year (the per-year cap reads what the form already earned, then writes): two
 * verifications of one ASN's claims in parallel must not both see room under the cap.
 */
export async function lockPersonYear(m: EntityManager, employeeId: string, year: number): Promise<void> {
  await m.query(`SELECT pg_advisory_xact_lock(hashtextextended('jp-person-year:' || $1 || ':' || $2, 0))`, [
    employeeId,
    year,
  ]);
}

/** JP a form already earned for an ASN in a year, net of reversals. */
export async function earnedInYear(
  m: EntityManager,
  employeeId: string,
  year: number,
  jenisDiklatId: number,
): Promise<number> {
  const [row]: Array<{ jp: string }> = await m.query(
    `SELECT coalesce(sum(jp), 0) AS jp FROM jp_ledger_line WHERE employee_id = $1 AND year = $2 AND jenis_diklat_id = $3`,
    [employeeId, year, jenisDiklatId],
  );
  return Number(row.jp);
}

/** The credit (not a reversal) of a source, if it was written. */
export async function creditOfSource(
  m: EntityManager,
  sourceType: JpSourceType,
  sourceId: string,
): Promise<{ id: string; jp: number } | null> {
  const [row]: Array<{ id: string; jp: string }> = await m.query(
    `SELECT id, jp FROM jp_ledger_line WHERE source_type = $1 AND source_id = $2 AND reverses_id IS NULL`,
    [sourceType, sourceId],
  );
  return row ? { id: row.id, jp: Number(row.jp) } : null;
}

export interface LedgerLineRow {
  id: string;
  employee_id: string;
  agency_id: string;
  year: number;
  occurred_on: string;
  jp: string;
  jenis_diklat_id: number;
  channel: JpChannel;
  competency_kind: CompetencyKind | null;
  source_type: JpSourceType;
  source_id: string;
  title: string;
  organiser: string | null;
  rule_set_id: string;
  rule_set_effective_from: string;
  rule_set_agency_name: string | null;
  calculation: JpCalculation | null;
  reverses_id: string | null;
  reversed_by_id: string | null;
  reason: string | null;
  created_at: Date;
}

const LINE_COLUMNS = `l.id, l.employee_id, l.agency_id, l.year, to_char(l.occurred_on, 'YYYY-MM-DD') AS occurred_on, l.jp,
  l.jenis_diklat_id, l.channel, l.competency_kind, l.source_type, l.source_id, l.title, l.organiser, l.rule_set_id,
  to_char(rs.effective_from, 'YYYY-MM-DD') AS rule_set_effective_from, a.name AS rule_set_agency_name, l.calculation,
  l.reverses_id, (SELECT r.id FROM jp_ledger_line r WHERE r.reverses_id = l.id) AS reversed_by_id, l.reason, l.created_at`;
const LINE_FROM = `jp_ledger_line l JOIN jp_rule_set rs ON rs.id = l.rule_set_id LEFT JOIN organisation_agency a ON a.id = rs.agency_id`;

/** One line, locked for a correction when `lock` (the reversal checks it is not reversed yet in the same transaction). */
export async function findLine(m: EntityManager, id: string, lock = false): Promise<LedgerLineRow | null> {
  if (lock) await m.query(`SELECT 1 FROM jp_ledger_line WHERE id = $1 FOR UPDATE`, [id]);
  const [row]: LedgerLineRow[] = await m.query(`SELECT ${LINE_COLUMNS} FROM ${LINE_FROM} WHERE l.id = $1`, [id]);
  return row ?? null;
}

/** An ASN's lines, newest day first (a year, or every year), with how many there are. */
export async function listLines(
  m: EntityManager,
  employeeId: string,
  year: number | null,
  page: { limit: number; offset: number },
): Promise<{ total: number; rows: LedgerLineRow[] }> {
  const where = `l.employee_id = $1 AND ($2::int IS NULL OR l.year = $2::int)`;
  const [{ total }]: Array<{ total: number }> = await m.query(
    `SELECT count(*)::int AS total FROM jp_ledger_line l WHERE ${where}`,
    [employeeId, year],
  );
  const rows: LedgerLineRow[] = await m.query(
    `SELECT ${LINE_COLUMNS} FROM ${LINE_FROM} WHERE ${where}
      ORDER BY l.occurred_on DESC, l.created_at DESC, l.id LIMIT $3 OFFSET $4`,
    [employeeId, year, page.limit, page.offset],
  );
  return { total, rows };
}
