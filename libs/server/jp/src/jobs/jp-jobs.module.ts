import { Module } from '@nestjs/common';
import { JpCoreModule } from '../jp.module';
import { CreditCourseCompletionJob } from './credit-course-completion.job';

/** The JP domain's job handlers, for the worker. */
@Module({
  imports: [JpCoreModule],
  providers: [CreditCourseCompletionJob],
  exports: [CreditCourseCompletionJob],
})
export class JpJobsModule {}
