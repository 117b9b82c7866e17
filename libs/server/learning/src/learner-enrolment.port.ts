import type { EntityManager } from 'typeorm';
import type { EnrolmentStatus } from '@kompeten/shared-contracts';

/**
 * What this lib needs to know of a learner's enrolment (the catalog's "your status", course files a learner may open)
 * without importing the enrolment lib, which depends on this one (decision 0016, as QUIZ_SNAPSHOT_PORT in 0005): the
 * enrolment lib binds this token. Unbound (this lib alone), nobody is enrolled.
 */
export const LEARNER_ENROLMENT_PORT = Symbol('LEARNER_ENROLMENT_PORT');

export interface LearnerEnrolmentPort {
  /** The learner's enrolment in the course — its status and the version it studies — or null. */
  enrolmentOf(
    m: EntityManager,
    courseId: string,
    employeeId: string,
  ): Promise<{ status: EnrolmentStatus; courseVersionId: string } | null>;
}
