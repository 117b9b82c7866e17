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

/** What a certificate prints of an ASN (DOMAIN.md §7): the name as written with titles, NIP, golongan and position. */
export interface EmployeeCertificateFacts {
  id: string;
  nip: string;
  fullName: string;
  frontTitle: string | null;
  backTitle: string | null;
  /** Golongan as stored, e.g. "III/c". */
  rank: string | null;
  positionName: string | null;
  agencyId: string;
}

/** An ASN's certificate facts by id (active or not: a completion stays certifiable), or null for an unknown id. */
export async function findEmployeeCertificateFacts(
  m: EntityManager,
  employeeId: string,
): Promise<EmployeeCertificateFacts | null> {
  const [row]: Array<{
    id: string;
    nip: string;
    full_name: string;
    front_title: string | null;
    back_title: string | null;
    rank: string | null;
    position_name: string | null;
    agency_id: string;
  }> = await m.query(
    'SELECT id, nip, full_name, front_title, back_title, rank, position_name, agency_id FROM employee WHERE id = $1',
    [employeeId],
  );
  return row
    ? {
        id: row.id,
        nip: row.nip,
        fullName: row.full_name,
        frontTitle: row.front_title,
        backTitle: row.back_title,
        rank: row.rank,
        positionName: row.position_name,
        agencyId: row.agency_id,
      }
    : null;
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
