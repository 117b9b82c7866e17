import type { DataSource } from 'typeorm';
import type { KursusRecord, SiasnClient } from '../client/siasn-client';
import { SiasnCallError } from '../client/siasn-errors';
import { isSameKursus, toKursusRecord } from '../mapping/kursus-mapping';
import { claimPush, duePushIds, markAcknowledged, markParked, markRetry, markSent, savePnsOrangId } from './push-store';
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

/**
 * Delivers one push to SIASN, at least once from the outbox and idempotent at our side (decision 0028):
 * 1. take the push with a lease (two workers never push it at once; a dead worker's lease runs out);
 * 2. find the ASN's pnsOrangId (unknown NIP: parked);
 * 3. if a save may already have landed (an unknown outcome, or a worker that died after marking it sent), read the
 *    ASN's history back and adopt the record with our certificate number instead of posting again;
 * 4. mark it sent, post `/kursus/save`, keep SIASN's id.
 * Transient failures and unknown outcomes retry with back-off and jitter (Retry-After honoured); rejections, unknown
 * NIPs, refused credentials and exhausted attempts are parked with the reason for a person to fix and resend.
 */
export class SiasnDelivery {
  private readonly o: DeliveryOptions;

  constructor(
    private readonly db: DataSource,
    private readonly clientFor: (agencyId: string) => SiasnClient | null,
    options: Partial<DeliveryOptions> = {},
  ) {
    this.o = { ...DEFAULT_DELIVERY, ...options };
  }

  async deliver(pushId: string): Promise<DeliveryOutcome> {
    const m = this.db.manager;
    const push = await claimPush(m, pushId, this.o.leaseMs);
    if (!push) return 'skipped';
    const client = this.clientFor(push.agencyId);
    if (!client) {
      await markParked(m, push.id, 'SIASN belum dikonfigurasi untuk instansi ini');
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
      let record: KursusRecord;
      try {
        record = toKursusRecord(push.completion, { instansiId: push.instansiId, pnsOrangId });
      } catch (e) {
        await markParked(m, push.id, `Data tidak dapat dikirim: ${(e as Error).message}`);
        return 'parked';
      }
      if (push.uncertain || push.status === 'sent') {
        const mine = (await client.kursusHistory(push.nip)).find((row) => row.id && isSameKursus(row, record));
        if (mine) {
          await markAcknowledged(m, push.id, mine.id, true);
          return 'acknowledged';
        }
      }
      await markSent(m, push.id);
      const recordId = await client.saveKursus(record);
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

  /** Delivers what is due, `concurrency` at a time; returns the outcomes counted. The sweep that nothing escapes. */
  async sweep(o: { limit: number; concurrency: number }): Promise<Record<DeliveryOutcome, number>> {
    const ids = await duePushIds(this.db.manager, o.limit);
    const counts: Record<DeliveryOutcome, number> = { acknowledged: 0, retry: 0, parked: 0, skipped: 0 };
    let next = 0;
    const lane = async () => {
      while (next < ids.length) {
        const id = ids[next++];
        counts[await this.deliver(id)]++;
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, o.concurrency) }, lane));
    return counts;
  }
}
