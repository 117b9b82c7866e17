import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@kompeten/server-core';
import { findCertificate, issuedCertificatePdf } from '@kompeten/server-certificate';
import { SiasnCallError } from '../client/siasn-errors';
import { SiasnDelivery, type DeliveryOutcome, type DocumentOutcome } from '../push/siasn-delivery';
import { SiasnConnections } from './siasn-connections';

/** How much one sweep run delivers before it hands the worker back (the next run comes `sweepEveryMs` later). */
const SWEEP_BUDGET_MS = 10_000;
/** After a first attempt that SIASN did not answer, the agency's next new pushes leave their attempt to the sweep. */
const REST_AFTER_FAILURE_MS = 30_000;

/**
 * The running platform's delivery (docs/siasn.md): `SiasnDelivery` with each agency's client (SiasnConnections), the
 * retry timing from the config, and the certificate PDF (re-rendered from the stored content) for the upload step.
 */
@Injectable()
export class SiasnPushes {
  readonly delivery: SiasnDelivery;

  constructor(
    @InjectDataSource() @Inject(DataSource) db: DataSource,
    @Inject(SiasnConnections) private readonly connections: SiasnConnections,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.delivery = new SiasnDelivery(
      db,
      (agencyId) => this.connections.clientFor(db.manager, agencyId),
      {
        baseDelayMs: config.siasn.retryBaseMs,
        maxDelayMs: config.siasn.retryMaxMs,
        // Longer than any one attempt (a few calls, each bounded by the timeout), so only a dead worker's lease runs out.
        leaseMs: config.siasn.timeoutMs * 8,
      },
      async (push) => {
        const cert = await findCertificate(db.manager, push.certificateId);
        if (!cert) return null;
        const pdf = await issuedCertificatePdf(db.manager, cert.content);
        // Only the very PDF that was issued goes to SIASN: one drawn differently would fail verification there.
        if (createHash('sha256').update(pdf).digest('hex') !== cert.pdfSha256)
          throw new SiasnCallError(
            'rejected',
            'PDF sertifikat tidak dapat dibuat ulang persis seperti saat terbit; unggah dokumennya langsung di SIASN',
          );
        return { pdf, fileName: `sertifikat-${cert.number.replace(/[^A-Za-z0-9.-]+/g, '_')}.pdf` };
      },
    );
  }

  /** Agencies whose last attempt met a SIASN that did not answer, until when new pushes skip their first attempt. */
  private readonly restUntil = new Map<string, number>();

  /** One attempt at the record and, once acknowledged, at its document. */
  async deliverNow(pushId: string, agencyId?: string): Promise<{ push: DeliveryOutcome; document: DocumentOutcome }> {
    const push = await this.delivery.deliver(pushId);
    if (agencyId && push === 'retry') this.restUntil.set(agencyId, Date.now() + REST_AFTER_FAILURE_MS);
    if (agencyId && push === 'acknowledged') this.restUntil.delete(agencyId);
    const document = push === 'acknowledged' ? await this.delivery.deliverDocument(pushId) : 'skipped';
    return { push, document };
  }

  /**
   * Whether a new push of the agency should wait for the sweep instead of an attempt of its own: while SIASN fails for
   * the agency, the consumer does not hold the shared events queue on calls that time out (the sweep retries them).
   */
  resting(agencyId: string): boolean {
    return (this.restUntil.get(agencyId) ?? 0) > Date.now();
  }

  /**
   * Re-drives every due push and document until nothing is due or the budget is spent: after an outage of the worker,
   * Redis or SIASN, whatever is pending goes out from here.
   */
  async sweep(budgetMs = SWEEP_BUDGET_MS): Promise<{ pushes: number; documents: number }> {
    const until = Date.now() + budgetMs;
    let pushes = 0;
    let documents = 0;
    while (Date.now() < until) {
      const p = await this.delivery.sweep({ limit: 200, concurrency: 8, until });
      const d = await this.delivery.sweepDocuments({ limit: 200, concurrency: 4, until });
      const worked = p.acknowledged + p.retry + p.parked + d.uploaded + d.retry + d.parked;
      pushes += p.acknowledged + p.retry + p.parked;
      documents += d.uploaded + d.retry + d.parked;
      if (worked === 0) break;
    }
    return { pushes, documents };
  }
}
