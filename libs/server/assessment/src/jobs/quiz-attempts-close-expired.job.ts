import { Inject, Injectable, Logger } from '@nestjs/common';
import { JobName, type JobOf } from '@kompeten/shared-contracts';
import { JobHandlerProvider, type JobHandler, type JobResult, type RetryPolicy } from '@kompeten/server-core';
import { ExpiredAttempts } from '../attempts/expired-attempts';

/**
 * Every 30 s (a BullMQ job scheduler the worker upserts from `everyMs`): closes and grades every open quiz attempt whose
 * deadline has passed (abandoned attempts), recording outcomes. One attempt: the next run comes 30 s later anyway.
 */
@Injectable()
@JobHandlerProvider()
export class QuizAttemptsCloseExpiredJob implements JobHandler<typeof JobName.QuizAttemptsCloseExpired> {
  readonly jobName = JobName.QuizAttemptsCloseExpired;
  readonly retry: RetryPolicy = { attempts: 1 };
  readonly everyMs = 30_000;
  private readonly logger = new Logger(QuizAttemptsCloseExpiredJob.name);

  constructor(@Inject(ExpiredAttempts) private readonly expired: ExpiredAttempts) {}

  async handle(_data: JobOf<typeof JobName.QuizAttemptsCloseExpired>): Promise<JobResult> {
    const { closed, failed } = await this.expired.closeAll();
    if (closed || failed) this.logger.log({ jobName: this.jobName, closed, failed }, 'Closed expired quiz attempts');
    return closed > 0 ? 'success' : 'skipped';
  }
}
