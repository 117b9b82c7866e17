import { EMPLOYEE_TYPES, POSITION_KINDS, type EmployeeType, type PositionKind } from '@kompeten/shared-contracts';
import { normaliseGolongan, parseNip } from '@kompeten/shared-util';

/**
 * The CSV columns, as an agency exports them from its personnel system (SIMPEG/SIASN export, one ASN per row).
 * Headers are matched case-insensitively; English aliases are accepted. Separator: comma or semicolon.
 */
export const IMPORT_COLUMNS = [
  { key: 'nip', header: 'nip', aliases: [], required: true, doc: '18-digit NIP (NI PPPK for PPPK)' },
  {
    key: 'fullName',
    header: 'nama',
    aliases: ['nama_lengkap', 'name', 'full_name'],
    required: true,
    doc: 'Name without titles',
  },
  { key: 'frontTitle', header: 'gelar_depan', aliases: ['front_title'], required: false, doc: 'e.g. Dr., Ir.' },
  { key: 'backTitle', header: 'gelar_belakang', aliases: ['back_title'], required: false, doc: 'e.g. S.Kom., M.T.' },
  {
    key: 'employeeType',
    header: 'jenis_pegawai',
    aliases: ['employee_type', 'status_pegawai'],
    required: true,
    doc: 'PNS or PPPK',
  },
  {
    key: 'positionName',
    header: 'jabatan',
    aliases: ['nama_jabatan', 'position'],
    required: false,
    doc: 'Position name',
  },
  {
    key: 'positionKind',
    header: 'jenis_jabatan',
    aliases: ['position_kind'],
    required: false,
    doc: 'struktural, fungsional or pelaksana',
  },
  {
    key: 'rank',
    header: 'golongan',
    aliases: ['gol', 'rank', 'golongan_ruang'],
    required: false,
    doc: 'PNS I/a–I/d, II/a–II/d, III/a–III/d, IV/a–IV/e; PPPK I–XVII (case and spaces are normalised: iii / A → III/a)',
  },
  {
    key: 'unitCode',
    header: 'kode_unit',
    aliases: ['unit_code', 'kode_opd'],
    required: false,
    doc: 'Code of a work unit of the agency',
  },
  {
    key: 'supervisorNip',
    header: 'nip_atasan',
    aliases: ['supervisor_nip'],
    required: false,
    doc: 'NIP of the direct supervisor (atasan langsung), in the same agency or file',
  },
  { key: 'email', header: 'email', aliases: [], required: false, doc: 'Work email' },
  { key: 'phone', header: 'telepon', aliases: ['no_hp', 'phone', 'hp'], required: false, doc: 'Phone number' },
] as const;

export type ImportColumnKey = (typeof IMPORT_COLUMNS)[number]['key'];

/** The reason column of the failed-rows download: a fixed file can be uploaded again with it still there. */
export const REASON_COLUMN = 'alasan';
const IGNORED_HEADERS = new Set([REASON_COLUMN, 'reason']);

/**
 * Maps a header line to column keys; names the required columns missing and the (non-empty) headers nobody
 * recognises, so a wrong header is explained as one.
 */
export function mapHeaders(headers: string[]): {
  keys: Array<ImportColumnKey | null>;
  missing: string[];
  unknown: string[];
} {
  const norm = (h: string) =>
    h
      .replace(/^\uFEFF/, '')
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_');
  const keys = headers.map((h) => {
    const n = norm(h);
    return IMPORT_COLUMNS.find((c) => c.header === n || (c.aliases as readonly string[]).includes(n))?.key ?? null;
  });
  const missing = IMPORT_COLUMNS.filter((c) => c.required && !keys.includes(c.key)).map((c) => c.header);
  const unknown = headers
    .filter((h, i) => keys[i] === null && norm(h) !== '' && !IGNORED_HEADERS.has(norm(h)))
    .map((h) => h.replace(/^\uFEFF/, '').trim());
  return { keys, missing, unknown };
}

export interface ImportRow {
  nip: string;
  fullName: string;
  frontTitle: string | null;
  backTitle: string | null;
  employeeType: EmployeeType;
  positionName: string | null;
  positionKind: PositionKind | null;
  rank: string | null;
  unitCode: string | null;
  supervisorNip: string | null;
  email: string | null;
  phone: string | null;
  birthDate: string;
  gender: 'L' | 'P';
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9][0-9 -]{6,18}$/;

/** Why a row is refused or warned about: stable codes (counts per reason) with their label in Bahasa Indonesia. */
export const IMPORT_REASONS = {
  NIP_MISSING: 'Kolom nip kosong',
  NAME_INVALID: 'Nama kosong atau terlalu panjang',
  TYPE_INVALID: 'jenis_pegawai bukan PNS atau PPPK',
  NIP_INVALID: 'NIP tidak valid',
  POSITION_KIND_INVALID: 'jenis_jabatan tidak dikenal',
  RANK_INVALID: 'Golongan tidak sesuai jenis pegawai',
  EMAIL_INVALID: 'Email tidak valid',
  PHONE_INVALID: 'Telepon tidak valid',
  SUPERVISOR_NIP_INVALID: 'nip_atasan tidak valid',
  DUPLICATE_IN_FILE: 'NIP muncul lebih dari sekali dalam berkas',
  UNIT_NOT_FOUND: 'kode_unit tidak ada di instansi',
  UNIT_REQUIRED: 'kode_unit wajib diisi',
  UNIT_OUT_OF_SCOPE: 'Unit di luar wewenang pengunggah',
  EMPLOYEE_OUT_OF_SCOPE: 'Pegawai tercatat di unit di luar wewenang pengunggah',
  OTHER_AGENCY: 'NIP terdaftar di instansi lain',
  TYPE_CHANGE: 'Impor tidak mengubah jenis pegawai',
  LEGACY: 'Baris ditolak (impor versi lama)',
  SUPERVISOR_NOT_FOUND: 'nip_atasan tidak ditemukan (data pegawai tetap tersimpan)',
  SUPERVISOR_SELF:
    'Pengunggah tidak dapat menunjuk dirinya sebagai atasan atau menetapkan atasannya sendiri (data pegawai tetap tersimpan)',
} as const;
export type ImportReasonCode = keyof typeof IMPORT_REASONS;

/** The same reasons in English (decision 0026): a request in English reads these instead of the stored sentence. */
export const IMPORT_REASONS_EN: Record<ImportReasonCode, string> = {
  NIP_MISSING: 'The nip column is empty',
  NAME_INVALID: 'The name is empty or too long',
  TYPE_INVALID: 'jenis_pegawai is not PNS or PPPK',
  NIP_INVALID: 'The NIP is not valid',
  POSITION_KIND_INVALID: 'Unknown jenis_jabatan',
  RANK_INVALID: 'The golongan does not fit the employee type',
  EMAIL_INVALID: 'The email is not valid',
  PHONE_INVALID: 'The phone number is not valid',
  SUPERVISOR_NIP_INVALID: 'nip_atasan is not valid',
  DUPLICATE_IN_FILE: 'The NIP appears more than once in the file',
  UNIT_NOT_FOUND: 'kode_unit is not a unit of the agency',
  UNIT_REQUIRED: 'kode_unit is required',
  UNIT_OUT_OF_SCOPE: 'The unit is outside the uploader\u2019s scope',
  EMPLOYEE_OUT_OF_SCOPE: 'The employee belongs to a unit outside the uploader\u2019s scope',
  OTHER_AGENCY: 'The NIP is registered in another agency',
  TYPE_CHANGE: 'An import does not change the employee type',
  LEGACY: 'Row refused (older import)',
  SUPERVISOR_NOT_FOUND: 'nip_atasan not found (the employee was still saved)',
  SUPERVISOR_SELF:
    'The uploader cannot appoint themself as supervisor or set their own supervisor (the employee was still saved)',
};

/** A stored reason in the request's language: English reads the code's sentence, Indonesian the row's own sentence. */
export function reasonIn(lang: 'id' | 'en', code: string | null, stored: string | null): string | null {
  if (lang === 'id' || code === null) return stored;
  return IMPORT_REASONS_EN[code as ImportReasonCode] ?? stored;
}

/** The header problem in both languages. */
export function headerMessage(check: { missing: string[]; unknown: string[] }): { id: string; en: string } {
  const unknownId = check.unknown.length ? `. Kolom tidak dikenal: ${check.unknown.join(', ')}` : '';
  const unknownEn = check.unknown.length ? `. Unknown columns: ${check.unknown.join(', ')}` : '';
  return {
    id: `Kolom wajib tidak ada di baris judul: ${check.missing.join(', ')}${unknownId}`,
    en: `Wrong header row: required columns missing: ${check.missing.join(', ')}${unknownEn}`,
  };
}

export type ParsedImportRow =
  { ok: true; row: ImportRow } | { ok: false; nip: string | null; code: ImportReasonCode; reason: string };

/**
 * Validates one CSV record (already keyed by column). Returns the clean row or the reason it was refused.
 * The NIP's "TMT not in the future" uses the local month of the agency's zone (WIT when not given).
 */
export function parseImportRow(
  rec: Partial<Record<ImportColumnKey, string>>,
  options: { timeZone?: string; today?: Date } = {},
): ParsedImportRow {
  const v = (k: ImportColumnKey) => (rec[k] ?? '').trim() || null;
  const nip = v('nip');
  const fail = (code: ImportReasonCode, reason: string) => ({ ok: false as const, nip, code, reason });
  if (!nip) return fail('NIP_MISSING', 'Kolom nip kosong');
  const fullName = v('fullName');
  if (!fullName || fullName.length < 2) return fail('NAME_INVALID', 'Kolom nama kosong');
  if (fullName.length > 200) return fail('NAME_INVALID', 'Nama terlalu panjang (maks. 200 karakter)');
  const type = v('employeeType')?.toUpperCase();
  if (!type || !(EMPLOYEE_TYPES as readonly string[]).includes(type))
    return fail('TYPE_INVALID', 'jenis_pegawai harus PNS atau PPPK');
  const parsed = parseNip(nip, type as EmployeeType, options.today ?? new Date(), options.timeZone);
  if (!parsed.ok) return fail('NIP_INVALID', parsed.reason);
  const kind = v('positionKind')?.toLowerCase() ?? null;
  if (kind && !(POSITION_KINDS as readonly string[]).includes(kind))
    return fail('POSITION_KIND_INVALID', 'jenis_jabatan harus struktural, fungsional atau pelaksana');
  const rawRank = v('rank');
  let rank: string | null = null;
  if (rawRank) {
    const g = normaliseGolongan(rawRank, type as EmployeeType);
    if (!g.ok) return fail('RANK_INVALID', g.reason);
    rank = g.value;
  }
  const email = v('email')?.toLowerCase() ?? null;
  if (email && (!EMAIL.test(email) || email.length > 254)) return fail('EMAIL_INVALID', `email "${email}" tidak valid`);
  const phone = v('phone');
  if (phone && !PHONE.test(phone)) return fail('PHONE_INVALID', `telepon "${phone}" tidak valid`);
  const supervisorNip = v('supervisorNip');
  if (supervisorNip && !/^\d{18}$/.test(supervisorNip))
    return fail('SUPERVISOR_NIP_INVALID', 'nip_atasan harus 18 digit');
  if (supervisorNip === parsed.value.nip)
    return fail('SUPERVISOR_NIP_INVALID', 'nip_atasan tidak boleh sama dengan nip');
  return {
    ok: true,
    row: {
      nip: parsed.value.nip,
      fullName,
      frontTitle: v('frontTitle'),
      backTitle: v('backTitle'),
      employeeType: type as EmployeeType,
      positionName: v('positionName'),
      positionKind: kind as PositionKind | null,
      rank,
      unitCode: v('unitCode'),
      supervisorNip,
      email,
      phone,
      birthDate: parsed.value.birthDate,
      gender: parsed.value.gender,
    },
  };
}

/**
 * The template's one example row is a fictional person (issue 15): an obviously invented name, a NIP whose serial is
 * 999 and that no demo ASN holds, no supervisor, and an example.org address, so nobody imports a real-looking record
 * by accident.
 */
export const TEMPLATE_EXAMPLE_NIP = '199001012015011999';

export const TEMPLATE_CSV =
  IMPORT_COLUMNS.map((c) => c.header).join(',') +
  `\n${TEMPLATE_EXAMPLE_NIP},Contoh Nama Pegawai,,S.Kom.,PNS,Pranata Komputer Ahli Pertama,fungsional,III/a,DISKOMINFO,,contoh.pegawai@example.org,081200000000\n`;
