import type { DataSource, EntityManager } from 'typeorm';
import type { CourseDetail, CourseStatus } from '@kompeten/shared-contracts';
import { likePattern } from '@kompeten/server-core';
import type { AccessScope } from '@kompeten/server-organisation';
import { LIVE_SQL } from '../course-access-store';
import { widyaiswaraAgencies, type AuthorRole } from '../course-access';
import { pageCourseSummaries } from '../course-summary-store';
import type { CourseSummaryRow } from '../course.mapper';
import { stemText } from '../search/stemmer';
import { visibleCoursesSql } from '../visibility/course-visibility-store';
import type { Viewer } from '../visibility/course-visibility';

/**
 * Hand-written SQL for authoring courses: the authoring list, a course's authors and review history (names from
 * identity's published views), and the prerequisite check. Plain edits of one row go through the entities' repositories
 * in course.service.ts.
 */

/** SQL condition (alias c) for courses a caller authors, may review, or administers; parameters appended to `params`. */
export function authoringScopeSql(scope: AccessScope, params: unknown[]): string {
  if (scope.global) return 'TRUE';
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const parts: string[] = [];
  if (scope.principal.employeeId)
    parts.push(
      `EXISTS (SELECT 1 FROM course_author ca WHERE ca.course_id = c.id AND ca.employee_id = ${p(scope.principal.employeeId)})`,
    );
  const agencies = [...new Set([...scope.adminAgencyIds, ...widyaiswaraAgencies(scope)])];
  if (agencies.length) parts.push(`c.agency_id = ANY(${p(agencies)}::uuid[])`);
  return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
}

/**
 * Text filter (alias c) on the title, or on the stems catalog search matches (stemmed like the indexed text, docs/
 * learning.md "Catalog search"); parameters appended to `params`.
 */
export function courseTextSql(q: string, params: unknown[]): string {
  const stems = stemText(q);
  params.push(likePattern(q));
  const like = `$${params.length}`;
  if (!stems) return `c.title ILIKE ${like} ESCAPE '\\'`;
  params.push(stems);
  return `(c.title ILIKE ${like} ESCAPE '\\' OR to_tsvector('simple', c.search_stems) @@ plainto_tsquery('simple', $${params.length}))`;
}

/** A page of the courses the caller authors, reviews or administers, most recently changed first. */
export async function pageAuthoringCourses(
  db: DataSource,
  scope: AccessScope,
  filter: { status?: CourseStatus; text?: string },
  q: { page: number; pageSize: number },
): Promise<{ total: number; rows: CourseSummaryRow[] }> {
  const params: unknown[] = [];
  const where = [authoringScopeSql(scope, params)];
  if (filter.status) {
    params.push(filter.status);
    where.push(`c.status = $${params.length}`);
  }
  if (filter.text) where.push(courseTextSql(filter.text, params));
  return pageCourseSummaries(db, where.join(' AND '), params, 'c.updated_at DESC, c.id', q);
}

export interface CourseAuthorRow {
  employee_id: string;
  role: AuthorRole;
  full_name: string;
  front_title: string | null;
  back_title: string | null;
  nip: string;
}

/** A course's authors with their names and NIPs (identity's `identity_employee` view), owner first, then by joining. */
export async function selectCourseAuthors(m: EntityManager, courseId: string): Promise<CourseAuthorRow[]> {
  return m.query(
    `SELECT ca.employee_id, ca.role, e.full_name, e.front_title, e.back_title, e.nip
       FROM course_author ca JOIN identity_employee e ON e.id = ca.employee_id
      WHERE ca.course_id = $1 ORDER BY ca.role DESC, ca.created_at`,
    [courseId],
  );
}

export interface ReviewEventRow {
  action: CourseDetail['reviewEvents'][number]['action'];
  actor: string | null;
  note: string | null;
  at: Date;
  full_name: string | null;
  front_title: string | null;
  back_title: string | null;
  email: string | null;
}

/**
 * A course's review history, oldest first, with the actor's name — or e-mail for an account without an ASN record
 * (identity's published views; left joins, as an actor may be gone).
 */
export async function selectReviewEvents(m: EntityManager, courseId: string): Promise<ReviewEventRow[]> {
  return m.query(
    `SELECT r.action, r.actor, r.note, r.at, e.full_name, e.front_title, e.back_title, u.email
       FROM course_review_event r
       LEFT JOIN identity_user_account u ON u.id = r.actor
       LEFT JOIN identity_employee e ON e.id = u.employee_id
      WHERE r.course_id = $1 ORDER BY r.at, r.id`,
    [courseId],
  );
}

/**
 * Of `ids`, the courses the caller may name as prerequisites (decision 0013): one it authors, reviews or
 * administers, or a live course its viewer sees in the catalog — one statement for the whole list.
 */
export async function selectReachableCourseIds(
  m: EntityManager,
  scope: AccessScope,
  viewer: Viewer,
  ids: string[],
): Promise<string[]> {
  const params: unknown[] = [ids];
  const authoring = authoringScopeSql(scope, params);
  const visible = visibleCoursesSql(viewer, params);
  const found: Array<{ id: string }> = await m.query(
    `SELECT c.id FROM course c WHERE c.id = ANY($1::uuid[]) AND (${authoring} OR (${LIVE_SQL} AND ${visible}))`,
    params,
  );
  return found.map((f) => f.id);
}
