import type { EntityManager } from 'typeorm';
import { ErrorCode, type EnrolmentStatus, type LessonProgress } from '@kompeten/shared-contracts';
import { notFound, preparedQuery } from '@kompeten/server-core';
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
  /** As stored when locked; lets completion skip an UPDATE that would change nothing. */
  progressPercent: number;
  /** The server's clock for the learner's events: the last credited player event (else the enrolment's start) … */
  clockFrom: Date;
  /** … and the database clock once the row was locked (docs/learning.md, "Time and video the server credits"). */
  clockNow: Date;
}

/** Locks the enrolment row (SELECT … FOR UPDATE) for the rest of the transaction. */
export async function lockEnrolment(m: EntityManager, enrolmentId: string): Promise<LockedEnrolment> {
  const [row] = await preparedQuery<Parameters<typeof toLockedEnrolment>[0]>(
    m,
    `SELECT ${LOCKED_ENROLMENT_COLUMNS} FROM enrolment WHERE id = $1 FOR UPDATE`,
    [enrolmentId],
  );
  if (!row) throw notFound(ErrorCode.ENROLMENT_NOT_FOUND, 'Pendaftaran tidak ditemukan');
  return toLockedEnrolment(row);
}

/**
 * Locks the active and completed enrolments of these ASN in a course, in id order, so two attendance lists for
 * overlapping learners cannot deadlock.
 */
export async function lockEnrolmentsOfCourse(
  m: EntityManager,
  courseId: string,
  employeeIds: readonly string[],
): Promise<LockedEnrolment[]> {
  const rows: Array<Parameters<typeof toLockedEnrolment>[0]> = await m.query(
    `SELECT ${LOCKED_ENROLMENT_COLUMNS} FROM enrolment WHERE course_id = $1 AND employee_id = ANY($2::uuid[]) AND status IN ('active','completed') ORDER BY id FOR UPDATE`,
    [courseId, employeeIds],
  );
  return rows.map(toLockedEnrolment);
}

/** The columns `lockEnrolment` reads. */
const LOCKED_ENROLMENT_COLUMNS =
  'id, course_id, course_version_id, employee_id, agency_id, status, progress_percent, coalesce(last_progress_at, decided_at, created_at) AS clock_from, clock_timestamp() AS clock_now';

export function toLockedEnrolment(row: {
  id: string;
  course_id: string;
  course_version_id: string;
  employee_id: string;
  agency_id: string;
  status: EnrolmentStatus;
  progress_percent: string | number;
  clock_from: Date | string;
  clock_now: Date | string;
}): LockedEnrolment {
  return {
    id: row.id,
    courseId: row.course_id,
    courseVersionId: row.course_version_id,
    employeeId: row.employee_id,
    agencyId: row.agency_id,
    status: row.status,
    progressPercent: Number(row.progress_percent),
    clockFrom: new Date(row.clock_from),
    clockNow: new Date(row.clock_now),
  };
}

export interface LessonProgressRow {
  lesson_id: string;
  status: LessonProgress['status'];
  time_spent_seconds: number;
  position: Record<string, unknown> | null;
  /** numeric: text from a plain select, a number from json. */
  watched_ratio: string | number | null;
  score_percent: string | number | null;
  passed: boolean | null;
  attended: boolean;
  completed_at: Date | string | null;
}

const num = (v: string | number | null | undefined): number | null =>
  v === null || v === undefined ? null : Number(v);

export function toLessonProgress(r: LessonProgressRow): LessonProgress {
  return {
    lessonId: r.lesson_id,
    status: r.status,
    timeSpentSeconds: r.time_spent_seconds,
    position: r.position,
    watchedRatio: num(r.watched_ratio),
    scorePercent: num(r.score_percent),
    passed: r.passed,
    attended: r.attended,
    completedAt: r.completed_at ? new Date(r.completed_at).toISOString() : null,
  };
}

export function emptyProgress(lessonId: string): LessonProgress {
  return {
    lessonId,
    status: 'not_started',
    timeSpentSeconds: 0,
    position: null,
    watchedRatio: null,
    scorePercent: null,
    passed: null,
    attended: false,
    completedAt: null,
  };
}

export const PROGRESS_COLUMNS =
  'lesson_id, status, time_spent_seconds, position, watched_ratio, score_percent, passed, attended, completed_at';

export async function progressRows(m: EntityManager, enrolmentId: string): Promise<LessonProgressRow[]> {
  return m.query(`SELECT ${PROGRESS_COLUMNS} FROM lesson_progress WHERE enrolment_id = $1`, [enrolmentId]);
}

export function toFacts(rows: readonly LessonProgressRow[]): ProgressFacts[] {
  return rows.map((r) => ({
    lessonId: r.lesson_id,
    status: r.status,
    passed: r.passed,
    scorePercent: num(r.score_percent),
    attended: r.attended,
    timeSpentSeconds: r.time_spent_seconds,
  }));
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
  /**
   * A learner's player event: the server's clock reading it was credited at (the enrolment's `last_progress_at`
   * becomes this) and the reading the previous event left (`clockFrom`, the start of the video clock for a lesson
   * not watched before).
   */
  clock?: { from: Date; now: Date };
  /**
   * Video (a learner's event on a video lesson): how far the watched share may advance per second of wall-clock
   * (tolerance / duration), and its completion share. The lesson's first event of any kind starts its video clock.
   */
  videoRatePerSecond?: number;
  completeAtRatio?: number;
  /** The lesson's minimum credited time: it is not completed before (docs/learning.md, "Minimum time"). */
  minSeconds?: number;
}

/** The watched share credited by this change (the claim, bounded by the wall-clock since the share was last credited). */
const CREDITED_RATIO = (prevRatio: string, prevAt: string) => `CASE
  WHEN $6::numeric IS NULL THEN ${prevRatio}
  WHEN $11::float8 IS NULL THEN greatest(${prevRatio}, $6::numeric)
  ELSE greatest(${prevRatio}, least($6::numeric,
    round((coalesce(${prevRatio}, 0) + $11::float8 * greatest(0, extract(epoch FROM $15::timestamptz - coalesce(${prevAt}, $13::timestamptz))))::numeric, 4)))
END`;
const INSERT_RATIO = CREDITED_RATIO('NULL::numeric', 'NULL::timestamptz');
const UPDATE_RATIO = CREDITED_RATIO('lp.watched_ratio', 'lp.watched_at');
/** Completed: the event's own condition (or the video share reached) and the lesson's minimum time met. */
const COMPLETES = (ratio: string, seconds: string) =>
  `(($3 OR coalesce(${ratio} >= $14::numeric, false)) AND ${seconds} >= $12::int)`;

/**
 * Applies one change to a lesson's progress. A completed lesson stays completed; time adds up; the watched share
 * only grows, and no faster than the video plays; score and passed are replaced when given (the grade of record comes from the quiz or the grader).
 * One statement also marks the learner's activity (when `touch`) and reads the enrolment's other lessons, so the
 * caller can evaluate completion without another round trip: `rows` is every lesson row after the change.
 */
export async function applyProgress(
  m: EntityManager,
  enrolmentId: string,
  lessonId: string,
  c: ProgressChange,
  touch: boolean,
): Promise<{ row: LessonProgressRow; rows: LessonProgressRow[] }> {
  const [result] = await preparedQuery<{ row: LessonProgressRow; others: LessonProgressRow[] }>(
    m,
    `WITH up AS (
       INSERT INTO lesson_progress AS lp (enrolment_id, lesson_id, status, time_spent_seconds, position, watched_ratio, watched_at, score_percent, passed, attended, completed_at, updated_at)
       VALUES ($1, $2, CASE WHEN ${COMPLETES(INSERT_RATIO, '$4::int')} THEN 'completed' ELSE 'in_progress' END, $4, $5, ${INSERT_RATIO},
               CASE WHEN $6::numeric IS NOT NULL OR $11::float8 IS NOT NULL THEN $15::timestamptz END, $7, $8, coalesce($9, false), CASE WHEN ${COMPLETES(INSERT_RATIO, '$4::int')} THEN now() END, now())
       ON CONFLICT (enrolment_id, lesson_id) DO UPDATE SET
         status = CASE WHEN lp.status = 'completed' OR ${COMPLETES(UPDATE_RATIO, 'lp.time_spent_seconds + EXCLUDED.time_spent_seconds')} THEN 'completed' ELSE 'in_progress' END,
         time_spent_seconds = lp.time_spent_seconds + EXCLUDED.time_spent_seconds,
         position = coalesce(EXCLUDED.position, lp.position),
         watched_ratio = ${UPDATE_RATIO},
         watched_at = CASE WHEN $6::numeric IS NOT NULL OR (lp.watched_at IS NULL AND $11::float8 IS NOT NULL) THEN $15::timestamptz ELSE lp.watched_at END,
         score_percent = coalesce(EXCLUDED.score_percent, lp.score_percent),
         passed = coalesce(EXCLUDED.passed, lp.passed),
         attended = lp.attended OR EXCLUDED.attended,
         completed_at = coalesce(lp.completed_at, CASE WHEN ${COMPLETES(UPDATE_RATIO, 'lp.time_spent_seconds + EXCLUDED.time_spent_seconds')} THEN now() END),
         updated_at = now()
       RETURNING ${PROGRESS_COLUMNS}
     ), touched AS (
       UPDATE enrolment SET last_activity_at = now(), last_progress_at = coalesce($15::timestamptz, last_progress_at) WHERE id = $1 AND $10
     )
     SELECT (SELECT row_to_json(up) FROM up) AS row,
            coalesce((SELECT json_agg(o) FROM (SELECT ${PROGRESS_COLUMNS} FROM lesson_progress WHERE enrolment_id = $1 AND lesson_id <> $2) o), '[]') AS others`,
    [
      enrolmentId,
      lessonId,
      c.complete === true,
      c.secondsSpent ?? 0,
      c.position === undefined ? null : JSON.stringify(c.position),
      c.watchedRatio ?? null,
      c.scorePercent ?? null,
      c.passed ?? null,
      c.attended ?? null,
      touch,
      c.videoRatePerSecond ?? null,
      c.minSeconds ?? 0,
      c.clock?.from ?? null,
      c.completeAtRatio ?? null,
      c.clock?.now ?? null,
    ],
  );
  return { row: result.row, rows: [...result.others, result.row] };
}

export async function setEnrolmentProgress(m: EntityManager, enrolmentId: string, percent: number): Promise<void> {
  await preparedQuery(
    m,
    `UPDATE enrolment SET progress_percent = $2, updated_at = now() WHERE id = $1 AND progress_percent IS DISTINCT FROM $2`,
    [enrolmentId, percent],
  );
}
