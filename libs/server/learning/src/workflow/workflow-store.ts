import type { DataSource, EntityManager } from 'typeorm';
import type { CourseSnapshot } from '@kompeten/shared-contracts';
import { pageCourseSummaries } from '../course-summary-store';
import type { CourseSummaryRow } from '../course.mapper';

/**
 * Hand-written SQL for the review workflow: numbering and writing an immutable `course_version` (under the course row
 * lock the caller holds, so numbers never repeat) and the review queue. Status changes and review events are plain
 * entity writes in workflow.service.ts.
 */

/** The next version number of a course: one past the highest published (1 for the first). */
export async function nextVersionNo(m: EntityManager, courseId: string): Promise<number> {
  const [{ next }]: Array<{ next: number }> = await m.query(
    'SELECT coalesce(max(version_no), 0) + 1 AS next FROM course_version WHERE course_id = $1',
    [courseId],
  );
  return Number(next);
}

export interface NewVersion {
  courseId: string;
  versionNo: number;
  snapshot: CourseSnapshot;
  jp: number;
  requiresUpgrade: boolean;
  publishedBy: string;
}

/** Writes a published version (its `title` column is filled by a trigger from the snapshot); answers its id. */
export async function insertVersion(m: EntityManager, v: NewVersion): Promise<string> {
  const [{ id }]: Array<{ id: string }> = await m.query(
    `INSERT INTO course_version (course_id, version_no, snapshot, jp, requires_upgrade, published_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [v.courseId, v.versionNo, JSON.stringify(v.snapshot), v.jp, v.requiresUpgrade, v.publishedBy],
  );
  return id;
}

/** Who is asking for the review queue: the agencies it reviews for (null: every agency), its ASN record and account. */
export interface Reviewer {
  agencyIds: string[] | null;
  employeeId: string | null;
  userId: string;
}

/**
 * A page of courses in review that the reviewer may review, oldest change first: of an agency it reviews for, not
 * written by it (`course_author`) and not edited by it since the last publication (`course_draft_editor`).
 */
export async function pageReviewQueue(
  db: DataSource,
  reviewer: Reviewer,
  q: { page: number; pageSize: number },
): Promise<{ total: number; rows: CourseSummaryRow[] }> {
  const params: unknown[] = [];
  const where = [`c.status = 'in_review'`];
  if (reviewer.agencyIds) {
    params.push(reviewer.agencyIds);
    where.push(`c.agency_id = ANY($${params.length}::uuid[])`);
  }
  if (reviewer.employeeId) {
    params.push(reviewer.employeeId);
    where.push(
      `NOT EXISTS (SELECT 1 FROM course_author ca WHERE ca.course_id = c.id AND ca.employee_id = $${params.length})`,
    );
  }
  params.push(reviewer.userId);
  where.push(
    `NOT EXISTS (SELECT 1 FROM course_draft_editor de WHERE de.course_id = c.id AND de.user_id = $${params.length})`,
  );
  return pageCourseSummaries(db, where.join(' AND '), params, 'c.updated_at, c.id', q);
}
