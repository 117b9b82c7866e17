export * from './calendar.module';
export * from './registration/registration.service';
export * from './registration/promotion';
export * from './registration/registration-rules';
export * from './registration/waitlist-promotion';
export * from './jobs/calendar-jobs.module';
export * from './jobs/promote-released-quotas.job';
export * from './jobs/enrol-linked-course.job';
export * from './entities/training-offering.entity';
export * from './entities/training-class.entity';
export * from './entities/class-quota.entity';
export * from './entities/class-registration.entity';
export * from './entities/class-attendance.entity';
export * from './entities/class-completion.entity';

import { ClassAttendanceEntity } from './entities/class-attendance.entity';
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
  ClassCompletionEntity,
];
/** For the JP ledger's and the certificates' consumers of `class.completed` (decision 0037). */
export * from './completion/completion-readers';
/** The services a cross-lib test drives (test/integration/class-completion-consumers.integration-spec.ts). */
export { OfferingService } from './offerings/offering.service';
export { AttendanceService } from './attendance/attendance.service';
export { CompletionService } from './completion/completion.service';
