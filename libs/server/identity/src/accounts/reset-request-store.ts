import type { EntityManager } from 'typeorm';
import type { AccessScope } from '@kompeten/server-organisation';
import { employeeScopeSql } from '../employees/employee-store';

/**
 * Hand-written SQL for "forgot password" requests (`account_reset_request`, issue 15, decision 0024): finding the
 * account a NIP or email names, recording at most one pending request per account, and the HR officer's list.
 */

/** The account of an active ASN with this NIP, or with this login email; none otherwise. */
export async function findAccountByIdentifier(m: EntityManager, identifier: string): Promise<string | undefined> {
  const byNip = /^\d{18}$/.test(identifier);
  const [row]: Array<{ id: string }> = await m.query(
    byNip
      ? `SELECT ua.id FROM user_account ua JOIN employee e ON e.id = ua.employee_id WHERE e.nip = $1 AND e.active`
      : `SELECT ua.id FROM user_account ua JOIN employee e ON e.id = ua.employee_id WHERE ua.email = lower($1) AND e.active`,
    [identifier],
  );
  return row?.id;
}

/** Records a pending request unless the account already has one (then nothing changes). True when a row was added. */
export async function insertPendingRequest(m: EntityManager, userId: string): Promise<boolean> {
  const rows: Array<{ id: string }> = await m.query(
    `INSERT INTO account_reset_request (user_id) VALUES ($1)
     ON CONFLICT (user_id) WHERE status = 'pending' DO NOTHING RETURNING id`,
    [userId],
  );
  return rows.length > 0;
}

/** Resolves the account's pending request (a setup link was just issued for it). */
export async function resolvePendingRequests(m: EntityManager, userId: string, actorUserId: string): Promise<void> {
  await m.query(
    `UPDATE account_reset_request SET status = 'resolved', resolved_by = $2, resolved_at = now()
      WHERE user_id = $1 AND status = 'pending'`,
    [userId, actorUserId],
  );
}

export interface ResetRequestRow {
  id: string;
  user_id: string;
  employee_id: string;
  full_name: string;
  front_title: string | null;
  back_title: string | null;
  nip: string;
  agency_name: string;
  unit_name: string | null;
  created_at: Date;
}

const FROM = `account_reset_request r
  JOIN user_account ua ON ua.id = r.user_id
  JOIN employee e ON e.id = ua.employee_id
  JOIN organisation_agency a ON a.id = e.agency_id
  LEFT JOIN organisation_work_unit u ON u.id = e.unit_id`;

/** Pending requests of the ASN whose accounts the caller manages, oldest first. */
export async function listPendingRequests(
  m: EntityManager,
  scope: AccessScope,
  page: { limit: number; offset: number },
): Promise<{ total: number; rows: ResetRequestRow[] }> {
  const params: unknown[] = [];
  const where = `r.status = 'pending' AND e.active AND ${employeeScopeSql(scope, params, { manageOnly: true })}`;
  const [{ total }]: Array<{ total: number }> = await m.query(
    `SELECT count(*)::int AS total FROM ${FROM} WHERE ${where}`,
    params,
  );
  const rows: ResetRequestRow[] = await m.query(
    `SELECT r.id, r.user_id, e.id AS employee_id, e.full_name, e.front_title, e.back_title, e.nip,
            a.name AS agency_name, u.name AS unit_name, r.created_at
       FROM ${FROM} WHERE ${where}
      ORDER BY r.created_at, r.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, page.limit, page.offset],
  );
  return { total, rows };
}

/** A pending request and whose it is; none when unknown or already resolved. */
export async function selectPendingRequest(
  m: EntityManager,
  id: string,
): Promise<{ id: string; user_id: string; employee_id: string } | undefined> {
  const [row]: Array<{ id: string; user_id: string; employee_id: string }> = await m.query(
    `SELECT r.id, r.user_id, ua.employee_id FROM account_reset_request r JOIN user_account ua ON ua.id = r.user_id
      WHERE r.id = $1 AND r.status = 'pending'`,
    [id],
  );
  return row;
}
