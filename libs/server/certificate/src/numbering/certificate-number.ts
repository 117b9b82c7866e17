/**
 * Certificate numbers from an agency's pattern (DOMAIN.md §7): there is no national rule, so each agency writes its
 * own, e.g. `800/{seq:0000}/BPSDM/{tahun}`. Tokens: `{seq}` (the sequence as is), `{seq:0000}` (zero-padded to the
 * width of the zeros), `{kode}` (the agency's code), `{unit}` (the organising unit's code), `{bulanRomawi}` (the
 * month of issue in Roman numerals, I–XII) and `{tahun}` (the year of issue). The sequence is per agency and year.
 */
export interface NumberParts {
  seq: number;
  tahun: number;
  /** 1–12. */
  bulan: number;
  kode: string;
  unit: string;
}

const TOKEN = /\{([^{}]*)\}/g;
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
export const CERTIFICATE_PATTERN_TOKENS = ['{seq}', '{seq:0000}', '{kode}', '{unit}', '{bulanRomawi}', '{tahun}'];
export const DEFAULT_CERTIFICATE_PATTERN = '{seq:0000}/{kode}/{bulanRomawi}/{tahun}';

/** What is wrong with a pattern, in words a person understands; empty when it is usable. */
export function patternProblems(pattern: string): string[] {
  const problems: string[] = [];
  if (!pattern.trim()) return ['Pola nomor wajib diisi'];
  if (pattern.length > 120) problems.push('Pola nomor paling panjang 120 karakter');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(pattern)) problems.push('Pola nomor tidak boleh berisi karakter kendali');
  let seqTokens = 0;
  for (const [, token] of pattern.matchAll(TOKEN)) {
    if (token === 'seq' || /^seq:0{1,10}$/.test(token)) seqTokens++;
    else if (!['kode', 'unit', 'bulanRomawi', 'tahun'].includes(token))
      problems.push(`Token {${token}} tidak dikenal; gunakan ${CERTIFICATE_PATTERN_TOKENS.join(', ')}`);
  }
  if (seqTokens !== 1) problems.push('Pola nomor harus memuat tepat satu {seq} atau {seq:0000}');
  // Without the year a number could repeat next year, when the per-year sequence starts again at 1.
  if (!/\{tahun\}/.test(pattern)) problems.push('Pola nomor harus memuat {tahun}: urutan dimulai lagi setiap tahun');
  const stray = pattern.replace(TOKEN, '');
  if (/[{}]/.test(stray)) problems.push('Kurung kurawal { } hanya untuk token');
  return problems;
}

/** The number for these parts. Throws on a pattern with problems (check with `patternProblems` when saving it). */
export function formatCertificateNumber(pattern: string, parts: NumberParts): string {
  const problems = patternProblems(pattern);
  if (problems.length) throw new Error(problems.join('; '));
  if (!Number.isInteger(parts.seq) || parts.seq < 1) throw new Error(`Invalid sequence ${parts.seq}`);
  if (!Number.isInteger(parts.bulan) || parts.bulan < 1 || parts.bulan > 12)
    throw new Error(`Invalid month ${parts.bulan}`);
  return pattern.replace(TOKEN, (_all, token: string) => {
    if (token === 'seq') return String(parts.seq);
    if (token.startsWith('seq:')) return String(parts.seq).padStart(token.length - 4, '0');
    if (token === 'kode') return parts.kode;
    if (token === 'unit') return parts.unit;
    if (token === 'bulanRomawi') return ROMAN[parts.bulan - 1];
    return String(parts.tahun);
  });
}
