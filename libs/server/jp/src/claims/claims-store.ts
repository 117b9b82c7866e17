import type { EntityManager } from 'typeorm';
import type { CompetencyKind, DeliveryMode, JpClaimStatus, JpClaimVerifier, JpUnit } from '@kompeten/shared-contracts';

/**
 * The SQL of external-learning claims (jp_claim). Claimants' names, units and supervisors come from identity's and
 * organisation's published views; whether the credit was reversed, from the ledger.
 */

export interface ClaimRow {
  id: string;
  employee_id: string;
  agency_id: string;
  jenis_diklat_id: number;
  title: string;
  organiser: string;
  start_date: string;
  end_date: string;
  unit: JpUnit;
  quantity: string;
  delivery_mode: DeliveryMode;
  competency_kind: CompetencyKind | null;
  certificate_number: string | null;
  evidence_key: string | null;
  evidence_name: string | null;
  evidence_mime: string | null;
  evidence_size: number | null;
  status: JpClaimStatus;
  verifier: JpClaimVerifier;
  decided_at: Date | null;
  decision_reason: string | null;
  ledger_line_id: string | null;
  credited_jp: string | null;
  created_at: Date;
  reversed: boolean;
  // The claimant now (identity_employee, organisation_work_unit).
  nip: string;
  full_name: string;
  front_title: string | null;
  back_title: string | null;
  employee_agency_id: string;
  supervisor_id: string | null;
  unit_path: string | null;
  unit_name: string | null;
}

const CLAIM_COLUMNS = `c.id, c.employee_id, c.agency_id, c.jenis_diklat_id, c.title, c.organiser,
  to_char(c.start_date, 'YYYY-MM-DD') AS start_date, to_char(c.end_date, 'YYYY-MM-DD') AS end_date, c.unit, c.quantity,
  c.delivery_mode, c.competency_kind, c.certificate_number, c.evidence_key, c.evidence_name, c.evidence_mime,
  c.evidence_size, c.status, c.verifier, c.decided_at, c.decision_reason, c.ledger_line_id, c.credited_jp, c.created_at,
  EXISTS (SELECT 1 FROM jp_ledger_line r WHERE r.reverses_id = c.ledger_line_id) AS reversed,
  e.nip, e.full_name, e.front_title, e.back_title, e.agency_id AS employee_agency_id, e.supervisor_id,
  u.path AS unit_path, u.name AS unit_name`;
const CLAIM_FROM = `jp_claim c JOIN identity_employee e ON e.id = c.employee_id
  LEFT JOIN organisation_work_unit u ON u.id = e.unit_id`;

/** A claim with its claimant; `lock` takes the claim's row lock (a decision). */
export async function findClaim(m: EntityManager, id: string, lock = false): Promise<ClaimRow | null> {
  if (lock) await m.query(`SELECT 1 FROM jp_claim WHERE id = $1 FOR UPDATE`, [id]);
  const [row]: ClaimRow[] = await m.query(`SELECT ${CLAIM_COLUMNS} FROM ${CLAIM_FROM} WHERE c.id = $1`, [id]);
  return row ?? null;
}

/**
 * Claims matching `where` (a condition over c, e, u whose parameters are in `params`), and a status, with their count.
 * Pending claims come oldest first (a queue); decided ones newest first.
 */
export async function listClaims(
  m: EntityManager,
  where: string,
  params: unknown[],
  status: JpClaimStatus | null,
  page: { limit: number; offset: number },
): Promise<{ total: number; rows: ClaimRow[] }> {
  const all = [...params, status];
  const cond = `${where} AND ($${all.length}::text IS NULL OR c.status = $${all.length}::text)`;
  const [{ total }]: Array<{ total: number }> = await m.query(
    `SELECT count(*)::int AS total FROM ${CLAIM_FROM} WHERE ${cond}`,
    all,
  );
  const order = status === 'pending' ? 'c.created_at ASC, c.id' : 'c.created_at DESC, c.id';
  const rows: ClaimRow[] = await m.query(
    `SELECT ${CLAIM_COLUMNS} FROM ${CLAIM_FROM} WHERE ${cond} ORDER BY ${order}
      LIMIT $${all.length + 1} OFFSET $${all.length + 2}`,
    [...all, page.limit, page.offset],
  );
  return { total, rows };
}

export interface DuplicateClaim {
  id: string;
  status: JpClaimStatus;
  by: 'certificate' | 'activity';
}

/** A claim of the ASN, not rejected, with the same certificate key or the same activity key. */
export async function findDuplicateClaim(
  m: EntityManager,
  employeeId: string,
  certificateKey: string | null,
  activityKey: string,
): Promise<DuplicateClaim | null> {
  const [row]: Array<{ id: string; status: JpClaimStatus; by: 'certificate' | 'activity' }> = await m.query(
    `SELECT id, status, CASE WHEN $2::text IS NOT NULL AND certificate_key = $2::text THEN 'certificate' ELSE 'activity' END AS by
       FROM jp_claim
      WHERE employee_id = $1 AND status <> 'rejected' AND (certificate_key = $2::text OR activity_key = $3)
      ORDER BY (certificate_key = $2::text) DESC NULLS LAST LIMIT 1`,
    [employeeId, certificateKey, activityKey],
  );
  return row ?? null;
}

export interface NewClaim {
  employeeId: string;
  agencyId: string;
  jenisDiklatId: number;
  title: string;
  organiser: string;
  startDate: string;
  endDate: string;
  unit: JpUnit;
  quantity: number;
  deliveryMode: DeliveryMode;
  competencyKind: CompetencyKind | null;
  certificateNumber: string | null;
  certificateKey: string | null;
  activityKey: string;
  evidence: { key: string; name: string; mime: string; size: number } | null;
  verifier: JpClaimVerifier;
}

export async function insertClaim(m: EntityManager, c: NewClaim): Promise<string> {
  const [{ id }]: Array<{ id: string }> = await m.query(
    `INSERT INTO jp_claim (employee_id, agency_id, jenis_diklat_id, title, organiser, start_date, end_date, unit, quantity,
                           delivery_mode, competency_kind, certificate_number, certificate_key, activity_key,
                           evidence_key, evidence_name, evidence_mime, evidence_size, verifier)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19) RETURNING id`,
    [
      c.employeeId,
      c.agencyId,
      c.jenisDiklatId,
      c.title,
      c.organiser,
      c.startDate,
      c.endDate,
      c.unit,
      c.quantity,
      c.deliveryMode,
      c.competencyKind,
      c.certificateNumber,
      c.certificateKey,
      c.activityKey,
      c.evidence?.key ?? null,
      c.evidence?.name ?? null,
      c.evidence?.mime ?? null,
      c.evidence?.size ?? null,
      c.verifier,
    ],
  );
  return id;
}

export async function markVerified(
  m: EntityManager,
  id: string,
  o: { decidedBy: string | null; ledgerLineId: string; creditedJp: number },
): Promise<void> {
  await m.query(
    `UPDATE jp_claim SET status = 'verified', decided_by = $2, decided_at = now(), ledger_line_id = $3, credited_jp = $4,
            updated_at = now() WHERE id = $1`,
    [id, o.decidedBy, o.ledgerLineId, o.creditedJp],
  );
}

export async function markRejected(
  m: EntityManager,
  id: string,
  o: { decidedBy: string; reason: string },
): Promise<void> {
  await m.query(
    `UPDATE jp_claim SET status = 'rejected', decided_by = $2, decided_at = now(), decision_reason = $3, updated_at = now()
      WHERE id = $1`,
    [id, o.decidedBy, o.reason],
  );
}

/** Whether a PostgreSQL error is a violation of one of the claims' duplicate indexes. */
export function isDuplicateClaimError(e: unknown): boolean {
  const err = e as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = err.code ?? err.driverError?.code;
  const constraint = err.constraint ?? err.driverError?.constraint;
  return code === '23505' && (constraint === 'uq_jp_claim_certificate' || constraint === 'uq_jp_claim_activity');
}
