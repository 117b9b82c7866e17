import type { EntityManager } from 'typeorm';
import { returnedRows } from '@kompeten/server-core';
import type { SiasnCompletion } from '../mapping/kursus-mapping';
import type { SiasnPushStatus } from '../entities/siasn-push.entity';

/** A push as the delivery reads it. */
export interface PushRow {
  id: string;
  agencyId: string;
  nip: string;
  instansiId: string;
  completion: SiasnCompletion;
  status: SiasnPushStatus;
  attempts: number;
  uncertain: boolean;
  pnsOrangId: string | null;
  siasnRecordId: string | null;
}

const COLUMNS = `id, agency_id AS "agencyId", nip, instansi_id AS "instansiId", completion, status, attempts, uncertain,
  pns_orang_id AS "pnsOrangId", siasn_record_id AS "siasnRecordId"`;

/** Creates the push of a source once; a second call for the same source changes nothing. Returns the push id. */
export async function insertPush(
  m: EntityManager,
  p: {
    sourceType: string;
    sourceId: string;
    employeeId: string;
    agencyId: string;
    nip: string;
    instansiId: string;
    completion: SiasnCompletion;
  },
): Promise<string> {
  const rows: Array<{ id: string }> = await m.query(
    `INSERT INTO siasn_push (source_type, source_id, employee_id, agency_id, nip, instansi_id, completion)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (source_type, source_id) DO UPDATE SET source_type = siasn_push.source_type
     RETURNING id`,
    [p.sourceType, p.sourceId, p.employeeId, p.agencyId, p.nip, p.instansiId, JSON.stringify(p.completion)],
  );
  return rows[0].id;
}

/**
 * Takes a push for one attempt: only when it is due, not delivered or parked, and not held by another worker (whose
 * lease has not run out). Counts the attempt. Null when someone else has it or there is nothing to do.
 */
export async function claimPush(m: EntityManager, id: string, leaseMs: number): Promise<PushRow | null> {
  const result: unknown = await m.query(
    `UPDATE siasn_push SET lease_until = now() + make_interval(secs => $2::float8 / 1000), attempts = attempts + 1,
            updated_at = now()
      WHERE id = $1 AND status IN ('pending', 'sent', 'failed') AND next_attempt_at <= now()
        AND (lease_until IS NULL OR lease_until < now())
      RETURNING ${COLUMNS}`,
    [id, leaseMs],
  );
  return returnedRows<PushRow>(result)[0] ?? null;
}

/** Pushes due now (oldest first), for the sweep that re-drives whatever is pending after any outage. */
export async function duePushIds(m: EntityManager, limit: number): Promise<string[]> {
  const rows: Array<{ id: string }> = await m.query(
    `SELECT id FROM siasn_push
      WHERE status IN ('pending', 'sent', 'failed') AND next_attempt_at <= now()
        AND (lease_until IS NULL OR lease_until < now())
      ORDER BY next_attempt_at LIMIT $1`,
    [limit],
  );
  return rows.map((r) => r.id);
}

export async function savePnsOrangId(m: EntityManager, id: string, pnsOrangId: string): Promise<void> {
  await m.query(`UPDATE siasn_push SET pns_orang_id = $2, updated_at = now() WHERE id = $1`, [id, pnsOrangId]);
}

/** Written before the save is sent: if the worker dies now, the next attempt knows to read back first. */
export async function markSent(m: EntityManager, id: string): Promise<void> {
  await m.query(`UPDATE siasn_push SET status = 'sent', uncertain = true, updated_at = now() WHERE id = $1`, [id]);
}

export async function markAcknowledged(
  m: EntityManager,
  id: string,
  recordId: string,
  adopted: boolean,
): Promise<void> {
  await m.query(
    `UPDATE siasn_push SET status = 'acknowledged', siasn_record_id = $2, adopted = $3, uncertain = false,
            last_error = NULL, lease_until = NULL, acknowledged_at = now(), updated_at = now()
      WHERE id = $1`,
    [id, recordId, adopted],
  );
}

/**
 * Schedules another attempt after `delayMs`. `uncertain` stays true once a save may have landed (only an
 * acknowledgement clears it), so the retry reads back first.
 */
export async function markRetry(
  m: EntityManager,
  id: string,
  o: { error: string; delayMs: number; uncertain: boolean },
): Promise<void> {
  await m.query(
    `UPDATE siasn_push SET status = CASE WHEN $4 OR uncertain THEN 'sent' ELSE 'failed' END,
            uncertain = uncertain OR $4, last_error = $2, lease_until = NULL,
            next_attempt_at = now() + make_interval(secs => $3::float8 / 1000), updated_at = now()
      WHERE id = $1`,
    [id, o.error.slice(0, 1000), o.delayMs, o.uncertain],
  );
}

export async function markParked(m: EntityManager, id: string, reason: string): Promise<void> {
  await m.query(
    `UPDATE siasn_push SET status = 'parked', last_error = $2, lease_until = NULL, updated_at = now() WHERE id = $1`,
    [id, reason.slice(0, 1000)],
  );
}

/** A person fixed the cause: the parked or failed push goes again now (its history is kept: attempts, uncertain). */
export async function requeuePush(m: EntityManager, id: string): Promise<boolean> {
  const result: unknown = await m.query(
    `UPDATE siasn_push SET status = CASE WHEN uncertain THEN 'sent' ELSE 'pending' END, next_attempt_at = now(),
            lease_until = NULL, updated_at = now()
      WHERE id = $1 AND status IN ('parked', 'failed') RETURNING id`,
    [id],
  );
  return returnedRows(result).length > 0;
}

/** Counts per status (for the bench, tests and the admin page). */
export async function pushCounts(m: EntityManager, agencyId?: string): Promise<Record<SiasnPushStatus, number>> {
  const rows: Array<{ status: SiasnPushStatus; n: string }> = await m.query(
    `SELECT status, count(*) AS n FROM siasn_push WHERE ($1::uuid IS NULL OR agency_id = $1) GROUP BY status`,
    [agencyId ?? null],
  );
  const counts = { pending: 0, sent: 0, acknowledged: 0, failed: 0, parked: 0 };
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}
