import { EMPLOYEE_TYPES, POSITION_KINDS, type EmployeeType, type PositionKind } from '@kompeten/shared-contracts';
import { parseNip } from '@kompeten/shared-util';

/**
 * The CSV columns, as an agency exports them from its personnel system (SIMPEG/SIASN export, one ASN per row).
 * Headers are matched case-insensitively; English aliases are accepted. Separator: comma or semicolon.
 */
export const IMPORT_COLUMNS = [
  { key: 'nip', header: 'nip', aliases: [], required: true, doc: '18-digit NIP (NI PPPK for PPPK)' },
  { key: 'fullName', header: 'nama', aliases: ['nama_lengkap', 'name', 'full_name'], required: true, doc: 'Name without titles' },
  { key: 'frontTitle', header: 'gelar_depan', aliases: ['front_title'], required: false, doc: 'e.g. Dr., Ir.' },
  { key: 'backTitle', header: 'gelar_belakang', aliases: ['back_title'], required: false, doc: 'e.g. S.Kom., M.T.' },
  { key: 'employeeType', header: 'jenis_pegawai', aliases: ['employee_type', 'status_pegawai'], required: true, doc: 'PNS or PPPK' },
  { key: 'positionName', header: 'jabatan', aliases: ['nama_jabatan', 'position'], required: false, doc: 'Position name' },
  { key: 'positionKind', header: 'jenis_jabatan', aliases: ['position_kind'], required: false, doc: 'struktural, fungsional or pelaksana' },
  { key: 'rank', header: 'golongan', aliases: ['gol', 'rank', 'golongan_ruang'], required: false, doc: 'e.g. III/a (PNS) or IX (PPPK)' },
  { key: 'unitCode', header: 'kode_unit', aliases: ['unit_code', 'kode_opd'], required: false, doc: 'Code of a work unit of the agency' },
  { key: 'supervisorNip', header: 'nip_atasan', aliases: ['supervisor_nip'], required: false, doc: 'NIP of the direct supervisor (atasan langsung), in the same agency or file' },
  { key: 'email', header: 'email', aliases: [], required: false, doc: 'Work email' },
  { key: 'phone', header: 'telepon', aliases: ['no_hp', 'phone', 'hp'], required: false, doc: 'Phone number' },
] as const;

export type ImportColumnKey = (typeof IMPORT_COLUMNS)[number]['key'];

/** Maps a header line to column keys; returns the problem when a required column is missing. */
export function mapHeaders(headers: string[]): { keys: Array<ImportColumnKey | null>; missing: string[] } {
  const norm = (h: string) => h.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s-]+/g, '_');
  const keys = headers.map((h) => {
    const n = norm(h);
    return IMPORT_COLUMNS.find((c) => c.header === n || (c.aliases as readonly string[]).includes(n))?.key ?? null;
  });
  const missing = IMPORT_COLUMNS.filter((c) => c.required && !keys.includes(c.key)).map((c) => c.header);
  return { keys, missing };
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

const RANK = /^(I|II|III|IV)\/[a-e]$|^(I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI|XVII)$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9][0-9 -]{6,18}$/;

/** Validates one CSV record (already keyed by column). Returns the clean row or the reason it was refused. */
export function parseImportRow(rec: Partial<Record<ImportColumnKey, string>>): { ok: true; row: ImportRow } | { ok: false; nip: string | null; reason: string } {
  const v = (k: ImportColumnKey) => (rec[k] ?? '').trim() || null;
  const nip = v('nip');
  const fail = (reason: string) => ({ ok: false as const, nip, reason });
  if (!nip) return fail('Kolom nip kosong');
  const fullName = v('fullName');
  if (!fullName || fullName.length < 2) return fail('Kolom nama kosong');
  if (fullName.length > 200) return fail('Nama terlalu panjang (maks. 200 karakter)');
  const type = v('employeeType')?.toUpperCase();
  if (!type || !(EMPLOYEE_TYPES as readonly string[]).includes(type)) return fail('jenis_pegawai harus PNS atau PPPK');
  const parsed = parseNip(nip, type as EmployeeType);
  if (!parsed.ok) return fail(parsed.reason);
  const kind = v('positionKind')?.toLowerCase() ?? null;
  if (kind && !(POSITION_KINDS as readonly string[]).includes(kind)) return fail('jenis_jabatan harus struktural, fungsional atau pelaksana');
  const rank = v('rank');
  if (rank && !RANK.test(rank)) return fail(`golongan "${rank}" tidak dikenal (contoh: III/a untuk PNS, IX untuk PPPK)`);
  const email = v('email')?.toLowerCase() ?? null;
  if (email && (!EMAIL.test(email) || email.length > 254)) return fail(`email "${email}" tidak valid`);
  const phone = v('phone');
  if (phone && !PHONE.test(phone)) return fail(`telepon "${phone}" tidak valid`);
  const supervisorNip = v('supervisorNip');
  if (supervisorNip && !/^\d{18}$/.test(supervisorNip)) return fail('nip_atasan harus 18 digit');
  if (supervisorNip === parsed.value.nip) return fail('nip_atasan tidak boleh sama dengan nip');
  return {
    ok: true,
    row: {
      nip: parsed.value.nip, fullName, frontTitle: v('frontTitle'), backTitle: v('backTitle'), employeeType: type as EmployeeType,
      positionName: v('positionName'), positionKind: kind as PositionKind | null, rank, unitCode: v('unitCode'), supervisorNip,
      email, phone, birthDate: parsed.value.birthDate, gender: parsed.value.gender,
    },
  };
}

export const TEMPLATE_CSV =
  IMPORT_COLUMNS.map((c) => c.header).join(',') +
  '\n198609262015051001,Lalu Muhammad Hasan,,S.Kom.,PNS,Pranata Komputer Ahli Pertama,fungsional,III/a,DISKOMINFO,197501012000031003,hasan@mataramkota.go.id,081234567890\n';
