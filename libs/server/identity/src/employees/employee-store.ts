import type { DataSource, EntityManager } from 'typeorm';
import type { Employee, EmployeeType } from '@kompeten/shared-contracts';
import { likePattern } from '@kompeten/server-core';
import type { AccessScope } from '@kompeten/server-organisation';

/**
 * Hand-written SQL for ASN records (`employee`) inside this lib: the employee view with its agency, unit and supervisor
 * (organisation's published views for the names, decision 0016), the scoped and filtered list, and the per-NIP lock of
 * a create. Other libs read ASN through employee-readers.ts. Mapping rows to the API shape is employee.mapper.ts; who
 * may see or change a record is employee.service.ts and AccessScope.
 */

/** One row of `EMPLOYEE_SELECT`. */
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

/**
 * One query for the employee view with its agency, unit and supervisor names (aliases: e the employee, u its unit, s
 * the supervisor, su the supervisor's unit); where the supervisor sits comes along so the caller's right to see its
 * name is decided without another read.
 */
const EMPLOYEE_SELECT = `
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

/** One ASN in the employee view; none for an unknown id. */
export async function selectEmployeeRow(m: EntityManager, id: string): Promise<EmployeeRow | undefined> {
  const rows: EmployeeRow[] = await m.query(`${EMPLOYEE_SELECT} WHERE e.id = $1`, [id]);
  return rows[0];
}

/**
 * SQL condition limiting employees (alias e, unit alias u) to a caller's scope, with its parameters appended to
 * `params`: the agencies it administers, its HR unit subtrees, itself and (as a supervisor) its direct reports; with
 * `manageOnly`, only the first two.
 */
export function employeeScopeSql(scope: AccessScope, params: unknown[], opts: { manageOnly?: boolean } = {}): string {
  if (scope.global) return 'TRUE';
  const parts: string[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (scope.adminAgencyIds.size) parts.push(`e.agency_id = ANY(${p([...scope.adminAgencyIds])}::uuid[])`);
  for (const s of scope.hrUnitScopes) {
    parts.push(
      s.unitPath
        ? `(e.agency_id = ${p(s.agencyId)} AND u.path LIKE ${p(`${s.unitPath}%`)})`
        : `e.agency_id = ${p(s.agencyId)}`,
    );
  }
  // manageOnly: the ASN whose accounts the caller manages (AccessScope.canManageEmployeesAt), not itself or reports.
  if (scope.principal.employeeId && !opts.manageOnly) {
    parts.push(`e.id = ${p(scope.principal.employeeId)}`);
    if (scope.isSupervisor) parts.push(`e.supervisor_id = ${p(scope.principal.employeeId)}`);
  }
  return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
}

export interface EmployeeListFilter {
  agencyId?: string;
  /** The unit and every unit below it. */
  unitId?: string;
  employeeType?: EmployeeType;
  /** Words in the name, NIP or email (case-insensitive). */
  q?: string;
  page: number;
  pageSize: number;
}

/**
 * A page of the ASN the caller may read, by name then NIP, and how many there are: a count and a page with the same
 * condition (two statements, as before).
 */
export async function listEmployeeRows(
  db: DataSource,
  scope: AccessScope,
  f: EmployeeListFilter,
): Promise<{ total: number; rows: EmployeeRow[] }> {
  const params: unknown[] = [];
  const where = [employeeScopeSql(scope, params)];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (f.agencyId) where.push(`e.agency_id = ${p(f.agencyId)}`);
  if (f.unitId) where.push(`u.path LIKE (SELECT path FROM organisation_work_unit WHERE id = ${p(f.unitId)}) || '%'`);
  if (f.employeeType) where.push(`e.employee_type = ${p(f.employeeType)}`);
  if (f.q?.trim())
    where.push(
      `(lower(e.full_name) || ' ' || e.nip || ' ' || coalesce(lower(e.email), '')) LIKE ${p(likePattern(f.q.toLowerCase()))}`,
    );
  const cond = where.join(' AND ');
  const [{ total }]: Array<{ total: number }> = await db.query(
    `SELECT count(*)::int AS total FROM employee e LEFT JOIN organisation_work_unit u ON u.id = e.unit_id WHERE ${cond}`,
    params,
  );
  const rows: EmployeeRow[] = await db.query(
    `${EMPLOYEE_SELECT} WHERE ${cond} ORDER BY e.full_name, e.nip LIMIT ${p(f.pageSize)} OFFSET ${p((f.page - 1) * f.pageSize)}`,
    params,
  );
  return { total, rows };
}

/**
 * Serialises creates of one NIP until the transaction ends (an advisory lock: the row does not exist yet), so a
 * double-submitted request finds the first record instead of failing on the unique index.
 */
export async function lockNip(m: EntityManager, nip: string): Promise<void> {
  await m.query('SELECT pg_advisory_xact_lock(7363101, hashtext($1))', [nip]);
}
