import { Module } from '@nestjs/common';
import { JpCoreModule } from '../jp.module';
import { CreditClassCompletionJob } from './credit-class-completion.job';
import { CreditCourseCompletionJob } from './credit-course-completion.job';
import { RebuildReportGroupsJob } from './rebuild-report-groups.job';

/** The JP domain's job handlers, for the worker. */
@Module({
  imports: [JpCoreModule],
  providers: [CreditCourseCompletionJob, CreditClassCompletionJob, RebuildReportGroupsJob],
  exports: [CreditCourseCompletionJob, CreditClassCompletionJob, RebuildReportGroupsJob],
})
export class JpJobsModule {}
