import type { EntityManager } from 'typeorm';
import { returnedRows } from '@kompeten/server-core';
import type { SiasnDifferenceKind } from '@kompeten/shared-contracts';
import type { SiasnCompletion } from '../mapping/kursus-mapping';

export interface RunRow {
  id: string;
  agencyId: string;
  status: 'requested' | 'running' | 'done' | 'failed';
  requestedAt: Date;
  finishedAt: Date | null;
  checked: number;
  differences: number;
  error: string | null;
}

const RUN_COLUMNS = `id, agency_id AS "agencyId", status, requested_at AS "requestedAt", finished_at AS "finishedAt",
  checked, differences, error`;

/** Requests a run for the agency; when one is already waiting or running, that one is answered (created false). */
export async function requestRun(
  m: EntityManager,
  agencyId: string,
  requestedBy: string | null,
): Promise<{ run: RunRow; created: boolean }> {
  const inserted: RunRow[] = await m.query(
    `INSERT INTO siasn_reconciliation_run (agency_id, requested_by) VALUES ($1, $2)
     ON CONFLICT (agency_id) WHERE status IN ('requested','running') DO NOTHING RETURNING ${RUN_COLUMNS}`,
    [agencyId, requestedBy],
  );
  if (inserted[0]) return { run: inserted[0], created: true };
  const [open]: RunRow[] = await m.query(
    `SELECT ${RUN_COLUMNS} FROM siasn_reconciliation_run WHERE agency_id = $1 AND status IN ('requested','running')`,
    [agencyId],
  );
  return { run: open, created: false };
}

/** Requests a run for every agency with acknowledged pushes (the daily schedule); returns how many were requested. */
export async function requestRunsForAllAgencies(m: EntityManager): Promise<number> {
  const rows: unknown[] = await m.query(
    `INSERT INTO siasn_reconciliation_run (agency_id)
     SELECT DISTINCT agency_id FROM siasn_push WHERE status = 'acknowledged'
     ON CONFLICT (agency_id) WHERE status IN ('requested','running') DO NOTHING RETURNING id`,
  );
  return rows.length;
}

/** Takes the oldest requested run (or a running one whose worker's lease ran out). */
export async function claimRun(m: EntityManager, leaseMs: number): Promise<RunRow | null> {
  const result: unknown = await m.query(
    `UPDATE siasn_reconciliation_run SET status = 'running', started_at = now(),
            lease_until = now() + make_interval(secs => $1::float8 / 1000)
      WHERE id = (SELECT id FROM siasn_reconciliation_run
                   WHERE status = 'requested' OR (status = 'running' AND lease_until < now())
                   ORDER BY requested_at LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING ${RUN_COLUMNS}`,
    [leaseMs],
  );
  return returnedRows<RunRow>(result)[0] ?? null;
}

export interface SentRecord {
  pushId: string;
  nip: string;
  siasnRecordId: string;
  completion: SiasnCompletion;
}

/** What the agency sent and SIASN acknowledged, grouped by the caller per NIP. */
export async function acknowledgedPushes(m: EntityManager, agencyId: string): Promise<SentRecord[]> {
  return m.query(
    `SELECT id AS "pushId", nip, siasn_record_id AS "siasnRecordId", completion FROM siasn_push
      WHERE agency_id = $1 AND status = 'acknowledged' AND siasn_record_id IS NOT NULL ORDER BY nip, created_at`,
    [agencyId],
  );
}

export interface DifferenceInput {
  pushId: string;
  nip: string;
  certificateNumber: string;
  kind: SiasnDifferenceKind;
  detail: string;
}

export async function insertDifferences(m: EntityManager, runId: string, items: DifferenceInput[]): Promise<void> {
  if (!items.length) return;
  await m.query(
    `INSERT INTO siasn_reconciliation_item (run_id, push_id, nip, certificate_number, kind, detail)
     SELECT $1, x.push_id, x.nip, x.certificate_number, x.kind, x.detail
       FROM jsonb_to_recordset($2::jsonb) AS x(push_id uuid, nip text, certificate_number text, kind text, detail text)`,
    [
      runId,
      JSON.stringify(
        items.map((i) => ({
          push_id: i.pushId,
          nip: i.nip,
          certificate_number: i.certificateNumber,
          kind: i.kind,
          detail: i.detail,
        })),
      ),
    ],
  );
}

export async function finishRun(
  m: EntityManager,
  id: string,
  o: { status: 'done' | 'failed'; checked: number; differences: number; error: string | null },
): Promise<void> {
  await m.query(
    `UPDATE siasn_reconciliation_run SET status = $2, checked = $3, differences = $4, error = $5, finished_at = now(),
            lease_until = NULL
      WHERE id = $1`,
    [id, o.status, o.checked, o.differences, o.error],
  );
}

/** The agency's newest run (open or finished). */
export async function latestRun(m: EntityManager, agencyId: string): Promise<RunRow | null> {
  const [row]: RunRow[] = await m.query(
    `SELECT ${RUN_COLUMNS} FROM siasn_reconciliation_run WHERE agency_id = $1 ORDER BY requested_at DESC LIMIT 1`,
    [agencyId],
  );
  return row ?? null;
}

/** The agency's newest finished run. */
export async function latestFinishedRun(m: EntityManager, agencyId: string): Promise<RunRow | null> {
  const [row]: RunRow[] = await m.query(
    `SELECT ${RUN_COLUMNS} FROM siasn_reconciliation_run WHERE agency_id = $1 AND status IN ('done','failed')
      ORDER BY finished_at DESC LIMIT 1`,
    [agencyId],
  );
  return row ?? null;
}

export async function runItems(
  m: EntityManager,
  runId: string,
  limit: number,
  offset: number,
): Promise<
  Array<{
    id: string;
    pushId: string;
    nip: string;
    certificateNumber: string;
    kind: SiasnDifferenceKind;
    detail: string;
  }>
> {
  return m.query(
    `SELECT id, push_id AS "pushId", nip, certificate_number AS "certificateNumber", kind, detail
       FROM siasn_reconciliation_item WHERE run_id = $1 ORDER BY nip, certificate_number, id LIMIT $2 OFFSET $3`,
    [runId, limit, offset],
  );
}
