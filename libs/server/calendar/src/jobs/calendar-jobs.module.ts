import { Module } from '@nestjs/common';
import { PromoteReleasedQuotasJob } from './promote-released-quotas.job';

/** The calendar domain's job handlers, for the worker. */
@Module({
  providers: [PromoteReleasedQuotasJob],
  exports: [PromoteReleasedQuotasJob],
})
export class CalendarJobsModule {}
