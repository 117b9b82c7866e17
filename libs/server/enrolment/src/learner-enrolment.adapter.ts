import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EnrolmentStatus } from '@kompeten/shared-contracts';
import type { LearnerEnrolmentPort } from '@kompeten/server-learning';

/** This lib's answer to the learning lib's LEARNER_ENROLMENT_PORT (catalog status, course files of the version studied). */
@Injectable()
export class LearnerEnrolmentAdapter implements LearnerEnrolmentPort {
  async enrolmentOf(m: EntityManager, courseId: string, employeeId: string): Promise<{ status: EnrolmentStatus; courseVersionId: string } | null> {
    const [row]: Array<{ status: EnrolmentStatus; course_version_id: string }> = await m.query(
      'SELECT status, course_version_id FROM enrolment WHERE course_id = $1 AND employee_id = $2',
      [courseId, employeeId],
    );
    return row ? { status: row.status, courseVersionId: row.course_version_id } : null;
  }
}
