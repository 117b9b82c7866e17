import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobName, type JobOf } from '@kompeten/shared-contracts';
import { JobHandlerProvider, type JobHandler, type JobResult, type RetryPolicy } from '@kompeten/server-core';
import { CommunitySessionCrediting } from '../ledger/community-session-credit';

/**
 * `community.session-recorded` → one JP ledger line per attendee (jenis diklat 23, decision 0039), read through the
 * discussion lib's `findCommunitySessionCredit`. A retry, or the event delivered twice, finds the lines (unique per
 * attendee) and writes nothing new.
 */
@Injectable()
@JobHandlerProvider()
export class CreditCommunitySessionJob implements JobHandler<typeof JobName.JpCreditCommunitySession> {
  readonly jobName = JobName.JpCreditCommunitySession;
  readonly retry: RetryPolicy = { attempts: 5, backoff: { type: 'exponential', delay: 10_000 } };

  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(CommunitySessionCrediting) private readonly credits: CommunitySessionCrediting,
  ) {}

  handle(data: JobOf<typeof JobName.JpCreditCommunitySession>): Promise<JobResult> {
    return this.credits.credit(this.db, data.sessionId);
  }
}
