import { ErrorCode } from '@kompeten/shared-contracts';
import type { Principal, RoleClaim } from '@kompeten/server-core';
import { AgencyTreeIndex, resolveScope } from '@kompeten/server-organisation';
import { breadcrumbNodes, drillOf, resolveNode, type NodeUnit } from './report-node';

const tree = new AgencyTreeIndex([
  { id: 'nat', parentId: null, level: 'nasional', timeZone: 'Asia/Jakarta' },
  { id: 'ntb', parentId: 'nat', level: 'provinsi', timeZone: 'Asia/Makassar' },
  { id: 'mataram', parentId: 'ntb', level: 'kota', timeZone: 'Asia/Makassar' },
  { id: 'bima', parentId: 'ntb', level: 'kota', timeZone: 'Asia/Makassar' },
  { id: 'jateng', parentId: 'nat', level: 'provinsi', timeZone: 'Asia/Jakarta' },
  { id: 'kendal', parentId: 'jateng', level: 'kabupaten', timeZone: 'Asia/Jakarta' },
]);
const units: Record<string, NodeUnit> = {
  dinkes: { id: 'dinkes', agencyId: 'mataram', path: '/dinkes/' },
  rsud: { id: 'rsud', agencyId: 'mataram', path: '/dinkes/rsud/' },
  bappeda: { id: 'bappeda', agencyId: 'mataram', path: '/bappeda/' },
  bimaDinkes: { id: 'bimaDinkes', agencyId: 'bima', path: '/bimaDinkes/' },
};
const paths = new Map(Object.values(units).map((u) => [u.id, u.path]));
const scopeOf = (roles: RoleClaim[], employeeId: string | null = 'me') =>
  resolveScope({ userId: 'u', employeeId, roles, correlationId: null } satisfies Principal, tree.nodes, paths);
const role = (r: RoleClaim['role'], agencyId: string, unitId: string | null = null): RoleClaim => ({
  role: r,
  agencyId,
  unitId,
});
const code = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (e) {
    return (e as { code: string }).code;
  }
};

describe('JP report nodes and scope (report-node.ts)', () => {
  const platform = scopeOf([role('platform_admin', 'nat')]);
  const province = scopeOf([role('province_admin', 'ntb')]);
  const agencyAdmin = scopeOf([role('agency_admin', 'mataram')]);
  const hrUnit = scopeOf([role('hr_officer', 'mataram', 'dinkes')]);
  const hrAgency = scopeOf([role('hr_officer', 'mataram')]);
  const supervisor = scopeOf([role('learner', 'mataram'), role('supervisor', 'mataram')]);
  const learner = scopeOf([role('learner', 'mataram')]);

  it('lands each role on its top node without ids', () => {
    expect(resolveNode(platform, tree, {}, null)).toEqual({ level: 'all' });
    expect(resolveNode(province, tree, {}, null)).toEqual({ level: 'province', agencyId: 'ntb' });
    expect(resolveNode(agencyAdmin, tree, {}, null)).toEqual({ level: 'agency', agencyId: 'mataram' });
    expect(resolveNode(hrAgency, tree, {}, null)).toEqual({ level: 'agency', agencyId: 'mataram' });
    expect(resolveNode(hrUnit, tree, {}, null)).toEqual({
      level: 'unit',
      agencyId: 'mataram',
      unitId: 'dinkes',
      path: '/dinkes/',
    });
    expect(resolveNode(supervisor, tree, {}, null)).toEqual({ level: 'team', employeeId: 'me' });
    expect(code(() => resolveNode(learner, tree, {}, null))).toBe(ErrorCode.JP_REPORT_NO_SCOPE);
  });

  it('opens a province with its regencies/cities, or only its own ASN', () => {
    expect(resolveNode(province, tree, { agencyId: 'ntb' }, null)).toEqual({ level: 'province', agencyId: 'ntb' });
    expect(resolveNode(province, tree, { agencyId: 'ntb', ownOnly: true }, null)).toEqual({
      level: 'agency',
      agencyId: 'ntb',
    });
    expect(resolveNode(province, tree, { agencyId: 'bima' }, null)).toEqual({ level: 'agency', agencyId: 'bima' });
    expect(resolveNode(province, tree, { unitId: 'rsud' }, units.rsud)).toMatchObject({
      level: 'unit',
      unitId: 'rsud',
    });
  });

  it('answers 404 for an agency or unit outside the scope, as if it did not exist', () => {
    expect(code(() => resolveNode(province, tree, { agencyId: 'kendal' }, null))).toBe(ErrorCode.ORG_AGENCY_NOT_FOUND);
    expect(code(() => resolveNode(province, tree, { agencyId: 'nat' }, null))).toBe(ErrorCode.ORG_AGENCY_NOT_FOUND);
    expect(code(() => resolveNode(agencyAdmin, tree, { agencyId: 'bima' }, null))).toBe(ErrorCode.ORG_AGENCY_NOT_FOUND);
    expect(code(() => resolveNode(agencyAdmin, tree, { agencyId: 'ntb' }, null))).toBe(ErrorCode.ORG_AGENCY_NOT_FOUND);
    expect(code(() => resolveNode(agencyAdmin, tree, { unitId: 'bimaDinkes' }, units.bimaDinkes))).toBe(
      ErrorCode.ORG_UNIT_NOT_FOUND,
    );
    // An HR officer of one unit: not the agency, not a sibling unit; the units under its own, yes.
    expect(code(() => resolveNode(hrUnit, tree, { agencyId: 'mataram' }, null))).toBe(ErrorCode.ORG_AGENCY_NOT_FOUND);
    expect(code(() => resolveNode(hrUnit, tree, { unitId: 'bappeda' }, units.bappeda))).toBe(
      ErrorCode.ORG_UNIT_NOT_FOUND,
    );
    expect(resolveNode(hrUnit, tree, { unitId: 'rsud' }, units.rsud)).toMatchObject({ unitId: 'rsud' });
    // An HR officer of a whole agency: its units, not another agency's.
    expect(code(() => resolveNode(hrAgency, tree, { agencyId: 'bima' }, null))).toBe(ErrorCode.ORG_AGENCY_NOT_FOUND);
    // A unit id sent with another agency's id, an unknown id, a supervisor asking for an agency.
    expect(code(() => resolveNode(province, tree, { agencyId: 'bima', unitId: 'rsud' }, units.rsud))).toBe(
      ErrorCode.ORG_UNIT_NOT_FOUND,
    );
    expect(code(() => resolveNode(province, tree, { unitId: 'gone' }, null))).toBe(ErrorCode.ORG_UNIT_NOT_FOUND);
    expect(code(() => resolveNode(province, tree, { agencyId: 'unknown' }, null))).toBe(ErrorCode.ORG_AGENCY_NOT_FOUND);
    expect(code(() => resolveNode(supervisor, tree, { agencyId: 'mataram' }, null))).toBe(
      ErrorCode.ORG_AGENCY_NOT_FOUND,
    );
    expect(code(() => resolveNode(learner, tree, { team: true }, null))).toBe(ErrorCode.JP_REPORT_NO_SCOPE);
  });

  it('builds the breadcrumb from the caller\u2019s top node down, each with the query that opens it', () => {
    const rsud = resolveNode(province, tree, { unitId: 'rsud' }, units.rsud);
    expect(breadcrumbNodes(province, tree, rsud).map(drillOf)).toEqual([
      { agencyId: 'ntb' },
      { agencyId: 'mataram', ownOnly: true },
      { agencyId: 'mataram', unitId: 'dinkes' },
      { agencyId: 'mataram', unitId: 'rsud' },
    ]);
    expect(breadcrumbNodes(platform, tree, rsud).map((n) => n.level)).toEqual([
      'all',
      'province',
      'province',
      'agency',
      'unit',
      'unit',
    ]);
    expect(breadcrumbNodes(hrUnit, tree, rsud).map(drillOf)).toEqual([
      { agencyId: 'mataram', unitId: 'dinkes' },
      { agencyId: 'mataram', unitId: 'rsud' },
    ]);
    expect(breadcrumbNodes(agencyAdmin, tree, rsud).map((n) => n.level)).toEqual(['agency', 'unit', 'unit']);
  });
});
