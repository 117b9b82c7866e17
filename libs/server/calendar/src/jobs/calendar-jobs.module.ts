import { Module } from '@nestjs/common';
import { EnrolLinkedCourseJob } from './enrol-linked-course.job';
import { PromoteReleasedQuotasJob } from './promote-released-quotas.job';

/** The calendar domain's job handlers, for the worker. */
@Module({
  providers: [PromoteReleasedQuotasJob, EnrolLinkedCourseJob],
  exports: [PromoteReleasedQuotasJob, EnrolLinkedCourseJob],
})
export class CalendarJobsModule {}
