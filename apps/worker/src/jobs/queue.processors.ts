import { Inject, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { QueueName, type JobName } from '@kompeten/shared-contracts';
import { JOB_HANDLERS, type JobHandler, type JobResult } from './job-registry';

/** Runs every job of a queue through the handler registered for its name. */
abstract class DispatchingProcessor extends WorkerHost implements BeforeApplicationShutdown {
  private readonly logger = new Logger(this.constructor.name);

  constructor(private readonly handlers: Map<JobName, JobHandler>) {
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
    const handler = this.handlers.get(job.name as JobName);
    if (!handler) throw new Error(`No handler for job ${job.name}`);
    const started = Date.now();
    const result = await handler.handle(job.data as never);
    this.logger.log({ jobName: job.name, jobId: job.id, data: job.data, result, ms: Date.now() - started }, 'Job finished');
    return result;
  }
}

@Processor(QueueName.Imports, { concurrency: 1 })
export class ImportsProcessor extends DispatchingProcessor {
  constructor(@Inject(JOB_HANDLERS) handlers: Map<JobName, JobHandler>) {
    super(handlers);
  }
}

@Processor(QueueName.Events, { concurrency: 5 })
export class EventsProcessor extends DispatchingProcessor {
  constructor(@Inject(JOB_HANDLERS) handlers: Map<JobName, JobHandler>) {
    super(handlers);
  }
}
