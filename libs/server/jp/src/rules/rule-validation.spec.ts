import { JENIS_DIKLAT, type JpRule } from '@kompeten/shared-contracts';
import { ruleSetProblems } from './rule-validation';

const full = (): JpRule[] =>
  JENIS_DIKLAT.map((f) => ({
    jenisDiklatId: f.id,
    channel: f.channel,
    unit: 'hour',
    jpPerUnit: null,
    capPerActivity: null,
    capPerYear: null,
    evidence: 'certificate',
    enabled: true,
  }));

describe('ruleSetProblems', () => {
  it('accepts one rule per form, hours by minutes', () => {
    expect(ruleSetProblems(full())).toEqual([]);
  });

  it('names missing and repeated forms', () => {
    const rules = full().filter((r) => r.jenisDiklatId !== 14 && r.jenisDiklatId !== 25);
    rules.push({ ...rules[0] });
    expect(ruleSetProblems(rules)).toEqual([
      'Aturan untuk kode jenis diklat 14, 25 belum ada',
      'Kode jenis diklat 1 muncul lebih dari sekali',
    ]);
  });

  it('requires JP per unit for every unit but hours', () => {
    const rules = full().map((r) => (r.jenisDiklatId === 14 ? { ...r, unit: 'session' as const } : r));
    expect(ruleSetProblems(rules)).toEqual([
      'Coaching: JP per sesi wajib diisi (hanya satuan jam yang dapat dihitung dari menit)',
    ]);
    rules[13] = { ...rules[13], jpPerUnit: 1 };
    expect(ruleSetProblems(rules)).toEqual([]);
  });

  it('refuses a per-activity cap above the per-year cap', () => {
    const rules = full().map((r) => (r.jenisDiklatId === 9 ? { ...r, capPerActivity: 12, capPerYear: 10 } : r));
    expect(ruleSetProblems(rules)).toEqual(['Seminar: batas per kegiatan tidak boleh melebihi batas per tahun']);
  });
});
