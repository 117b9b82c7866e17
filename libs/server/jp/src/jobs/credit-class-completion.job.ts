import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobName, type JobOf } from '@kompeten/shared-contracts';
import { JobHandlerProvider, type JobHandler, type JobResult, type RetryPolicy } from '@kompeten/server-core';
import { ClassCompletionCredit } from '../ledger/class-completion-credit';

/**
 * `class.completed` → one JP ledger line (decision 0037). One transaction: a worker that dies before the commit leaves
 * nothing and the retry credits; a retry after it, or the event delivered twice, finds the line (unique per source).
 */
@Injectable()
@JobHandlerProvider()
export class CreditClassCompletionJob implements JobHandler<typeof JobName.JpCreditClassCompletion> {
  readonly jobName = JobName.JpCreditClassCompletion;
  readonly retry: RetryPolicy = { attempts: 5, backoff: { type: 'exponential', delay: 10_000 } };

  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(ClassCompletionCredit) private readonly credits: ClassCompletionCredit,
  ) {}

  handle(data: JobOf<typeof JobName.JpCreditClassCompletion>): Promise<JobResult> {
    return this.db.transaction((m) => this.credits.credit(m, data.classCompletionId));
  }
}
