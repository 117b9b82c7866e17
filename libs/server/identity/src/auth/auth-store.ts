import type { DataSource, EntityManager } from 'typeorm';
import type { AgencyTimeZone, Role } from '@kompeten/shared-contracts';
import { UserAccountEntity } from '../entities/user-account.entity';

/**
 * Hand-written SQL for signing in and `me`: the account by NIP, whether its ASN is active, the names it signs in with,
 * the words its password must avoid, its roles with their agency and unit names, and its time zone. Agency and unit
 * names come from organisation's published views (decision 0016). The rules are in auth.service.ts and
 * user-time-zone.ts.
 */

/** A DataSource (one statement on a pooled connection) or the caller's transaction manager. */
type Db = DataSource | EntityManager;

/** The account of the ASN with this NIP (the NIP is the employee's, so an inner join), or null. */
export async function findAccountByNip(db: Db, nip: string): Promise<UserAccountEntity | null> {
  return db
    .getRepository(UserAccountEntity)
    .createQueryBuilder('u')
    .innerJoin('employee', 'e', 'e.id = u.employee_id')
    .where('e.nip = :nip', { nip })
    .getOne();
}

/** The ASN's `active` flag; none for an unknown id. */
export async function selectEmployeeActive(db: Db, employeeId: string): Promise<boolean | undefined> {
  const [row]: Array<{ active: boolean }> = await db.query(`SELECT active FROM employee WHERE id = $1`, [employeeId]);
  return row?.active;
}

/** The ASN's NIP (a name the account signs in with); none for an unknown id. */
export async function selectEmployeeNip(db: Db, employeeId: string): Promise<string | undefined> {
  const [employee]: Array<{ nip: string }> = await db.query(`SELECT nip FROM employee WHERE id = $1`, [employeeId]);
  return employee?.nip;
}

/** What a password must not contain, by account: the ASN's NIP and name, its agency's name, the login email. */
export interface PasswordContextRow {
  nip: string | null;
  full_name: string | null;
  agency_name: string | null;
  email: string | null;
}

/** The words of the account's password context; an account without an ASN record has only its email. */
export async function selectPasswordContext(db: Db, userId: string): Promise<PasswordContextRow | undefined> {
  const [row]: PasswordContextRow[] = await db.query(
    `SELECT e.nip, e.full_name, a.name AS agency_name, ua.email FROM user_account ua
         LEFT JOIN employee e ON e.id = ua.employee_id LEFT JOIN organisation_agency a ON a.id = e.agency_id WHERE ua.id = $1`,
    [userId],
  );
  return row;
}

export interface RoleAssignmentRow {
  id: string;
  role: Role;
  agency_id: string;
  agency_name: string;
  unit_id: string | null;
  unit_name: string | null;
}

/** The roles an account holds with their agency and unit names, oldest grant first (the order `me` lists them in). */
export async function selectRoleAssignments(m: EntityManager, userId: string): Promise<RoleAssignmentRow[]> {
  return m.query(
    `SELECT r.id, r.role, r.agency_id, a.name AS agency_name, r.unit_id, u.name AS unit_name
         FROM role_assignment r JOIN organisation_agency a ON a.id = r.agency_id LEFT JOIN organisation_work_unit u ON u.id = r.unit_id
        WHERE r.user_id = $1 ORDER BY r.created_at`,
    [userId],
  );
}

/**
 * The zone of the agency of the user's ASN record, else of the agency of their first role (by grant time); null when
 * neither exists. One statement, as other libs call it (due dates, reports, quiz messages).
 */
export async function selectUserTimeZone(db: Db, userId: string): Promise<AgencyTimeZone | null | undefined> {
  const [row]: Array<{ time_zone: AgencyTimeZone | null }> = await db.query(
    `SELECT coalesce(
              (SELECT a.time_zone FROM user_account ua JOIN employee e ON e.id = ua.employee_id JOIN organisation_agency a ON a.id = e.agency_id WHERE ua.id = $1),
              (SELECT a.time_zone FROM role_assignment r JOIN organisation_agency a ON a.id = r.agency_id WHERE r.user_id = $1 ORDER BY r.created_at, r.id LIMIT 1)
            ) AS time_zone`,
    [userId],
  );
  return row?.time_zone;
}
