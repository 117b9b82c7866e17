import type { EntityManager } from 'typeorm';
import { ErrorCode } from '@kompeten/shared-contracts';
import { notFound } from '@kompeten/server-core';
import { canEditContent, findCourseWithRoles } from '@kompeten/server-learning';
import type { AccessScope } from '@kompeten/server-organisation';
import { quizCourseId } from './course-access-store';

export interface AuthoredCourse {
  id: string;
  agencyId: string;
}

/**
 * May the caller author this course's question bank and quizzes, and grade its attempts: the learning lib's one rule
 * (canEditContent: an author, or an admin of the course's agency).
 */
export async function findAuthorableCourse(
  m: EntityManager,
  scope: AccessScope,
  courseId: string,
): Promise<AuthoredCourse | null> {
  const found = await findCourseWithRoles(m, scope, courseId);
  return found && canEditContent(found.roles) ? { id: found.course.id, agencyId: found.course.agencyId } : null;
}

/** As findAuthorableCourse, answering 404 (never 403) to everyone else: a course outside the caller's reach does not exist for it. */
export async function requireAuthorableCourse(
  m: EntityManager,
  scope: AccessScope,
  courseId: string,
): Promise<AuthoredCourse> {
  const c = await findAuthorableCourse(m, scope, courseId);
  if (!c) throw notFound(ErrorCode.ASSESSMENT_COURSE_NOT_FOUND, 'Kursus tidak ditemukan');
  return c;
}

/** The course of a quiz, when the caller may grade its attempts (findAuthorableCourse); null otherwise. */
export async function findGraderCourse(
  m: EntityManager,
  scope: AccessScope,
  quizId: string,
): Promise<AuthoredCourse | null> {
  const courseId = await quizCourseId(m, quizId);
  return courseId ? findAuthorableCourse(m, scope, courseId) : null;
}
