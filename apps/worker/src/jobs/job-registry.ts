import { JobName, type JobItem, type JobOf } from '@kompeten/shared-contracts';
import type { JobsOptions } from 'bullmq';

export type JobResult = 'success' | 'skipped';

/** A handler re-reads its rows by id, checks their state and answers success or skipped; it throws only for failures worth retrying. */
export interface JobHandler<N extends JobName = JobName> {
  readonly jobName: N;
  handle(data: JobOf<N>): Promise<JobResult>;
}

export const JOB_HANDLERS = Symbol('JOB_HANDLERS');

/** One table of retry policies per job name. */
export const RETRY_POLICY: Record<JobName, Pick<JobsOptions, 'attempts' | 'backoff'>> = {
  [JobName.EmployeeImportRun]: { attempts: 3, backoff: { type: 'exponential', delay: 5_000 } },
  [JobName.CourseCompletionRecorded]: { attempts: 5, backoff: { type: 'exponential', delay: 10_000 } },
  [JobName.QuizAttemptsCloseExpired]: { attempts: 1 },
  [JobName.CourseVersionPublished]: { attempts: 5, backoff: { type: 'exponential', delay: 10_000 } },
};

/** Deterministic job ids: the same event always becomes the same job, so a re-relayed event is not run twice. BullMQ ids may not contain ':'. */
export function jobId(name: JobItem['name'], key: string): string {
  return `${name}.${key}`.replace(/:/g, '_');
}

/** The worker refuses to start when a job name has no handler or more than one. */
export function indexHandlers(handlers: JobHandler[]): Map<JobName, JobHandler> {
  const byName = new Map<JobName, JobHandler>();
  const problems: string[] = [];
  for (const h of handlers) {
    if (byName.has(h.jobName)) problems.push(`two handlers for job ${h.jobName}`);
    byName.set(h.jobName, h);
  }
  for (const name of Object.values(JobName)) if (!byName.has(name)) problems.push(`no handler for job ${name}`);
  if (problems.length) throw new Error(`Worker job handlers are wrong: ${problems.join('; ')}`);
  return byName;
}
