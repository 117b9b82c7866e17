import type { DataSource } from 'typeorm';
import type { AgencyTimeZone, CourseReportStatusFilter } from '@kompeten/shared-contracts';
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
  /** Only learners of this unit and the units under it (its path). */
  unitPath?: string;
  status?: CourseReportStatusFilter;
  /** Part of the name or the NIP. */
  search?: string;
}

/** Numbers come as text (numeric) or null; the service turns them into the report's row. */
export type ReportSqlRow = Record<string, string | null> & {
  completed_at: Date | null;
  due_at: Date | null;
  due_time_zone: AgencyTimeZone | null;
  overdue: boolean;
};

/** SQL: the learner of `en` has not started (active, nothing done yet). */
const NOT_STARTED = `(en.status = 'active' AND en.last_activity_at IS NULL AND en.progress_percent = 0)`;
/** SQL: completed, and where the course has a post-test, passed it ($3: the post-test lesson ids). */
const PASSED = `(en.status = 'completed' AND (cardinality($3::uuid[]) = 0 OR EXISTS (
    SELECT 1 FROM lesson_progress lp WHERE lp.enrolment_id = en.id AND lp.lesson_id = ANY($3::uuid[]) AND lp.passed)))`;

const STATUS_SQL: Record<CourseReportStatusFilter, string> = {
  not_started: NOT_STARTED,
  in_progress: `(en.status = 'active' AND NOT ${NOT_STARTED})`,
  completed: `en.status = 'completed'`,
  passed: PASSED,
  overdue: overdueSql('en'),
  pending_approval: `en.status = 'pending_approval'`,
  withdrawn: `en.status = 'withdrawn'`,
  rejected: `en.status = 'rejected'`,
};

/**
 * The rows the report covers: the course's enrolments, filtered by unit subtree, name/NIP search and (unless
 * `withStatus` is false, for the totals) status and `?overdue=`. Parameters $1–$3 are the course and the quiz ids.
 */
function where(q: ReportQuery, params: unknown[], withStatus = true): string {
  const p = (v: unknown) => (params.push(v), `$${params.length}`);
  const parts = ['en.course_id = $1'];
  if (q.unitPath) parts.push(`u.path LIKE ${p(`${q.unitPath}%`)}`);
  if (q.search) {
    const like = `%${q.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(`(e.full_name ILIKE ${p(like)} OR e.nip LIKE ${p(like)})`);
  }
  if (withStatus && q.overdue !== undefined) parts.push(overdueFilterSql('en', q.overdue));
  if (withStatus && q.status) parts.push(STATUS_SQL[q.status]);
  return parts.join(' AND ');
}

/** Every statement here takes the course and both quiz-id lists as $1–$3 (typed here, so a statement need not use them). */
const FROM = `FROM enrolment en
       CROSS JOIN (SELECT $2::uuid[] AS pre_ids, $3::uuid[] AS post_ids) quiz
       JOIN identity_employee e ON e.id = en.employee_id
       LEFT JOIN organisation_work_unit u ON u.id = e.unit_id`;

export async function reportRows(
  db: DataSource,
  q: ReportQuery,
  limit: number,
  offset: number,
): Promise<ReportSqlRow[]> {
  const params: unknown[] = [q.courseId, q.preIds, q.postIds];
  const cond = where(q, params);
  return db.query(
    `SELECT en.id, en.employee_id, e.nip, e.full_name, e.front_title, e.back_title, u.name AS unit_name, en.status, en.progress_percent, en.completed_at,
            en.due_at, en.due_time_zone, ${overdueSql('en')} AS overdue,
            (SELECT max(lp.score_percent) FROM lesson_progress lp WHERE lp.enrolment_id = en.id AND lp.lesson_id = ANY($2::uuid[])) AS pre,
            (SELECT max(lp.score_percent) FROM lesson_progress lp WHERE lp.enrolment_id = en.id AND lp.lesson_id = ANY($3::uuid[])) AS post,
            (SELECT coalesce(sum(lp.time_spent_seconds), 0) FROM lesson_progress lp WHERE lp.enrolment_id = en.id) AS seconds
       ${FROM}
      WHERE ${cond}
      ORDER BY e.full_name, e.nip, en.id
      LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, limit, offset],
  );
}

export async function countReportRows(db: DataSource, q: ReportQuery): Promise<number> {
  const params: unknown[] = [q.courseId, q.preIds, q.postIds];
  const [{ total }]: Array<{ total: number }> = await db.query(
    `SELECT count(*)::int AS total ${FROM} WHERE ${where(q, params)}`,
    params,
  );
  return total;
}

export interface ReportTotalsRow {
  enrolled: number;
  not_started: number;
  in_progress: number;
  completed: number;
  passed: number;
  overdue: number;
  average_pre: string | null;
  average_post: string | null;
}

/** The totals over the learners the unit and search filters leave (the status filter picks rows, not totals). */
export async function reportTotals(db: DataSource, q: ReportQuery): Promise<ReportTotalsRow> {
  const params: unknown[] = [q.courseId, q.preIds, q.postIds];
  const [row]: ReportTotalsRow[] = await db.query(
    `SELECT count(*) FILTER (WHERE en.status IN ('active','completed'))::int AS enrolled,
            count(*) FILTER (WHERE ${STATUS_SQL.not_started})::int AS not_started,
            count(*) FILTER (WHERE ${STATUS_SQL.in_progress})::int AS in_progress,
            count(*) FILTER (WHERE ${STATUS_SQL.completed})::int AS completed,
            count(*) FILTER (WHERE ${PASSED})::int AS passed,
            count(*) FILTER (WHERE ${overdueSql('en')})::int AS overdue,
            round(avg(x.pre), 2) AS average_pre, round(avg(x.post), 2) AS average_post
       ${FROM}
       LEFT JOIN LATERAL (
         SELECT (SELECT max(lp.score_percent) FROM lesson_progress lp WHERE lp.enrolment_id = en.id AND lp.lesson_id = ANY($2::uuid[])) AS pre,
                (SELECT max(lp.score_percent) FROM lesson_progress lp WHERE lp.enrolment_id = en.id AND lp.lesson_id = ANY($3::uuid[])) AS post
       ) x ON true
      WHERE ${where(q, params, false)}`,
    params,
  );
  return row;
}
