import type { Role } from '@kompeten/shared-contracts';
import type { Principal } from '@kompeten/server-core';

/** Rank of the administrative roles: a caller may grant a role only up to its own rank. */
export const ROLE_RANK: Record<Role, number> = {
  learner: 0,
  widyaiswara: 0,
  supervisor: 0,
  hr_officer: 1,
  agency_admin: 2,
  province_admin: 3,
  platform_admin: 4,
};

/** An employee as far as access rules care. */
export interface EmployeeRef {
  id: string;
  agencyId: string;
  unitPath: string | null;
  supervisorId: string | null;
}

export interface UnitScope {
  agencyId: string;
  /** null: the whole agency. */
  unitPath: string | null;
}

/**
 * What a caller may see and change, resolved from its role claims and the agency tree.
 * Pure data + rules: unit-tested without a database.
 */
export class AccessScope {
  constructor(
    readonly principal: Principal,
    /** Platform admin: everything. */
    readonly global: boolean,
    /** Agencies the caller administers (with all their units and ASN), including descendants of a province. */
    readonly adminAgencyIds: ReadonlySet<string>,
    /** HR-officer scopes: the ASN of a unit subtree. */
    readonly hrUnitScopes: readonly UnitScope[],
    /** Agencies the caller belongs to through any role (readable, not writable). */
    readonly memberAgencyIds: ReadonlySet<string>,
    /** Highest administrative rank held per administered agency. */
    private readonly rankByAgency: ReadonlyMap<string, number>,
  ) {}

  get isAdmin(): boolean {
    return this.global || this.adminAgencyIds.size > 0 || this.hrUnitScopes.length > 0;
  }

  canReadAgency(agencyId: string): boolean {
    return this.global || this.adminAgencyIds.has(agencyId) || this.memberAgencyIds.has(agencyId) || this.hrUnitScopes.some((s) => s.agencyId === agencyId);
  }

  canAdministerAgency(agencyId: string): boolean {
    return this.global || this.adminAgencyIds.has(agencyId);
  }

  /** May create or change ASN records in this agency/unit (agency admin, or HR officer of the unit subtree). */
  canManageEmployeesAt(agencyId: string, unitPath: string | null): boolean {
    if (this.canAdministerAgency(agencyId)) return true;
    return this.hrUnitScopes.some((s) => s.agencyId === agencyId && (s.unitPath === null || (unitPath !== null && unitPath.startsWith(s.unitPath))));
  }

  canReadEmployee(e: EmployeeRef): boolean {
    if (e.id === this.principal.employeeId) return true;
    if (this.canManageEmployeesAt(e.agencyId, e.unitPath)) return true;
    return this.isSupervisor && e.supervisorId !== null && e.supervisorId === this.principal.employeeId;
  }

  get isSupervisor(): boolean {
    return this.principal.roles.some((r) => r.role === 'supervisor');
  }

  /** May create agencies under `parentId`: the platform admin anywhere, a province admin under its province. */
  canCreateAgencyUnder(parentId: string): boolean {
    return this.global || (this.rankByAgency.get(parentId) ?? 0) >= ROLE_RANK.province_admin;
  }

  /** May grant `role` at `agencyId`: administers it and the role is not above the caller's own rank there. */
  canGrant(role: Role, agencyId: string): boolean {
    if (this.global) return true;
    const rank = this.rankByAgency.get(agencyId);
    return rank !== undefined && ROLE_RANK[role] <= rank && role !== 'platform_admin';
  }
}

export interface AgencyNode {
  id: string;
  parentId: string | null;
}

/** Resolves a caller's scope from its claims, the agency tree and the paths of the units it holds roles in. */
export function resolveScope(principal: Principal, agencies: readonly AgencyNode[], unitPaths: ReadonlyMap<string, string>): AccessScope {
  const children = new Map<string, string[]>();
  for (const a of agencies) {
    if (a.parentId) children.set(a.parentId, [...(children.get(a.parentId) ?? []), a.id]);
  }
  const subtree = (root: string): string[] => {
    const out: string[] = [];
    const stack = [root];
    while (stack.length) {
      const id = stack.pop() as string;
      out.push(id);
      stack.push(...(children.get(id) ?? []));
    }
    return out;
  };
  let global = false;
  const admin = new Set<string>();
  const member = new Set<string>();
  const hr: UnitScope[] = [];
  const rank = new Map<string, number>();
  for (const claim of principal.roles) {
    member.add(claim.agencyId);
    if (claim.role === 'platform_admin') global = true;
    if (claim.role === 'province_admin' || claim.role === 'agency_admin') {
      for (const id of subtree(claim.agencyId)) {
        admin.add(id);
        rank.set(id, Math.max(rank.get(id) ?? 0, ROLE_RANK[claim.role]));
      }
    }
    if (claim.role === 'hr_officer') {
      hr.push({ agencyId: claim.agencyId, unitPath: claim.unitId ? (unitPaths.get(claim.unitId) ?? `/${claim.unitId}/`) : null });
    }
  }
  return new AccessScope(principal, global, admin, hr, member, rank);
}
