import type { Principal, RoleClaim } from '@kompeten/server-core';
import { resolveScope } from './access-scope';

const agencies = [
  { id: 'nat', parentId: null },
  { id: 'ntb', parentId: 'nat' },
  { id: 'mataram', parentId: 'ntb' },
  { id: 'bima', parentId: 'ntb' },
  { id: 'jateng', parentId: 'nat' },
  { id: 'kendal', parentId: 'jateng' },
];
const units = new Map([
  ['dinkes', '/dinkes/'],
  ['rsud', '/dinkes/rsud/'],
]);
const who = (roles: RoleClaim[], employeeId: string | null = 'me'): Principal => ({
  userId: 'u',
  employeeId,
  roles,
  correlationId: null,
});

describe('resolveScope', () => {
  it('gives a province admin its province and every regency/city under it, and nothing else', () => {
    const s = resolveScope(who([{ role: 'province_admin', agencyId: 'ntb', unitId: null }]), agencies, units);
    expect(['ntb', 'mataram', 'bima'].every((a) => s.canAdministerAgency(a))).toBe(true);
    expect(s.canAdministerAgency('kendal')).toBe(false);
    expect(s.canAdministerAgency('nat')).toBe(false);
    expect(s.canReadAgency('jateng')).toBe(false);
  });

  it('keeps a regency admin inside its own agency', () => {
    const s = resolveScope(who([{ role: 'agency_admin', agencyId: 'mataram', unitId: null }]), agencies, units);
    expect(s.canAdministerAgency('mataram')).toBe(true);
    expect(s.canAdministerAgency('bima')).toBe(false);
    expect(s.canAdministerAgency('ntb')).toBe(false);
    expect(s.canReadEmployee({ id: 'x', agencyId: 'bima', unitPath: null, supervisorId: null })).toBe(false);
    expect(s.canReadEmployee({ id: 'x', agencyId: 'mataram', unitPath: '/any/', supervisorId: null })).toBe(true);
  });

  it('limits an HR officer to the ASN of its unit subtree', () => {
    const s = resolveScope(who([{ role: 'hr_officer', agencyId: 'mataram', unitId: 'dinkes' }]), agencies, units);
    expect(s.canManageEmployeesAt('mataram', '/dinkes/rsud/')).toBe(true);
    expect(s.canManageEmployeesAt('mataram', '/dinkes/')).toBe(true);
    expect(s.canManageEmployeesAt('mataram', '/bappeda/')).toBe(false);
    expect(s.canManageEmployeesAt('mataram', null)).toBe(false);
    expect(s.canManageEmployeesAt('bima', '/dinkes/')).toBe(false);
    expect(s.canAdministerAgency('mataram')).toBe(false);
    expect(s.isAdmin).toBe(true);
  });

  it('lets a learner read only itself, and a supervisor its direct reports', () => {
    const learner = resolveScope(who([{ role: 'learner', agencyId: 'mataram', unitId: null }]), agencies, units);
    expect(learner.canReadEmployee({ id: 'me', agencyId: 'mataram', unitPath: null, supervisorId: null })).toBe(true);
    expect(learner.canReadEmployee({ id: 'other', agencyId: 'mataram', unitPath: null, supervisorId: 'me' })).toBe(
      false,
    );
    expect(learner.isAdmin).toBe(false);
    const boss = resolveScope(who([{ role: 'supervisor', agencyId: 'mataram', unitId: null }]), agencies, units);
    expect(boss.canReadEmployee({ id: 'other', agencyId: 'mataram', unitPath: null, supervisorId: 'me' })).toBe(true);
    expect(boss.canReadEmployee({ id: 'other', agencyId: 'mataram', unitPath: null, supervisorId: 'someone' })).toBe(
      false,
    );
  });

  it('lets only the platform admin and province admins create agencies', () => {
    const prov = resolveScope(who([{ role: 'province_admin', agencyId: 'ntb', unitId: null }]), agencies, units);
    expect(prov.canCreateAgencyUnder('ntb')).toBe(true);
    expect(prov.canCreateAgencyUnder('jateng')).toBe(false);
    const regency = resolveScope(who([{ role: 'agency_admin', agencyId: 'mataram', unitId: null }]), agencies, units);
    expect(regency.canCreateAgencyUnder('mataram')).toBe(false);
  });

  it('never lets a caller grant a role above its own rank', () => {
    const s = resolveScope(who([{ role: 'agency_admin', agencyId: 'mataram', unitId: null }]), agencies, units);
    expect(s.canGrant('hr_officer', 'mataram')).toBe(true);
    expect(s.canGrant('agency_admin', 'mataram')).toBe(true);
    expect(s.canGrant('province_admin', 'mataram')).toBe(false);
    expect(s.canGrant('learner', 'bima')).toBe(false);
    const root = resolveScope(who([{ role: 'platform_admin', agencyId: 'nat', unitId: null }]), agencies, units);
    expect(root.canGrant('platform_admin', 'nat')).toBe(true);
    expect(root.canAdministerAgency('kendal')).toBe(true);
  });
});

describe('canManageAccount (decision 0012: strictly below the caller, within its scope)', () => {
  const at = (agencyId: string, unitPath: string | null = null) => ({ employeeId: 'target', agencyId, unitPath });
  const held = (role: RoleClaim['role'], agencyId: string, unitPath: string | null = null) => ({
    role,
    agencyId,
    unitPath,
  });
  const hr = resolveScope(who([{ role: 'hr_officer', agencyId: 'mataram', unitId: 'dinkes' }]), agencies, units);
  const admin = resolveScope(who([{ role: 'agency_admin', agencyId: 'mataram', unitId: null }]), agencies, units);
  const province = resolveScope(who([{ role: 'province_admin', agencyId: 'ntb', unitId: null }]), agencies, units);
  const platform = resolveScope(
    who([{ role: 'platform_admin', agencyId: 'nat', unitId: null }], null),
    agencies,
    units,
  );

  it('lets an HR officer manage plain learners of its unit subtree only', () => {
    expect(hr.canManageAccount(at('mataram', '/dinkes/rsud/'), [held('learner', 'mataram')])).toBe(true);
    expect(hr.canManageAccount(at('mataram', '/bappeda/'), [held('learner', 'mataram')])).toBe(false);
    for (const role of ['supervisor', 'widyaiswara', 'hr_officer', 'agency_admin'] as const) {
      expect([
        role,
        hr.canManageAccount(at('mataram', '/dinkes/'), [held('learner', 'mataram'), held(role, 'mataram')]),
      ]).toEqual([role, false]);
    }
  });

  it('lets an agency admin manage learners, widyaiswara, supervisors and HR officers, never a peer or a province admin', () => {
    for (const role of ['learner', 'widyaiswara', 'supervisor', 'hr_officer'] as const) {
      expect([
        role,
        admin.canManageAccount(at('mataram', '/dinkes/'), [
          held(role, 'mataram', role === 'hr_officer' ? '/dinkes/' : null),
        ]),
      ]).toEqual([role, true]);
    }
    expect(admin.canManageAccount(at('mataram'), [held('agency_admin', 'mataram')])).toBe(false);
    expect(admin.canManageAccount(at('mataram'), [held('learner', 'mataram'), held('province_admin', 'ntb')])).toBe(
      false,
    );
    expect(admin.canManageAccount(at('mataram'), [held('platform_admin', 'nat')])).toBe(false);
  });

  it('refuses an account that also holds a role outside the caller\u2019s scope', () => {
    expect(admin.canManageAccount(at('mataram'), [held('learner', 'mataram'), held('learner', 'bima')])).toBe(false);
    expect(admin.canManageAccount(at('bima'), [held('learner', 'bima')])).toBe(false);
  });

  it('lets a province admin manage the agency admins below it, but not another province admin', () => {
    expect(province.canManageAccount(at('mataram'), [held('agency_admin', 'mataram')])).toBe(true);
    expect(province.canManageAccount(at('ntb'), [held('province_admin', 'ntb')])).toBe(false);
    expect(province.canManageAccount(at('kendal'), [held('learner', 'kendal')])).toBe(false);
  });

  it('lets the platform admin manage everyone, and nobody manage their own account this way', () => {
    expect(platform.canManageAccount(at('ntb'), [held('province_admin', 'ntb'), held('platform_admin', 'nat')])).toBe(
      true,
    );
    expect(
      admin.canManageAccount({ employeeId: 'me', agencyId: 'mataram', unitPath: null }, [held('learner', 'mataram')]),
    ).toBe(false);
  });

  it('an account without roles follows the record: whoever manages the ASN', () => {
    expect(hr.canManageAccount(at('mataram', '/dinkes/'), [])).toBe(true);
    expect(hr.canManageAccount(at('bima', '/dinkes/'), [])).toBe(false);
  });
});

describe('canRevoke', () => {
  it('takes away roles strictly below the caller only: a peer agency admin keeps its role', () => {
    const admin = resolveScope(who([{ role: 'agency_admin', agencyId: 'mataram', unitId: null }]), agencies, units);
    const province = resolveScope(who([{ role: 'province_admin', agencyId: 'ntb', unitId: null }]), agencies, units);
    expect(admin.canRevoke('hr_officer', 'mataram')).toBe(true);
    expect(admin.canRevoke('supervisor', 'mataram')).toBe(true);
    expect(admin.canRevoke('agency_admin', 'mataram')).toBe(false);
    expect(admin.canRevoke('learner', 'bima')).toBe(false);
    expect(province.canRevoke('agency_admin', 'mataram')).toBe(true);
    expect(province.canRevoke('province_admin', 'ntb')).toBe(false);
  });
});

describe('holdsSupervisorRoleFor', () => {
  it('needs the supervisor role in the ASN\u2019s agency, inside the role\u2019s unit when it has one', () => {
    const unitSup = resolveScope(who([{ role: 'supervisor', agencyId: 'mataram', unitId: 'rsud' }]), agencies, units);
    expect(unitSup.holdsSupervisorRoleFor('mataram', '/dinkes/rsud/')).toBe(true);
    expect(unitSup.holdsSupervisorRoleFor('mataram', '/dinkes/')).toBe(false);
    expect(unitSup.holdsSupervisorRoleFor('bima', '/dinkes/rsud/')).toBe(false);
    const agencySup = resolveScope(who([{ role: 'supervisor', agencyId: 'mataram', unitId: null }]), agencies, units);
    expect(agencySup.holdsSupervisorRoleFor('mataram', null)).toBe(true);
    const learner = resolveScope(who([{ role: 'learner', agencyId: 'mataram', unitId: null }]), agencies, units);
    expect(learner.holdsSupervisorRoleFor('mataram', '/dinkes/')).toBe(false);
  });
});
