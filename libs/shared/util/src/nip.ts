import type { EmployeeType } from '@kompeten/shared-contracts';

/** What an 18-digit NIP encodes (DOMAIN.md §2). */
export interface NipParts {
  nip: string;
  /** ISO date (YYYY-MM-DD). */
  birthDate: string;
  /** PNS: year-month of appointment as CPNS (TMT CPNS). PPPK: year of first appointment and contract count. */
  appointmentYear: number;
  appointmentMonthOrContracts: number;
  gender: 'L' | 'P';
  serial: number;
}

export type NipResult = { ok: true; value: NipParts } | { ok: false; reason: string };

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * The zone used when the agency's zone is unknown: WIT (UTC+9), the most eastern, whose month starts first,
 * so a NIP valid anywhere in Indonesia is never refused for being "in the future".
 */
export const NIP_DEFAULT_TIME_ZONE = 'Asia/Jayapura';

/** The calendar date of `at` in an IANA zone. */
function localDate(at: Date, timeZone: string): { y: number; m: number; d: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return { y: get('year'), m: get('month'), d: get('day') };
}

/**
 * Validates a NIP by its structure. The employee type comes from the record, never from the digits:
 * the TMT CPNS month check applies to PNS only (a PPPK number keeps the contract count there).
 * "Not in the future" compares with the local calendar of `timeZone` (the agency's zone; WIT when unknown),
 * so a new CPNS appointed this month is valid from 00:00 local time on the 1st, not from 07:00 WIB.
 */
export function parseNip(
  raw: string,
  employeeType: EmployeeType,
  today: Date = new Date(),
  timeZone: string = NIP_DEFAULT_TIME_ZONE,
): NipResult {
  const nip = raw.trim();
  if (!/^\d{18}$/.test(nip)) {
    return { ok: false, reason: 'NIP harus 18 digit angka' };
  }
  const by = Number(nip.slice(0, 4));
  const bm = Number(nip.slice(4, 6));
  const bd = Number(nip.slice(6, 8));
  if (by < 1900 || !isRealDate(by, bm, bd)) {
    return { ok: false, reason: `NIP memuat tanggal lahir yang tidak valid (${nip.slice(0, 8)})` };
  }
  const local = localDate(today, timeZone);
  if (Date.UTC(by, bm - 1, bd) > Date.UTC(local.y, local.m - 1, local.d)) {
    return { ok: false, reason: 'Tanggal lahir pada NIP ada di masa depan' };
  }
  const ay = Number(nip.slice(8, 12));
  const am = Number(nip.slice(12, 14));
  const sex = nip[14];
  if (sex !== '1' && sex !== '2') {
    return { ok: false, reason: 'Digit ke-15 NIP (jenis kelamin) harus 1 (laki-laki) atau 2 (perempuan)' };
  }
  const serial = Number(nip.slice(15, 18));
  if (serial === 0) {
    return { ok: false, reason: 'Nomor urut NIP (3 digit terakhir) tidak boleh 000' };
  }
  if (employeeType === 'PNS') {
    if (am < 1 || am > 12) {
      return { ok: false, reason: `Digit 9–14 NIP (TMT CPNS) bukan tahun-bulan yang valid (${nip.slice(8, 14)})` };
    }
    const eighteenth = Date.UTC(by + 18, bm - 1, 1);
    const tmt = Date.UTC(ay, am - 1, 1);
    if (tmt < eighteenth) {
      return { ok: false, reason: 'TMT CPNS pada NIP lebih awal dari usia 18 tahun' };
    }
    if (tmt > Date.UTC(local.y, local.m - 1, 1)) {
      return { ok: false, reason: 'TMT CPNS pada NIP ada di masa depan' };
    }
  } else if (ay < by + 15 || ay > local.y + 1) {
    return { ok: false, reason: `Tahun pengangkatan PPPK pada NIP tidak masuk akal (${ay})` };
  }
  return {
    ok: true,
    value: {
      nip,
      birthDate: `${by}-${pad(bm)}-${pad(bd)}`,
      appointmentYear: ay,
      appointmentMonthOrContracts: am,
      gender: sex === '1' ? 'L' : 'P',
      serial,
    },
  };
}

/** Builds a structurally valid PNS NIP (demo data and tests). */
export function buildNip(
  birth: { y: number; m: number; d: number },
  tmt: { y: number; m: number },
  gender: 'L' | 'P',
  serial: number,
): string {
  return `${birth.y}${pad(birth.m)}${pad(birth.d)}${tmt.y}${pad(tmt.m)}${gender === 'L' ? 1 : 2}${pad(serial, 3)}`;
}

/** "Dr. Baiq Nurul Aini, S.E., M.M." */
export function displayName(fullName: string, frontTitle?: string | null, backTitle?: string | null): string {
  const front = frontTitle?.trim() ? `${frontTitle.trim()} ` : '';
  const back = backTitle?.trim() ? `, ${backTitle.trim()}` : '';
  return `${front}${fullName.trim()}${back}`;
}

/** 19860926 2015 05 1 001 → 198609******051001: for public verification pages. */
export function maskNip(nip: string): string {
  return nip.length === 18 ? `${nip.slice(0, 6)}******${nip.slice(12)}` : nip;
}
