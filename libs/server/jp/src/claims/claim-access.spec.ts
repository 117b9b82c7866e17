import type { Principal, RoleClaim } from '@kompeten/server-core';
import { resolveScope } from '@kompeten/server-organisation';
import { canDecideClaim, canSeeClaim, decidableClaimsSql, type ClaimSubject } from './claim-access';

const agencies = [
  { id: 'nat', parentId: null },
  { id: 'ntb', parentId: 'nat' },
  { id: 'mataram', parentId: 'ntb' },
  { id: 'bima', parentId: 'ntb' },
];
const units = new Map([
  ['dinkes', '/dinkes/'],
  ['disdik', '/disdik/'],
]);
const scopeOf = (roles: RoleClaim[], employeeId: string | null = 'me') => {
  const principal: Principal = { userId: 'u', employeeId, roles, correlationId: null };
  return resolveScope(principal, agencies, units);
};
const claim = (o: Partial<ClaimSubject> = {}): ClaimSubject => ({
  id: 'asn',
  agencyId: 'mataram',
  unitPath: '/dinkes/rsud/',
  supervisorId: 'boss',
  verifier: 'hr_officer',
  ...o,
});

const hrDinkes = scopeOf([
  { role: 'learner', agencyId: 'mataram', unitId: null },
  { role: 'hr_officer', agencyId: 'mataram', unitId: 'dinkes' },
]);
const hrBima = scopeOf([{ role: 'hr_officer', agencyId: 'bima', unitId: null }]);
const boss = scopeOf([{ role: 'supervisor', agencyId: 'mataram', unitId: null }], 'boss');
const admin = scopeOf([{ role: 'agency_admin', agencyId: 'mataram', unitId: null }], null);
const provinceAdmin = scopeOf([{ role: 'province_admin', agencyId: 'ntb', unitId: null }], null);
const platform = scopeOf([{ role: 'platform_admin', agencyId: 'nat', unitId: null }], null);
const claimant = scopeOf([{ role: 'learner', agencyId: 'mataram', unitId: null }], 'asn');

describe('who may see and decide an external-learning claim', () => {
  it('the HR officer of the unit subtree decides when the rules name the HR officer', () => {
    expect(canDecideClaim(hrDinkes, claim())).toBe(true);
    expect(canDecideClaim(hrDinkes, claim({ unitPath: '/disdik/' }))).toBe(false);
    expect(canDecideClaim(hrDinkes, claim({ unitPath: null }))).toBe(false);
    expect(canSeeClaim(hrDinkes, claim({ unitPath: '/disdik/' }))).toBe(false);
  });

  it('an HR officer of another agency neither sees nor decides', () => {
    expect(canSeeClaim(hrBima, claim())).toBe(false);
    expect(canDecideClaim(hrBima, claim())).toBe(false);
  });

  it('the supervisor decides when the rules name the supervisor; the HR officer then only sees', () => {
    const c = claim({ verifier: 'supervisor' });
    expect(canDecideClaim(boss, c)).toBe(true);
    expect(canDecideClaim(hrDinkes, c)).toBe(false);
    expect(canSeeClaim(hrDinkes, c)).toBe(true);
    // Not the ASN's own supervisor.
    expect(canDecideClaim(boss, claim({ verifier: 'supervisor', supervisorId: 'someone-else' }))).toBe(false);
    // The supervisor does not decide when the rules name the HR officer.
    expect(canDecideClaim(boss, claim())).toBe(false);
    expect(canSeeClaim(boss, claim())).toBe(true);
  });

  it('without a supervisor on record, the HR officer decides a claim the rules give the supervisor', () => {
    expect(canDecideClaim(hrDinkes, claim({ verifier: 'supervisor', supervisorId: null }))).toBe(true);
  });

  it('admins of the agency (and of its province) always decide; the platform admin everywhere', () => {
    for (const s of [admin, provinceAdmin, platform]) {
      expect(canDecideClaim(s, claim())).toBe(true);
      expect(canDecideClaim(s, claim({ verifier: 'supervisor' }))).toBe(true);
    }
    expect(canDecideClaim(admin, claim({ agencyId: 'bima' }))).toBe(false);
  });

  it('nobody decides their own claim, though they see it', () => {
    expect(canSeeClaim(claimant, claim())).toBe(true);
    expect(canDecideClaim(claimant, claim())).toBe(false);
    const hrOwn = scopeOf([{ role: 'hr_officer', agencyId: 'mataram', unitId: 'dinkes' }], 'asn');
    expect(canDecideClaim(hrOwn, claim())).toBe(false);
  });

  describe('the same rule as SQL (the queue)', () => {
    it('names no parameter it does not pass', () => {
      for (const s of [hrDinkes, hrBima, boss, admin, provinceAdmin, platform, claimant]) {
        const params: unknown[] = [];
        const sql = decidableClaimsSql(s, params);
        const used = new Set([...sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
        expect(Math.max(...used)).toBe(params.length);
      }
    });

    it('is false for a learner without verifier roles, and only "not own" for the platform admin', () => {
      expect(decidableClaimsSql(claimant, [])).toBe('(c.employee_id IS DISTINCT FROM $1::uuid AND (false))');
      expect(decidableClaimsSql(platform, [])).toBe('(c.employee_id IS DISTINCT FROM $1::uuid)');
    });
  });
});
