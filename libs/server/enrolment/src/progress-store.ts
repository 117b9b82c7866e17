import type { EntityManager } from 'typeorm';
import { ErrorCode, type EnrolmentStatus, type LessonProgress } from '@kompeten/shared-contracts';
import { notFound } from '@kompeten/server-core';
import type { ProgressFacts } from './completion-rule';

/**
 * Hand-written SQL for the progress hot path (every player heartbeat lands here): one upsert per event,
 * serialised per enrolment by a row lock so concurrent events see each other's lessons.
 */
export interface LockedEnrolment {
  id: string;
  courseId: string;
  courseVersionId: string;
  employeeId: string;
  agencyId: string;
  status: EnrolmentStatus;
}

/** Locks the enrolment row (SELECT … FOR UPDATE) for the rest of the transaction. */
export async function lockEnrolment(m: EntityManager, enrolmentId: string): Promise<LockedEnrolment> {
  const [row] = await m.query(
    `SELECT id, course_id, course_version_id, employee_id, agency_id, status FROM enrolment WHERE id = $1 FOR UPDATE`,
    [enrolmentId],
  );
  if (!row) throw notFound(ErrorCode.ENROLMENT_NOT_FOUND, 'Pendaftaran tidak ditemukan');
  return { id: row.id, courseId: row.course_id, courseVersionId: row.course_version_id, employeeId: row.employee_id, agencyId: row.agency_id, status: row.status };
}

export interface LessonProgressRow {
  lesson_id: string;
  status: LessonProgress['status'];
  time_spent_seconds: number;
  position: Record<string, unknown> | null;
  watched_ratio: string | null;
  score_percent: string | null;
  passed: boolean | null;
  attended: boolean;
  completed_at: Date | null;
}

const num = (v: string | number | null | undefined): number | null => (v === null || v === undefined ? null : Number(v));

export function toLessonProgress(r: LessonProgressRow): LessonProgress {
  return {
    lessonId: r.lesson_id, status: r.status, timeSpentSeconds: r.time_spent_seconds, position: r.position, watchedRatio: num(r.watched_ratio),
    scorePercent: num(r.score_percent), passed: r.passed, attended: r.attended, completedAt: r.completed_at ? new Date(r.completed_at).toISOString() : null,
  };
}

export function emptyProgress(lessonId: string): LessonProgress {
  return { lessonId, status: 'not_started', timeSpentSeconds: 0, position: null, watchedRatio: null, scorePercent: null, passed: null, attended: false, completedAt: null };
}

export async function progressRows(m: EntityManager, enrolmentId: string): Promise<LessonProgressRow[]> {
  return m.query(
    `SELECT lesson_id, status, time_spent_seconds, position, watched_ratio, score_percent, passed, attended, completed_at
       FROM lesson_progress WHERE enrolment_id = $1`,
    [enrolmentId],
  );
}

export function toFacts(rows: readonly LessonProgressRow[]): ProgressFacts[] {
  return rows.map((r) => ({ lessonId: r.lesson_id, status: r.status, passed: r.passed, scorePercent: num(r.score_percent), attended: r.attended }));
}

/** Fields an event may change; undefined leaves a field as it is. */
export interface ProgressChange {
  complete?: boolean;
  secondsSpent?: number;
  position?: Record<string, unknown>;
  watchedRatio?: number;
  scorePercent?: number;
  passed?: boolean;
  attended?: boolean;
}

/**
 * Applies one change to a lesson's progress. A completed lesson stays completed; time adds up; the watched share
 * only grows; score and passed are replaced when given (the grade of record comes from the quiz or the grader).
 */
export async function applyProgress(m: EntityManager, enrolmentId: string, lessonId: string, c: ProgressChange): Promise<LessonProgressRow> {
  const [row] = await m.query(
    `INSERT INTO lesson_progress AS lp (enrolment_id, lesson_id, status, time_spent_seconds, position, watched_ratio, score_percent, passed, attended, completed_at, updated_at)
     VALUES ($1, $2, CASE WHEN $3 THEN 'completed' ELSE 'in_progress' END, $4, $5, $6, $7, $8, coalesce($9, false), CASE WHEN $3 THEN now() END, now())
     ON CONFLICT (enrolment_id, lesson_id) DO UPDATE SET
       status = CASE WHEN lp.status = 'completed' OR $3 THEN 'completed' ELSE 'in_progress' END,
       time_spent_seconds = lp.time_spent_seconds + EXCLUDED.time_spent_seconds,
       position = coalesce(EXCLUDED.position, lp.position),
       watched_ratio = greatest(lp.watched_ratio, EXCLUDED.watched_ratio),
       score_percent = coalesce(EXCLUDED.score_percent, lp.score_percent),
       passed = coalesce(EXCLUDED.passed, lp.passed),
       attended = lp.attended OR EXCLUDED.attended,
       completed_at = coalesce(lp.completed_at, EXCLUDED.completed_at),
       updated_at = now()
     RETURNING lesson_id, status, time_spent_seconds, position, watched_ratio, score_percent, passed, attended, completed_at`,
    [
      enrolmentId, lessonId, c.complete === true, c.secondsSpent ?? 0, c.position === undefined ? null : JSON.stringify(c.position),
      c.watchedRatio ?? null, c.scorePercent ?? null, c.passed ?? null, c.attended ?? null,
    ],
  );
  return row;
}

export async function setEnrolmentProgress(m: EntityManager, enrolmentId: string, percent: number): Promise<void> {
  await m.query(`UPDATE enrolment SET progress_percent = $2, updated_at = now() WHERE id = $1 AND progress_percent IS DISTINCT FROM $2`, [enrolmentId, percent]);
}

/** The learner did something in the course. */
export async function touchActivity(m: EntityManager, enrolmentId: string): Promise<void> {
  await m.query(`UPDATE enrolment SET last_activity_at = now() WHERE id = $1`, [enrolmentId]);
}
