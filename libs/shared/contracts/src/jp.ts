/**
 * JP (jam pelajaran) ledger vocabulary (DOMAIN.md §3, §6). The form of development is identified by its SIASN
 * jenis diklat code, so a credit carries the code SIASN expects and reports group by the same forms BKN uses.
 */

/** Learning channels of the 10:20:70 model: formal (10), social (20), experiential (70). */
export const JP_CHANNELS = ['formal', 'social', 'experiential'] as const;
export type JpChannel = (typeof JP_CHANNELS)[number];

/** What one counted unit of a form of development is. */
export const JP_UNITS = ['hour', 'session', 'day', 'activity'] as const;
export type JpUnit = (typeof JP_UNITS)[number];

/** Delivery modes whose minutes per JP an agency configures (default 45 each). */
export const DELIVERY_MODES = ['classroom', 'online', 'blended', 'self_paced'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

/** What produced a ledger line. Each source credits at most once. */
export const JP_SOURCE_TYPES = [
  'course_completion',
  'class_attendance',
  'internship',
  'external_claim',
  /** One attendee of a community-of-practice session (jenis 23, decision 0039). */
  'community_session',
] as const;
export type JpSourceType = (typeof JP_SOURCE_TYPES)[number];

/** Every PNS owes at least 20 JP a year (PP 11/2017 art. 203(4), PP 17/2020); PPPK: progress toward 20, at most 24. */
export const JP_ANNUAL_TARGET = 20;
export const PPPK_JP_CEILING = 24;

export interface JenisDiklat {
  /** SIASN jenisDiklatId. */
  id: number;
  name: string;
  /** The certificate letter SIASN expects (`jenisKursusSertipikat`). */
  letter: 'T' | 'F' | 'P';
  classroom: boolean;
  /** The 10:20:70 channel the national defaults give this form; an agency's rules may say otherwise. */
  channel: JpChannel;
}

/** SIASN jenis diklat codes (DOMAIN.md §6), classroom 1–13, non-classroom 14–25. */
export const JENIS_DIKLAT: readonly JenisDiklat[] = [
  { id: 1, name: 'Diklat Struktural', letter: 'T', classroom: true, channel: 'formal' },
  { id: 2, name: 'Diklat Fungsional', letter: 'F', classroom: true, channel: 'formal' },
  { id: 3, name: 'Diklat Teknis', letter: 'T', classroom: true, channel: 'formal' },
  { id: 4, name: 'Workshop', letter: 'P', classroom: true, channel: 'formal' },
  { id: 5, name: 'Pelatihan Manajerial', letter: 'T', classroom: true, channel: 'formal' },
  { id: 6, name: 'Pelatihan Sosial Kultural', letter: 'T', classroom: true, channel: 'formal' },
  { id: 7, name: 'Sosialisasi', letter: 'P', classroom: true, channel: 'formal' },
  { id: 8, name: 'Bimbingan Teknis', letter: 'T', classroom: true, channel: 'formal' },
  { id: 9, name: 'Seminar', letter: 'P', classroom: true, channel: 'formal' },
  { id: 10, name: 'Magang', letter: 'T', classroom: true, channel: 'experiential' },
  { id: 11, name: 'Kursus', letter: 'T', classroom: true, channel: 'formal' },
  { id: 12, name: 'Penataran', letter: 'T', classroom: true, channel: 'formal' },
  { id: 13, name: 'Pelatihan Klasikal Lainnya', letter: 'T', classroom: true, channel: 'formal' },
  { id: 14, name: 'Coaching', letter: 'T', classroom: false, channel: 'social' },
  { id: 15, name: 'Mentoring', letter: 'T', classroom: false, channel: 'social' },
  { id: 16, name: 'E-Learning', letter: 'T', classroom: false, channel: 'formal' },
  { id: 17, name: 'Pelatihan Jarak Jauh', letter: 'T', classroom: false, channel: 'formal' },
  { id: 18, name: 'Detasering (Secondment)', letter: 'T', classroom: false, channel: 'experiential' },
  { id: 19, name: 'Outbound', letter: 'T', classroom: false, channel: 'experiential' },
  { id: 20, name: 'Patok Banding (Benchmarking)', letter: 'T', classroom: false, channel: 'experiential' },
  { id: 21, name: 'Pertukaran dengan Swasta/BUMN/BUMD', letter: 'T', classroom: false, channel: 'experiential' },
  { id: 22, name: 'Belajar Mandiri', letter: 'T', classroom: false, channel: 'formal' },
  { id: 23, name: 'Komunitas Belajar', letter: 'T', classroom: false, channel: 'social' },
  { id: 24, name: 'Bimbingan di Tempat Kerja', letter: 'T', classroom: false, channel: 'experiential' },
  { id: 25, name: 'Pelatihan Nonklasikal Lainnya', letter: 'T', classroom: false, channel: 'experiential' },
];

/** The SIASN jenis diklat of structural leadership training: its completions go to `/diklat/save`, not `/kursus/save`. */
export const JENIS_DIKLAT_STRUKTURAL = 1;

/**
 * SIASN's kinds of structural leadership training (`latihanStrukturalId` of `/diklat/save`), as SIASN names them and
 * agencies' public SIASN clients carry the reference table; today's names (PKN, PKA, PKP) in brackets. Decision 0035.
 */
export const LATIHAN_STRUKTURAL = [
  { id: 1, name: 'SEPADA' },
  { id: 2, name: 'SEPALA/ADUM/Diklatpim Tingkat IV (PKP)' },
  { id: 3, name: 'SEPADYA/SPAMA/Diklatpim Tingkat III (PKA)' },
  { id: 4, name: 'SPAMEN/SESPA/SESPANAS/Diklatpim Tingkat II (PKN Tingkat II)' },
  { id: 5, name: 'SEPATI/Diklatpim Tingkat I (PKN Tingkat I)' },
  { id: 6, name: 'SESPIM' },
  { id: 7, name: 'SESPATI' },
  { id: 8, name: 'Diklat Struktural Lainnya' },
] as const;
export type LatihanStrukturalId = (typeof LATIHAN_STRUKTURAL)[number]['id'];
