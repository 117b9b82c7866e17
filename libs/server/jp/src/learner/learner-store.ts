import type { EntityManager } from 'typeorm';
import { LIVE_SQL, visibleCoursesSql, type Viewer } from '@kompeten/server-learning';

/**
 * The learner's JP reads: the per-person-year aggregate (jp_person_year), and the courses they may take next — from
 * learning's published views (`learning_course`, `learning_course_version`) with learning's own visibility and
 * liveness rules, and enrolment's `enrolment_state` for what they already take or completed.
 */

export interface PersonYearRow {
  year: number;
  total_jp: string;
  formal_jp: string;
  social_jp: string;
  experiential_jp: string;
  monthly_jp: string[];
  by_form: Record<string, number | string>;
  by_competency_kind: Record<string, number | string>;
}

export async function findPersonYear(
  m: EntityManager,
  employeeId: string,
  year: number,
): Promise<PersonYearRow | null> {
  const [row]: PersonYearRow[] = await m.query(
    `SELECT year, total_jp, formal_jp, social_jp, experiential_jp, monthly_jp, by_form, by_competency_kind
       FROM jp_person_year WHERE employee_id = $1 AND year = $2`,
    [employeeId, year],
  );
  return row ?? null;
}

/** The years with a ledger line, newest first, with how many there are. */
export async function personYears(
  m: EntityManager,
  employeeId: string,
  page: { limit: number; offset: number },
): Promise<{ total: number; rows: Array<{ year: number; total: number }> }> {
  const [{ total }]: Array<{ total: number }> = await m.query(
    `SELECT count(*)::int AS total FROM jp_person_year WHERE employee_id = $1`,
    [employeeId],
  );
  const rows: Array<{ year: number; total_jp: string }> = await m.query(
    `SELECT year, total_jp FROM jp_person_year WHERE employee_id = $1 ORDER BY year DESC LIMIT $2 OFFSET $3`,
    [employeeId, page.limit, page.offset],
  );
  return { total, rows: rows.map((r) => ({ year: r.year, total: Number(r.total_jp) })) };
}

export interface NextCourseRow {
  course_id: string;
  title: string;
  jp: string;
  enrolment_mode: 'open' | 'approval' | 'assigned_only';
  enrolment_id: string | null;
  enrolment_status: 'active' | 'pending_approval' | null;
}

/**
 * Live courses the learner can see and has not completed, shortest JP first: open and approval courses, and assigned-
 * only ones they are enrolled in. Their current enrolment (active or waiting for approval) comes along.
 */
export async function nextCourses(
  m: EntityManager,
  employeeId: string,
  viewer: Viewer,
  page: { limit: number; offset: number },
): Promise<{ total: number; rows: NextCourseRow[] }> {
  const params: unknown[] = [employeeId];
  const visible = visibleCoursesSql(viewer, params);
  const from = `learning_course c JOIN learning_course_version v ON v.id = c.current_version_id
    LEFT JOIN LATERAL (SELECT s.id, s.status FROM enrolment_state s
                        WHERE s.course_id = c.id AND s.employee_id = $1 AND s.status IN ('active','pending_approval')
                        ORDER BY s.status LIMIT 1) en ON true
    WHERE ${LIVE_SQL} AND ${visible}
      AND NOT EXISTS (SELECT 1 FROM enrolment_state d WHERE d.course_id = c.id AND d.employee_id = $1 AND d.status = 'completed')
      AND (c.enrolment_mode <> 'assigned_only' OR en.id IS NOT NULL)`;
  const [{ total }]: Array<{ total: number }> = await m.query(`SELECT count(*)::int AS total FROM ${from}`, params);
  const rows: NextCourseRow[] = await m.query(
    `SELECT c.id AS course_id, v.title, v.jp, c.enrolment_mode, en.id AS enrolment_id, en.status AS enrolment_status
       FROM ${from}
      ORDER BY v.jp, v.title, c.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, page.limit, page.offset],
  );
  return { total, rows };
}
