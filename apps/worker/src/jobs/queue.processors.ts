import { Inject, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { UnrecoverableError, type Job } from 'bullmq';
import { QueueName } from '@kompeten/shared-contracts';
import { PermanentJobError, type JobContext, type JobHandler, type JobResult } from '@kompeten/server-core';
import { DeliveryStore, errorText } from '@kompeten/server-core';
import { JobRegistry } from './job-registry';

/**
 * Runs every job of a queue through the handler registered for its name and records each run in the job's delivery
 * row: done, a failed run that will be retried, or the end (failed after the last attempt, parked when permanent).
 */
abstract class DispatchingProcessor extends WorkerHost implements BeforeApplicationShutdown {
  private readonly logger = new Logger(this.constructor.name);

  constructor(
    private readonly registry: JobRegistry,
    private readonly deliveries: DeliveryStore,
  ) {
    super();
  }

  /**
   * Lets in-flight jobs finish while the database is still open: Nest closes the BullMQ workers only in
   * onApplicationShutdown, after TypeORM may already have closed its pool under a running job.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }

  async process(job: Job): Promise<JobResult> {
    const registered = this.registry.get(job.name);
    if (!registered) throw new UnrecoverableError(`No handler for job ${job.name}`);
    const context: JobContext = {
      jobId: job.id ?? job.name,
      attempt: job.attemptsMade + 1,
      maxAttempts: job.opts.attempts ?? 1,
    };
    const started = Date.now();
    let result: JobResult;
    try {
      result = await registered.handler.handle(job.data as never, context);
    } catch (e) {
      throw await this.failed(job, registered.handler, e instanceof Error ? e : new Error(String(e)), context);
    }
    // A database down here fails the run and BullMQ retries it; the handler finds its work done and skips.
    await this.deliveries.done(context.jobId, result);
    this.logger.log(
      { jobName: job.name, jobId: job.id, data: job.data, result, attempt: context.attempt, ms: Date.now() - started },
      'Job finished',
    );
    return result;
  }

  /** Records the failed run and returns what to throw: BullMQ's UnrecoverableError for a permanent failure (no retry). */
  private async failed(job: Job, handler: JobHandler, error: Error, context: JobContext): Promise<Error> {
    const permanent = error instanceof PermanentJobError;
    const log = {
      jobName: job.name,
      jobId: job.id,
      data: job.data,
      attempt: context.attempt,
      maxAttempts: context.maxAttempts,
      err: error,
    };
    const recordFailed = (e: unknown) =>
      this.logger.error({ ...log, recordError: errorText(e) }, 'Could not record the failed run');
    if (!permanent && context.attempt < context.maxAttempts) {
      this.logger.warn(log, 'Job failed; it will be retried');
      await this.deliveries.retrying(context.jobId, errorText(error)).catch(recordFailed);
      return error;
    }
    this.logger.error(log, permanent ? 'Job failed permanently; parked' : 'Job failed on its last attempt');
    await handler
      .onGiveUp?.(job.data as never, error, context)
      .catch((e) => this.logger.error({ ...log, err: e }, 'The job\u2019s give-up step failed'));
    await this.deliveries.gaveUp(context.jobId, permanent ? 'parked' : 'failed', errorText(error)).catch(recordFailed);
    return permanent ? new UnrecoverableError(error.message) : error;
  }
}

@Processor(QueueName.Imports, { concurrency: 1 })
export class ImportsProcessor extends DispatchingProcessor {
  constructor(@Inject(JobRegistry) registry: JobRegistry, @Inject(DeliveryStore) deliveries: DeliveryStore) {
    super(registry, deliveries);
  }
}

@Processor(QueueName.Events, { concurrency: 5 })
export class EventsProcessor extends DispatchingProcessor {
  constructor(@Inject(JobRegistry) registry: JobRegistry, @Inject(DeliveryStore) deliveries: DeliveryStore) {
    super(registry, deliveries);
  }
}
