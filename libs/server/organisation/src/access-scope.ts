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

/**
 * Rank of an account's roles when someone wants to create, reset, deactivate or re-address it (decision 0012).
 * Supervisor and widyaiswara rank with the HR officer: an HR officer manages plain learners only, so nobody takes
 * over a peer or the person who approves their own training.
 */
export const ACCOUNT_RANK: Record<Role, number> = {
  learner: 0,
  widyaiswara: 1,
  supervisor: 1,
  hr_officer: 1,
  agency_admin: 2,
  province_admin: 3,
  platform_admin: 4,
};

/** A role an account holds, where it applies (unitPath null: agency-wide). */
export interface HeldRole {
  role: Role;
  agencyId: string;
  unitPath: string | null;
}

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
    /** Where the caller holds the supervisor role (unitPath null: the whole agency). */
    readonly supervisorScopes: readonly UnitScope[] = [],
  ) {}

  get isAdmin(): boolean {
    return this.global || this.adminAgencyIds.size > 0 || this.hrUnitScopes.length > 0;
  }

  canReadAgency(agencyId: string): boolean {
    return (
      this.global ||
      this.adminAgencyIds.has(agencyId) ||
      this.memberAgencyIds.has(agencyId) ||
      this.hrUnitScopes.some((s) => s.agencyId === agencyId)
    );
  }

  canAdministerAgency(agencyId: string): boolean {
    return this.global || this.adminAgencyIds.has(agencyId);
  }

  /** May create or change ASN records in this agency/unit (agency admin, or HR officer of the unit subtree). */
  canManageEmployeesAt(agencyId: string, unitPath: string | null): boolean {
    if (this.canAdministerAgency(agencyId)) return true;
    return this.hrUnitScopes.some(
      (s) => s.agencyId === agencyId && (s.unitPath === null || (unitPath !== null && unitPath.startsWith(s.unitPath))),
    );
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

  /** The caller's own rank for account management at a place: -1 when it manages nobody there. */
  accountRankAt(agencyId: string, unitPath: string | null): number {
    if (this.global) return ACCOUNT_RANK.platform_admin + 1;
    const admin = this.rankByAgency.get(agencyId);
    if (admin !== undefined && admin >= ACCOUNT_RANK.agency_admin) return admin;
    return this.canManageEmployeesAt(agencyId, unitPath) ? ACCOUNT_RANK.hr_officer : -1;
  }

  /**
   * May create, reset, deactivate or change the login email of the account of an ASN placed at `target`, holding
   * `roles`: the caller manages the ASN's record, and every role ranks strictly below the caller's own rank where
   * that role applies. A role without a unit in the ASN's own agency applies where the ASN works. Nobody manages
   * their own account this way (they change their own password instead).
   */
  canManageAccount(
    target: { employeeId: string; agencyId: string; unitPath: string | null },
    roles: readonly HeldRole[],
  ): boolean {
    if (target.employeeId === this.principal.employeeId) return false;
    if (this.global) return true;
    if (!this.canManageEmployeesAt(target.agencyId, target.unitPath)) return false;
    return roles.every((r) => {
      const unitPath = r.unitPath ?? (r.agencyId === target.agencyId ? target.unitPath : null);
      return ACCOUNT_RANK[r.role] < this.accountRankAt(r.agencyId, unitPath);
    });
  }

  /**
   * May take a role away: as for granting, and (decision 0012) the role ranks strictly below the caller, so peers do not
   * strip each other's administration (an agency admin's role is revoked by the province admin above it).
   */
  canRevoke(role: Role, agencyId: string): boolean {
    if (this.global) return true;
    return this.canGrant(role, agencyId) && ACCOUNT_RANK[role] < this.accountRankAt(agencyId, null);
  }

  /** Holds the supervisor role where an ASN works: the ASN's agency, and the unit subtree if the role has one. */
  holdsSupervisorRoleFor(agencyId: string, unitPath: string | null): boolean {
    return this.supervisorScopes.some(
      (s) => s.agencyId === agencyId && (s.unitPath === null || (unitPath !== null && unitPath.startsWith(s.unitPath))),
    );
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
export function resolveScope(
  principal: Principal,
  agencies: readonly AgencyNode[],
  unitPaths: ReadonlyMap<string, string>,
): AccessScope {
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
  const sup: UnitScope[] = [];
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
      hr.push({
        agencyId: claim.agencyId,
        unitPath: claim.unitId ? (unitPaths.get(claim.unitId) ?? `/${claim.unitId}/`) : null,
      });
    }
    if (claim.role === 'supervisor') {
      sup.push({
        agencyId: claim.agencyId,
        unitPath: claim.unitId ? (unitPaths.get(claim.unitId) ?? `/${claim.unitId}/`) : null,
      });
    }
  }
  return new AccessScope(principal, global, admin, hr, member, rank, sup);
}
