import type { EntityManager } from 'typeorm';
import type { Employee } from '@kompeten/shared-contracts';
import { displayName, pangkatName } from '@kompeten/shared-util';
import type { AccessScope, EmployeeRef } from '@kompeten/server-organisation';
import { selectEmployeeRow, type EmployeeRow } from './employee-store';

export interface EmployeeWithPath extends Employee {
  unitPath: string | null;
  /** Where the supervisor sits, to decide whether the caller may see its name (never leaves the API). */
  supervisorRef: EmployeeRef | null;
}

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

/** One ASN with its agency, unit and supervisor names; null for an unknown id. */
export async function loadEmployee(m: EntityManager, id: string): Promise<EmployeeWithPath | null> {
  const row = await selectEmployeeRow(m, id);
  return row ? toEmployee(row) : null;
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
