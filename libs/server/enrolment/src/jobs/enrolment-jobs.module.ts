import { Module } from '@nestjs/common';
import { EnrolmentCoreModule } from '../enrolment.module';
import { CourseCompletionRecordedJob } from './course-completion-recorded.job';
import { CourseVersionPublishedJob } from './course-version-published.job';

/** The enrolment domain's job handlers, for the worker. */
@Module({
  imports: [EnrolmentCoreModule],
  providers: [CourseCompletionRecordedJob, CourseVersionPublishedJob],
  exports: [CourseCompletionRecordedJob, CourseVersionPublishedJob],
})
export class EnrolmentJobsModule {}
