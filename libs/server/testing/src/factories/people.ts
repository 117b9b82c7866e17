import type { DataSource, EntityManager } from 'typeorm';
import type { EmployeeType, PositionKind, Role } from '@kompeten/shared-contracts';
import type { Principal, RoleClaim } from '@kompeten/server-core';
import { buildNip } from '@kompeten/shared-util';

/**
 * People written straight into the identity tables (employee, user_account, role_assignment), each with the Principal
 * its access token would carry, so a service can be called as that person without logging in.
 */
export interface Person {
  userId: string;
  /** null for an account without an ASN record (e.g. a platform or agency admin account). */
  employeeId: string | null;
  nip: string | null;
  agencyId: string;
  unitId: string | null;
  fullName: string;
  principal: Principal;
}

export type RoleSpec = Role | { role: Role; agencyId?: string; unitId?: string | null };

export interface PersonOptions {
  agencyId: string;
  unitId?: string | null;
  /** The direct supervisor (atasan langsung) on the ASN record. */
  supervisorId?: string | null;
  /** Role claims; an agency defaults to the person's own, a unit to none (agency-wide). Default: learner. */
  roles?: RoleSpec[];
  fullName?: string;
  /** false: an account without an ASN record. */
  employee?: boolean;
  type?: EmployeeType;
  positionName?: string;
  positionKind?: PositionKind;
  active?: boolean;
  email?: string | null;
}

let sequence = 0;

/** A valid NIP (DOMAIN.md §2) not yet used in this database. */
export async function freshNip(db: DataSource | EntityManager, type: EmployeeType = 'PNS'): Promise<string> {
  for (;;) {
    const n = sequence++;
    const birthYear = 1970 + (Math.floor(n / 999) % 25);
    const nip = buildNip(
      { y: birthYear, m: 1 + (n % 12), d: 1 + (n % 28) },
      type === 'PPPK' ? { y: 2022, m: 1 } : { y: birthYear + 25, m: 1 + (n % 12) },
      n % 2 ? 'P' : 'L',
      1 + (n % 999),
    );
    const taken = await db.query(`SELECT 1 FROM employee WHERE nip = $1`, [nip]);
    if (!taken.length) return nip;
  }
}

export async function createPerson(db: DataSource | EntityManager, o: PersonOptions): Promise<Person> {
  const withEmployee = o.employee !== false;
  const fullName = o.fullName ?? `Pegawai Uji ${sequence + 1}`;
  let employeeId: string | null = null;
  let nip: string | null = null;
  if (withEmployee) {
    const type = o.type ?? 'PNS';
    nip = await freshNip(db, type);
    const [e] = await db.query(
      `INSERT INTO employee (nip, agency_id, unit_id, employee_type, full_name, position_name, position_kind, rank, supervisor_id, email, birth_date, gender, active)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       RETURNING id`,
      [
        nip,
        o.agencyId,
        o.unitId ?? null,
        type,
        fullName,
        o.positionName ?? 'Pranata Komputer Ahli Pertama',
        o.positionKind ?? 'fungsional',
        type === 'PPPK' ? 'IX' : 'III/a',
        o.supervisorId ?? null,
        o.email ?? null,
        `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`,
        nip[14] === '1' ? 'L' : 'P',
        o.active ?? true,
      ],
    );
    employeeId = e.id;
  }
  const [account] = await db.query(`INSERT INTO user_account (employee_id, email) VALUES ($1, $2) RETURNING id`, [
    employeeId,
    o.email ?? null,
  ]);
  const roles: RoleClaim[] = (o.roles ?? (withEmployee ? ['learner'] : [])).map((r) =>
    typeof r === 'string'
      ? { role: r, agencyId: o.agencyId, unitId: null }
      : { role: r.role, agencyId: r.agencyId ?? o.agencyId, unitId: r.unitId ?? null },
  );
  for (const r of roles) {
    await db.query(`INSERT INTO role_assignment (user_id, role, agency_id, unit_id) VALUES ($1, $2, $3, $4)`, [
      account.id,
      r.role,
      r.agencyId,
      r.unitId,
    ]);
  }
  return {
    userId: account.id,
    employeeId,
    nip,
    agencyId: o.agencyId,
    unitId: o.unitId ?? null,
    fullName,
    principal: { userId: account.id, employeeId, roles, correlationId: null },
  };
}
