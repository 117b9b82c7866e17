import { JENIS_DIKLAT } from '@kompeten/shared-contracts';
import type { KursusRecord } from '../client/siasn-client';

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
