import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DiklatHistoryItem, KursusHistoryItem } from '../client/siasn-client';
import { isStructuralLeadership, siasnDate } from '../mapping/kursus-mapping';
import { SiasnConnections } from '../platform/siasn-connections';
import {
  acknowledgedPushes,
  claimRun,
  finishRun,
  insertDifferences,
  type DifferenceInput,
  type SentRecord,
} from './reconciliation-store';

const LEASE_MS = 10 * 60_000;

/**
 * What an agency sent against what SIASN reports (docs/siasn.md): for each ASN with acknowledged pushes, their riwayat
 * kursus is read back (both spellings folded by the client), and their riwayat diklat when structural leadership
 * training was sent, and each record we sent is looked up by its certificate number. Missing records, a different JP, dates or name, and a record id other than the one SIASN gave us are kept
 * as the run's differences for the admin page.
 */
@Injectable()
export class SiasnReconciliation {
  private readonly logger = new Logger(SiasnReconciliation.name);

  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(SiasnConnections) private readonly connections: SiasnConnections,
  ) {}

  /** Runs every requested reconciliation (one at a time); returns how many ran. */
  async runRequested(): Promise<number> {
    let ran = 0;
    for (let run = await claimRun(this.db.manager, LEASE_MS); run; run = await claimRun(this.db.manager, LEASE_MS)) {
      ran++;
      await this.run(run.id, run.agencyId);
    }
    return ran;
  }

  private async run(runId: string, agencyId: string): Promise<void> {
    const m = this.db.manager;
    let client;
    try {
      client = await this.connections.clientFor(m, agencyId);
    } catch (e) {
      return finishRun(m, runId, { status: 'failed', checked: 0, differences: 0, error: (e as Error).message });
    }
    if (!client)
      return finishRun(m, runId, {
        status: 'failed',
        checked: 0,
        differences: 0,
        error: 'SIASN belum dikonfigurasi untuk instansi ini',
      });
    const sent = await acknowledgedPushes(m, agencyId);
    const byNip = new Map<string, SentRecord[]>();
    for (const s of sent) byNip.set(s.nip, [...(byNip.get(s.nip) ?? []), s]);
    const differences: DifferenceInput[] = [];
    for (const [nip, all] of byNip) {
      const diklat = all.filter((r) => isStructuralLeadership(r.completion.jenisDiklatId));
      const kursus = all.filter((r) => !isStructuralLeadership(r.completion.jenisDiklatId));
      const unreadable = (records: SentRecord[], what: string, e: unknown) => {
        for (const r of records)
          differences.push({
            ...ids(r),
            kind: 'unreadable',
            detail: `Riwayat ${what} tidak dapat dibaca dari SIASN: ${(e as Error).message}`,
          });
      };
      if (kursus.length) {
        try {
          const history = await client.kursusHistory(nip);
          for (const r of kursus) differences.push(...compare(r, history));
        } catch (e) {
          unreadable(kursus, 'kursus', e);
        }
      }
      if (diklat.length) {
        try {
          const history = await client.diklatHistory(nip);
          for (const r of diklat) differences.push(...compareDiklat(r, history));
        } catch (e) {
          unreadable(diklat, 'diklat', e);
        }
      }
    }
    await insertDifferences(m, runId, differences);
    await finishRun(m, runId, { status: 'done', checked: sent.length, differences: differences.length, error: null });
    this.logger.log({ agencyId, runId, checked: sent.length, differences: differences.length }, 'SIASN reconciled');
  }
}

const ids = (r: SentRecord) => ({ pushId: r.pushId, nip: r.nip, certificateNumber: r.completion.certificateNumber });

/** The differences between one record we sent and the ASN's history at SIASN (none when they agree). */
export function compare(r: SentRecord, history: KursusHistoryItem[]): DifferenceInput[] {
  const number = r.completion.certificateNumber.trim();
  const row = history.find((h) => h.nomorSertipikat?.trim() === number);
  if (!row)
    return [
      {
        ...ids(r),
        kind: 'missing_at_siasn',
        detail: `Riwayat dengan nomor sertifikat ${number} tidak ada di SIASN (dikirim sebagai id ${r.siasnRecordId})`,
      },
    ];
  const out: DifferenceInput[] = [];
  if (row.id !== r.siasnRecordId)
    out.push({
      ...ids(r),
      kind: 'record_id_mismatch',
      detail: `ID riwayat di SIASN ${row.id}, yang kami simpan ${r.siasnRecordId}`,
    });
  const c = r.completion;
  const what: string[] = [];
  const jp = Math.round(c.jp);
  if (row.jumlahJam !== null && row.jumlahJam !== jp) what.push(`JP: dikirim ${jp}, di SIASN ${row.jumlahJam}`);
  if (row.tanggalKursus && row.tanggalKursus !== siasnDate(c.startDate))
    what.push(`tanggal mulai: dikirim ${siasnDate(c.startDate)}, di SIASN ${row.tanggalKursus}`);
  if (row.tanggalSelesaiKursus && row.tanggalSelesaiKursus !== siasnDate(c.endDate))
    what.push(`tanggal selesai: dikirim ${siasnDate(c.endDate)}, di SIASN ${row.tanggalSelesaiKursus}`);
  if (row.namaKursus.trim() !== c.title.trim())
    what.push(`nama: dikirim "${c.title.trim()}", di SIASN "${row.namaKursus.trim()}"`);
  if (what.length) out.push({ ...ids(r), kind: 'different', detail: what.join('; ') });
  return out;
}

/**
 * The differences between a riwayat diklat we sent (structural leadership training) and the ASN's riwayat diklat at
 * SIASN: as `compare` (number, record id, JP, dates), the name against `jenisKompetensi` when SIASN keeps one, and the
 * kind (latihanStrukturalId).
 */
export function compareDiklat(r: SentRecord, history: DiklatHistoryItem[]): DifferenceInput[] {
  const out = compare(
    r,
    history.map((h) => ({
      id: h.id,
      jenisDiklatId: '1',
      namaKursus: h.jenisKompetensi ?? r.completion.title,
      institusiPenyelenggara: h.institusiPenyelenggara,
      jumlahJam: h.jumlahJam,
      tanggalKursus: h.tanggal,
      tanggalSelesaiKursus: h.tanggalSelesai,
      nomorSertipikat: h.nomor,
      jenisKursusSertipikat: null,
    })),
  );
  const row = history.find((h) => h.nomor?.trim() === r.completion.certificateNumber.trim());
  const kind = r.completion.latihanStrukturalId;
  if (row && kind != null && row.latihanStrukturalId !== null && row.latihanStrukturalId !== String(kind)) {
    const detail = `jenis latihan struktural: dikirim ${kind}, di SIASN ${row.latihanStrukturalId}`;
    const different = out.find((d) => d.kind === 'different');
    if (different) different.detail = `${different.detail}; ${detail}`;
    else out.push({ ...ids(r), kind: 'different', detail });
  }
  return out;
}
