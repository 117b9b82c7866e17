import type { EntityManager } from 'typeorm';
import { ErrorCode } from '@kompeten/shared-contracts';
import { forbidden, notFound } from '@kompeten/server-core';
import { canEditContent, findCourseWithRoles, type CourseFacts } from '@kompeten/server-learning';
import type { AccessScope } from '@kompeten/server-organisation';

/**
 * The course for an author/admin action on its learners (reports, grading, attendance), by the learning lib's one
 * rule (authors and admins of its agency manage it): 404 when the caller cannot see it at all, 403 when it may see
 * but not manage it.
 */
export async function requireManagedCourse(
  m: EntityManager,
  scope: AccessScope,
  courseId: string,
): Promise<CourseFacts> {
  const found = await findCourseWithRoles(m, scope, courseId);
  if (!found) throw notFound(ErrorCode.ENROLMENT_COURSE_NOT_FOUND, 'Pelatihan tidak ditemukan');
  if (canEditContent(found.roles)) return found.course;
  if (scope.canReadAgency(found.course.agencyId))
    throw forbidden(
      ErrorCode.AUTH_FORBIDDEN,
      'Hanya penulis pelatihan atau admin instansinya yang dapat melakukan ini',
    );
  throw notFound(ErrorCode.ENROLMENT_COURSE_NOT_FOUND, 'Pelatihan tidak ditemukan');
}
