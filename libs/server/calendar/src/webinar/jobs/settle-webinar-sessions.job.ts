import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobName, type JobOf } from '@kompeten/shared-contracts';
import { JobHandlerProvider, type JobHandler, type JobResult, type RetryPolicy } from '@kompeten/server-core';
import { WebinarSettlementService } from '../webinar-settlement.service';
import { sessionsToSettle } from '../webinar-store';

/** How far back an unsettled session is still picked up (a worker down for a weekend still settles). */
const LOOK_BACK_HOURS = 72;

/**
 * Every minute (decision 0038): each ended webinar session not settled yet turns its joins and answered presence
 * checks into `class_attendance` rows. One transaction per session; settling again writes the same values.
 */
@Injectable()
@JobHandlerProvider()
export class SettleWebinarSessionsJob implements JobHandler<typeof JobName.CalendarSettleWebinarSessions> {
  readonly jobName = JobName.CalendarSettleWebinarSessions;
  readonly retry: RetryPolicy = { attempts: 1 };
  readonly everyMs = 60_000;
  private readonly logger = new Logger(SettleWebinarSessionsJob.name);

  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(WebinarSettlementService) private readonly settlement: WebinarSettlementService,
  ) {}

  async handle(_data: JobOf<typeof JobName.CalendarSettleWebinarSessions>): Promise<JobResult> {
    const due = await sessionsToSettle(this.db, LOOK_BACK_HOURS);
    let settled = 0;
    for (const s of due) {
      const outcome = await this.settlement.settle(s.class_id, s.session_index);
      if (outcome.status !== 'settled') continue;
      settled++;
      this.logger.log(
        { jobName: this.jobName, classId: s.class_id, session: s.session_index, learners: outcome.learners },
        'Webinar session settled',
      );
    }
    return settled ? 'success' : 'skipped';
  }
}
