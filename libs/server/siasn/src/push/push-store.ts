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
    certificateId?: string | null;
    personName?: string | null;
  },
): Promise<string> {
  const rows: Array<{ id: string }> = await m.query(
    `INSERT INTO siasn_push (source_type, source_id, employee_id, agency_id, nip, instansi_id, completion,
       certificate_id, person_name)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (source_type, source_id) DO UPDATE SET source_type = siasn_push.source_type
     RETURNING id`,
    [
      p.sourceType,
      p.sourceId,
      p.employeeId,
      p.agencyId,
      p.nip,
      p.instansiId,
      JSON.stringify(p.completion),
      p.certificateId ?? null,
      p.personName ?? null,
    ],
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

/** The record is SIASN's: its certificate PDF is due for upload when there is a certificate to upload. */
export async function markAcknowledged(
  m: EntityManager,
  id: string,
  recordId: string,
  adopted: boolean,
): Promise<void> {
  await m.query(
    `UPDATE siasn_push SET status = 'acknowledged', siasn_record_id = $2, adopted = $3, uncertain = false,
            last_error = NULL, lease_until = NULL, acknowledged_at = now(), updated_at = now(),
            document_status = CASE WHEN certificate_id IS NULL THEN document_status
                                   ELSE COALESCE(document_status, 'pending') END,
            document_next_at = CASE WHEN certificate_id IS NULL THEN document_next_at ELSE now() END
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

/**
 * A person fixed the cause: the parked or failed push goes again now (its history is kept: attempts, uncertain), and
 * so does a parked or failed document upload of an acknowledged push. Idempotent: anything else is left alone.
 */
export async function requeuePush(m: EntityManager, id: string): Promise<boolean> {
  const result: unknown = await m.query(
    `UPDATE siasn_push SET status = CASE WHEN uncertain THEN 'sent' ELSE 'pending' END, next_attempt_at = now(),
            attempts = 0, lease_until = NULL, updated_at = now()
      WHERE id = $1 AND status IN ('parked', 'failed') RETURNING id`,
    [id],
  );
  const docs: unknown = await m.query(
    `UPDATE siasn_push SET document_status = 'pending', document_next_at = now(), document_attempts = 0,
            document_lease_until = NULL, updated_at = now()
      WHERE id = $1 AND status = 'acknowledged' AND document_status IN ('parked', 'failed') RETURNING id`,
    [id],
  );
  return returnedRows(result).length + returnedRows(docs).length > 0;
}

/** Every parked or failed push (and document upload) of an agency goes again now; returns how many. */
export async function requeueAgency(m: EntityManager, agencyId: string): Promise<number> {
  const result: unknown = await m.query(
    `UPDATE siasn_push SET status = CASE WHEN uncertain THEN 'sent' ELSE 'pending' END, next_attempt_at = now(),
            attempts = 0, lease_until = NULL, updated_at = now()
      WHERE agency_id = $1 AND status IN ('parked', 'failed') RETURNING id`,
    [agencyId],
  );
  const docs: unknown = await m.query(
    `UPDATE siasn_push SET document_status = 'pending', document_next_at = now(), document_attempts = 0,
            document_lease_until = NULL, updated_at = now()
      WHERE agency_id = $1 AND status = 'acknowledged' AND document_status IN ('parked', 'failed') RETURNING id`,
    [agencyId],
  );
  return returnedRows(result).length + returnedRows(docs).length;
}

/** Fills in the agency's instansiId on pushes made before it was recorded (read again at resend). */
export async function refreshInstansiId(m: EntityManager, agencyId: string, instansiId: string): Promise<void> {
  await m.query(
    `UPDATE siasn_push SET instansi_id = $2 WHERE agency_id = $1 AND instansi_id = '' AND status <> 'acknowledged'`,
    [agencyId, instansiId],
  );
}

// ---- the document upload step --------------------------------------------------------------------------------

export interface DocumentPushRow {
  id: string;
  agencyId: string;
  certificateId: string;
  siasnRecordId: string;
  documentAttempts: number;
  completion: SiasnCompletion;
}

/** Takes an acknowledged push's document upload for one attempt (due, not uploaded, not held by another worker). */
export async function claimDocument(m: EntityManager, id: string, leaseMs: number): Promise<DocumentPushRow | null> {
  const result: unknown = await m.query(
    `UPDATE siasn_push SET document_lease_until = now() + make_interval(secs => $2::float8 / 1000),
            document_attempts = document_attempts + 1, updated_at = now()
      WHERE id = $1 AND status = 'acknowledged' AND document_status IN ('pending', 'failed')
        AND certificate_id IS NOT NULL AND siasn_record_id IS NOT NULL AND document_next_at <= now()
        AND (document_lease_until IS NULL OR document_lease_until < now())
      RETURNING id, agency_id AS "agencyId", certificate_id AS "certificateId", siasn_record_id AS "siasnRecordId",
                document_attempts AS "documentAttempts", completion`,
    [id, leaseMs],
  );
  return returnedRows<DocumentPushRow>(result)[0] ?? null;
}

export async function dueDocumentIds(m: EntityManager, limit: number): Promise<string[]> {
  const rows: Array<{ id: string }> = await m.query(
    `SELECT id FROM siasn_push
      WHERE document_status IN ('pending', 'failed') AND document_next_at <= now() AND status = 'acknowledged'
        AND (document_lease_until IS NULL OR document_lease_until < now())
      ORDER BY document_next_at LIMIT $1`,
    [limit],
  );
  return rows.map((r) => r.id);
}

export async function markDocumentUploaded(m: EntityManager, id: string): Promise<void> {
  await m.query(
    `UPDATE siasn_push SET document_status = 'uploaded', document_error = NULL, document_lease_until = NULL,
            document_uploaded_at = now(), updated_at = now()
      WHERE id = $1`,
    [id],
  );
}

export async function markDocumentRetry(m: EntityManager, id: string, error: string, delayMs: number): Promise<void> {
  await m.query(
    `UPDATE siasn_push SET document_status = 'failed', document_error = $2, document_lease_until = NULL,
            document_next_at = now() + make_interval(secs => $3::float8 / 1000), updated_at = now()
      WHERE id = $1`,
    [id, error.slice(0, 1000), delayMs],
  );
}

export async function markDocumentParked(m: EntityManager, id: string, reason: string): Promise<void> {
  await m.query(
    `UPDATE siasn_push SET document_status = 'parked', document_error = $2, document_lease_until = NULL,
            updated_at = now()
      WHERE id = $1`,
    [id, reason.slice(0, 1000)],
  );
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

/**
 * A certificate was re-issued for the source (a new number, the old one revoked): the push takes the new content and
 * goes again, updating SIASN's record when it has one (its document too). Only when no attempt holds the push and no
 * create may be in flight unacknowledged (its read-back looks for the number it sent); false otherwise, to try later.
 */
export async function replaceCertificate(
  m: EntityManager,
  id: string,
  c: { completion: SiasnCompletion; certificateId: string; personName: string | null },
): Promise<boolean> {
  const result: unknown = await m.query(
    `UPDATE siasn_push SET completion = $2, certificate_id = $3, person_name = $4,
            status = CASE WHEN status = 'acknowledged' OR status = 'parked' THEN 'pending' ELSE status END,
            attempts = 0, last_error = NULL, next_attempt_at = now(), document_status = NULL, document_attempts = 0,
            document_error = NULL, document_next_at = NULL, updated_at = now()
      WHERE id = $1 AND certificate_id IS DISTINCT FROM $3
        AND (lease_until IS NULL OR lease_until < now())
        AND (document_lease_until IS NULL OR document_lease_until < now())
        AND NOT (uncertain AND siasn_record_id IS NULL)
      RETURNING id`,
    [id, JSON.stringify(c.completion), c.certificateId, c.personName],
  );
  return returnedRows(result).length > 0;
}

/** The certificate a push carries now (null: none, or an unknown push). */
export async function pushCertificateId(m: EntityManager, id: string): Promise<string | null> {
  const [row]: Array<{ certificate_id: string | null }> = await m.query(
    `SELECT certificate_id FROM siasn_push WHERE id = $1`,
    [id],
  );
  return row?.certificate_id ?? null;
}
