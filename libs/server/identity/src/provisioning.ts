import type { EntityManager } from 'typeorm';
import type { EmployeeType, PositionKind, Role } from '@kompeten/shared-contracts';
import { hashPassword, verifyPassword } from './auth/password';

/**
 * Writes of ASN, accounts and roles for the API's bootstrap and the demo seed (decision 0016: the apps call the owner
 * instead of writing its tables). People manage them through EmployeeService, AccountService and the CSV import.
 */

export interface NewEmployee {
  nip: string;
  agencyId: string;
  unitId: string | null;
  type: EmployeeType;
  fullName: string;
  frontTitle: string | null;
  backTitle: string | null;
  positionName: string;
  positionKind: PositionKind;
  rank: string;
  email: string | null;
  /** YYYY-MM-DD */
  birthDate: string;
  gender: 'L' | 'P';
}

export async function insertEmployee(m: EntityManager, e: NewEmployee): Promise<string> {
  const [row]: Array<{ id: string }> = await m.query(
    `INSERT INTO employee (nip, agency_id, unit_id, employee_type, full_name, front_title, back_title, position_name, position_kind, rank, email, birth_date, gender)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13) RETURNING id`,
    [
      e.nip,
      e.agencyId,
      e.unitId,
      e.type,
      e.fullName,
      e.frontTitle,
      e.backTitle,
      e.positionName,
      e.positionKind,
      e.rank,
      e.email,
      e.birthDate,
      e.gender,
    ],
  );
  return row.id;
}

export async function setSupervisor(m: EntityManager, employeeId: string, supervisorId: string): Promise<void> {
  await m.query(`UPDATE employee SET supervisor_id = $2 WHERE id = $1`, [employeeId, supervisorId]);
}

/** An account with a password already hashed (argon2id) for an ASN. */
export async function insertAccount(
  m: EntityManager,
  a: { employeeId: string; email: string | null; passwordHash: string },
): Promise<string> {
  const [row]: Array<{ id: string }> = await m.query(
    `INSERT INTO user_account (employee_id, email, password_hash, password_changed_at) VALUES ($1, $2, $3, now()) RETURNING id`,
    [a.employeeId, a.email, a.passwordHash],
  );
  return row.id;
}

/** The account with this login email, created without an ASN record when there is none (the demo's platform admin). */
export async function ensureAccountByEmail(m: EntityManager, email: string, passwordHash: string): Promise<string> {
  const [row]: Array<{ id: string }> = await m.query(
    `INSERT INTO user_account (email, password_hash, password_changed_at) VALUES ($1, $2, now())
     ON CONFLICT (email) WHERE email IS NOT NULL DO UPDATE SET email = EXCLUDED.email RETURNING id`,
    [email, passwordHash],
  );
  return row.id;
}

/** Grants a role; granting one already held changes nothing. */
export async function insertRole(
  m: EntityManager,
  userId: string,
  role: Role,
  agencyId: string,
  unitId: string | null = null,
): Promise<void> {
  await m.query(
    `INSERT INTO role_assignment (user_id, role, agency_id, unit_id) VALUES ($1, $2, $3, $4) ON CONFLICT (user_id, role, agency_id, unit_key) DO NOTHING`,
    [userId, role, agencyId, unitId],
  );
}

/**
 * A platform admin with exactly these credentials (ADMIN_EMAIL, ADMIN_PASSWORD): created when missing; its password
 * reset (and the account unlocked) when it differs. Says what it did.
 */
export async function ensurePlatformAdmin(
  m: EntityManager,
  admin: { email: string; password: string },
  rootAgencyId: string,
): Promise<'created' | 'reset' | 'unchanged'> {
  const [user]: Array<{ id: string; password_hash: string }> = await m.query(
    `SELECT id, password_hash FROM user_account WHERE email = $1`,
    [admin.email],
  );
  let outcome: 'created' | 'reset' | 'unchanged' = 'unchanged';
  let userId = user?.id;
  if (!user) {
    const [row]: Array<{ id: string }> = await m.query(
      `INSERT INTO user_account (email, password_hash, password_changed_at) VALUES ($1, $2, now()) RETURNING id`,
      [admin.email, await hashPassword(admin.password)],
    );
    userId = row.id;
    outcome = 'created';
  } else if (!(await verifyPassword(user.password_hash, admin.password))) {
    await m.query(
      `UPDATE user_account SET password_hash = $2, failed_login_count = 0, locked_until = NULL, password_changed_at = now(), active = true WHERE id = $1`,
      [userId, await hashPassword(admin.password)],
    );
    outcome = 'reset';
  }
  await insertRole(m, userId, 'platform_admin', rootAgencyId);
  return outcome;
}
