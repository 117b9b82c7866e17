export * from './calendar.module';
export * from './registration/registration.service';
export { OfferingService } from './offerings/offering.service';
export * from './registration/promotion';
export * from './registration/registration-rules';
export * from './registration/waitlist-promotion';
/** For the discussion lib (decision 0039): a class's organiser and speakers, and its confirmed registrants. */
export {
  findClassDiscussionFacts,
  confirmedRegistrantsAmong,
  type ClassDiscussionFacts,
} from './registration/registration-store';
export * from './jobs/calendar-jobs.module';
export * from './jobs/promote-released-quotas.job';
export * from './jobs/enrol-linked-course.job';
export * from './entities/training-offering.entity';
export * from './entities/training-class.entity';
export * from './entities/class-quota.entity';
export * from './entities/class-registration.entity';
export * from './entities/class-attendance.entity';
export * from './feeds/calendar-feed-token.entity';

export * from './webinar/entities/webinar-session.entity';
export * from './webinar/entities/webinar-join.entity';
export * from './webinar/entities/presence-check.entity';
export * from './webinar/entities/presence-check-answer.entity';
export * from './webinar/jobs/plan-presence-checks.job';
export * from './webinar/jobs/settle-webinar-sessions.job';

export * from './entities/class-completion.entity';

import { ClassAttendanceEntity } from './entities/class-attendance.entity';
import { CalendarFeedTokenEntity } from './feeds/calendar-feed-token.entity';
import { PresenceCheckAnswerEntity } from './webinar/entities/presence-check-answer.entity';
import { PresenceCheckEntity } from './webinar/entities/presence-check.entity';
import { WebinarJoinEntity } from './webinar/entities/webinar-join.entity';
import { WebinarSessionEntity } from './webinar/entities/webinar-session.entity';
import { ClassCompletionEntity } from './entities/class-completion.entity';
import { ClassQuotaEntity } from './entities/class-quota.entity';
import { ClassRegistrationEntity } from './entities/class-registration.entity';
import { TrainingClassEntity } from './entities/training-class.entity';
import { TrainingOfferingEntity } from './entities/training-offering.entity';
export const CALENDAR_ENTITIES = [
  TrainingOfferingEntity,
  TrainingClassEntity,
  ClassQuotaEntity,
  ClassRegistrationEntity,
  ClassAttendanceEntity,
  CalendarFeedTokenEntity,
  WebinarSessionEntity,
  WebinarJoinEntity,
  PresenceCheckEntity,
  PresenceCheckAnswerEntity,
  ClassCompletionEntity,
];
/** For the JP ledger's and the certificates' consumers of `class.completed` (decision 0037). */
export * from './completion/completion-readers';
/** The services a cross-lib test drives (test/integration/class-completion-consumers.integration-spec.ts). */
export { AttendanceService } from './attendance/attendance.service';
export { CompletionService } from './completion/completion.service';
