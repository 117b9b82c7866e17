import type { EntityManager } from 'typeorm';
import type { Employee } from '@kompeten/shared-contracts';
import { displayName, pangkatName } from '@kompeten/shared-util';
import type { AccessScope, EmployeeRef } from '@kompeten/server-organisation';

export interface EmployeeRow {
  id: string;
  agency_id: string;
  agency_name: string;
  unit_id: string | null;
  unit_name: string | null;
  unit_path: string | null;
  nip: string;
  employee_type: 'PNS' | 'PPPK';
  full_name: string;
  front_title: string | null;
  back_title: string | null;
  position_name: string | null;
  position_kind: Employee['positionKind'];
  rank: string | null;
  supervisor_id: string | null;
  supervisor_name: string | null;
  supervisor_front_title: string | null;
  supervisor_back_title: string | null;
  email: string | null;
  phone: string | null;
  birth_date: string;
  gender: 'L' | 'P';
  active: boolean;
  has_account: boolean;
  created_at: Date;
  updated_at: Date;
  supervisor_agency_id: string | null;
  supervisor_unit_path: string | null;
  supervisor_supervisor_id: string | null;
}

export interface EmployeeWithPath extends Employee {
  unitPath: string | null;
  /** Where the supervisor sits, to decide whether the caller may see its name (never leaves the API). */
  supervisorRef: EmployeeRef | null;
}

/** One query for the employee view with its agency, unit and supervisor names. */
export const EMPLOYEE_SELECT = `
  SELECT e.id, e.agency_id, a.name AS agency_name, e.unit_id, u.name AS unit_name, u.path AS unit_path,
         e.nip, e.employee_type, e.full_name, e.front_title, e.back_title, e.position_name, e.position_kind, e.rank,
         e.supervisor_id, s.full_name AS supervisor_name, s.front_title AS supervisor_front_title, s.back_title AS supervisor_back_title, e.email, e.phone, to_char(e.birth_date, 'YYYY-MM-DD') AS birth_date,
         e.gender, e.active, EXISTS (SELECT 1 FROM user_account ua WHERE ua.employee_id = e.id) AS has_account,
         e.created_at, e.updated_at, s.agency_id AS supervisor_agency_id, su.path AS supervisor_unit_path, s.supervisor_id AS supervisor_supervisor_id
    FROM employee e
    JOIN organisation_agency a ON a.id = e.agency_id
    LEFT JOIN organisation_work_unit u ON u.id = e.unit_id
    LEFT JOIN employee s ON s.id = e.supervisor_id
    LEFT JOIN organisation_work_unit su ON su.id = s.unit_id`;

export function toEmployee(r: EmployeeRow): EmployeeWithPath {
  return {
    id: r.id,
    agencyId: r.agency_id,
    agencyName: r.agency_name,
    unitId: r.unit_id,
    unitName: r.unit_name,
    unitPath: r.unit_path,
    nip: r.nip,
    employeeType: r.employee_type,
    fullName: r.full_name,
    frontTitle: r.front_title,
    backTitle: r.back_title,
    displayName: displayName(r.full_name, r.front_title, r.back_title),
    positionName: r.position_name,
    positionKind: r.position_kind,
    rank: r.rank,
    rankName: pangkatName(r.rank),
    supervisorId: r.supervisor_id,
    // With titles, as every name shown to people (DOMAIN.md §7).
    supervisorName:
      r.supervisor_name === null
        ? null
        : displayName(r.supervisor_name, r.supervisor_front_title, r.supervisor_back_title),
    email: r.email,
    phone: r.phone,
    birthDate: r.birth_date,
    gender: r.gender,
    active: r.active,
    hasAccount: r.has_account,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
    supervisorRef:
      r.supervisor_id && r.supervisor_agency_id
        ? {
            id: r.supervisor_id,
            agencyId: r.supervisor_agency_id,
            unitPath: r.supervisor_unit_path,
            supervisorId: r.supervisor_supervisor_id,
          }
        : null,
  };
}

export async function loadEmployee(m: EntityManager, id: string): Promise<EmployeeWithPath | null> {
  const rows: EmployeeRow[] = await m.query(`${EMPLOYEE_SELECT} WHERE e.id = $1`, [id]);
  return rows[0] ? toEmployee(rows[0]) : null;
}

/** Drops the internal unit path before an employee leaves the API. */
export function publicEmployee(e: EmployeeWithPath): Employee {
  const { unitPath: _unitPath, supervisorRef: _supervisorRef, ...rest } = e;
  return rest;
}

/**
 * The employee as a caller sees it: the supervisor's name only when the caller may read the supervisor, or is the
 * employee themself (issue 12: an answer never reveals the name of someone the caller cannot read).
 */
export function employeeFor(scope: AccessScope, e: EmployeeWithPath): Employee {
  const pub = publicEmployee(e);
  if (!e.supervisorRef || e.id === scope.principal.employeeId || scope.canReadEmployee(e.supervisorRef)) return pub;
  return { ...pub, supervisorName: null };
}
