import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { EVENT_JOB, JOB_QUEUE, QueueName, type OutboxEvent } from '@kompeten/shared-contracts';
import { jobId, RETRY_POLICY } from '../jobs/job-registry';

export const RELAY_BATCH = 100;
export const RELAY_INTERVAL_MS = 500;

interface PendingEvent {
  id: string;
  event_type: OutboxEvent;
  payload: Record<string, unknown>;
}

/**
 * Moves outbox rows to BullMQ. Rows are claimed with SKIP LOCKED (several workers may run), added with a
 * deterministic job id (a row relayed twice after a crash is still one job) and marked sent in the same transaction.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;
  private readonly queues = new Map<QueueName, Queue>();

  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(ModuleRef) private readonly moduleRef: ModuleRef,
  ) {}

  onApplicationBootstrap(): void {
    for (const q of Object.values(QueueName)) this.queues.set(q, this.moduleRef.get<Queue>(getQueueToken(q), { strict: false }));
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

  /** Relays one batch; returns how many rows it handled. */
  async relayOnce(): Promise<number> {
    return this.db.transaction(async (m) => {
      const rows: PendingEvent[] = await m.query(
        `SELECT id, event_type, payload FROM outbox_event WHERE sent_at IS NULL ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [RELAY_BATCH],
      );
      for (const row of rows) {
        const name = EVENT_JOB[row.event_type];
        if (!name) {
          await m.query(`UPDATE outbox_event SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [row.id, `Unknown event type ${row.event_type}`]);
          continue;
        }
        try {
          await this.queue(JOB_QUEUE[name]).add(name, row.payload, {
            jobId: jobId(name, row.id),
            ...RETRY_POLICY[name],
            removeOnComplete: { age: 7 * 24 * 3600 },
            removeOnFail: { age: 30 * 24 * 3600 },
          });
          await m.query(`UPDATE outbox_event SET sent_at = now(), attempts = attempts + 1 WHERE id = $1`, [row.id]);
        } catch (e) {
          await m.query(`UPDATE outbox_event SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [row.id, String((e as Error).message).slice(0, 500)]);
          throw e;
        }
      }
      return rows.length;
    });
  }

  private queue(name: QueueName): Queue {
    const q = this.queues.get(name);
    if (!q) throw new Error(`Queue ${name} is not registered`);
    return q;
  }
}
