import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ErrorCode } from '@kompeten/shared-contracts';
import { notFound } from '@kompeten/server-core';
import { managesCourse } from '@kompeten/server-learning';
import type { AccessScope } from '@kompeten/server-organisation';
import { findLearnerEnrolment, type LearnerEnrolmentRef } from './enrolment-store';
import { loadEnrolmentRow, type EnrolmentRow } from './enrolment-view-store';
import type { LessonProgressRow } from './progress-store';

const NOT_FOUND = 'Pendaftaran tidak ditemukan';

/** Who may see an enrolment; for the other domain libs (assessment) as well. */
@Injectable()
export class EnrolmentAccess {
  /**
   * The caller's own active enrolment, for starting a quiz attempt and the like: a 404 when it is someone else's,
   * unknown, or not active.
   */
  async requireActiveLearnerEnrolment(
    manager: EntityManager,
    enrolmentId: string,
    employeeId: string,
  ): Promise<LearnerEnrolmentRef> {
    const found = await findLearnerEnrolment(manager, enrolmentId, employeeId, true);
    if (!found) throw notFound(ErrorCode.ENROLMENT_NOT_FOUND, NOT_FOUND);
    return found;
  }

  /** The learner's own enrolment, or the course's authors and admins of its agency; everyone else gets a 404. */
  async readable(
    manager: EntityManager,
    scope: AccessScope,
    enrolmentId: string,
  ): Promise<{ row: EnrolmentRow & { progress: LessonProgressRow[] }; own: boolean }> {
    // The lesson rows come with it (same statement): every reader here shows progress.
    const row = (await loadEnrolmentRow(manager, enrolmentId, { withProgress: true })) as
      (EnrolmentRow & { progress: LessonProgressRow[] }) | null;
    if (!row) throw notFound(ErrorCode.ENROLMENT_NOT_FOUND, NOT_FOUND);
    const own = !!scope.principal.employeeId && row.employee_id === scope.principal.employeeId;
    if (own || (await managesCourse(manager, scope, { id: row.course_id, agencyId: row.course_agency_id })))
      return { row, own };
    throw notFound(ErrorCode.ENROLMENT_NOT_FOUND, NOT_FOUND);
  }

  /** The learner's own enrolment in any status (for reading past quiz attempts), or null when it is not theirs. */
  findOwnEnrolment(
    manager: EntityManager,
    enrolmentId: string,
    employeeId: string,
  ): Promise<LearnerEnrolmentRef | null> {
    return findLearnerEnrolment(manager, enrolmentId, employeeId, false);
  }

  /** The caller's own enrolment (any status), or a 404. */
  async own(manager: EntityManager, scope: AccessScope, enrolmentId: string): Promise<EnrolmentRow> {
    const row = await loadEnrolmentRow(manager, enrolmentId);
    if (!row || !scope.principal.employeeId || row.employee_id !== scope.principal.employeeId)
      throw notFound(ErrorCode.ENROLMENT_NOT_FOUND, NOT_FOUND);
    return row;
  }
}
