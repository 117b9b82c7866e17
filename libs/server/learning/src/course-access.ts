import type { EntityManager } from 'typeorm';
import { ErrorCode, type CourseStatus, type CourseVisibility, type EnrolmentMode } from '@kompeten/shared-contracts';
import { conflict, forbidden, notFound } from '@kompeten/server-core';
import type { AccessScope } from '@kompeten/server-organisation';
import {
  selectAuthorEmployeeIds,
  selectAuthorRole,
  selectCourseFacts,
  selectCourseFactsWithAuthorRole,
  type CourseFactsRow,
} from './course-access-store';
import { recordDraftEditor } from './draft-editor-store';
import { CourseEntity } from './entities/course.entity';

export type AuthorRole = 'owner' | 'co_author';

/**
 * The caller's standing on one course — the one rule for who may author, review and manage a course, used by this lib
 * and by the enrolment and assessment libs (docs/learning.md: authors edit; a reviewer who is not an author publishes).
 */
export interface CourseRoles {
  isAuthor: boolean;
  isOwner: boolean;
  /** Admin of the course's agency (a province admin administers its regencies/cities too). */
  isAdmin: boolean;
  /** A widyaiswara of the course's agency, or an admin of it. */
  isReviewer: boolean;
}

/** What one caller may do with one course, with the course as this lib loaded it. */
export interface CourseAccess extends CourseRoles {
  course: CourseEntity;
  /** The caller's user account. */
  userId: string;
}

export const EDITABLE_STATUSES: readonly CourseStatus[] = ['draft', 'published'];

/** Agencies where the caller holds the widyaiswara role. */
export function widyaiswaraAgencies(scope: AccessScope): string[] {
  return scope.principal.roles.filter((r) => r.role === 'widyaiswara').map((r) => r.agencyId);
}

/** The rule itself, pure: the caller's roles on a course of `agencyId` where its author role (if any) is `authorRole`. */
export function courseRolesOf(
  scope: AccessScope,
  course: { agencyId: string },
  authorRole: AuthorRole | null,
): CourseRoles {
  const isAdmin = scope.canAdministerAgency(course.agencyId);
  return {
    isAuthor: authorRole !== null,
    isOwner: authorRole === 'owner',
    isAdmin,
    isReviewer: isAdmin || widyaiswaraAgencies(scope).includes(course.agencyId),
  };
}

/** The employee's author role on a course (owner or co-author), or null. */
export async function authorRoleOf(
  m: EntityManager,
  courseId: string,
  employeeId: string | null,
): Promise<AuthorRole | null> {
  if (!employeeId) return null;
  return selectAuthorRole(m, courseId, employeeId);
}

/** The employees who author a course (for the discussion lib: authors read and moderate its discussion). */
export function courseAuthorIds(m: EntityManager, courseId: string): Promise<string[]> {
  return selectAuthorEmployeeIds(m, courseId);
}

export async function courseAccess(m: EntityManager, scope: AccessScope, course: CourseEntity): Promise<CourseAccess> {
  return {
    course,
    userId: scope.principal.userId,
    ...courseRolesOf(scope, course, await authorRoleOf(m, course.id, scope.principal.employeeId)),
  };
}

export const canSee = (a: CourseRoles) => a.isAuthor || a.isReviewer;
/** Authors and admins of the course's agency: edit its content, and manage its learners, question bank and grading. */
export const canEditContent = (a: CourseRoles) => a.isAuthor || a.isAdmin;
export const canReview = (a: CourseRoles) => a.isReviewer && !a.isAuthor;
export const canManageAuthors = (a: CourseRoles) => a.isOwner || a.isAdmin;

/**
 * `canEditContent` for the libs above, reading the author row only when being an admin does not already decide it
 * (the enrolment page of a learner's own enrolment never gets here).
 */
export async function managesCourse(
  m: EntityManager,
  scope: AccessScope,
  course: { id: string; agencyId: string },
): Promise<boolean> {
  if (scope.canAdministerAgency(course.agencyId)) return true;
  return (await authorRoleOf(m, course.id, scope.principal.employeeId)) !== null;
}

/** A course's facts the enrolment lib decides on (the columns of the `learning_course` view). */
export interface CourseFacts {
  id: string;
  agencyId: string;
  visibility: CourseVisibility;
  enrolmentMode: EnrolmentMode;
  prerequisiteCourseIds: string[];
  status: CourseStatus;
  currentVersionId: string | null;
}

const toFacts = (row: CourseFactsRow): CourseFacts => ({
  id: row.id,
  agencyId: row.agency_id,
  visibility: row.visibility,
  enrolmentMode: row.enrolment_mode,
  prerequisiteCourseIds: row.prerequisite_course_ids ?? [],
  status: row.status,
  currentVersionId: row.current_version_id,
});

/** A course's facts, or null for an unknown course. */
export async function findCourseFacts(m: EntityManager, courseId: string): Promise<CourseFacts | null> {
  const row = await selectCourseFacts(m, courseId);
  return row ? toFacts(row) : null;
}

/** A course's facts with the caller's roles on it (one statement), or null for an unknown course. */
export async function findCourseWithRoles(
  m: EntityManager,
  scope: AccessScope,
  courseId: string,
): Promise<{ course: CourseFacts; roles: CourseRoles } | null> {
  const row = await selectCourseFactsWithAuthorRole(m, courseId, scope.principal.employeeId);
  if (!row) return null;
  const course = toFacts(row);
  return { course, roles: courseRolesOf(scope, course, row.author_role) };
}

/**
 * A course takes learners, and shows in the catalog, while it has a live version and is not archived, whatever its
 * draft is doing: a published course whose next revision is a draft or in review keeps its current version open.
 */
export function isLive<T extends { status: CourseStatus; currentVersionId: string | null }>(
  course: T,
): course is T & { currentVersionId: string } {
  return course.currentVersionId !== null && course.status !== 'archived';
}

/** `isLive` as SQL over a course row (alias c), kept with the statements in course-access-store.ts. */
export { LIVE_SQL } from './course-access-store';

/**
 * Loads a course for its authors, reviewers and admins. Everyone else gets a 404: a draft outside the caller's reach
 * does not exist for it. `lock` takes the row lock that serialises publishing and edits.
 */
export async function findCourseFor(
  m: EntityManager,
  scope: AccessScope,
  id: string,
  lock = false,
): Promise<CourseAccess> {
  const course = await m
    .getRepository(CourseEntity)
    .findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
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
  if (!canEditContent(access))
    throw forbidden(ErrorCode.AUTH_FORBIDDEN, 'Hanya penulis pelatihan atau admin instansinya yang dapat mengubahnya');
  requireEditable(access.course);
  await recordDraftEditor(m, id, scope.principal.userId);
  return access;
}

/** Adding or removing authors waits while the course is in review: the reviewer judges a fixed set of authors. */
export function requireAuthorsOpen(course: CourseEntity): void {
  if (course.status === 'in_review') {
    throw conflict(
      ErrorCode.LEARNING_AUTHORS_FROZEN,
      'Penulis pelatihan tidak dapat diubah selama pelatihan ditinjau; minta peninjau mengembalikannya terlebih dahulu',
    );
  }
}

export function requireEditable(course: CourseEntity): void {
  if (course.status === 'in_review') {
    throw conflict(
      ErrorCode.LEARNING_WRONG_STATUS,
      'Pelatihan sedang ditinjau dan tidak dapat diubah; minta peninjau mengembalikannya terlebih dahulu',
    );
  }
  if (course.status === 'archived')
    throw conflict(ErrorCode.LEARNING_WRONG_STATUS, 'Pelatihan sudah diarsipkan dan tidak dapat diubah');
}
