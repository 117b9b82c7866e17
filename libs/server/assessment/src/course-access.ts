import type { EntityManager } from 'typeorm';
import { ErrorCode } from '@kompeten/shared-contracts';
import { notFound } from '@kompeten/server-core';
import type { AccessScope } from '@kompeten/server-organisation';

export interface AuthoredCourse {
  id: string;
  agencyId: string;
}

/** May the caller author this course's question bank and quizzes, and grade its attempts: an author or an admin of its agency. */
export async function findAuthorableCourse(m: EntityManager, scope: AccessScope, courseId: string): Promise<AuthoredCourse | null> {
  const [c]: Array<{ id: string; agencyId: string; isAuthor: boolean }> = await m.query(
    `SELECT c.id, c.agency_id AS "agencyId",
            EXISTS (SELECT 1 FROM course_author a WHERE a.course_id = c.id AND a.employee_id = $2) AS "isAuthor"
       FROM course c WHERE c.id = $1`,
    [courseId, scope.principal.employeeId],
  );
  return c && (c.isAuthor || scope.canAdministerAgency(c.agencyId)) ? { id: c.id, agencyId: c.agencyId } : null;
}

/** As findAuthorableCourse, answering 404 (never 403) to everyone else: a course outside the caller's reach does not exist for it. */
export async function requireAuthorableCourse(m: EntityManager, scope: AccessScope, courseId: string): Promise<AuthoredCourse> {
  const c = await findAuthorableCourse(m, scope, courseId);
  if (!c) throw notFound(ErrorCode.ASSESSMENT_COURSE_NOT_FOUND, 'Kursus tidak ditemukan');
  return c;
}
