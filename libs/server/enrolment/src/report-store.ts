import type { DataSource } from 'typeorm';
import type { AgencyTimeZone } from '@kompeten/shared-contracts';
import { overdueFilterSql, overdueSql } from './enrolment-view-store';

/**
 * Hand-written SQL for the course report: one row per learner (names and units from identity's and organisation's
 * published views), with the best pre-/post-test grade over the quiz lessons of every version and the time credited.
 */

export interface ReportQuery {
  courseId: string;
  preIds: readonly string[];
  postIds: readonly string[];
  /** Only overdue (true) or not overdue (false) enrolments; undefined for all. */
  overdue?: boolean;
}

/** Numbers come as text (numeric) or null; the service turns them into the report's row. */
export type ReportSqlRow = Record<string, string | null> & {
  completed_at: Date | null;
  due_at: Date | null;
  due_time_zone: AgencyTimeZone | null;
  overdue: boolean;
};

/** The rows the report covers (the course's enrolments, filtered by `?overdue=`). */
const where = (q: ReportQuery) =>
  `en.course_id = $1${q.overdue === undefined ? '' : ` AND ${overdueFilterSql('en', q.overdue)}`}`;

export async function reportRows(
  db: DataSource,
  q: ReportQuery,
  limit: number,
  offset: number,
): Promise<ReportSqlRow[]> {
  return db.query(
    `SELECT en.id, en.employee_id, e.nip, e.full_name, e.front_title, e.back_title, u.name AS unit_name, en.status, en.progress_percent, en.completed_at,
            en.due_at, en.due_time_zone, ${overdueSql('en')} AS overdue,
            (SELECT max(lp.score_percent) FROM lesson_progress lp WHERE lp.enrolment_id = en.id AND lp.lesson_id = ANY($2::uuid[])) AS pre,
            (SELECT max(lp.score_percent) FROM lesson_progress lp WHERE lp.enrolment_id = en.id AND lp.lesson_id = ANY($3::uuid[])) AS post,
            (SELECT coalesce(sum(lp.time_spent_seconds), 0) FROM lesson_progress lp WHERE lp.enrolment_id = en.id) AS seconds
       FROM enrolment en
       JOIN identity_employee e ON e.id = en.employee_id
       LEFT JOIN organisation_work_unit u ON u.id = e.unit_id
      WHERE ${where(q)}
      ORDER BY e.full_name, e.nip
      LIMIT $4 OFFSET $5`,
    [q.courseId, q.preIds, q.postIds, limit, offset],
  );
}

export async function countReportRows(db: DataSource, q: ReportQuery): Promise<number> {
  const [{ total }]: Array<{ total: number }> = await db.query(
    `SELECT count(*)::int AS total FROM enrolment en WHERE ${where(q)}`,
    [q.courseId],
  );
  return total;
}
