import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueueName } from '@kompeten/shared-contracts';
import {
  errorText,
  jobId,
  outboxSql,
  type PendingOutboxDelivery,
  type PendingOutboxEvent,
} from '@kompeten/server-core';
import { JobRegistry, type RegisteredJob } from '../jobs/job-registry';
import { WorkerQueues } from '../jobs/worker-queues';
import { OUTBOX_ROUTES, type OutboxRoutes } from './outbox-routes';

export const RELAY_BATCH = 100;
export const RELAY_INTERVAL_MS = 500;
/** An event the relay has failed on this many times is parked, so it cannot hold up the events behind it. */
export const RELAY_MAX_ATTEMPTS = 10;
/** A delivery its queue refused is offered again after this long. */
export const ENQUEUE_RETRY_MS = 10_000;
/** BullMQ keeps finished jobs this long, so a re-added job id is still recognised; the delivery row is the record. */
const KEEP_COMPLETED_SECONDS = 7 * 24 * 3600;
const KEEP_FAILED_SECONDS = 30 * 24 * 3600;

/**
 * Moves outbox events to BullMQ in two steps, each claiming rows with SKIP LOCKED (several workers may run):
 * 1. fan-out: each pending event gets one outbox_delivery row per consumer (EVENT_CONSUMERS), with the job id
 *    `<jobName>.<aggregateId>`, and becomes `sent`; an event with an unknown type or no consumers is `parked` with the
 *    reason. Database only: a batch that fails is retried row by row, so the error lands on the row that caused it.
 * 2. enqueue: each pending delivery is added to its job's queue with the handler's retry policy and becomes `queued`,
 *    under its row lock, so a job that finishes at once waits for that mark before recording `done`. A queue that
 *    refuses a job leaves the delivery pending with the error, retried later; other queues carry on.
 * Errors are written after the transaction has ended, in statements of their own, so a rollback cannot lose them.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(WorkerQueues) private readonly queues: WorkerQueues,
    @Inject(JobRegistry) private readonly registry: JobRegistry,
    @Inject(OUTBOX_ROUTES) private readonly routes: OutboxRoutes,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  /** Stops before the database and queues close, letting a batch in flight finish. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.relayOnce()
        .then((n) => this.schedule(n === RELAY_BATCH ? 0 : RELAY_INTERVAL_MS))
        .catch((e) => {
          this.logger.error({ err: e }, 'Outbox relay failed; retrying');
          this.schedule(RELAY_INTERVAL_MS * 4);
        });
    }, ms);
  }

  /** One pass: fans out a batch of events, then enqueues a batch of deliveries; returns the larger batch's size. */
  async relayOnce(): Promise<number> {
    const events = await this.fanOut();
    const deliveries = await this.enqueue();
    return Math.max(events, deliveries);
  }

  private async fanOut(): Promise<number> {
    let claimed: string[] = [];
    try {
      return await this.db.transaction(async (m) => {
        const rows = await outboxSql.claimPendingEvents(m, RELAY_BATCH);
        claimed = rows.map((r) => r.id);
        await this.writeDeliveries(m, rows);
        return rows.length;
      });
    } catch (e) {
      if (!claimed.length) throw e;
      this.logger.warn(
        { err: e, events: claimed.length },
        'Outbox fan-out batch rolled back; relaying its events one by one',
      );
      let relayed = 0;
      for (const id of claimed) if (await this.fanOutOne(id)) relayed++;
      return relayed;
    }
  }

  private async fanOutOne(id: string): Promise<boolean> {
    try {
      await this.db.transaction(async (m) => {
        const rows = await outboxSql.claimPendingEvent(m, id);
        await this.writeDeliveries(m, rows);
      });
      return true;
    } catch (e) {
      await this.recordEventError(id, e);
      return false;
    }
  }

  /** Set-based: one insert for every delivery of the batch, one update for the sent events, one for the parked. */
  private async writeDeliveries(m: EntityManager, rows: PendingOutboxEvent[]): Promise<void> {
    const sent: string[] = [];
    const parked: Array<{ id: string; reason: string }> = [];
    const deliveries: Array<{ eventId: string; jobName: string; jobId: string }> = [];
    for (const row of rows) {
      const consumers = this.routes.consumers[row.event_type];
      if (!consumers) parked.push({ id: row.id, reason: `Unknown event type "${row.event_type}"` });
      else if (!consumers.length)
        parked.push({ id: row.id, reason: `No consumers for event type "${row.event_type}"` });
      else {
        for (const name of consumers)
          deliveries.push({ eventId: row.id, jobName: name, jobId: jobId(name, row.aggregate_id ?? row.id) });
        sent.push(row.id);
      }
    }
    await outboxSql.insertDeliveries(m, deliveries);
    await outboxSql.markEventsSent(m, sent);
    if (parked.length) {
      await outboxSql.parkEvents(m, parked);
      for (const p of parked) this.logger.warn({ outboxId: p.id, reason: p.reason }, 'Outbox event parked');
    }
  }

  /** After the event's own transaction rolled back: counts the failure, and parks the event once it keeps failing. */
  private async recordEventError(id: string, e: unknown): Promise<void> {
    const message = errorText(e);
    this.logger.error({ err: e, outboxId: id }, 'Outbox event could not be relayed');
    await outboxSql
      .recordEventError(
        this.db,
        id,
        message,
        RELAY_MAX_ATTEMPTS,
        `Parked after ${RELAY_MAX_ATTEMPTS} failed relay attempts: ${message}`,
      )
      .catch((err) => this.logger.error({ err, outboxId: id, error: message }, 'Could not record the relay error'));
  }

  private async enqueue(): Promise<number> {
    const errors = new Map<string, string>();
    let claimed: string[] = [];
    try {
      return await this.db.transaction(async (m) => {
        const rows = await outboxSql.claimPendingDeliveries(m, RELAY_BATCH);
        claimed = rows.map((r) => r.id);
        const queued: string[] = [];
        const refusing = new Set<QueueName>();
        for (const row of rows) {
          // Unknown here but written by the relay: a newer worker (rolling deploy) knows it; leave it pending.
          const job = this.registry.get(row.job_name);
          if (!job) errors.set(row.id, `No handler for job ${row.job_name} in this worker`);
          else if (!refusing.has(job.queue)) {
            try {
              await this.add(job, row);
              queued.push(row.id);
            } catch (e) {
              errors.set(row.id, errorText(e));
              refusing.add(job.queue);
            }
          }
        }
        await outboxSql.markDeliveriesQueued(m, queued);
        return rows.length;
      });
    } catch (e) {
      for (const id of claimed) if (!errors.has(id)) errors.set(id, `Relay transaction failed: ${errorText(e)}`);
      throw e;
    } finally {
      if (errors.size) await this.recordDeliveryErrors(errors);
    }
  }

  private async add(job: RegisteredJob, row: PendingOutboxDelivery): Promise<void> {
    const queue = this.queues.get(job.queue);
    if (row.attempts > 0) {
      // It ran before (a re-drive, or a lost job found by the sweep): BullMQ would ignore the id of a finished job.
      const previous = await queue.getJob(row.job_id);
      if (previous && ((await previous.isFailed()) || (await previous.isCompleted()))) await previous.remove();
    }
    await queue.add(row.job_name, row.payload, {
      jobId: row.job_id,
      ...job.handler.retry,
      removeOnComplete: { age: KEEP_COMPLETED_SECONDS },
      removeOnFail: { age: KEEP_FAILED_SECONDS },
    });
  }

  private async recordDeliveryErrors(errors: Map<string, string>): Promise<void> {
    this.logger.error(
      { deliveries: Object.fromEntries(errors) },
      'Outbox deliveries could not be queued; retrying later',
    );
    await outboxSql
      .recordDeliveryErrors(this.db, errors, ENQUEUE_RETRY_MS)
      .catch((err) => this.logger.error({ err }, 'Could not record the delivery errors'));
  }
}
