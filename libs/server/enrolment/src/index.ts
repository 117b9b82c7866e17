export * from './enrolment.module';
export * from './enrolment-access';
export * from './completion-readers';
export * from './decision-readers';
/** For the training calendar's linked-course job (decision 0034). */
export { enrolForConfirmedClass } from './enrolment-store';
/** For the training calendar's "my calendar" and private feed (decision 0040). */
export { learnerDueDates, type LearnerDueDate } from './enrolment-store';
/** For the discussion lib: who of a course's learners may read its discussion (decision 0039). */
export { findCourseEnrolment, courseEnrolmentStatuses } from './enrolment-store';
export * from './completion.service';
export * from './completion-rule';
export * from './progress.service';
export * from './quiz-outcome.service';
export * from './read-models';
export * from './enrolment-versions';
export * from './version-upgrade.service';
export * from './jobs/enrolment-jobs.module';
export * from './jobs/course-completion-recorded.job';
export * from './jobs/course-version-published.job';
export * from './jobs/audience-assignments.jobs';
export * from './audience-applier';
export * from './audience.service';
export * from './entities/enrolment.entity';
export * from './entities/lesson-progress.entity';
export * from './entities/assignment-submission.entity';
export * from './entities/course-completion.entity';
export * from './entities/audience-assignment.entity';

import { AssignmentSubmissionEntity } from './entities/assignment-submission.entity';
import { CourseCompletionEntity } from './entities/course-completion.entity';
import { AudienceAssignmentEntity } from './entities/audience-assignment.entity';
import { EnrolmentEntity } from './entities/enrolment.entity';
import { LessonProgressEntity } from './entities/lesson-progress.entity';
export const ENROLMENT_ENTITIES = [
  EnrolmentEntity,
  LessonProgressEntity,
  AssignmentSubmissionEntity,
  CourseCompletionEntity,
  AudienceAssignmentEntity,
];
export * from './attention/attention.module';
