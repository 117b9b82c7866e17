import type { EntityManager } from 'typeorm';
import type { AgencyTimeZone, EmployeeType } from '@kompeten/shared-contracts';
import type { EmployeeRef } from '@kompeten/server-organisation';

/**
 * The ASN as the JP lib needs them, from identity's and organisation's published views (`identity_employee`,
 * `organisation_work_unit`, `organisation_agency`): where they work now (scope checks, the agency whose rules and zone
 * apply), their type (PNS or PPPK) and how to name them.
 */
export interface JpEmployee extends EmployeeRef {
  employeeType: EmployeeType;
  active: boolean;
  nip: string;
  fullName: string;
  frontTitle: string | null;
  backTitle: string | null;
  unitName: string | null;
  timeZone: AgencyTimeZone;
}

export async function findJpEmployee(m: EntityManager, employeeId: string): Promise<JpEmployee | null> {
  const [row]: Array<{
    id: string;
    agency_id: string;
    unit_path: string | null;
    unit_name: string | null;
    supervisor_id: string | null;
    employee_type: EmployeeType;
    active: boolean;
    nip: string;
    full_name: string;
    front_title: string | null;
    back_title: string | null;
    time_zone: AgencyTimeZone;
  }> = await m.query(
    `SELECT e.id, e.agency_id, u.path AS unit_path, u.name AS unit_name, e.supervisor_id, e.employee_type, e.active,
            e.nip, e.full_name, e.front_title, e.back_title, a.time_zone
       FROM identity_employee e
       JOIN organisation_agency a ON a.id = e.agency_id
       LEFT JOIN organisation_work_unit u ON u.id = e.unit_id
      WHERE e.id = $1`,
    [employeeId],
  );
  return row
    ? {
        id: row.id,
        agencyId: row.agency_id,
        unitPath: row.unit_path,
        unitName: row.unit_name,
        supervisorId: row.supervisor_id,
        employeeType: row.employee_type,
        active: row.active,
        nip: row.nip,
        fullName: row.full_name,
        frontTitle: row.front_title,
        backTitle: row.back_title,
        timeZone: row.time_zone,
      }
    : null;
}
