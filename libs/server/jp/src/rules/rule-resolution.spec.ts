import { AgencyTreeIndex } from '@kompeten/server-organisation';
import { pickInForce, ruleOwnersFor } from './rule-resolution';
import type { RuleSetRow } from './rules-store';

const tree = new AgencyTreeIndex([
  { id: 'root', parentId: null, level: 'nasional', timeZone: 'Asia/Jakarta' },
  { id: 'ntb', parentId: 'root', level: 'provinsi', timeZone: 'Asia/Makassar' },
  { id: 'mataram', parentId: 'ntb', level: 'kota', timeZone: 'Asia/Makassar' },
  { id: 'bima', parentId: 'ntb', level: 'kota', timeZone: 'Asia/Makassar' },
]);
const set = (agencyId: string | null): RuleSetRow => ({
  id: `set-${agencyId ?? 'national'}`,
  agencyId,
  agencyName: agencyId,
  effectiveFrom: '2026-01-01',
  minutesPerJp: { classroom: 45, online: 45, blended: 45, self_paced: 45 },
  claimVerifier: 'hr_officer',
  note: null,
  createdAt: new Date(0),
});

describe('whose rules apply (agency → province → national)', () => {
  it('lists the agency, its province, then the national defaults', () => {
    expect(ruleOwnersFor('mataram', tree)).toEqual(['mataram', 'ntb', null]);
    expect(ruleOwnersFor('ntb', tree)).toEqual(['ntb', null]);
    // A national-level agency has no province: its own rules, then the national defaults.
    expect(ruleOwnersFor('root', tree)).toEqual(['root', null]);
  });

  it('takes the most specific version in force', () => {
    const owners = ruleOwnersFor('mataram', tree);
    expect(pickInForce(owners, [set(null), set('ntb'), set('mataram')])?.id).toBe('set-mataram');
    expect(pickInForce(owners, [set(null), set('ntb')])?.id).toBe('set-ntb');
    expect(pickInForce(owners, [set(null)])?.id).toBe('set-national');
    // Another city's version never applies.
    expect(pickInForce(owners, [set(null), set('bima')])?.id).toBe('set-national');
    expect(pickInForce(owners, [])).toBeNull();
  });
});
