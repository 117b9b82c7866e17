import { Module } from '@nestjs/common';
import { JpCoreModule } from '../jp.module';
import { CreditCourseCompletionJob } from './credit-course-completion.job';
import { RebuildReportGroupsJob } from './rebuild-report-groups.job';

/** The JP domain's job handlers, for the worker. */
@Module({
  imports: [JpCoreModule],
  providers: [CreditCourseCompletionJob, RebuildReportGroupsJob],
  exports: [CreditCourseCompletionJob, RebuildReportGroupsJob],
})
export class JpJobsModule {}
