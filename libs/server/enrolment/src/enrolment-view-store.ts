import type { EntityManager } from 'typeorm';
import type { AgencyTimeZone, EnrolmentSource, EnrolmentStatus } from '@kompeten/shared-contracts';
import { preparedQuery } from '@kompeten/server-core';
import { PROGRESS_COLUMNS, type LessonProgressRow } from './progress-store';

/**
 * The enrolment view in SQL: the columns every enrolment answer carries (the course title and JP of the version
 * taken, from learning's published view `learning_course_version`; the course's agency from `learning_course`,
 * decision 0016), as fragments the statements of enrolment-store.ts build on, and the one-row read. enrolment.mapper.ts
 * turns these rows into the API's shape.
 */

/** The statuses in which a passed due date no longer matters. */
const SETTLED = `('completed','withdrawn','rejected')`;

/**
 * SQL: the enrolment `alias` is overdue now, by the database clock (decision 0015: computed, never stored). The due
 * instant is the last second that still counts (due-date.ts), so the enrolment is overdue once that second has passed.
 * The view's `overdue` column and the `?overdue=` filters of my learning and the course report all use it.
 */
export const overdueSql = (alias: string) =>
  `(${alias}.status NOT IN ${SETTLED} AND ${alias}.due_at IS NOT NULL AND ${alias}.due_at < date_trunc('second', now()))`;

/** SQL condition for `?overdue=true|false`. */
export const overdueFilterSql = (alias: string, overdue: boolean) =>
  overdue ? overdueSql(alias) : `NOT ${overdueSql(alias)}`;

/** One row of the enrolment view (numeric columns as text, as the driver returns them). */
export interface EnrolmentRow {
  id: string;
  course_id: string;
  course_version_id: string;
  version_no: number;
  course_title: string;
  jp: string | number;
  employee_id: string;
  agency_id: string;
  source: EnrolmentSource;
  status: EnrolmentStatus;
  progress_percent: string;
  due_at: Date | null;
  due_time_zone: AgencyTimeZone | null;
  overdue: boolean;
  mandatory: boolean;
  last_activity_at: Date | null;
  completed_at: Date | null;
  created_at: Date;
  course_agency_id: string;
}

/** The view's columns; `overdue` by the due-date rule on the database clock (due-date.ts). */
const ENROLMENT_COLUMNS = `
  SELECT en.id, en.course_id, en.course_version_id, v.version_no, v.title AS course_title,
         v.jp, en.employee_id, en.agency_id, en.source, en.status,
         en.progress_percent, en.due_at, en.due_time_zone, ${overdueSql('en')} AS overdue, en.mandatory, en.last_activity_at, en.completed_at, en.created_at,
         c.agency_id AS course_agency_id`;

/** The enrolment rows of `source` (the table, or a CTE of it) joined with the version taken and its course. */
const enrolmentFrom = (source: string) => `
    FROM ${source} en
    JOIN learning_course_version v ON v.id = en.course_version_id
    JOIN learning_course c ON c.id = en.course_id`;
const ENROLMENT_FROM = enrolmentFrom('enrolment');

/** The enrolment view: the course title and JP are those of the version taken. */
export const ENROLMENT_SELECT = `${ENROLMENT_COLUMNS}${ENROLMENT_FROM}`;

/** The enrolment view of the rows a data-modifying CTE returned (`WITH x AS (INSERT … RETURNING *) ${enrolmentViewOf('x')}`). */
export const enrolmentViewOf = (cte: string) => `${ENROLMENT_COLUMNS}${enrolmentFrom(cte)}`;

/** An enrolment waiting for a decision, with the learner's name, titles, NIP and unit (enrolment-store's approvals page). */
export type PendingApprovalRow = EnrolmentRow & {
  full_name: string;
  front_title: string | null;
  back_title: string | null;
  nip: string;
  unit_name: string | null;
};

/**
 * One enrolment; with `withProgress`, its lesson rows come in the same statement (the course page and the player
 * read both on every view: one round trip instead of two).
 */
export async function loadEnrolmentRow(
  m: EntityManager,
  id: string,
  opts: { withProgress?: boolean } = {},
): Promise<(EnrolmentRow & { progress?: LessonProgressRow[] }) | null> {
  const progress = opts.withProgress
    ? `, coalesce((SELECT json_agg(p) FROM (SELECT ${PROGRESS_COLUMNS} FROM lesson_progress WHERE enrolment_id = en.id) p), '[]') AS progress`
    : '';
  const [row] = await preparedQuery<EnrolmentRow & { progress?: LessonProgressRow[] }>(
    m,
    `${ENROLMENT_COLUMNS}${progress}${ENROLMENT_FROM} WHERE en.id = $1`,
    [id],
  );
  return row ?? null;
}
