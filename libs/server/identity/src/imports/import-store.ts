import { returnedRows } from '@kompeten/server-core';
import type { DataSource, EntityManager } from 'typeorm';
import type { ImportEntryOutcome } from '@kompeten/shared-contracts';
import type { ImportEntryFilter } from '../dto/import.dto';

/**
 * Hand-written SQL for CSV imports of ASN (`employee_import` and its one `employee_import_entry` per data line): what
 * the import view and its report read, and the runner's bookkeeping (claiming a run, the lines already recorded, the
 * outcomes, the counts). The employee writes of a batch are import-employee-store.ts; the rules are
 * employee-import.service.ts and employee-import.runner.ts.
 */

/** A DataSource (one statement on a pooled connection) or the caller's transaction manager. */
type Db = DataSource | EntityManager;

/** A refused row or a warning. */
const PROBLEM = `(outcome = 'failed' OR warning IS NOT NULL)`;

/** The entries each filter of the entries API and the report selects. */
const ENTRY_FILTERS: Record<ImportEntryFilter, string> = {
  problems: PROBLEM,
  failed: `outcome = 'failed'`,
  warnings: `warning IS NOT NULL`,
  created: `outcome = 'created'`,
  updated: `outcome = 'updated'`,
  unchanged: `outcome = 'unchanged'`,
  all: 'true',
};

/** One line's outcome as recorded. */
export interface EntryRow {
  line: number;
  nip: string | null;
  outcome: ImportEntryOutcome;
  reason_code: string | null;
  reason: string | null;
  changed_fields: string[] | null;
  warning_code: string | null;
  warning: string | null;
}

// ---- the import view and its report ------------------------------------------------------------

/** How many refused rows per reason and warnings per kind an import has, most frequent first, in one statement. */
export async function selectReasonCounts(
  m: EntityManager,
  importId: string,
): Promise<Array<{ kind: 'error' | 'warning'; code: string; count: number }>> {
  return m.query(
    `SELECT 'error' AS kind, reason_code AS code, count(*)::int AS count FROM employee_import_entry WHERE import_id = $1 AND outcome = 'failed' GROUP BY reason_code
     UNION ALL
     SELECT 'warning', warning_code, count(*)::int FROM employee_import_entry WHERE import_id = $1 AND warning IS NOT NULL GROUP BY warning_code
     ORDER BY count DESC, code`,
    [importId],
  );
}

/** The first `limit` refused rows and warnings of an import, by line. */
export async function selectFirstProblems(m: EntityManager, importId: string, limit: number): Promise<EntryRow[]> {
  return m.query(`SELECT * FROM employee_import_entry WHERE import_id = $1 AND ${PROBLEM} ORDER BY line LIMIT $2`, [
    importId,
    limit,
  ]);
}

/** A page of an import's entries by line, with the filter's total (two statements). */
export async function selectEntriesPage(
  db: Db,
  importId: string,
  filter: ImportEntryFilter,
  page: { limit: number; offset: number },
): Promise<{ total: number; rows: EntryRow[] }> {
  const where = `import_id = $1 AND ${ENTRY_FILTERS[filter]}`;
  const [{ total }]: Array<{ total: number }> = await db.query(
    `SELECT count(*)::int AS total FROM employee_import_entry WHERE ${where}`,
    [importId],
  );
  const rows: EntryRow[] = await db.query(
    `SELECT * FROM employee_import_entry WHERE ${where} ORDER BY line LIMIT $2 OFFSET $3`,
    [importId, page.limit, page.offset],
  );
  return { total, rows };
}

/** Up to 2000 entries after `afterLine`, by line: keyset pagination, so a 60,000-line report needs constant memory. */
export async function selectEntriesAfter(
  db: Db,
  importId: string,
  filter: ImportEntryFilter,
  afterLine: number,
): Promise<EntryRow[]> {
  return db.query(
    `SELECT * FROM employee_import_entry WHERE import_id = $1 AND line > $2 AND ${ENTRY_FILTERS[filter]} ORDER BY line LIMIT 2000`,
    [importId, afterLine],
  );
}

// ---- the runner's bookkeeping ------------------------------------------------------------------

/**
 * Claims a run: a queued import (or one a crashed run left `running`) becomes `running`, keeping its first start.
 * False when the import is finished or unknown, so a repeated job does nothing.
 */
export async function claimImportRun(db: Db, importId: string): Promise<boolean> {
  const claimed: unknown = await db.query(
    `UPDATE employee_import SET status = 'running', started_at = coalesce(started_at, now()), message = NULL
        WHERE id = $1 AND status IN ('queued', 'running') RETURNING id`,
    [importId],
  );
  return returnedRows<{ id: string }>(claimed).length > 0;
}

export interface ImportCounts {
  createdCount: number;
  updatedCount: number;
  unchangedCount: number;
  failedCount: number;
  warningCount: number;
}

/** Counts of an import, computed from its entries (the single source of truth), in one statement. */
export async function countImportEntries(m: Db, importId: string): Promise<ImportCounts> {
  const [r]: Array<{ created: number; updated: number; unchanged: number; failed: number; warnings: number }> =
    await m.query(
      `SELECT count(*) FILTER (WHERE outcome = 'created')::int AS created, count(*) FILTER (WHERE outcome = 'updated')::int AS updated,
              count(*) FILTER (WHERE outcome = 'unchanged')::int AS unchanged, count(*) FILTER (WHERE outcome = 'failed')::int AS failed,
              count(*) FILTER (WHERE warning IS NOT NULL)::int AS warnings
         FROM employee_import_entry WHERE import_id = $1`,
      [importId],
    );
  return {
    createdCount: r.created,
    updatedCount: r.updated,
    unchangedCount: r.unchanged,
    failedCount: r.failed,
    warningCount: r.warnings,
  };
}

/** Marks a queued or running import failed with its message and final counts (the job gave up). */
export async function markImportGaveUp(
  db: Db,
  importId: string,
  [message, messageEn]: [string, string],
  counts: ImportCounts,
): Promise<void> {
  await db.query(
    `UPDATE employee_import SET status = 'failed', message = $2, message_en = $8, finished_at = now(),
              created_count = $3, updated_count = $4, unchanged_count = $5, failed_count = $6, warning_count = $7
        WHERE id = $1 AND status IN ('queued', 'running')`,
    [
      importId,
      message,
      counts.createdCount,
      counts.updatedCount,
      counts.unchangedCount,
      counts.failedCount,
      counts.warningCount,
      messageEn,
    ],
  );
}

/** The outcomes an earlier run already recorded for these lines (a retried job leaves them alone). */
export async function selectRecordedLines(
  m: EntityManager,
  importId: string,
  lines: number[],
): Promise<Array<{ line: number; outcome: ImportEntryOutcome }>> {
  return m.query<Array<{ line: number; outcome: ImportEntryOutcome }>>(
    `SELECT line, outcome FROM employee_import_entry WHERE import_id = $1 AND line = ANY($2::int[])`,
    [importId, lines],
  );
}

/** One line's outcome to record; `changed` lists the CSV columns an update changed. */
export interface NewImportEntry {
  line: number;
  nip: string | null;
  outcome: ImportEntryOutcome;
  code: string | null;
  reason: string | null;
  changed: string[] | null;
}

/**
 * Records a batch's outcomes in one statement (arrays unnested); a line already recorded is skipped, so a retried
 * batch never records a line twice. `changed` travels as a comma list ('' for none).
 */
export async function insertImportEntries(
  m: EntityManager,
  importId: string,
  entries: readonly NewImportEntry[],
): Promise<void> {
  await m.query(
    `INSERT INTO employee_import_entry (import_id, line, nip, outcome, reason_code, reason, changed_fields)
           SELECT $1, t.line, t.nip, t.outcome, t.code, t.reason, CASE WHEN t.changed = '' THEN NULL ELSE string_to_array(t.changed, ',') END
             FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS t(line, nip, outcome, code, reason, changed)
           ON CONFLICT (import_id, line) DO NOTHING`,
    [
      importId,
      entries.map((e) => e.line),
      entries.map((e) => e.nip),
      entries.map((e) => e.outcome),
      entries.map((e) => e.code),
      entries.map((e) => e.reason),
      entries.map((e) => e.changed?.join(',') ?? ''),
    ],
  );
}

/** The progress the import view shows while the run goes on, written with each batch. */
export async function updateImportProgress(
  m: EntityManager,
  importId: string,
  c: { processed: number; created: number; updated: number; unchanged: number; failed: number },
): Promise<void> {
  await m.query(
    `UPDATE employee_import SET processed_rows = $2, created_count = $3, updated_count = $4, unchanged_count = $5, failed_count = $6 WHERE id = $1`,
    [importId, c.processed, c.created, c.updated, c.unchanged, c.failed],
  );
}

/** Ids of imports that failed or refused rows in the last 30 days, newest first (the attention panel). */
export async function pageImportsNeedingAttention(
  db: Db,
  f: { agencyIds: string[] | null; uploaderId: string | null; limit: number; offset: number },
): Promise<{ total: number; ids: string[] }> {
  const params: unknown[] = [];
  const where = [
    `(status = 'failed' OR (status = 'completed' AND failed_count > 0))`,
    `created_at > now() - interval '30 days'`,
  ];
  if (f.uploaderId) {
    params.push(f.uploaderId);
    where.push(`created_by = $${params.length}`);
  } else if (f.agencyIds) {
    params.push(f.agencyIds);
    where.push(`agency_id = ANY($${params.length}::uuid[])`);
  }
  const cond = where.join(' AND ');
  const [{ total }]: Array<{ total: number }> = await db.query(
    `SELECT count(*)::int AS total FROM employee_import WHERE ${cond}`,
    params,
  );
  const rows: Array<{ id: string }> = await db.query(
    `SELECT id FROM employee_import WHERE ${cond} ORDER BY created_at DESC, id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, f.limit, f.offset],
  );
  return { total, ids: rows.map((r) => r.id) };
}
