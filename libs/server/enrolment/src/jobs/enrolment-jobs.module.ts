import { Module } from '@nestjs/common';
import { EnrolmentCoreModule } from '../enrolment.module';
import { CourseCompletionRecordedJob } from './course-completion-recorded.job';
import { CourseVersionPublishedJob } from './course-version-published.job';
import { AudienceApplyImportJob, AudienceEnrolEmployeeJob, AudienceSweepJob } from './audience-assignments.jobs';

const JOBS = [
  CourseCompletionRecordedJob,
  CourseVersionPublishedJob,
  AudienceEnrolEmployeeJob,
  AudienceApplyImportJob,
  AudienceSweepJob,
];

/** The enrolment domain's job handlers, for the worker. */
@Module({
  imports: [EnrolmentCoreModule],
  providers: JOBS,
  exports: JOBS,
})
export class EnrolmentJobsModule {}
