import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, errorText, outboxSql, type AppConfig, type JobResult } from '@kompeten/server-core';
import { JobRegistry } from '../jobs/job-registry';
import { WorkerQueues } from '../jobs/worker-queues';

export const MAINTENANCE_EVERY_MS = 10 * 60_000;
export const PRUNE_CHUNK = 1000;
/** A delivery queued longer ago than this is compared with its BullMQ job. */
export const RECONCILE_AFTER_MS = 15 * 60_000;
export const RECONCILE_BATCH = 500;

/**
 * The outbox's housekeeping, every 10 minutes on each worker (both steps are safe to run concurrently):
 * - prune: deletes events relayed more than OUTBOX_RETENTION_DAYS ago whose deliveries are all done (their delivery rows
 *   go with them); parked events and events with a failed, parked or unfinished delivery stay as the record.
 * - reconcile: a delivery still `queued` long after it was added is compared with BullMQ. A job Redis lost (restarted
 *   without persistence) is queued again; a job BullMQ failed without the processor recording it (it stalled too
 *   often, or PostgreSQL was down at that moment) is recorded failed and its handler's give-up step runs; one that
 *   completed unrecorded is recorded done.
 */
@Injectable()
export class OutboxMaintenance implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxMaintenance.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(JobRegistry) private readonly registry: JobRegistry,
    @Inject(WorkerQueues) private readonly queues: WorkerQueues,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.runOnce()
        .catch((err) => this.logger.error({ err }, 'Outbox maintenance failed; trying again at the next interval'))
        .finally(() => (this.running = null));
    }, MAINTENANCE_EVERY_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  async runOnce(): Promise<void> {
    const pruned = await this.prune();
    const reconciled = await this.reconcile();
    if (pruned || reconciled.requeued || reconciled.failed || reconciled.done)
      this.logger.log({ pruned, ...reconciled }, 'Outbox maintenance');
  }

  /** Deletes, in chunks, relayed events older than the retention whose deliveries are all done; returns how many. */
  async prune(retentionDays = this.config.outboxRetentionDays): Promise<number> {
    let total = 0;
    for (;;) {
      const deleted = await outboxSql.pruneSentEvents(this.db, retentionDays, PRUNE_CHUNK);
      total += deleted;
      if (deleted < PRUNE_CHUNK) return total;
    }
  }

  async reconcile(olderThanMs = RECONCILE_AFTER_MS): Promise<{ requeued: number; failed: number; done: number }> {
    const rows = await outboxSql.queuedDeliveriesOlderThan(this.db, olderThanMs, RECONCILE_BATCH);
    const outcome = { requeued: 0, failed: 0, done: 0 };
    for (const row of rows) {
      const registered = this.registry.get(row.job_name);
      if (!registered) continue;
      const job = await this.queues.get(registered.queue).getJob(row.job_id);
      const state = job ? await job.getState() : 'missing';
      if (state === 'missing') {
        // The relay adds it again (the same id) on its next pass.
        if (await outboxSql.requeueLost(this.db, row.id)) outcome.requeued++;
      } else if (state === 'completed' && job) {
        const result: JobResult = job.returnvalue === 'skipped' ? 'skipped' : 'success';
        if (await outboxSql.recordCompleted(this.db, row.id, result, job.attemptsMade)) outcome.done++;
      } else if (state === 'failed' && job) {
        const reason = (job.failedReason || 'failed in its queue').slice(0, 1000);
        if (await outboxSql.recordFailed(this.db, row.id, reason, job.attemptsMade)) {
          outcome.failed++;
          const context = { jobId: row.job_id, attempt: job.attemptsMade, maxAttempts: job.opts.attempts ?? 1 };
          await registered.handler
            .onGiveUp?.(row.payload as never, new Error(reason), context)
            .catch((err) =>
              this.logger.error(
                { err, jobName: row.job_name, jobId: row.job_id, error: errorText(err) },
                'The job\u2019s give-up step failed',
              ),
            );
        }
      }
    }
    return outcome;
  }
}
