import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { JOB_QUEUE, JobName } from '@kompeten/shared-contracts';
import { RETRY_POLICY } from './job-registry';

export const CLOSE_EXPIRED_EVERY_MS = 30_000;

/**
 * Schedules `quiz-attempts.close-expired` every 30 s as a BullMQ job scheduler: upserting it is idempotent, so every
 * worker may do it at start and Redis still holds one schedule.
 */
@Injectable()
export class QuizAttemptsScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(QuizAttemptsScheduler.name);

  constructor(@Inject(ModuleRef) private readonly moduleRef: ModuleRef) {}

  async onApplicationBootstrap(): Promise<void> {
    const name = JobName.QuizAttemptsCloseExpired;
    const queue = this.moduleRef.get<Queue>(getQueueToken(JOB_QUEUE[name]), { strict: false });
    await queue.upsertJobScheduler(name, { every: CLOSE_EXPIRED_EVERY_MS }, { name, data: {}, opts: { ...RETRY_POLICY[name], removeOnComplete: 100, removeOnFail: 500 } });
    this.logger.log({ jobName: name, everyMs: CLOSE_EXPIRED_EVERY_MS }, 'Job scheduler upserted');
  }
}
