import type { JpClaimVerifier } from '@kompeten/shared-contracts';
import type { AccessScope, EmployeeRef } from '@kompeten/server-organisation';

/**
 * Who may see and who may decide an external-learning claim (decision 0022) — the rule in code and, for the queue, the
 * same rule as SQL; the unit tests hold the two together.
 *
 * See: the claimant; their supervisor (direct reports); HR officers of their unit subtree; admins of their agency (a
 * province admin: its regencies and cities too); the platform admin — AccessScope.canReadEmployee, on where the ASN
 * works now. Anyone else gets a 404.
 *
 * Decide: never one's own claim. Admins of the ASN's agency always may. Otherwise the verifier named by the agency's
 * rules: an HR officer whose unit subtree holds the ASN, or the ASN's direct supervisor (holding the supervisor role);
 * when the rules name the supervisor but the ASN has none on record, the HR officer decides instead.
 */
export interface ClaimSubject extends EmployeeRef {
  verifier: JpClaimVerifier;
}

const inHrScope = (scope: AccessScope, s: EmployeeRef) =>
  scope.hrUnitScopes.some(
    (h) =>
      h.agencyId === s.agencyId && (h.unitPath === null || (s.unitPath !== null && s.unitPath.startsWith(h.unitPath))),
  );

export function canSeeClaim(scope: AccessScope, s: EmployeeRef): boolean {
  return scope.canReadEmployee(s);
}

export function canDecideClaim(scope: AccessScope, s: ClaimSubject): boolean {
  if (s.id === scope.principal.employeeId) return false;
  if (scope.canAdministerAgency(s.agencyId)) return true;
  if (s.verifier === 'hr_officer' || s.supervisorId === null) return inHrScope(scope, s);
  return scope.isSupervisor && s.supervisorId === scope.principal.employeeId;
}

/**
 * `canDecideClaim` as a SQL condition over a claim `c` joined with `identity_employee e` and
 * `organisation_work_unit u` (the ASN's unit); parameters appended to `params`.
 */
export function decidableClaimsSql(scope: AccessScope, params: unknown[]): string {
  const add = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const me = add(scope.principal.employeeId);
  const notOwn = `c.employee_id IS DISTINCT FROM ${me}::uuid`;
  if (scope.global) return `(${notOwn})`;
  const parts: string[] = [];
  if (scope.adminAgencyIds.size) parts.push(`e.agency_id = ANY(${add([...scope.adminAgencyIds])}::uuid[])`);
  for (const h of scope.hrUnitScopes) {
    const unit = h.unitPath === null ? 'true' : `starts_with(u.path, ${add(h.unitPath)}::text)`;
    parts.push(
      `(e.agency_id = ${add(h.agencyId)}::uuid AND ${unit} AND (c.verifier = 'hr_officer' OR e.supervisor_id IS NULL))`,
    );
  }
  if (scope.isSupervisor && scope.principal.employeeId)
    parts.push(`(c.verifier = 'supervisor' AND e.supervisor_id = ${me}::uuid)`);
  return `(${notOwn} AND (${parts.length ? parts.join(' OR ') : 'false'}))`;
}
