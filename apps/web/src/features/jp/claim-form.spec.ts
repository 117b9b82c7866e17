import { describe, expect, it } from '@jest/globals';
import type { JpRule, JpRuleSet } from '@kompeten/shared-contracts';
import { claimInputOf, claimProblems, EMPTY_CLAIM, estimateJp, ruleOf, type ClaimFormValues } from './claim-form';

const rule = (o: Partial<JpRule> = {}): JpRule => ({
  jenisDiklatId: 9,
  channel: 'formal',
  unit: 'hour',
  jpPerUnit: null,
  capPerActivity: null,
  capPerYear: null,
  evidence: 'certificate',
  enabled: true,
  ...o,
});
const MINUTES = { classroom: 45, online: 60, blended: 45, self_paced: 45 };
const seminar: ClaimFormValues = {
  ...EMPTY_CLAIM,
  jenisDiklatId: '9',
  title: 'Seminar Pelayanan Publik',
  organiser: 'LAN',
  startDate: '2026-09-14',
  endDate: '2026-09-14',
  quantity: '4,5',
  certificateNumber: '800/1/LAN',
};
const pdf = { name: 'sertifikat.pdf', size: 20_000 };
const TODAY = '2026-12-04';

describe('claim form', () => {
  it('a complete seminar claim has no problems and becomes the API input', () => {
    expect(claimProblems(seminar, rule(), pdf, TODAY)).toEqual({});
    expect(claimInputOf(seminar)).toEqual({
      jenisDiklatId: 9,
      title: 'Seminar Pelayanan Publik',
      organiser: 'LAN',
      startDate: '2026-09-14',
      endDate: '2026-09-14',
      quantity: 4.5,
      deliveryMode: 'classroom',
      competencyKind: null,
      certificateNumber: '800/1/LAN',
    });
  });

  it('an empty form names every missing field', () => {
    expect(claimProblems(EMPTY_CLAIM, null, null, TODAY)).toEqual({
      jenisDiklatId: 'formRequired',
      title: 'titleRequired',
      organiser: 'organiserRequired',
      endDate: 'datesRequired',
      quantity: 'quantityInvalid',
    });
  });

  it('dates: the end not before the start, and not in the future', () => {
    expect(claimProblems({ ...seminar, endDate: '2026-09-13' }, rule(), pdf, TODAY).endDate).toBe('endBeforeStart');
    expect(claimProblems({ ...seminar, endDate: '2026-12-05' }, rule(), pdf, TODAY).endDate).toBe('endInFuture');
  });

  it('a quantity the dates cannot hold: more than 24 hours a day, more days than the dates span', () => {
    expect(claimProblems({ ...seminar, quantity: '25' }, rule(), pdf, TODAY).quantity).toBe('quantityTooMany');
    const days = rule({ unit: 'day', jpPerUnit: 8, jenisDiklatId: 10 });
    expect(claimProblems({ ...seminar, quantity: '2' }, days, pdf, TODAY).quantity).toBe('quantityTooMany');
    expect(claimProblems({ ...seminar, quantity: '1' }, days, pdf, TODAY).quantity).toBeUndefined();
    const sessions = rule({ unit: 'session', jpPerUnit: 1 });
    expect(claimProblems({ ...seminar, quantity: '30' }, sessions, pdf, TODAY).quantity).toBeUndefined();
    expect(claimProblems({ ...seminar, quantity: 'tiga' }, sessions, pdf, TODAY).quantity).toBe('quantityInvalid');
    expect(claimProblems({ ...seminar, quantity: '0' }, sessions, pdf, TODAY).quantity).toBe('quantityInvalid');
  });

  it('evidence follows the rule: certificate number and file, a document, or nothing', () => {
    expect(claimProblems({ ...seminar, certificateNumber: ' ' }, rule(), null, TODAY)).toEqual({
      certificateNumber: 'certificateRequired',
      file: 'evidenceRequired',
    });
    const document = rule({ evidence: 'document' });
    expect(claimProblems({ ...seminar, certificateNumber: '' }, document, null, TODAY)).toEqual({
      file: 'evidenceRequired',
    });
    expect(claimProblems({ ...seminar, certificateNumber: '' }, rule({ evidence: 'none' }), null, TODAY)).toEqual({});
    expect(claimProblems(seminar, rule(), { name: 'sertifikat.docx', size: 10 }, TODAY).file).toBe('evidenceType');
    expect(claimProblems(seminar, rule(), { name: 'foto.JPG', size: 11 * 1024 * 1024 }, TODAY).file).toBe(
      'evidenceTooLarge',
    );
  });

  it('a form the rules do not recognise cannot be claimed', () => {
    expect(claimProblems(seminar, rule({ enabled: false }), pdf, TODAY).jenisDiklatId).toBe('formNotRecognised');
    expect(estimateJp(seminar, rule({ enabled: false }), MINUTES)).toBeNull();
  });

  it('estimates the JP by the rule: minutes per JP of the mode, units, the per-activity cap', () => {
    expect(estimateJp({ ...seminar, quantity: '6' }, rule(), MINUTES)).toBe(8);
    expect(estimateJp({ ...seminar, quantity: '6', deliveryMode: 'online' }, rule(), MINUTES)).toBe(6);
    expect(estimateJp({ ...seminar, quantity: '3' }, rule({ unit: 'session', jpPerUnit: 1.5 }), MINUTES)).toBe(4.5);
    expect(estimateJp({ ...seminar, quantity: '30' }, rule({ capPerActivity: 10 }), MINUTES)).toBe(10);
    // The yearly cap needs what the form already earned: the server applies it.
    expect(estimateJp({ ...seminar, quantity: '30' }, rule({ capPerYear: 10 }), MINUTES)).toBe(40);
    expect(estimateJp({ ...seminar, quantity: '' }, rule(), MINUTES)).toBeNull();
  });

  it('finds the chosen form’s rule in the version in force', () => {
    const set = { rules: [rule({ jenisDiklatId: 9 }), rule({ jenisDiklatId: 14, unit: 'session' })] } as JpRuleSet;
    expect(ruleOf(set, '14')?.unit).toBe('session');
    expect(ruleOf(set, '')).toBeNull();
    expect(ruleOf(undefined, '9')).toBeNull();
  });
});
