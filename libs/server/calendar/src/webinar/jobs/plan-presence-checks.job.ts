import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JOIN_OPENS_MINUTES_BEFORE, JobName, type JobOf } from '@kompeten/shared-contracts';
import { JobHandlerProvider, type JobHandler, type JobResult, type RetryPolicy } from '@kompeten/server-core';
import { PresenceCheckService } from '../presence-check.service';
import { sessionsToPlan } from '../webinar-store';

/**
 * Every minute (decision 0038): each session of an online class that opens for joining soon (or runs already)
 * gets its random presence checks. Idempotent: a planned session has its `webinar_session` row and is not selected
 * again; two runs at once insert the row once.
 */
@Injectable()
@JobHandlerProvider()
export class PlanPresenceChecksJob implements JobHandler<typeof JobName.CalendarPlanPresenceChecks> {
  readonly jobName = JobName.CalendarPlanPresenceChecks;
  readonly retry: RetryPolicy = { attempts: 1 };
  readonly everyMs = 60_000;
  private readonly logger = new Logger(PlanPresenceChecksJob.name);

  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(PresenceCheckService) private readonly checks: PresenceCheckService,
  ) {}

  async handle(_data: JobOf<typeof JobName.CalendarPlanPresenceChecks>): Promise<JobResult> {
    const due = await sessionsToPlan(this.db, JOIN_OPENS_MINUTES_BEFORE);
    for (const s of due) {
      await this.checks.ensurePlanned(s.class_id, s.session_index, {
        start: new Date(s.starts_at).getTime(),
        end: new Date(s.ends_at).getTime(),
      });
      this.logger.log(
        { jobName: this.jobName, classId: s.class_id, session: s.session_index },
        'Presence checks planned',
      );
    }
    return due.length ? 'success' : 'skipped';
  }
}
