import { Module } from '@nestjs/common';
import { JpCoreModule } from '../jp.module';
import { CreditCommunitySessionJob } from './credit-community-session.job';
import { CreditClassCompletionJob } from './credit-class-completion.job';
import { CreditCourseCompletionJob } from './credit-course-completion.job';
import { RebuildReportGroupsJob } from './rebuild-report-groups.job';

/** The JP domain's job handlers, for the worker. */
@Module({
  imports: [JpCoreModule],
  providers: [CreditCourseCompletionJob, CreditClassCompletionJob, CreditCommunitySessionJob, RebuildReportGroupsJob],
  exports: [CreditCourseCompletionJob, CreditClassCompletionJob, CreditCommunitySessionJob, RebuildReportGroupsJob],
})
export class JpJobsModule {}
