import { Inject, Injectable, Logger } from '@nestjs/common';
import { JobName, type JobOf } from '@kompeten/shared-contracts';
import { ExpiredAttempts } from '@kompeten/server-assessment';
import type { JobHandler, JobResult } from './job-registry';

/** Closes and grades every open quiz attempt whose deadline has passed (abandoned attempts), recording outcomes. */
@Injectable()
export class QuizAttemptsCloseExpiredHandler implements JobHandler<typeof JobName.QuizAttemptsCloseExpired> {
  readonly jobName = JobName.QuizAttemptsCloseExpired;
  private readonly logger = new Logger(QuizAttemptsCloseExpiredHandler.name);

  constructor(@Inject(ExpiredAttempts) private readonly expired: ExpiredAttempts) {}

  async handle(_data: JobOf<typeof JobName.QuizAttemptsCloseExpired>): Promise<JobResult> {
    const { closed, failed } = await this.expired.closeAll();
    if (closed || failed) this.logger.log({ jobName: this.jobName, closed, failed }, 'Closed expired quiz attempts');
    return closed > 0 ? 'success' : 'skipped';
  }
}
