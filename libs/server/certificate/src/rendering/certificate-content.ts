/**
 * What a certificate says (DOMAIN.md §7), fixed at issue: the PDF is drawn from it, the signature covers its canonical
 * JSON, and the verification page shows a masked part of it. Dates are local dates (YYYY-MM-DD).
 */
export interface CertificateContent {
  /** STTP/STTPL for training; "SERTIFIKAT" for seminars and webinars. */
  title: string;
  number: string;
  participant: {
    /** With front and back titles, as the ASN writes it. */
    name: string;
    nip: string;
    rank: string | null;
    position: string | null;
    agency: string;
  };
  training: {
    name: string;
    startDate: string;
    endDate: string;
    place: string | null;
    jp: number;
    /** e.g. "Lulus" or "Lulus dengan nilai 88,5". */
    result: string | null;
    subjects: Array<{ title: string; jp: number }>;
    /** SIASN jenis diklat code when the source names it (a class's offering); the SIASN push reads it. */
    jenisDiklatId?: number;
  };
  issuer: {
    /** The agency that ran the training, e.g. "Badan Pengembangan Sumber Daya Manusia Provinsi Nusa Tenggara Barat". */
    agency: string;
    city: string;
    issuedOn: string;
    /** SHA-256 of the emblem in `certificate_logo` (immutable), drawn at the top; absent: no emblem. */
    logoSha256?: string;
  };
  /** The template's words (absent in certificates issued before templates: the renderer's defaults). */
  wording?: { awardedTo: string; completed: string; closing: string | null };
  /** The last day it is valid (the template's validity period); absent or null: it never expires. */
  validUntil?: string | null;
  signatory: { name: string; position: string; nip: string | null };
  /** The public verification page the QR code opens. */
  verifyUrl: string;
}

const MONTHS = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];

/** `2026-12-04` → `4 Desember 2026`. */
export function tanggalIndonesia(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new Error(`Not a YYYY-MM-DD date: ${isoDate}`);
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

/** The dates of a training in words: one day, or `1 – 4 Desember 2026`, or across months/years in full. */
export function rentangTanggal(start: string, end: string): string {
  if (start === end) return tanggalIndonesia(start);
  const [s, e] = [tanggalIndonesia(start).split(' '), tanggalIndonesia(end).split(' ')];
  if (s[2] === e[2] && s[1] === e[1]) return `${s[0]} – ${e.join(' ')}`;
  if (s[2] === e[2]) return `${s[0]} ${s[1]} – ${e.join(' ')}`;
  return `${s.join(' ')} – ${e.join(' ')}`;
}

/** 18-digit NIP with the middle hidden for the public page: `198609******051001`. */
export function maskNip(nip: string): string {
  return nip.length === 18 ? `${nip.slice(0, 6)}${'*'.repeat(6)}${nip.slice(12)}` : nip.replace(/\d(?=\d{4})/g, '*');
}
