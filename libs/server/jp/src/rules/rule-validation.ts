import { JENIS_DIKLAT, type JpRule } from '@kompeten/shared-contracts';
import { UNIT_LABEL } from '../labels';

/**
 * What a new rule version must satisfy beyond each field's own shape (decision 0022): one rule for every SIASN jenis
 * diklat code, JP per unit given for every unit but hours (hours alone may be counted by minutes), and a per-activity
 * cap not above the per-year cap. Answers the problems in words a person understands; empty when none.
 */
export function ruleSetProblems(rules: readonly JpRule[]): string[] {
  const problems: string[] = [];
  const seen = new Map<number, number>();
  for (const r of rules) seen.set(r.jenisDiklatId, (seen.get(r.jenisDiklatId) ?? 0) + 1);
  const missing = JENIS_DIKLAT.filter((f) => !seen.has(f.id)).map((f) => f.id);
  const twice = [...seen].filter(([, n]) => n > 1).map(([id]) => id);
  if (missing.length) problems.push(`Aturan untuk kode jenis diklat ${missing.join(', ')} belum ada`);
  if (twice.length) problems.push(`Kode jenis diklat ${twice.join(', ')} muncul lebih dari sekali`);
  for (const r of rules) {
    const name = JENIS_DIKLAT.find((f) => f.id === r.jenisDiklatId)?.name ?? `kode ${r.jenisDiklatId}`;
    if (r.jpPerUnit === null && r.unit !== 'hour')
      problems.push(
        `${name}: JP per ${UNIT_LABEL[r.unit]} wajib diisi (hanya satuan jam yang dapat dihitung dari menit)`,
      );
    if (r.capPerActivity !== null && r.capPerYear !== null && r.capPerActivity > r.capPerYear)
      problems.push(`${name}: batas per kegiatan tidak boleh melebihi batas per tahun`);
  }
  return problems;
}
