import { Module } from '@nestjs/common';
import { EnrolLinkedCourseJob } from './enrol-linked-course.job';
import { PromoteReleasedQuotasJob } from './promote-released-quotas.job';
import { PlanPresenceChecksJob } from '../webinar/jobs/plan-presence-checks.job';
import { SettleWebinarSessionsJob } from '../webinar/jobs/settle-webinar-sessions.job';
import { PresenceCheckService } from '../webinar/presence-check.service';
import { WebinarSettlementService } from '../webinar/webinar-settlement.service';

/** The calendar domain's job handlers, for the worker. */
@Module({
  providers: [
    PromoteReleasedQuotasJob,
    EnrolLinkedCourseJob,
    PlanPresenceChecksJob,
    SettleWebinarSessionsJob,
    PresenceCheckService,
    WebinarSettlementService,
  ],
  exports: [PromoteReleasedQuotasJob, EnrolLinkedCourseJob, PlanPresenceChecksJob, SettleWebinarSessionsJob],
})
export class CalendarJobsModule {}
