import { JENIS_DIKLAT } from '@kompeten/shared-contracts';
import type { DiklatRecord, KursusRecord } from '../client/siasn-client';

/**
 * A completion as the SIASN push sees it: what the completion, the course and the certificate say, nothing more.
 * The one place where Kompeten's words become SIASN's fields (docs/siasn.md lists the mapping).
 */
export interface SiasnCompletion {
  /** The training's name as the certificate prints it. */
  title: string;
  /** The organiser (the agency that ran it, e.g. "BPSDM Provinsi Nusa Tenggara Barat"). */
  organiser: string;
  /** JP credited. */
  jp: number;
  /** The course's form of development: SIASN jenisDiklatId 1–25 (DOMAIN.md §6). */
  jenisDiklatId: number;
  /** Structural leadership training only (jenis 1): SIASN latihanStrukturalId 1–8, from the course (decision 0035). */
  latihanStrukturalId?: number | null;
  /** Local dates, YYYY-MM-DD. */
  startDate: string;
  endDate: string;
  certificateNumber: string;
}

/** `2026-12-04` → `04-12-2026` (SIASN's dd-MM-yyyy). */
export function siasnDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new Error(`Not a YYYY-MM-DD date: ${isoDate}`);
  return `${m[3]}-${m[2]}-${m[1]}`;
}

/** Structural leadership training goes to `/diklat/save`, everything else to `/kursus/save`. */
export const isStructuralLeadership = (jenisDiklatId: number) => jenisDiklatId === 1;

/**
 * The `/kursus/save` body: JP → jumlahJam, the form of development → jenisDiklatId (as a string) and its certificate
 * letter, dates as dd-MM-yyyy, the year of the end date, the certificate number and the organiser. `id` is SIASN's
 * rwKursusId when updating a record we already own, else null (create).
 */
export function toKursusRecord(
  c: SiasnCompletion,
  ids: { instansiId: string; pnsOrangId: string; rwKursusId?: string | null },
): KursusRecord {
  const jenis = JENIS_DIKLAT.find((j) => j.id === c.jenisDiklatId);
  if (!jenis) throw new Error(`Unknown jenisDiklatId ${c.jenisDiklatId}`);
  if (isStructuralLeadership(c.jenisDiklatId)) throw new Error('Structural leadership training goes to /diklat/save');
  if (c.endDate < c.startDate) throw new Error('The end date is before the start date');
  return {
    id: ids.rwKursusId ?? null,
    instansiId: ids.instansiId,
    pnsOrangId: ids.pnsOrangId,
    jenisDiklatId: String(jenis.id),
    jenisKursus: '',
    jenisKursusSertipikat: jenis.letter,
    namaKursus: c.title.trim(),
    institusiPenyelenggara: c.organiser.trim(),
    // SIASN keeps whole hours; a fractional JP rounds half up (2.5 JP → 3), the ledger keeps the exact value.
    jumlahJam: Math.round(c.jp),
    tahunKursus: Number(c.endDate.slice(0, 4)),
    tanggalKursus: siasnDate(c.startDate),
    tanggalSelesaiKursus: siasnDate(c.endDate),
    nomorSertipikat: c.certificateNumber,
    lokasiId: null,
  };
}

/** Does a history row read back from SIASN hold this completion? Matched on the certificate number, which is unique. */
export function isSameKursus(
  row: { nomorSertipikat: string | null; namaKursus: string; tanggalSelesaiKursus: string | null },
  record: KursusRecord,
): boolean {
  if (row.nomorSertipikat && record.nomorSertipikat)
    return row.nomorSertipikat.trim() === record.nomorSertipikat.trim();
  return row.namaKursus.trim() === record.namaKursus && row.tanggalSelesaiKursus === record.tanggalSelesaiKursus;
}

/**
 * The `/diklat/save` body of structural leadership training (jenis 1; decision 0035): the course's kind →
 * latihanStrukturalId (as a string, like agencies' clients send it), JP → jumlahJam, dates as dd-MM-yyyy, the year of
 * the end date, the certificate number → nomor, the organiser; `bobot` 0 and `jenisKompetensi` the training's name, as
 * agencies' clients fill them. `id` is SIASN's rwDiklatId when updating a record we already own, else null (create).
 */
export function toDiklatRecord(
  c: SiasnCompletion,
  ids: { instansiId: string; pnsOrangId: string; rwDiklatId?: string | null },
): DiklatRecord {
  if (!isStructuralLeadership(c.jenisDiklatId))
    throw new Error(
      `Only structural leadership training (jenisDiklatId 1) goes to /diklat/save, not ${c.jenisDiklatId}`,
    );
  const kind = c.latihanStrukturalId;
  if (kind == null)
    throw new Error('Pelatihan struktural tanpa jenis latihan struktural (latihanStrukturalId); isi di pelatihannya');
  if (!Number.isInteger(kind) || kind < 1 || kind > 8) throw new Error(`latihanStrukturalId ${kind} di luar 1–8`);
  if (c.endDate < c.startDate) throw new Error('The end date is before the start date');
  return {
    id: ids.rwDiklatId ?? null,
    instansiId: ids.instansiId,
    pnsOrangId: ids.pnsOrangId,
    latihanStrukturalId: String(kind),
    nomor: c.certificateNumber,
    tahun: Number(c.endDate.slice(0, 4)),
    tanggal: siasnDate(c.startDate),
    tanggalSelesai: siasnDate(c.endDate),
    institusiPenyelenggara: c.organiser.trim(),
    // Whole hours, like jumlahJam of /kursus/save (2.5 JP → 3).
    jumlahJam: Math.round(c.jp),
    bobot: 0,
    jenisKompetensi: c.title.trim(),
  };
}

/** Does a riwayat diklat row read back from SIASN hold this completion? Matched on the certificate number (nomor). */
export function isSameDiklat(
  row: { nomor: string | null; latihanStrukturalId: string | null; tanggalSelesai: string | null },
  record: DiklatRecord,
): boolean {
  if (row.nomor && record.nomor) return row.nomor.trim() === record.nomor.trim();
  return row.latihanStrukturalId === record.latihanStrukturalId && row.tanggalSelesai === record.tanggalSelesai;
}
