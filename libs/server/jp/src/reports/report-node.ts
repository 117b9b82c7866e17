import { ErrorCode, type ComplianceDrill, type ComplianceLevel } from '@kompeten/shared-contracts';
import { forbidden, notFound } from '@kompeten/server-core';
import type { AccessScope, AgencyTreeIndex } from '@kompeten/server-organisation';

/**
 * Where a JP report stands and who may stand there (decision 0023). Pure rules over the caller's AccessScope and the
 * agency tree; the ids a caller sends are checked here, and anything outside the scope is a 404 like the rest of the
 * API (an id the caller may not see does not exist for them).
 *
 * - all: every agency (platform admin), grouped by top-level agency;
 * - province: an agency with the agencies under it (a province and its regencies/cities), grouped by child agency,
 *   the agency's own ASN as one more row;
 * - agency: one agency's own ASN, grouped by top-level work unit (plus ASN without a unit);
 * - unit: a work unit's subtree, grouped by its direct sub-units (plus ASN placed in the unit itself);
 * - team: a supervisor's direct reports (employee.supervisor_id).
 */
export type ReportNode =
  | { level: 'all' }
  | { level: 'province'; agencyId: string }
  | { level: 'agency'; agencyId: string }
  | { level: 'unit'; agencyId: string; unitId: string; path: string }
  | { level: 'team'; employeeId: string };

export interface NodeRequest {
  agencyId?: string;
  unitId?: string;
  /** An agency with agencies under it: only its own ASN (by unit) instead of the whole tree. */
  ownOnly?: boolean;
  /** The caller's direct reports (supervisors). */
  team?: boolean;
}

/** A work unit as the resolver needs it (looked up by the caller; null when the id does not exist). */
export interface NodeUnit {
  id: string;
  agencyId: string;
  path: string;
}

const hasChildAgencies = (tree: AgencyTreeIndex, agencyId: string) => tree.descendantsOrSelf(agencyId).length > 1;

/** May see an agency together with every agency under it: the platform admin, or an admin of the agency (which covers its descendants). */
export function canOpenTree(scope: AccessScope, agencyId: string): boolean {
  return scope.global || scope.adminAgencyIds.has(agencyId);
}

/** May see an agency's own ASN: an admin of it, or an HR officer of the whole agency. */
export function canOpenAgency(scope: AccessScope, agencyId: string): boolean {
  return scope.canManageEmployeesAt(agencyId, null);
}

/** May see a unit's subtree: an admin of its agency, or an HR officer whose units include it. */
export function canOpenUnit(scope: AccessScope, unit: { agencyId: string; path: string }): boolean {
  return scope.canManageEmployeesAt(unit.agencyId, unit.path);
}

export function canOpenTeam(scope: AccessScope): boolean {
  return scope.isSupervisor && !!scope.principal.employeeId;
}

export function canOpen(scope: AccessScope, node: ReportNode): boolean {
  switch (node.level) {
    case 'all':
      return scope.global;
    case 'province':
      return canOpenTree(scope, node.agencyId);
    case 'agency':
      return canOpenAgency(scope, node.agencyId);
    case 'unit':
      return canOpenUnit(scope, node);
    case 'team':
      return canOpenTeam(scope) && node.employeeId === scope.principal.employeeId;
  }
}

/** The node of an agency as the caller may see it: the tree when it has agencies under it and the caller may, else its own ASN. */
function agencyNode(scope: AccessScope, tree: AgencyTreeIndex, agencyId: string, ownOnly: boolean): ReportNode | null {
  if (!ownOnly && hasChildAgencies(tree, agencyId) && canOpenTree(scope, agencyId))
    return { level: 'province', agencyId };
  if (canOpenAgency(scope, agencyId)) return { level: 'agency', agencyId };
  return null;
}

/**
 * Where the caller lands without ids: everything (platform admin), the highest agency it administers, the units it is
 * HR officer of, or its team. A caller with none of those may not see compliance reports (403).
 */
export function defaultNode(scope: AccessScope, tree: AgencyTreeIndex): ReportNode {
  if (scope.global) return { level: 'all' };
  const tops = [...scope.adminAgencyIds]
    .filter((id) => {
      const parent = tree.get(id)?.parentId;
      return !parent || !scope.adminAgencyIds.has(parent);
    })
    .map((id) => ({ id, depth: tree.ancestorsOrSelf(id).length }))
    .sort((a, b) => a.depth - b.depth || a.id.localeCompare(b.id));
  if (tops.length) return agencyNode(scope, tree, tops[0].id, false) as ReportNode;
  for (const hr of scope.hrUnitScopes) {
    if (hr.unitPath === null) return { level: 'agency', agencyId: hr.agencyId };
    const ids = pathIds(hr.unitPath);
    if (ids.length) return { level: 'unit', agencyId: hr.agencyId, unitId: ids[ids.length - 1], path: hr.unitPath };
  }
  if (canOpenTeam(scope)) return { level: 'team', employeeId: scope.principal.employeeId as string };
  throw forbidden(
    ErrorCode.JP_REPORT_NO_SCOPE,
    'Laporan kepatuhan JP hanya untuk atasan langsung, pengelola kepegawaian dan admin instansi',
  );
}

/**
 * The node a request asks for, checked against the caller's scope. `unit` is the looked-up `unitId` (null when no
 * such unit exists). An agency or unit outside the scope answers 404, as if it did not exist.
 */
export function resolveNode(
  scope: AccessScope,
  tree: AgencyTreeIndex,
  req: NodeRequest,
  unit: NodeUnit | null,
): ReportNode {
  if (req.unitId) {
    if (!unit || (req.agencyId && unit.agencyId !== req.agencyId) || !canOpenUnit(scope, unit))
      throw notFound(ErrorCode.ORG_UNIT_NOT_FOUND, 'Unit kerja tidak ditemukan');
    return { level: 'unit', agencyId: unit.agencyId, unitId: unit.id, path: unit.path };
  }
  if (req.agencyId) {
    const node = tree.get(req.agencyId) ? agencyNode(scope, tree, req.agencyId, !!req.ownOnly) : null;
    if (!node) throw notFound(ErrorCode.ORG_AGENCY_NOT_FOUND, 'Instansi tidak ditemukan');
    return node;
  }
  if (req.team) {
    if (!canOpenTeam(scope))
      throw forbidden(
        ErrorCode.JP_REPORT_NO_SCOPE,
        'Laporan tim hanya untuk atasan langsung yang tercatat sebagai ASN',
      );
    return { level: 'team', employeeId: scope.principal.employeeId as string };
  }
  return defaultNode(scope, tree);
}

/** The query parameters that open a node again. */
export function drillOf(node: ReportNode): ComplianceDrill | null {
  switch (node.level) {
    case 'all':
      return {};
    case 'province':
      return { agencyId: node.agencyId };
    case 'agency':
      return { agencyId: node.agencyId, ownOnly: true };
    case 'unit':
      return { agencyId: node.agencyId, unitId: node.unitId };
    case 'team':
      return { team: true };
  }
}

export const levelOf = (node: ReportNode): ComplianceLevel => node.level;

/** The ids of a materialised unit path `/<root>/…/<id>/`, root first. */
export const pathIds = (path: string): string[] => path.split('/').filter(Boolean);

/**
 * The nodes from the top down to `node` that the caller may open (a contiguous chain ending at the node): everything
 * (platform admin), the agencies above, the agency's own ASN, then the units down the path.
 */
export function breadcrumbNodes(scope: AccessScope, tree: AgencyTreeIndex, node: ReportNode): ReportNode[] {
  const chain: ReportNode[] = [];
  if (node.level === 'team') return [node];
  chain.push({ level: 'all' });
  if (node.level !== 'all') {
    const agencies = tree.ancestorsOrSelf(node.agencyId).reverse();
    for (const a of agencies) {
      if (hasChildAgencies(tree, a.id)) chain.push({ level: 'province', agencyId: a.id });
    }
    if (node.level === 'agency' || node.level === 'unit') chain.push({ level: 'agency', agencyId: node.agencyId });
    if (node.level === 'unit') {
      const ids = pathIds(node.path);
      ids.forEach((id, i) =>
        chain.push({ level: 'unit', agencyId: node.agencyId, unitId: id, path: `/${ids.slice(0, i + 1).join('/')}/` }),
      );
    }
  }
  const out: ReportNode[] = [];
  for (let i = chain.length - 1; i >= 0 && canOpen(scope, chain[i]); i--) out.unshift(chain[i]);
  return out;
}
