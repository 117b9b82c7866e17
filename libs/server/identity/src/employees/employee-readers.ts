import type { EntityManager } from 'typeorm';

/**
 * What other libs read of one ASN at a time (decision 0016). Statements that join ASN with another lib's rows use the
 * views in read-models.ts (`identity_employee`, `identity_user_account`).
 */

export interface ActiveEmployeeRef {
  id: string;
  agencyId: string;
  /** The path of the ASN's work unit (null without one): what unit-scoped roles compare with. */
  unitPath: string | null;
}

/** An active ASN by id, with where it works; null for an unknown or inactive one. */
export async function findActiveEmployee(m: EntityManager, employeeId: string): Promise<ActiveEmployeeRef | null> {
  const [row]: Array<{ id: string; agency_id: string; unit_path: string | null }> = await m.query(
    'SELECT e.id, e.agency_id, u.path AS unit_path FROM employee e LEFT JOIN organisation_work_unit u ON u.id = e.unit_id WHERE e.id = $1 AND e.active',
    [employeeId],
  );
  return row ? { id: row.id, agencyId: row.agency_id, unitPath: row.unit_path } : null;
}

/** An active ASN by NIP (id and agency), or null. */
export async function findActiveEmployeeByNip(
  m: EntityManager,
  nip: string,
): Promise<{ id: string; agencyId: string } | null> {
  const [row]: Array<{ id: string; agency_id: string }> = await m.query(
    'SELECT id, agency_id FROM employee WHERE nip = $1 AND active',
    [nip],
  );
  return row ? { id: row.id, agencyId: row.agency_id } : null;
}

/** The agency of an ASN's record (the agency a course's visibility is judged by), or null for an unknown id. */
export async function employeeAgencyId(m: EntityManager, employeeId: string): Promise<string | null> {
  const [row]: Array<{ agency_id: string }> = await m.query('SELECT agency_id FROM employee WHERE id = $1', [
    employeeId,
  ]);
  return row?.agency_id ?? null;
}

/** An active ASN as the access rules see it (AccessScope.canReadEmployee), with the NIP; null for an unknown id. */
export async function findEmployeeAccessRef(
  m: EntityManager,
  employeeId: string,
): Promise<{ id: string; nip: string; agencyId: string; unitPath: string | null; supervisorId: string | null } | null> {
  const [row]: Array<{
    id: string;
    nip: string;
    agency_id: string;
    unit_path: string | null;
    supervisor_id: string | null;
  }> = await m.query(
    `SELECT e.id, e.nip, e.agency_id, u.path AS unit_path, e.supervisor_id
       FROM employee e LEFT JOIN organisation_work_unit u ON u.id = e.unit_id WHERE e.id = $1 AND e.active`,
    [employeeId],
  );
  return row
    ? { id: row.id, nip: row.nip, agencyId: row.agency_id, unitPath: row.unit_path, supervisorId: row.supervisor_id }
    : null;
}
