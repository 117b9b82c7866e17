import type { DataSource } from 'typeorm';
import type { SiasnClient } from '../client/siasn-client';
import { SiasnCallError } from '../client/siasn-errors';
import { SIASN_DOC_REF } from '../client/siasn-client';
import {
  isSameDiklat,
  isSameKursus,
  isStructuralLeadership,
  toDiklatRecord,
  toKursusRecord,
  type SiasnCompletion,
} from '../mapping/kursus-mapping';
import {
  claimDocument,
  claimPush,
  dueDocumentIds,
  duePushIds,
  markAcknowledged,
  markDocumentParked,
  markDocumentRetry,
  markDocumentUploaded,
  markParked,
  markRetry,
  markSent,
  savePnsOrangId,
  type DocumentPushRow,
  type PushRow,
} from './push-store';
import { retryDelayMs } from './retry-delay';

export interface DeliveryOptions {
  /** How long one attempt may hold a push before another worker may take it (a dead worker's lease runs out). */
  leaseMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** After this many attempts a push is parked for a person instead of retried for ever. */
  maxAttempts: number;
  random?: () => number;
}

export const DEFAULT_DELIVERY: DeliveryOptions = {
  leaseMs: 120_000,
  baseDelayMs: 5_000,
  maxDelayMs: 30 * 60_000,
  maxAttempts: 30,
};

export type DeliveryOutcome = 'acknowledged' | 'retry' | 'parked' | 'skipped';
export type DocumentOutcome = 'uploaded' | 'retry' | 'parked' | 'skipped';

/** The client of an agency's credentials, or null when SIASN is not configured for it. */
export type ClientResolver = (agencyId: string) => SiasnClient | null | Promise<SiasnClient | null>;

/** The certificate PDF to attach to an acknowledged record; null when the certificate is gone. */
export type DocumentSource = (push: DocumentPushRow) => Promise<{ pdf: Buffer; fileName: string } | null>;

export const NOT_CONFIGURED = 'SIASN belum dikonfigurasi untuk instansi ini';
export const STRUCTURAL_KIND_MISSING =
  'Pelatihan struktural kepemimpinan (jenis diklat 1) tanpa jenis latihan struktural (latihanStrukturalId): isi jenisnya di pelatihan dan terbitkan versinya, atau catat riwayat diklat ini langsung di SIASN';

/**
 * Where a completion goes at SIASN: riwayat kursus (`/kursus/save`, document ref 881) for every form of development,
 * riwayat diklat (`/diklat/save`, ref 874) for structural leadership training (jenis 1; decision 0035). Each builds its
 * body, finds our record in the ASN's history read back (by certificate number), and saves.
 */
interface RecordTarget {
  /** Throws (in words) when the completion cannot become this record. */
  build(): void;
  /** SIASN's id of the record carrying our certificate number in the ASN's history, if it is there. */
  findOurs(): Promise<string | null>;
  save(): Promise<string>;
}

function targetOf(client: SiasnClient, push: PushRow, pnsOrangId: string): RecordTarget {
  // With SIASN's id already known (a re-issued certificate), the save updates that record.
  const ids = { instansiId: push.instansiId, pnsOrangId };
  if (isStructuralLeadership(push.completion.jenisDiklatId)) {
    const record = () => toDiklatRecord(push.completion, { ...ids, rwDiklatId: push.siasnRecordId });
    return {
      build: () => void record(),
      findOurs: async () => {
        const r = record();
        return (await client.diklatHistory(push.nip)).find((row) => row.id && isSameDiklat(row, r))?.id ?? null;
      },
      save: () => client.saveDiklat(record()),
    };
  }
  const record = () => toKursusRecord(push.completion, { ...ids, rwKursusId: push.siasnRecordId });
  return {
    build: () => void record(),
    findOurs: async () => {
      const r = record();
      return (await client.kursusHistory(push.nip)).find((row) => row.id && isSameKursus(row, r))?.id ?? null;
    },
    save: () => client.saveKursus(record()),
  };
}

/** The document reference of the record a completion becomes: 874 riwayat diklat, 881 riwayat kursus. */
export const documentRefOf = (c: SiasnCompletion): string =>
  isStructuralLeadership(c.jenisDiklatId) ? SIASN_DOC_REF.diklat : SIASN_DOC_REF.kursus;

/**
 * Delivers one push to SIASN, at least once from the outbox and idempotent at our side (decision 0028):
 * 1. take the push with a lease (two workers never push it at once; a dead worker's lease runs out);
 * 2. find the ASN's pnsOrangId (unknown NIP: parked);
 * 3. if a save may already have landed (an unknown outcome, or a worker that died after marking it sent), read the
 *    ASN's history back and adopt the record with our certificate number instead of posting again;
 * 4. mark it sent, post `/kursus/save` (structural leadership training: `/diklat/save`), keep SIASN's id.
 * Transient failures and unknown outcomes retry with back-off and jitter (Retry-After honoured); rejections, unknown
 * NIPs, refused credentials and exhausted attempts are parked with the reason for a person to fix and resend.
 */
export class SiasnDelivery {
  private readonly o: DeliveryOptions;

  constructor(
    private readonly db: DataSource,
    private readonly clientFor: ClientResolver,
    options: Partial<DeliveryOptions> = {},
    private readonly documentOf: DocumentSource | null = null,
  ) {
    this.o = { ...DEFAULT_DELIVERY, ...options };
  }

  async deliver(pushId: string): Promise<DeliveryOutcome> {
    const m = this.db.manager;
    const push = await claimPush(m, pushId, this.o.leaseMs);
    if (!push) return 'skipped';
    if (isStructuralLeadership(push.completion.jenisDiklatId) && push.completion.latihanStrukturalId == null) {
      await markParked(m, push.id, STRUCTURAL_KIND_MISSING);
      return 'parked';
    }
    if (!push.instansiId) {
      await markParked(
        m,
        push.id,
        'Instansi belum mempunyai ID instansi SIASN (siasnInstansiId): isi di data instansi, lalu kirim ulang',
      );
      return 'parked';
    }
    let client: SiasnClient | null;
    try {
      client = await this.clientFor(push.agencyId);
    } catch (e) {
      await markParked(m, push.id, (e as Error).message);
      return 'parked';
    }
    if (!client) {
      await markParked(m, push.id, NOT_CONFIGURED);
      return 'parked';
    }
    try {
      let pnsOrangId = push.pnsOrangId;
      if (!pnsOrangId) {
        pnsOrangId = await client.pnsOrangId(push.nip);
        if (!pnsOrangId) {
          await markParked(m, push.id, `NIP ${push.nip} tidak ditemukan di SIASN`);
          return 'parked';
        }
        await savePnsOrangId(m, push.id, pnsOrangId);
      }
      const target = targetOf(client, push, pnsOrangId);
      try {
        target.build();
      } catch (e) {
        await markParked(m, push.id, `Data tidak dapat dikirim: ${(e as Error).message}`);
        return 'parked';
      }
      // An update names its record, so posting it again is harmless; only a create reads back first.
      if (!push.siasnRecordId && (push.uncertain || push.status === 'sent')) {
        const mine = await target.findOurs();
        if (mine) {
          await markAcknowledged(m, push.id, mine, true);
          return 'acknowledged';
        }
      }
      await markSent(m, push.id);
      const recordId = await target.save();
      await markAcknowledged(m, push.id, recordId, false);
      return 'acknowledged';
    } catch (e) {
      const err =
        e instanceof SiasnCallError
          ? e
          : new SiasnCallError('transient', `Kesalahan tak terduga: ${(e as Error).message}`);
      if (!err.retryable) {
        await markParked(m, push.id, err.message);
        return 'parked';
      }
      if (push.attempts >= this.o.maxAttempts) {
        await markParked(m, push.id, `Dihentikan setelah ${push.attempts} percobaan: ${err.message}`);
        return 'parked';
      }
      const delayMs = retryDelayMs(
        push.attempts,
        { baseMs: this.o.baseDelayMs, maxMs: this.o.maxDelayMs, retryAfterMs: err.retryAfterMs },
        this.o.random,
      );
      await markRetry(m, push.id, { error: err.message, delayMs, uncertain: err.kind === 'unknown_outcome' });
      return 'retry';
    }
  }

  /**
   * Uploads the certificate PDF to the acknowledged record (`/upload-dok-rw`, ref 881, or 874 for a riwayat diklat), once: an uploaded document is
   * never taken again; a failure retries with back-off (SIASN replaces a document uploaded twice, so a lost answer is
   * harmless), a rejection or a missing certificate parks it.
   */
  async deliverDocument(pushId: string): Promise<DocumentOutcome> {
    if (!this.documentOf) return 'skipped';
    const m = this.db.manager;
    const push = await claimDocument(m, pushId, this.o.leaseMs);
    if (!push) return 'skipped';
    try {
      const client = await this.clientFor(push.agencyId);
      if (!client) {
        await markDocumentParked(m, push.id, NOT_CONFIGURED);
        return 'parked';
      }
      const doc = await this.documentOf(push);
      if (!doc) {
        await markDocumentParked(m, push.id, 'Sertifikat tidak ditemukan; dokumen tidak dapat diunggah');
        return 'parked';
      }
      await client.uploadDocument({
        idRiwayat: push.siasnRecordId,
        ref: documentRefOf(push.completion),
        pdf: doc.pdf,
        fileName: doc.fileName,
      });
      await markDocumentUploaded(m, push.id);
      return 'uploaded';
    } catch (e) {
      const err =
        e instanceof SiasnCallError
          ? e
          : new SiasnCallError('transient', `Kesalahan tak terduga: ${(e as Error).message}`);
      if (!err.retryable) {
        await markDocumentParked(m, push.id, err.message);
        return 'parked';
      }
      if (push.documentAttempts >= this.o.maxAttempts) {
        await markDocumentParked(m, push.id, `Dihentikan setelah ${push.documentAttempts} percobaan: ${err.message}`);
        return 'parked';
      }
      const delayMs = retryDelayMs(
        push.documentAttempts,
        { baseMs: this.o.baseDelayMs, maxMs: this.o.maxDelayMs, retryAfterMs: err.retryAfterMs },
        this.o.random,
      );
      await markDocumentRetry(m, push.id, err.message, delayMs);
      return 'retry';
    }
  }

  /** Delivers what is due, `concurrency` at a time; returns the outcomes counted. The sweep that nothing escapes. */
  async sweep(o: { limit: number; concurrency: number; until?: number }): Promise<Record<DeliveryOutcome, number>> {
    const ids = await duePushIds(this.db.manager, o.limit);
    const counts: Record<DeliveryOutcome, number> = { acknowledged: 0, retry: 0, parked: 0, skipped: 0 };
    await lanes(ids, o.concurrency, o.until, async (id) => void counts[await this.deliver(id)]++);
    return counts;
  }

  /** Uploads the documents that are due, like `sweep`. */
  async sweepDocuments(o: {
    limit: number;
    concurrency: number;
    until?: number;
  }): Promise<Record<DocumentOutcome, number>> {
    const counts: Record<DocumentOutcome, number> = { uploaded: 0, retry: 0, parked: 0, skipped: 0 };
    if (!this.documentOf) return counts;
    const ids = await dueDocumentIds(this.db.manager, o.limit);
    await lanes(ids, o.concurrency, o.until, async (id) => void counts[await this.deliverDocument(id)]++);
    return counts;
  }
}

/** Runs `run` over the ids, `concurrency` at a time; after `until` (epoch ms) no further id is started. */
async function lanes(
  ids: string[],
  concurrency: number,
  until: number | undefined,
  run: (id: string) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < ids.length && (until === undefined || Date.now() < until)) await run(ids[next++]);
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, lane));
}
