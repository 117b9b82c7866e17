import { DiscoveryService } from '@nestjs/core';
import type { JobName, JobOf } from '@kompeten/shared-contracts';

/** What a job answers: it did its work, or there was nothing (left) to do. */
export type JobResult = 'success' | 'skipped';

/** Attempts and backoff of one job (BullMQ's option shape, so domain libs need not depend on BullMQ). */
export interface RetryPolicy {
  attempts: number;
  backoff?: { type: 'exponential' | 'fixed'; delay: number };
}

export interface JobContext {
  jobId: string;
  /** This run, from 1. */
  attempt: number;
  maxAttempts: number;
}

/**
 * A domain's handler of one job name. It re-reads its rows by id, checks their state and answers success or skipped.
 * It throws for failures worth retrying (database, storage, a remote service down) so the retry policy applies, and
 * throws `PermanentJobError` only when retrying cannot help.
 */
export interface JobHandler<N extends JobName = JobName> {
  readonly jobName: N;
  /** Owned by the domain: how often and how far apart its job is retried. */
  readonly retry: RetryPolicy;
  /** A job with no event behind it runs on a schedule instead: every this many milliseconds. */
  readonly everyMs?: number;
  handle(data: JobOf<N>, context: JobContext): Promise<JobResult>;
  /**
   * Called once when the job will not run again (a permanent failure, or its last attempt failed), before the delivery
   * is recorded failed: the place to record the outcome in the domain's own rows (e.g. the import says it failed).
   */
  onGiveUp?(data: JobOf<N>, error: Error, context: JobContext): Promise<void>;
}

/**
 * Marks a provider as a job handler. The worker finds every provider so marked in the modules it imports (Nest's
 * DiscoveryService) and refuses to start unless each job name has exactly one.
 */
export const JobHandlerProvider = DiscoveryService.createDecorator<void>();

/**
 * The one place job ids are built: one job per consumer and entity, `<jobName>.<entityId>` (e.g.
 * `course-completion.recorded.<completionId>`), so a re-relayed event is still one job. BullMQ ids may not contain ':'.
 */
export function jobId(name: string, entityId: string): string {
  return `${name}.${entityId}`.replace(/:/g, '_');
}
