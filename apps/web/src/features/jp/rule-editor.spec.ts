import { describe, expect, it } from '@jest/globals';
import { JENIS_DIKLAT, type JpRule, type JpRuleSet } from '@kompeten/shared-contracts';
import { changedForms, optionalAmount, ruleSetFormFrom, ruleSetInputOf, ruleSetProblems } from './rule-editor';

const rules: JpRule[] = JENIS_DIKLAT.map((f) => ({
  jenisDiklatId: f.id,
  channel: f.channel,
  unit: f.classroom ? 'hour' : 'session',
  jpPerUnit: f.classroom ? null : 1,
  capPerActivity: null,
  capPerYear: f.classroom ? null : 10,
  evidence: f.classroom ? 'certificate' : 'document',
  enabled: true,
}));
const base: JpRuleSet = {
  id: 'national',
  agencyId: null,
  agencyName: null,
  effectiveFrom: '2000-01-01',
  minutesPerJp: { classroom: 45, online: 45, blended: 45, self_paced: 45 },
  claimVerifier: 'hr_officer',
  note: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  lineCount: 10,
  rules,
};

describe('rule editor', () => {
  it('a copy of the version in force round-trips to the same rules', () => {
    const form = ruleSetFormFrom(base, 'mataram', '2027-01-01');
    expect(ruleSetProblems(form)).toEqual([]);
    expect(ruleSetInputOf(form)).toEqual({
      agencyId: 'mataram',
      effectiveFrom: '2027-01-01',
      minutesPerJp: base.minutesPerJp,
      claimVerifier: 'hr_officer',
      note: null,
      rules,
    });
    expect(changedForms(form, base)).toEqual([]);
  });

  it('reads amounts as typed, Indonesian decimals included; empty is "none"', () => {
    expect(optionalAmount('')).toBeNull();
    expect(optionalAmount('1,5')).toBe(1.5);
    expect(optionalAmount('8')).toBe(8);
    expect(optionalAmount('0')).toBeUndefined();
    expect(optionalAmount('1,555')).toBeUndefined();
    expect(optionalAmount('delapan')).toBeUndefined();
  });

  it('names each problem with its form or delivery mode', () => {
    const form = ruleSetFormFrom(base, null, '2027-02-30');
    form.minutesPerJp.online = '0';
    form.rules[13] = { ...form.rules[13], jpPerUnit: '' };
    form.rules[8] = { ...form.rules[8], capPerActivity: '12', capPerYear: '10' };
    form.rules[2] = { ...form.rules[2], capPerYear: 'x' };
    expect(ruleSetProblems(form)).toEqual([
      { problem: 'effectiveFromInvalid' },
      { problem: 'minutesInvalid', mode: 'online' },
      { problem: 'numberInvalid', jenisDiklatId: 3 },
      { problem: 'capsOrder', jenisDiklatId: 9 },
      { problem: 'jpPerUnitRequired', jenisDiklatId: 14 },
    ]);
  });

  it('counts the forms changed from the base, and sends the changes', () => {
    const form = ruleSetFormFrom(base, 'mataram', '2027-01-01');
    form.rules[13] = { ...form.rules[13], jpPerUnit: '2', capPerYear: '' };
    form.rules[18] = { ...form.rules[18], enabled: false };
    form.claimVerifier = 'supervisor';
    form.note = '  Ketentuan 2027 ';
    expect(changedForms(form, base)).toEqual([14, 19]);
    const input = ruleSetInputOf(form);
    expect(input.rules[13]).toMatchObject({ jpPerUnit: 2, capPerYear: null });
    expect(input.rules[18].enabled).toBe(false);
    expect(input).toMatchObject({ claimVerifier: 'supervisor', note: 'Ketentuan 2027' });
  });
});
