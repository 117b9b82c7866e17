import type { EntityManager } from 'typeorm';
import { ErrorCode } from '@kompeten/shared-contracts';
import { forbidden, notFound } from '@kompeten/server-core';
import type { AccessScope } from '@kompeten/server-organisation';

/**
 * Reads of the learning lib's `course` tables in plain SQL: enrolment needs a handful of columns, and reading them
 * here keeps the dependency on the learning lib to its table shapes (docs/learning.md).
 */
export interface CourseRow {
  id: string;
  agencyId: string;
  visibility: 'agency' | 'province' | 'national';
  enrolmentMode: 'open' | 'approval' | 'assigned_only';
  prerequisiteCourseIds: string[];
  status: string;
  currentVersionId: string | null;
}

export async function loadCourse(m: EntityManager, courseId: string): Promise<CourseRow | null> {
  const [row] = await m.query(
    `SELECT id, agency_id, visibility, enrolment_mode, coalesce(prerequisite_course_ids, '{}') AS prerequisite_course_ids, status, current_version_id
       FROM course WHERE id = $1`,
    [courseId],
  );
  if (!row) return null;
  return {
    id: row.id, agencyId: row.agency_id, visibility: row.visibility, enrolmentMode: row.enrolment_mode,
    prerequisiteCourseIds: row.prerequisite_course_ids ?? [], status: row.status, currentVersionId: row.current_version_id,
  };
}

/**
 * The province tree of a course's agency as recursive CTEs, for one statement that also reads the course (named `c`, with
 * `agency_id`, defined before these): `up` climbs from the course's agency, `down` is the province's tree.
 * `${PROVINCE_TREE_CTES}` then `e.agency_id IN (SELECT id FROM down)` for province visibility.
 */
export const PROVINCE_TREE_CTES = `
  up AS (
    SELECT a.id, a.parent_id, a.level FROM agency a JOIN c ON a.id = c.agency_id
    UNION ALL SELECT a.id, a.parent_id, a.level FROM agency a JOIN up ON a.id = up.parent_id
  ), down AS (
    SELECT id FROM agency WHERE id = coalesce((SELECT id FROM up WHERE level = 'provinsi' LIMIT 1), (SELECT agency_id FROM c))
    UNION ALL SELECT a.id FROM agency a JOIN down ON a.parent_id = down.id
  )`;

/**
 * Agencies whose ASN may see a course, or null for every agency. `province`: the province of the course's agency
 * and every agency under it (a course of a city with province visibility reaches the whole province).
 */
export async function visibleAgencyIds(m: EntityManager, course: Pick<CourseRow, 'agencyId' | 'visibility'>): Promise<string[] | null> {
  if (course.visibility === 'national') return null;
  if (course.visibility === 'agency') return [course.agencyId];
  const rows: Array<{ id: string }> = await m.query(`WITH RECURSIVE c AS (SELECT $1::uuid AS agency_id), ${PROVINCE_TREE_CTES} SELECT id FROM down`, [course.agencyId]);
  return rows.map((r) => r.id);
}

/**
 * A course takes learners while it has a live version and is not archived, whatever its draft is doing: a published
 * course whose next revision is a draft or in review keeps its current version open. The catalog (learning lib,
 * LIVE_SQL) lists courses by the same rule.
 */
export function isLive<T extends Pick<CourseRow, 'status' | 'currentVersionId'>>(course: T): course is T & { currentVersionId: string } {
  return course.currentVersionId !== null && course.status !== 'archived';
}


/** Authors (owner and co-authors) of a course, by employee. */
export async function isCourseAuthor(m: EntityManager, courseId: string, employeeId: string | null): Promise<boolean> {
  if (!employeeId) return false;
  const rows = await m.query(`SELECT 1 FROM course_author WHERE course_id = $1 AND employee_id = $2`, [courseId, employeeId]);
  return rows.length > 0;
}

/** Whether the caller manages a course's learners: one of its authors, or an admin of the course's agency. */
export async function managesCourse(m: EntityManager, scope: AccessScope, course: Pick<CourseRow, 'id' | 'agencyId'>): Promise<boolean> {
  return scope.canAdministerAgency(course.agencyId) || (await isCourseAuthor(m, course.id, scope.principal.employeeId));
}

/** The course for an author/admin action: 404 when the caller cannot see it at all, 403 when it may see but not manage it. */
export async function requireManagedCourse(m: EntityManager, scope: AccessScope, courseId: string): Promise<CourseRow> {
  const course = await loadCourse(m, courseId);
  if (!course) throw notFound(ErrorCode.ENROLMENT_COURSE_NOT_FOUND, 'Pelatihan tidak ditemukan');
  if (await managesCourse(m, scope, course)) return course;
  if (scope.canReadAgency(course.agencyId)) throw forbidden(ErrorCode.AUTH_FORBIDDEN, 'Hanya penulis pelatihan atau admin instansinya yang dapat melakukan ini');
  throw notFound(ErrorCode.ENROLMENT_COURSE_NOT_FOUND, 'Pelatihan tidak ditemukan');
}
