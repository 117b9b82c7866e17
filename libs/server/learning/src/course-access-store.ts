import type { EntityManager } from 'typeorm';
import type { CourseStatus, CourseVisibility, EnrolmentMode } from '@kompeten/shared-contracts';
import type { AuthorRole } from './course-access';

/**
 * Hand-written SQL behind the course-access rule (course-access.ts): the author role and the course facts that the
 * rule and the enrolment and assessment libs decide on. The rule maps these rows; it exports the readers.
 */

/** The columns of the `learning_course` view, as the course row holds them. */
export interface CourseFactsRow {
  id: string;
  agency_id: string;
  visibility: CourseVisibility;
  enrolment_mode: EnrolmentMode;
  prerequisite_course_ids: string[] | null;
  status: CourseStatus;
  current_version_id: string | null;
}

const FACTS_COLUMNS =
  'c.id, c.agency_id, c.visibility, c.enrolment_mode, c.prerequisite_course_ids, c.status, c.current_version_id';

/** `isLive` (course-access.ts) as SQL over a course row (alias c), for the catalog and prerequisite statements. */
export const LIVE_SQL = `c.current_version_id IS NOT NULL AND c.status <> 'archived'`;

/** The employee's row in the course's authors (primary key course + employee), or none. */
export async function selectAuthorRole(
  m: EntityManager,
  courseId: string,
  employeeId: string,
): Promise<AuthorRole | null> {
  const [row]: Array<{ role: AuthorRole }> = await m.query(
    'SELECT role FROM course_author WHERE course_id = $1 AND employee_id = $2',
    [courseId, employeeId],
  );
  return row?.role ?? null;
}

/** One course's facts by id. */
export async function selectCourseFacts(m: EntityManager, courseId: string): Promise<CourseFactsRow | undefined> {
  const [row]: CourseFactsRow[] = await m.query(`SELECT ${FACTS_COLUMNS} FROM course c WHERE c.id = $1`, [courseId]);
  return row;
}

/**
 * One course's facts with the employee's author role beside them: one statement, because the enrolment and
 * assessment libs ask both on every management call (a subquery, so an unknown author still returns the course).
 */
export async function selectCourseFactsWithAuthorRole(
  m: EntityManager,
  courseId: string,
  employeeId: string | null,
): Promise<(CourseFactsRow & { author_role: AuthorRole | null }) | undefined> {
  const [row]: Array<CourseFactsRow & { author_role: AuthorRole | null }> = await m.query(
    `SELECT ${FACTS_COLUMNS}, (SELECT ca.role FROM course_author ca WHERE ca.course_id = c.id AND ca.employee_id = $2) AS author_role
       FROM course c WHERE c.id = $1`,
    [courseId, employeeId],
  );
  return row;
}

/** The employees who author a course (owner and co-authors). */
export async function selectAuthorEmployeeIds(m: EntityManager, courseId: string): Promise<string[]> {
  const rows: Array<{ employee_id: string }> = await m.query(
    'SELECT employee_id FROM course_author WHERE course_id = $1 ORDER BY employee_id',
    [courseId],
  );
  return rows.map((r) => r.employee_id);
}
