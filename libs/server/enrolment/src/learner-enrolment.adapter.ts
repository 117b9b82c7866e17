import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EnrolmentStatus } from '@kompeten/shared-contracts';
import type { LearnerEnrolmentPort } from '@kompeten/server-learning';
import { findCourseEnrolment } from './enrolment-store';

/** This lib's answer to the learning lib's LEARNER_ENROLMENT_PORT (catalog status, course files of the version studied). */
@Injectable()
export class LearnerEnrolmentAdapter implements LearnerEnrolmentPort {
  enrolmentOf(
    m: EntityManager,
    courseId: string,
    employeeId: string,
  ): Promise<{ status: EnrolmentStatus; courseVersionId: string } | null> {
    return findCourseEnrolment(m, courseId, employeeId);
  }
}
