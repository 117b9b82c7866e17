import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { JobResult, OutboxDeliveryStatus } from '@kompeten/server-core';

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
    await this.db.query(`UPDATE outbox_delivery SET status = 'done', result = $2, attempts = attempts + 1, finished_at = now() WHERE job_id = $1`, [jobId, result]);
  }

  /** A run failed and the job will be retried. */
  async retrying(jobId: string, error: string): Promise<void> {
    await this.db.query(`UPDATE outbox_delivery SET attempts = attempts + 1, last_error = $2 WHERE job_id = $1`, [jobId, error]);
  }

  /** The job will not run again: `failed` (attempts used up) or `parked` (a permanent failure). */
  async gaveUp(jobId: string, status: Extract<OutboxDeliveryStatus, 'failed' | 'parked'>, error: string): Promise<void> {
    await this.db.query(
      `UPDATE outbox_delivery SET status = $2, attempts = attempts + 1, last_error = $3, finished_at = now() WHERE job_id = $1`,
      [jobId, status, error],
    );
  }
}
