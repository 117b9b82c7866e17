import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JobRegistry } from './job-registry';
import { WorkerQueues } from './worker-queues';

/**
 * Upserts a BullMQ job scheduler for every handler with `everyMs` (e.g. `quiz-attempts.close-expired` every 30 s).
 * Upserting is idempotent, so every worker may do it at start and Redis still holds one schedule per job.
 */
@Injectable()
export class JobSchedules implements OnApplicationBootstrap {
  private readonly logger = new Logger(JobSchedules.name);

  constructor(
    @Inject(JobRegistry) private readonly registry: JobRegistry,
    @Inject(WorkerQueues) private readonly queues: WorkerQueues,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const { handler, queue } of this.registry.all()) {
      if (!handler.everyMs) continue;
      const name = handler.jobName;
      await this.queues
        .get(queue)
        .upsertJobScheduler(
          name,
          { every: handler.everyMs },
          { name, data: {}, opts: { ...handler.retry, removeOnComplete: 100, removeOnFail: 500 } },
        );
      this.logger.log({ jobName: name, everyMs: handler.everyMs }, 'Job scheduler upserted');
    }
  }
}
