import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobName, type JobOf } from '@kompeten/shared-contracts';
import { JobHandlerProvider, type JobHandler, type JobResult, type RetryPolicy } from '@kompeten/server-core';
import { CourseCompletionCredit } from '../ledger/course-completion-credit';

/**
 * `course.completed` → one JP ledger line (a second consumer of the event, beside enrolment's own). One transaction:
 * a worker that dies before the commit leaves nothing, and the retry credits; a retry after the commit, or the event
 * delivered twice, finds the line (unique per source) and writes nothing.
 */
@Injectable()
@JobHandlerProvider()
export class CreditCourseCompletionJob implements JobHandler<typeof JobName.JpCreditCourseCompletion> {
  readonly jobName = JobName.JpCreditCourseCompletion;
  readonly retry: RetryPolicy = { attempts: 5, backoff: { type: 'exponential', delay: 10_000 } };

  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(CourseCompletionCredit) private readonly credits: CourseCompletionCredit,
  ) {}

  handle(data: JobOf<typeof JobName.JpCreditCourseCompletion>): Promise<JobResult> {
    return this.db.transaction((m) => this.credits.credit(m, data.completionId));
  }
}
