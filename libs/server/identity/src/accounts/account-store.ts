import type { DataSource, EntityManager } from 'typeorm';
import type { AccountEventKind, Role } from '@kompeten/shared-contracts';
import type { HeldRole } from '@kompeten/server-organisation';
import type { RoleAssignmentRow } from '../auth/auth-store';
import { AccountEventEntity } from '../entities/account-event.entity';

/**
 * Hand-written SQL for sign-in accounts (`user_account`), the roles they hold (`role_assignment`) and what happened to
 * them (`account_event`): the row locks account management takes, the roles an account holds, names of actors, and the
 * account's event page. Agency and unit names come from organisation's published views (decision 0016). Who may do
 * what is in account-rules.ts, account-events.ts and roles/account.service.ts.
 */

// ---- account events ----------------------------------------------------------------------------

/** One account event as account-events.ts records it; `details` never holds a secret. */
export interface NewAccountEvent {
  userId: string;
  kind: AccountEventKind;
  actorUserId: string | null;
  actorRole: Role | null;
  actorAgencyId: string | null;
  details: Record<string, string | null>;
}

/** Inserts an account event stamped with the wall clock (not the transaction's start), in the caller's transaction. */
export async function insertAccountEvent(m: EntityManager, e: NewAccountEvent): Promise<void> {
  await m.getRepository(AccountEventEntity).insert({
    userId: e.userId,
    kind: e.kind,
    actorUserId: e.actorUserId,
    actorRole: e.actorRole,
    actorAgencyId: e.actorAgencyId,
    // TypeORM's deep-partial type cannot express a jsonb record.
    details: e.details as never,
    // The wall clock, not the transaction's start: a reset and its link, written in one transaction, list in order.
    createdAt: () => 'clock_timestamp()',
  });
}

/** How many events an account has (the page's total). */
export async function countAccountEvents(m: EntityManager, userId: string): Promise<number> {
  const [{ total }]: Array<{ total: number }> = await m.query(
    `SELECT count(*)::int AS total FROM account_event WHERE user_id = $1`,
    [userId],
  );
  return total;
}

/** An account event with its actor's name (ASN name and titles, else login email) and the actor role's agency name. */
export interface AccountEventRow {
  id: string;
  kind: AccountEventKind;
  created_at: Date;
  actor_user_id: string | null;
  actor_role: Role | null;
  agency_name: string | null;
  details: Record<string, string | null> | null;
  full_name: string | null;
  front_title: string | null;
  back_title: string | null;
  actor_email: string | null;
}

/** A page of an account's events, newest first (id breaks ties of one instant). */
export async function selectAccountEvents(
  m: EntityManager,
  userId: string,
  page: { limit: number; offset: number },
): Promise<AccountEventRow[]> {
  return m.query(
    `SELECT ev.id, ev.kind, ev.created_at, ev.actor_user_id, ev.actor_role, a.name AS agency_name, ev.details,
            e.full_name, e.front_title, e.back_title, ua.email AS actor_email
       FROM account_event ev
       LEFT JOIN organisation_agency a ON a.id = ev.actor_agency_id
       LEFT JOIN user_account ua ON ua.id = ev.actor_user_id
       LEFT JOIN employee e ON e.id = ua.employee_id
      WHERE ev.user_id = $1
      ORDER BY ev.created_at DESC, ev.id DESC LIMIT $2 OFFSET $3`,
    [userId, page.limit, page.offset],
  );
}

// ---- names and roles ---------------------------------------------------------------------------

export interface ActorNameRow {
  id: string;
  email: string | null;
  full_name: string | null;
  front_title: string | null;
  back_title: string | null;
}

/** Accounts by id with their login email and their ASN's name and titles (none for an account without an ASN). */
export async function selectActorNames(m: EntityManager, userIds: readonly string[]): Promise<ActorNameRow[]> {
  return m.query(
    `SELECT ua.id, ua.email, e.full_name, e.front_title, e.back_title FROM user_account ua LEFT JOIN employee e ON e.id = ua.employee_id WHERE ua.id = ANY($1::uuid[])`,
    [userIds],
  );
}

/** The roles an account holds with the paths of their units (what the rank rule compares). */
export async function selectHeldRoles(
  m: EntityManager,
  userId: string,
): Promise<Array<{ role: HeldRole['role']; agency_id: string; path: string | null }>> {
  return m.query(
    `SELECT r.role, r.agency_id, wu.path FROM role_assignment r LEFT JOIN organisation_work_unit wu ON wu.id = r.unit_id WHERE r.user_id = $1`,
    [userId],
  );
}

/** The roles of an ASN's account with their agency and unit names, oldest grant first; none without an account. */
export async function selectEmployeeRoleAssignments(
  db: DataSource | EntityManager,
  employeeId: string,
): Promise<RoleAssignmentRow[]> {
  return db.query(
    `SELECT r.id, r.role, r.agency_id, a.name AS agency_name, r.unit_id, wu.name AS unit_name
         FROM role_assignment r JOIN user_account ua ON ua.id = r.user_id JOIN organisation_agency a ON a.id = r.agency_id
         LEFT JOIN organisation_work_unit wu ON wu.id = r.unit_id
        WHERE ua.employee_id = $1 ORDER BY r.created_at`,
    [employeeId],
  );
}

/**
 * Grants a role; none when the account already holds it (the unique index on user, role, agency and unit decides, so
 * a repeated grant changes nothing).
 */
export async function insertRoleAssignment(
  m: EntityManager,
  r: { userId: string; role: Role; agencyId: string; unitId: string | null },
): Promise<string | undefined> {
  const inserted: Array<{ id: string }> = await m.query(
    `INSERT INTO role_assignment (user_id, role, agency_id, unit_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id, role, agency_id, unit_key) DO NOTHING RETURNING id`,
    [r.userId, r.role, r.agencyId, r.unitId],
  );
  return inserted[0]?.id;
}

// ---- accounts and their locks ------------------------------------------------------------------

/** The id of an ASN's account, if it has one. */
export async function selectAccountIdOfEmployee(m: EntityManager, employeeId: string): Promise<string | undefined> {
  const [account]: Array<{ id: string }> = await m.query(`SELECT id FROM user_account WHERE employee_id = $1`, [
    employeeId,
  ]);
  return account?.id;
}

/** Locks the ASN's record, so two requests creating its one account run one after the other. */
export async function lockEmployeeRow(m: EntityManager, employeeId: string): Promise<void> {
  await m.query('SELECT 1 FROM employee WHERE id = $1 FOR UPDATE', [employeeId]);
}

/** Locks the ASN's account and answers its id (none without an account). */
export async function lockAccountOfEmployee(m: EntityManager, employeeId: string): Promise<string | undefined> {
  const [locked]: Array<{ id: string }> = await m.query(
    `SELECT id FROM user_account WHERE employee_id = $1 FOR UPDATE`,
    [employeeId],
  );
  return locked?.id;
}

/** The signed-in user's account, locked, with its current and pending email and its ASN's agency (for the audit). */
export async function lockAccountEmails(
  m: EntityManager,
  userId: string,
): Promise<{ id: string; email: string | null; pending_email: string | null; agency_id: string | null } | undefined> {
  const [row]: Array<{ id: string; email: string | null; pending_email: string | null; agency_id: string | null }> =
    await m.query(
      `SELECT ua.id, ua.email, ua.pending_email, e.agency_id FROM user_account ua LEFT JOIN employee e ON e.id = ua.employee_id WHERE ua.id = $1 FOR UPDATE OF ua`,
      [userId],
    );
  return row;
}

/** The signed-in user's account, locked, with its pending email and its ASN's agency (declining needs no more). */
export async function lockAccountPendingEmail(
  m: EntityManager,
  userId: string,
): Promise<{ id: string; pending_email: string | null; agency_id: string | null } | undefined> {
  const [row]: Array<{ id: string; pending_email: string | null; agency_id: string | null }> = await m.query(
    `SELECT ua.id, ua.pending_email, e.agency_id FROM user_account ua LEFT JOIN employee e ON e.id = ua.employee_id WHERE ua.id = $1 FOR UPDATE OF ua`,
    [userId],
  );
  return row;
}

/** The agency of an account's ASN (null for an account without one, e.g. the platform admin). */
export async function accountAgencyId(m: EntityManager, userId: string): Promise<string | null> {
  const rows: Array<{ agency_id: string }> = await m.query(
    `SELECT e.agency_id FROM user_account ua JOIN employee e ON e.id = ua.employee_id WHERE ua.id = $1`,
    [userId],
  );
  return rows[0]?.agency_id ?? null;
}

/**
 * Accounts a person filter names (the audit log's "person"): by a part of the ASN's name, the whole NIP, or a part of
 * the login email; at most `limit`, so a one-letter filter stays bounded.
 */
export async function selectAccountIdsMatching(m: EntityManager, text: string, limit: number): Promise<string[]> {
  const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows: Array<{ id: string }> = await m.query(
    `SELECT ua.id FROM user_account ua LEFT JOIN employee e ON e.id = ua.employee_id
      WHERE e.full_name ILIKE $1 OR e.nip = $2 OR ua.email ILIKE $1
      ORDER BY ua.id LIMIT $3`,
    [like, text, limit],
  );
  return rows.map((r) => r.id);
}
