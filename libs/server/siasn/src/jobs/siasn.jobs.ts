import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobName, type JobOf } from '@kompeten/shared-contracts';
import {
  APP_CONFIG,
  JobHandlerProvider,
  type AppConfig,
  type JobHandler,
  type JobResult,
  type RetryPolicy,
} from '@kompeten/server-core';
import { CertificatePush } from '../platform/certificate-push';
import { SiasnPushes } from '../platform/siasn-pushes';
import { requestRunsForAllAgencies } from '../reconciliation/reconciliation-store';
import { SiasnReconciliation } from '../reconciliation/reconciliation';

/**
 * `certificate.issued` → the SIASN push of the certificate, created once (unique on its source), then a first
 * delivery attempt. Whatever that attempt meets (SIASN down, a lost answer, a dead worker) is the push row's business
 * from then on: the sweep retries it, so this job retries only its own failures (the database).
 */
@Injectable()
@JobHandlerProvider()
export class SiasnPushCertificateJob implements JobHandler<typeof JobName.SiasnPushCertificate> {
  readonly jobName = JobName.SiasnPushCertificate;
  readonly retry: RetryPolicy = { attempts: 5, backoff: { type: 'exponential', delay: 10_000 } };
  private readonly logger = new Logger(SiasnPushCertificateJob.name);

  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(CertificatePush) private readonly pushes: CertificatePush,
    @Inject(SiasnPushes) private readonly delivery: SiasnPushes,
  ) {}

  async handle(data: JobOf<typeof JobName.SiasnPushCertificate>): Promise<JobResult> {
    const created = await this.db.transaction((m) => this.pushes.create(m, data.certificateId));
    if (!created) return 'skipped';
    const { pushId, agencyId } = created;
    if (this.delivery.resting(agencyId)) {
      this.logger.log({ jobName: this.jobName, pushId }, 'SIASN push waits for the sweep (SIASN failing)');
      return 'success';
    }
    const outcome = await this.delivery.deliverNow(pushId, agencyId);
    this.logger.log(
      { jobName: this.jobName, certificateId: data.certificateId, pushId, ...outcome },
      'SIASN push tried',
    );
    return 'success';
  }
}

/**
 * Every `SIASN_SWEEP_EVERY_MS` (15 s): every due push and document upload goes out again, and requested
 * reconciliations run. Nothing depends on a queued job surviving: after the worker, Redis or SIASN was down, the
 * pending rows are delivered from here.
 */
@Injectable()
@JobHandlerProvider()
export class SiasnSweepJob implements JobHandler<typeof JobName.SiasnSweep> {
  readonly jobName = JobName.SiasnSweep;
  readonly retry: RetryPolicy = { attempts: 1 };
  readonly everyMs: number;
  private readonly logger = new Logger(SiasnSweepJob.name);

  constructor(
    @Inject(SiasnPushes) private readonly pushes: SiasnPushes,
    @Inject(SiasnReconciliation) private readonly reconciliation: SiasnReconciliation,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.everyMs = config.siasn.sweepEveryMs;
  }

  /** One sweep at a time per process: a slow SIASN must not let the schedule fill the events queue with sweeps. */
  private running = false;

  async handle(_data: JobOf<typeof JobName.SiasnSweep>): Promise<JobResult> {
    if (this.running) return 'skipped';
    this.running = true;
    try {
      const swept = await this.pushes.sweep();
      const reconciled = await this.reconciliation.runRequested();
      if (swept.pushes || swept.documents || reconciled)
        this.logger.log({ jobName: this.jobName, ...swept, reconciled }, 'SIASN sweep');
      return swept.pushes || swept.documents || reconciled ? 'success' : 'skipped';
    } finally {
      this.running = false;
    }
  }
}

/** Daily: a reconciliation is requested for every agency that has records in SIASN (the sweep runs them). */
@Injectable()
@JobHandlerProvider()
export class SiasnReconcileDailyJob implements JobHandler<typeof JobName.SiasnReconcileDaily> {
  readonly jobName = JobName.SiasnReconcileDaily;
  readonly retry: RetryPolicy = { attempts: 3, backoff: { type: 'exponential', delay: 60_000 } };
  readonly everyMs = 24 * 3600_000;

  constructor(@InjectDataSource() @Inject(DataSource) private readonly db: DataSource) {}

  async handle(_data: JobOf<typeof JobName.SiasnReconcileDaily>): Promise<JobResult> {
    return (await requestRunsForAllAgencies(this.db.manager)) > 0 ? 'success' : 'skipped';
  }
}
