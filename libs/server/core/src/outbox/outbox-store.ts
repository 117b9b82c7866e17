import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { JobResult } from './job-handler';
import type { OutboxDeliveryStatus } from './outbox-delivery.entity';

/** A DataSource or an EntityManager: whatever runs the statement (the relay passes its transaction's manager). */
type Queryable = Pick<DataSource, 'query'>;

/** Error texts kept in outbox rows are cut to this length. */
export const ERROR_TEXT_MAX = 1000;

export function errorText(e: unknown): string {
  return (e instanceof Error ? e.message || e.name : String(e)).slice(0, ERROR_TEXT_MAX);
}

/**
 * What the processors write into outbox_delivery as a job runs, by job id (unique): one write per finished run, each
 * adding it to `attempts` (so a re-driven job keeps counting). A job with no delivery (a scheduled one) updates
 * nothing. Each write is one statement of its own, outside any job's transaction.
 */
@Injectable()
export class DeliveryStore {
  constructor(@InjectDataSource() @Inject(DataSource) private readonly db: DataSource) {}

  async done(jobId: string, result: JobResult): Promise<void> {
    await this.db.query(
      `UPDATE outbox_delivery SET status = 'done', result = $2, attempts = attempts + 1, finished_at = now() WHERE job_id = $1`,
      [jobId, result],
    );
  }

  /** A run failed and the job will be retried. */
  async retrying(jobId: string, error: string): Promise<void> {
    await this.db.query(`UPDATE outbox_delivery SET attempts = attempts + 1, last_error = $2 WHERE job_id = $1`, [
      jobId,
      error,
    ]);
  }

  /** The job will not run again: `failed` (attempts used up) or `parked` (a permanent failure). */
  async gaveUp(
    jobId: string,
    status: Extract<OutboxDeliveryStatus, 'failed' | 'parked'>,
    error: string,
  ): Promise<void> {
    await this.db.query(
      `UPDATE outbox_delivery SET status = $2, attempts = attempts + 1, last_error = $3, finished_at = now() WHERE job_id = $1`,
      [jobId, status, error],
    );
  }
}

/** A pending outbox event as the relay claims it. */
export interface PendingOutboxEvent {
  id: string;
  event_type: string;
  aggregate_id: string | null;
}

/** A pending delivery with its event's payload, as the relay claims it. */
export interface PendingOutboxDelivery {
  id: string;
  job_name: string;
  job_id: string;
  attempts: number;
  payload: Record<string, unknown>;
}

/** A delivery queued long ago, for the sweep that compares it with its queue. */
export interface QueuedOutboxDelivery {
  id: string;
  job_name: string;
  job_id: string;
  payload: Record<string, unknown>;
}

export interface OutboxCounts {
  pending: number | null;
  parked: number | null;
  deliveriesPending: number | null;
  deliveriesFailed: number | null;
  deliveriesParked: number | null;
}

/**
 * The outbox tables' SQL for the worker's relay, sweep and health (core owns outbox_event and outbox_delivery; the
 * worker app names no table). Functions take the caller's manager, so the relay's claims and marks share its transaction.
 */
export const outboxSql = {
  claimPendingEvents(m: Queryable, limit: number): Promise<PendingOutboxEvent[]> {
    return m.query(
      `SELECT id, event_type, aggregate_id FROM outbox_event WHERE status = 'pending' ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
  },

  claimPendingEvent(m: Queryable, id: string): Promise<PendingOutboxEvent[]> {
    return m.query(
      `SELECT id, event_type, aggregate_id FROM outbox_event WHERE id = $1 AND status = 'pending' FOR UPDATE SKIP LOCKED`,
      [id],
    );
  },

  /** One insert for a batch; a second event for the same entity finds its jobs already there (one job per consumer and entity). */
  async insertDeliveries(
    m: Queryable,
    deliveries: Array<{ eventId: string; jobName: string; jobId: string }>,
  ): Promise<void> {
    if (!deliveries.length) return;
    await m.query(
      `INSERT INTO outbox_delivery (event_id, job_name, job_id)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[]) ON CONFLICT (job_id) DO NOTHING`,
      [deliveries.map((d) => d.eventId), deliveries.map((d) => d.jobName), deliveries.map((d) => d.jobId)],
    );
  },

  async markEventsSent(m: Queryable, ids: string[]): Promise<void> {
    if (ids.length)
      await m.query(
        `UPDATE outbox_event SET status = 'sent', sent_at = now(), attempts = attempts + 1 WHERE id = ANY($1::uuid[])`,
        [ids],
      );
  },

  async parkEvents(m: Queryable, parked: Array<{ id: string; reason: string }>): Promise<void> {
    if (!parked.length) return;
    await m.query(
      `UPDATE outbox_event e SET status = 'parked', parked_at = now(), attempts = attempts + 1, last_error = p.reason
         FROM unnest($1::uuid[], $2::text[]) AS p(id, reason) WHERE e.id = p.id`,
      [parked.map((p) => p.id), parked.map((p) => p.reason)],
    );
  },

  /** Counts a failed relay of a pending event; parks it with `parkedMessage` once it has failed `maxAttempts` times. */
  async recordEventError(
    m: Queryable,
    id: string,
    message: string,
    maxAttempts: number,
    parkedMessage: string,
  ): Promise<void> {
    await m.query(
      `UPDATE outbox_event SET attempts = attempts + 1,
              last_error = CASE WHEN attempts + 1 >= $3 THEN $4 ELSE $2 END,
              status = CASE WHEN attempts + 1 >= $3 THEN 'parked' ELSE status END,
              parked_at = CASE WHEN attempts + 1 >= $3 THEN now() END
        WHERE id = $1 AND status = 'pending'`,
      [id, message, maxAttempts, parkedMessage],
    );
  },

  claimPendingDeliveries(m: Queryable, limit: number): Promise<PendingOutboxDelivery[]> {
    return m.query(
      `SELECT d.id, d.job_name, d.job_id, d.attempts, e.payload
         FROM outbox_delivery d JOIN outbox_event e ON e.id = d.event_id
        WHERE d.status = 'pending' AND d.available_at <= now()
        ORDER BY d.available_at LIMIT $1 FOR UPDATE OF d SKIP LOCKED`,
      [limit],
    );
  },

  async markDeliveriesQueued(m: Queryable, ids: string[]): Promise<void> {
    if (ids.length)
      await m.query(`UPDATE outbox_delivery SET status = 'queued', queued_at = now() WHERE id = ANY($1::uuid[])`, [
        ids,
      ]);
  },

  /** Keeps pending deliveries that could not be queued, with their errors, and offers them again after `retryMs`. */
  async recordDeliveryErrors(m: Queryable, errors: Map<string, string>, retryMs: number): Promise<void> {
    await m.query(
      `UPDATE outbox_delivery d SET last_error = x.error, available_at = now() + make_interval(secs => $3)
         FROM unnest($1::uuid[], $2::text[]) AS x(id, error) WHERE d.id = x.id AND d.status = 'pending'`,
      [[...errors.keys()], [...errors.values()], retryMs / 1000],
    );
  },

  /** Deletes up to `limit` relayed events older than the retention whose deliveries are all done; returns how many. */
  async pruneSentEvents(m: Queryable, retentionDays: number, limit: number): Promise<number> {
    const [, deleted]: [unknown, number] = await m.query(
      `WITH doomed AS (
         SELECT e.id FROM outbox_event e
          WHERE e.status = 'sent' AND e.sent_at < now() - make_interval(days => $1)
            AND NOT EXISTS (SELECT 1 FROM outbox_delivery d WHERE d.event_id = e.id AND d.status <> 'done')
          ORDER BY e.sent_at LIMIT $2 FOR UPDATE SKIP LOCKED)
       DELETE FROM outbox_event e USING doomed WHERE e.id = doomed.id`,
      [retentionDays, limit],
    );
    return deleted;
  },

  queuedDeliveriesOlderThan(m: Queryable, olderThanMs: number, limit: number): Promise<QueuedOutboxDelivery[]> {
    return m.query(
      `SELECT d.id, d.job_name, d.job_id, e.payload FROM outbox_delivery d JOIN outbox_event e ON e.id = d.event_id
        WHERE d.status = 'queued' AND d.queued_at < now() - make_interval(secs => $1) ORDER BY d.queued_at LIMIT $2`,
      [olderThanMs / 1000, limit],
    );
  },

  /** A queued delivery whose job its queue lost goes back to pending; false when someone else moved it first. */
  requeueLost(m: Queryable, id: string): Promise<boolean> {
    return moveQueued(
      m,
      id,
      `status = 'pending', available_at = now(), last_error = 'The job was missing from its queue; queued again'`,
    );
  },

  /** A queued delivery whose job completed without the processor recording it. */
  recordCompleted(m: Queryable, id: string, result: JobResult, attempts: number): Promise<boolean> {
    return moveQueued(m, id, `status = 'done', result = $2, attempts = greatest(attempts, $3), finished_at = now()`, [
      result,
      attempts,
    ]);
  },

  /** A queued delivery whose job failed in its queue without the processor recording it. */
  recordFailed(m: Queryable, id: string, reason: string, attempts: number): Promise<boolean> {
    return moveQueued(
      m,
      id,
      `status = 'failed', last_error = $2, attempts = greatest(attempts, $3), finished_at = now()`,
      [reason, attempts],
    );
  },

  async counts(m: Queryable): Promise<OutboxCounts> {
    const [row]: OutboxCounts[] = await m.query(
      `SELECT (SELECT count(*)::int FROM outbox_event WHERE status = 'pending') AS pending,
              (SELECT count(*)::int FROM outbox_event WHERE status = 'parked') AS parked,
              (SELECT count(*)::int FROM outbox_delivery WHERE status = 'pending') AS "deliveriesPending",
              (SELECT count(*)::int FROM outbox_delivery WHERE status = 'failed') AS "deliveriesFailed",
              (SELECT count(*)::int FROM outbox_delivery WHERE status = 'parked') AS "deliveriesParked"`,
    );
    return row;
  },
};

async function moveQueued(m: Queryable, id: string, set: string, params: unknown[] = []): Promise<boolean> {
  const [, changed]: [unknown, number] = await m.query(
    `UPDATE outbox_delivery SET ${set} WHERE id = $1 AND status = 'queued'`,
    [id, ...params],
  );
  return changed > 0;
}
