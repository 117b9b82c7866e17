import type { AgencyLevel, AgencyTimeZone } from '@kompeten/shared-contracts';

/** The demo world of DOMAIN.md §9: NTB (WITA) with its ten regencies/cities, plus a WIB regency in Central Java. */
export const DEMO_PASSWORD = 'Kompeten#2026';

export interface DemoAgency {
  code: string;
  name: string;
  level: AgencyLevel;
  parent: string | null;
  timeZone: AgencyTimeZone;
  hrBodyName: string;
  domain: string;
}

export const DEMO_AGENCIES: DemoAgency[] = [
  {
    code: 'prov-ntb',
    name: 'Pemerintah Provinsi Nusa Tenggara Barat',
    level: 'provinsi',
    parent: null,
    timeZone: 'Asia/Makassar',
    hrBodyName: 'BPSDM Provinsi NTB',
    domain: 'ntbprov.go.id',
  },
  {
    code: 'kota-mataram',
    name: 'Pemerintah Kota Mataram',
    level: 'kota',
    parent: 'prov-ntb',
    timeZone: 'Asia/Makassar',
    hrBodyName: 'BKPSDM Kota Mataram',
    domain: 'mataramkota.go.id',
  },
  {
    code: 'kota-bima',
    name: 'Pemerintah Kota Bima',
    level: 'kota',
    parent: 'prov-ntb',
    timeZone: 'Asia/Makassar',
    hrBodyName: 'BKPSDM Kota Bima',
    domain: 'kotabima.go.id',
  },
  {
    code: 'kab-lombok-barat',
    name: 'Pemerintah Kabupaten Lombok Barat',
    level: 'kabupaten',
    parent: 'prov-ntb',
    timeZone: 'Asia/Makassar',
    hrBodyName: 'BKPSDM Kabupaten Lombok Barat',
    domain: 'lombokbaratkab.go.id',
  },
  {
    code: 'kab-lombok-tengah',
    name: 'Pemerintah Kabupaten Lombok Tengah',
    level: 'kabupaten',
    parent: 'prov-ntb',
    timeZone: 'Asia/Makassar',
    hrBodyName: 'BKPSDM Kabupaten Lombok Tengah',
    domain: 'lomboktengahkab.go.id',
  },
  {
    code: 'kab-lombok-timur',
    name: 'Pemerintah Kabupaten Lombok Timur',
    level: 'kabupaten',
    parent: 'prov-ntb',
    timeZone: 'Asia/Makassar',
    hrBodyName: 'BKPSDM Kabupaten Lombok Timur',
    domain: 'lomboktimurkab.go.id',
  },
  {
    code: 'kab-lombok-utara',
    name: 'Pemerintah Kabupaten Lombok Utara',
    level: 'kabupaten',
    parent: 'prov-ntb',
    timeZone: 'Asia/Makassar',
    hrBodyName: 'BKPSDM Kabupaten Lombok Utara',
    domain: 'lombokutarakab.go.id',
  },
  {
    code: 'kab-sumbawa-barat',
    name: 'Pemerintah Kabupaten Sumbawa Barat',
    level: 'kabupaten',
    parent: 'prov-ntb',
    timeZone: 'Asia/Makassar',
    hrBodyName: 'BKPSDM Kabupaten Sumbawa Barat',
    domain: 'sumbawabaratkab.go.id',
  },
  {
    code: 'kab-sumbawa',
    name: 'Pemerintah Kabupaten Sumbawa',
    level: 'kabupaten',
    parent: 'prov-ntb',
    timeZone: 'Asia/Makassar',
    hrBodyName: 'BKPSDM Kabupaten Sumbawa',
    domain: 'sumbawakab.go.id',
  },
  {
    code: 'kab-dompu',
    name: 'Pemerintah Kabupaten Dompu',
    level: 'kabupaten',
    parent: 'prov-ntb',
    timeZone: 'Asia/Makassar',
    hrBodyName: 'BKPSDM Kabupaten Dompu',
    domain: 'dompukab.go.id',
  },
  {
    code: 'kab-bima',
    name: 'Pemerintah Kabupaten Bima',
    level: 'kabupaten',
    parent: 'prov-ntb',
    timeZone: 'Asia/Makassar',
    hrBodyName: 'BKPSDM Kabupaten Bima',
    domain: 'bimakab.go.id',
  },
  {
    code: 'prov-jateng',
    name: 'Pemerintah Provinsi Jawa Tengah',
    level: 'provinsi',
    parent: null,
    timeZone: 'Asia/Jakarta',
    hrBodyName: 'BPSDMD Provinsi Jawa Tengah',
    domain: 'jatengprov.go.id',
  },
  {
    code: 'kab-kendal',
    name: 'Pemerintah Kabupaten Kendal',
    level: 'kabupaten',
    parent: 'prov-jateng',
    timeZone: 'Asia/Jakarta',
    hrBodyName: 'BKPSDM Kabupaten Kendal',
    domain: 'kendalkab.go.id',
  },
];

/** Typical OPD of a regional government. */
export const DEMO_UNITS: Array<{ code: string; name: string; children?: Array<{ code: string; name: string }> }> = [
  { code: 'SETDA', name: 'Sekretariat Daerah' },
  { code: 'INSPEKTORAT', name: 'Inspektorat' },
  { code: 'BAPPEDA', name: 'Badan Perencanaan Pembangunan Daerah' },
  { code: 'BKPSDM', name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia' },
  { code: 'DISDIK', name: 'Dinas Pendidikan' },
  { code: 'DINKES', name: 'Dinas Kesehatan', children: [{ code: 'RSUD', name: 'Rumah Sakit Umum Daerah' }] },
  { code: 'DPUPR', name: 'Dinas Pekerjaan Umum dan Penataan Ruang' },
  { code: 'DUKCAPIL', name: 'Dinas Kependudukan dan Pencatatan Sipil' },
  { code: 'DISKOMINFO', name: 'Dinas Komunikasi dan Informatika' },
  { code: 'KEC-1', name: 'Kantor Kecamatan' },
];

/** The province runs its HR development agency as its own unit. */
export const PROVINCE_EXTRA_UNITS = [{ code: 'BPSDM', name: 'Badan Pengembangan Sumber Daya Manusia' }];

const FIRST_M = [
  'Lalu',
  'Muhammad',
  'Ahmad',
  'Baharuddin',
  'Zainul',
  'Hasanuddin',
  'Imam',
  'Agus',
  'Syamsul',
  'Rizal',
  'Fauzan',
  'Hamdan',
  'Suhaimi',
  'Iwan',
  'Yusuf',
  'Arif',
];
const FIRST_F = [
  'Baiq',
  'Nurul',
  'Siti',
  'Hj. Aminah',
  'Dewi',
  'Rahmawati',
  'Fitriani',
  'Nurhayati',
  'Sri',
  'Wahyuni',
  'Rina',
  'Yuliana',
  'Halimah',
  'Aisyah',
  'Ratna',
  'Maryam',
];
const LAST = [
  'Hidayat',
  'Saputra',
  'Irawan',
  'Rahman',
  'Hakim',
  'Fadli',
  'Wijaya',
  'Kurniawan',
  'Susanti',
  'Anggraini',
  'Pratiwi',
  'Ramdhani',
  'Mulyadi',
  'Sahabuddin',
  'Jauhari',
  'Karim',
];
export const BACK_TITLES = [
  null,
  null,
  'S.E.',
  'S.Kom.',
  'S.H.',
  'S.Pd.',
  'S.Sos., M.Si.',
  'A.Md.',
  'S.K.M.',
  'S.T., M.T.',
  'S.I.P.',
  'M.A.P.',
];
export const POSITIONS: Array<{ name: string; kind: 'struktural' | 'fungsional' | 'pelaksana'; rank: string }> = [
  { name: 'Analis Sumber Daya Manusia Aparatur Ahli Pertama', kind: 'fungsional', rank: 'III/a' },
  { name: 'Pranata Komputer Ahli Muda', kind: 'fungsional', rank: 'III/c' },
  { name: 'Perencana Ahli Pertama', kind: 'fungsional', rank: 'III/b' },
  { name: 'Pengadministrasi Perkantoran', kind: 'pelaksana', rank: 'II/c' },
  { name: 'Penata Layanan Operasional', kind: 'pelaksana', rank: 'III/a' },
  { name: 'Pengolah Data dan Informasi', kind: 'pelaksana', rank: 'II/d' },
  { name: 'Guru Ahli Pertama', kind: 'fungsional', rank: 'III/a' },
  { name: 'Perawat Terampil', kind: 'fungsional', rank: 'II/c' },
  { name: 'Auditor Ahli Muda', kind: 'fungsional', rank: 'III/c' },
  { name: 'Kepala Seksi', kind: 'struktural', rank: 'III/d' },
];

/** Deterministic pseudo-random numbers so every fresh demo has the same people. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function personName(rand: () => number, gender: 'L' | 'P'): string {
  const first = gender === 'L' ? FIRST_M : FIRST_F;
  const pick = <T>(a: T[]) => a[Math.floor(rand() * a.length)];
  return `${pick(first)} ${pick(gender === 'L' ? FIRST_M.slice(1) : FIRST_F.slice(1))} ${pick(LAST)}`;
}
