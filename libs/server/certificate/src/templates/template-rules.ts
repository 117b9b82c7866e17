import { patternProblems } from '../numbering/certificate-number';

/** What an agency's certificate says and how it is numbered (decision 0030). */
export interface TemplateFields {
  title: string;
  awardedTo: string;
  completed: string;
  closing: string | null;
  city: string;
  signatoryName: string;
  signatoryPosition: string;
  signatoryNip: string | null;
  pattern: string;
  kode: string;
  unit: string;
  /** Months valid after issue; null: never expires. */
  validityMonths: number | null;
  logoSha256: string | null;
}

export const DEFAULT_TEMPLATE_PATTERN = '800/{seq:0000}/{kode}/{tahun}';

/** `Pemerintah Kabupaten Lombok Barat` → `Lombok Barat`: the place of issue a template starts with. */
export function cityOf(agencyName: string): string {
  const place = agencyName.replace(/^(pemerintah\s+)?(provinsi|kabupaten|kota|kab\.)\s+/i, '').trim();
  return place || agencyName;
}

/** The template of an agency that has not written its own: derived from its name and code. */
export function defaultTemplate(agency: { name: string; code: string; hrBodyName: string | null }): TemplateFields {
  const body = agency.hrBodyName ?? 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia';
  return {
    title: 'SURAT TANDA TAMAT PELATIHAN',
    awardedTo: 'diberikan kepada',
    completed: 'telah mengikuti',
    closing: null,
    city: cityOf(agency.name),
    signatoryName: `Kepala ${body}`,
    signatoryPosition: `Kepala ${body}`,
    signatoryNip: null,
    pattern: DEFAULT_TEMPLATE_PATTERN,
    kode: agency.code.toUpperCase(),
    unit: agency.code.toUpperCase(),
    validityMonths: null,
    logoSha256: null,
  };
}

const TEXT_LIMITS: Array<[keyof TemplateFields, string, number, boolean]> = [
  ['title', 'Judul', 80, true],
  ['awardedTo', 'Kalimat sebelum nama', 80, true],
  ['completed', 'Kalimat sebelum nama pelatihan', 80, true],
  ['closing', 'Kalimat penutup', 200, false],
  ['city', 'Tempat penerbitan', 60, true],
  ['signatoryName', 'Nama penanda tangan', 120, true],
  ['signatoryPosition', 'Jabatan penanda tangan', 160, true],
  ['kode', 'Kode', 40, true],
  ['unit', 'Kode unit', 40, true],
];

/** What is wrong with a template, in Indonesian (one sentence per problem); empty when it can be saved. */
export function templateProblems(t: TemplateFields): string[] {
  const problems: string[] = [];
  for (const [key, label, max, required] of TEXT_LIMITS) {
    const v = t[key];
    if (v === null || v === undefined || (typeof v === 'string' && !v.trim())) {
      if (required) problems.push(`${label} wajib diisi`);
      continue;
    }
    if (typeof v !== 'string') problems.push(`${label} harus berupa teks`);
    else if (v.length > max) problems.push(`${label} paling panjang ${max} karakter`);
    // eslint-disable-next-line no-control-regex
    else if (/[\u0000-\u001f\u007f]/.test(v)) problems.push(`${label} tidak boleh berisi karakter kendali`);
  }
  if (t.signatoryNip !== null && !/^\d{18}$/.test(t.signatoryNip)) problems.push('NIP penanda tangan harus 18 angka');
  if (/[{}/]/.test(t.kode ?? '') || /[{}/]/.test(t.unit ?? '')) problems.push('Kode tidak boleh berisi { } atau /');
  problems.push(...patternProblems(t.pattern ?? ''));
  if (
    t.validityMonths !== null &&
    (!Number.isInteger(t.validityMonths) || t.validityMonths < 1 || t.validityMonths > 600)
  )
    problems.push('Masa berlaku harus 1–600 bulan, atau kosong bila tidak kedaluwarsa');
  return problems;
}

/**
 * The last valid day of a certificate issued on `issuedOn` and valid for `months`: the day before the same date
 * `months` later, or the last day of that month when it has no such date (31 January + 1 month → 28 February).
 */
export function validUntil(issuedOn: string, months: number | null): string | null {
  if (months === null) return null;
  const [y, m, d] = issuedOn.split('-').map(Number);
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0));
  if (d > lastDay.getUTCDate()) return lastDay.toISOString().slice(0, 10);
  return new Date(Date.UTC(y, m - 1 + months, d - 1)).toISOString().slice(0, 10);
}
