import type { EmployeeType } from '@kompeten/shared-contracts';

/** PNS golongan/ruang with their pangkat names (DOMAIN.md §1). IV has an /e; I, II and III stop at /d. */
export const PNS_PANGKAT: Readonly<Record<string, string>> = {
  'I/a': 'Juru Muda',
  'I/b': 'Juru Muda Tingkat I',
  'I/c': 'Juru',
  'I/d': 'Juru Tingkat I',
  'II/a': 'Pengatur Muda',
  'II/b': 'Pengatur Muda Tingkat I',
  'II/c': 'Pengatur',
  'II/d': 'Pengatur Tingkat I',
  'III/a': 'Penata Muda',
  'III/b': 'Penata Muda Tingkat I',
  'III/c': 'Penata',
  'III/d': 'Penata Tingkat I',
  'IV/a': 'Pembina',
  'IV/b': 'Pembina Tingkat I',
  'IV/c': 'Pembina Utama Muda',
  'IV/d': 'Pembina Utama Madya',
  'IV/e': 'Pembina Utama',
};

/** PPPK golongan I–XVII (Perpres 98/2020); they carry no pangkat name. */
export const PPPK_GOLONGAN = [
  'I',
  'II',
  'III',
  'IV',
  'V',
  'VI',
  'VII',
  'VIII',
  'IX',
  'X',
  'XI',
  'XII',
  'XIII',
  'XIV',
  'XV',
  'XVI',
  'XVII',
] as const;

export type GolonganResult = { ok: true; value: string } | { ok: false; reason: string };

/**
 * Normalises a golongan for the employee type and refuses one that type cannot hold.
 * Harmless variants are accepted: any letter case and spaces (`iii/a`, `III / a`, `III/A` → `III/a`; PPPK `ix` → `IX`).
 * Anything else (`III-a`, `3a`) is refused rather than guessed.
 */
export function normaliseGolongan(raw: string, employeeType: EmployeeType): GolonganResult {
  const compact = raw.trim().replace(/\s+/g, '');
  if (!compact) return { ok: false, reason: 'golongan kosong' };
  const pns = /^(i{1,3}|iv)\/([a-z])$/i.exec(compact);
  if (pns) {
    const value = `${pns[1].toUpperCase()}/${pns[2].toLowerCase()}`;
    if (employeeType === 'PPPK') {
      return {
        ok: false,
        reason: `golongan "${raw.trim()}" adalah golongan PNS; golongan PPPK ditulis I sampai XVII (contoh: IX)`,
      };
    }
    if (!(value in PNS_PANGKAT)) {
      return {
        ok: false,
        reason: `golongan "${raw.trim()}" tidak dikenal: tidak ada golongan PNS ${value}; golongan PNS adalah I/a–I/d, II/a–II/d, III/a–III/d, IV/a–IV/e`,
      };
    }
    return { ok: true, value };
  }
  const upper = compact.toUpperCase();
  if ((PPPK_GOLONGAN as readonly string[]).includes(upper)) {
    if (employeeType === 'PNS') {
      return { ok: false, reason: `golongan "${raw.trim()}" adalah golongan PPPK; golongan PNS ditulis seperti III/a` };
    }
    return { ok: true, value: upper };
  }
  return {
    ok: false,
    reason:
      employeeType === 'PNS'
        ? `golongan "${raw.trim()}" tidak dikenal; golongan PNS adalah I/a–I/d, II/a–II/d, III/a–III/d, IV/a–IV/e (contoh: III/a)`
        : `golongan "${raw.trim()}" tidak dikenal; golongan PPPK adalah I sampai XVII (contoh: IX)`,
  };
}

/** "Penata Muda" for III/a; null for a PPPK golongan, an unknown value or none. */
export function pangkatName(golongan: string | null | undefined): string | null {
  return golongan ? (PNS_PANGKAT[golongan] ?? null) : null;
}

/** "III/a Penata Muda" (PNS), "IX" (PPPK), or the stored value as it is. */
export function rankLabel(golongan: string | null | undefined): string | null {
  if (!golongan) return null;
  const name = pangkatName(golongan);
  return name ? `${golongan} ${name}` : golongan;
}
