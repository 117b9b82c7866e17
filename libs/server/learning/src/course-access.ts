import type { EntityManager } from 'typeorm';
import { ErrorCode, type CourseStatus } from '@kompeten/shared-contracts';
import { conflict, forbidden, notFound } from '@kompeten/server-core';
import type { AccessScope } from '@kompeten/server-organisation';
import { recordDraftEditor } from './draft-editors';
import { CourseAuthorEntity } from './entities/course-author.entity';
import { CourseEntity } from './entities/course.entity';

/** What one caller may do with one course (docs/learning.md: authors edit; a reviewer who is not an author publishes). */
export interface CourseAccess {
  course: CourseEntity;
  /** The caller's user account. */
  userId: string;
  isAuthor: boolean;
  isOwner: boolean;
  /** Admin of the course's agency (a province admin administers its regencies/cities too). */
  isAdmin: boolean;
  /** A widyaiswara of the course's agency, or an admin of it. */
  isReviewer: boolean;
}

export const EDITABLE_STATUSES: readonly CourseStatus[] = ['draft', 'published'];

/** Agencies where the caller holds the widyaiswara role. */
export function widyaiswaraAgencies(scope: AccessScope): string[] {
  return scope.principal.roles.filter((r) => r.role === 'widyaiswara').map((r) => r.agencyId);
}

export async function courseAccess(m: EntityManager, scope: AccessScope, course: CourseEntity): Promise<CourseAccess> {
  const employeeId = scope.principal.employeeId;
  const author = employeeId ? await m.getRepository(CourseAuthorEntity).findOneBy({ courseId: course.id, employeeId }) : null;
  const isAdmin = scope.canAdministerAgency(course.agencyId);
  return {
    course,
    userId: scope.principal.userId,
    isAuthor: !!author,
    isOwner: author?.role === 'owner',
    isAdmin,
    isReviewer: isAdmin || widyaiswaraAgencies(scope).includes(course.agencyId),
  };
}

export const canSee = (a: CourseAccess) => a.isAuthor || a.isReviewer;
export const canEditContent = (a: CourseAccess) => a.isAuthor || a.isAdmin;
export const canReview = (a: CourseAccess) => a.isReviewer && !a.isAuthor;
export const canManageAuthors = (a: CourseAccess) => a.isOwner || a.isAdmin;

/**
 * Loads a course for its authors, reviewers and admins. Everyone else gets a 404: a draft outside the caller's reach
 * does not exist for it. `lock` takes the row lock that serialises publishing and edits.
 */
export async function findCourseFor(m: EntityManager, scope: AccessScope, id: string, lock = false): Promise<CourseAccess> {
  const course = await m.getRepository(CourseEntity).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  const access = course ? await courseAccess(m, scope, course) : null;
  if (!access || !canSee(access)) throw notFound(ErrorCode.LEARNING_COURSE_NOT_FOUND, 'Pelatihan tidak ditemukan');
  return access;
}

/**
 * As findCourseFor, for a change of the draft: an author or admin, while the course is a draft or published. The caller
 * joins the draft's editors (in the caller's transaction), who may not publish it (four eyes, decision 0013).
 */
export async function findEditableCourse(m: EntityManager, scope: AccessScope, id: string): Promise<CourseAccess> {
  const access = await findCourseFor(m, scope, id, true);
  if (!canEditContent(access)) throw forbidden(ErrorCode.AUTH_FORBIDDEN, 'Hanya penulis pelatihan atau admin instansinya yang dapat mengubahnya');
  requireEditable(access.course);
  await recordDraftEditor(m, id, scope.principal.userId);
  return access;
}

/** Adding or removing authors waits while the course is in review: the reviewer judges a fixed set of authors. */
export function requireAuthorsOpen(course: CourseEntity): void {
  if (course.status === 'in_review') {
    throw conflict(ErrorCode.LEARNING_AUTHORS_FROZEN, 'Penulis pelatihan tidak dapat diubah selama pelatihan ditinjau; minta peninjau mengembalikannya terlebih dahulu');
  }
}

export function requireEditable(course: CourseEntity): void {
  if (course.status === 'in_review') {
    throw conflict(ErrorCode.LEARNING_WRONG_STATUS, 'Pelatihan sedang ditinjau dan tidak dapat diubah; minta peninjau mengembalikannya terlebih dahulu');
  }
  if (course.status === 'archived') throw conflict(ErrorCode.LEARNING_WRONG_STATUS, 'Pelatihan sudah diarsipkan dan tidak dapat diubah');
}
