import type { DataSource, EntityManager } from 'typeorm';
import type { AnswerResponse, AttemptStatus } from '@kompeten/shared-contracts';
import { preparedQuery } from '@kompeten/server-core';
import type { AttemptDraw } from '../entities/quiz-attempt.entity';
import type { AttemptRow } from './attempt-row';

/**
 * Hand-written SQL for quiz attempts. Start, autosave and submit are hot paths (decision 0009): each decision is one
 * statement, sent as a named prepared statement, and no transaction is held across round trips where one statement
 * decides. The enrolment's state comes from enrolment's published view `enrolment_state` (decision 0016). The worker's
 * sweep of expired attempts (ExpiredAttempts) and the grader's closing statements are here too.
 */

/** The columns of quiz_attempt that make an AttemptRow (attempt-row.ts maps it to the entity). */
const ATTEMPT_COLUMNS = `id, quiz_id, course_version_id, enrolment_id, lesson_id, employee_id, attempt_no, status, started_at, deadline_at,
  submitted_at, draw, score, max_score, percent, passed, graded_at`;

export interface StartRow {
  created: AttemptRow | null;
  used: number;
  open_id: string | null;
  open_expired: boolean | null;
  active: boolean;
  now: Date;
}

/**
 * Checks (open attempt, attempt limit, window, active enrolment), numbering, draw and server-side deadline in one
 * INSERT … SELECT … ON CONFLICT DO NOTHING; answers the new attempt, or why there is none.
 */
export async function startAttempt(
  db: DataSource,
  a: {
    quizId: string;
    versionId: string;
    enrolmentId: string;
    lessonId: string;
    employeeId: string;
    draw: AttemptDraw;
    maxScore: number;
    timeLimitSeconds: number | null;
    closesAt: string | null;
    maxAttempts: number | null;
    opensAt: string | null;
  },
): Promise<StartRow> {
  const [r] = await preparedQuery<StartRow>(
    db,
    `WITH prior AS (
           SELECT count(*)::int AS used, coalesce(max(attempt_no), 0)::int AS last,
                  (array_agg(id) FILTER (WHERE status = 'open'))[1] AS open_id,
                  bool_or(status = 'open' AND deadline_at IS NOT NULL AND deadline_at <= now()) AS open_expired
             FROM quiz_attempt WHERE enrolment_id = $3 AND quiz_id = $1
         ), state AS (
           SELECT prior.*, EXISTS (SELECT 1 FROM enrolment_state WHERE id = $3 AND status = 'active') AS active FROM prior
         ), ins AS (
           INSERT INTO quiz_attempt (quiz_id, course_version_id, enrolment_id, lesson_id, employee_id, attempt_no, draw, max_score, deadline_at)
           SELECT $1, $2, $3, $4, $5, state.last + 1, $6, $7,
                  nullif(LEAST(coalesce(now() + make_interval(secs => $8::int), 'infinity'), coalesce($9::timestamptz, 'infinity')), 'infinity')
             FROM state
            WHERE state.active AND state.open_id IS NULL AND ($10::int IS NULL OR state.used < $10)
              AND ($11::timestamptz IS NULL OR now() >= $11) AND ($9::timestamptz IS NULL OR now() < $9)
           ON CONFLICT DO NOTHING
           RETURNING ${ATTEMPT_COLUMNS}
         )
         SELECT (SELECT row_to_json(ins) FROM ins) AS created, state.used, state.open_id, state.open_expired, state.active, now() AS now FROM state`,
    [
      a.quizId,
      a.versionId,
      a.enrolmentId,
      a.lessonId,
      a.employeeId,
      JSON.stringify(a.draw),
      a.maxScore,
      a.timeLimitSeconds,
      a.closesAt,
      a.maxAttempts,
      a.opensAt,
    ],
  );
  return r;
}

export interface SavedAnswerRow {
  questionId: string;
  response: AnswerResponse;
  savedAt: string;
}

/** The attempt, whether its deadline passed (database clock), the clock, and its saved answers in the order saved: one statement. */
export async function readAttemptForView(
  db: DataSource,
  attemptId: string,
): Promise<(AttemptRow & { expired: boolean; now: Date; answers: SavedAnswerRow[] }) | undefined> {
  const [row] = await preparedQuery<AttemptRow & { expired: boolean; now: Date; answers: SavedAnswerRow[] }>(
    db,
    `SELECT ${ATTEMPT_COLUMNS}, (status = 'open' AND deadline_at IS NOT NULL AND deadline_at <= now()) AS expired, now() AS now,
              coalesce((SELECT json_agg(json_build_object('questionId', question_id, 'response', response, 'savedAt', saved_at) ORDER BY saved_at)
                          FROM quiz_answer WHERE attempt_id = $1 AND response IS NOT NULL), '[]') AS answers
         FROM quiz_attempt WHERE id = $1`,
    [attemptId],
  );
  return row;
}

/** Autosave: one upsert that re-checks status and deadline under a row lock shared with submit; answers the rows written (none when closed). */
export async function upsertAnswers(
  db: DataSource,
  attemptId: string,
  items: Array<{ question_id: string; response: AnswerResponse }>,
): Promise<Array<{ saved_at: Date }>> {
  return preparedQuery<{ saved_at: Date }>(
    db,
    `INSERT INTO quiz_answer (attempt_id, question_id, response, saved_at)
       SELECT a.id, x.question_id, x.response, now()
         FROM (SELECT id FROM quiz_attempt WHERE id = $1 AND status = 'open' AND (deadline_at IS NULL OR deadline_at > now()) FOR SHARE) a
        CROSS JOIN jsonb_to_recordset($2::jsonb) AS x(question_id uuid, response jsonb)
       ON CONFLICT (attempt_id, question_id) DO UPDATE SET response = EXCLUDED.response, saved_at = EXCLUDED.saved_at
       RETURNING saved_at`,
    [attemptId, JSON.stringify(items)],
  );
}

/** An attempt's status alone (undefined for an unknown id): why an autosave wrote nothing. */
export async function attemptStatus(db: DataSource, attemptId: string): Promise<AttemptStatus | undefined> {
  const [row] = await preparedQuery<{ status: AttemptStatus }>(db, `SELECT status FROM quiz_attempt WHERE id = $1`, [
    attemptId,
  ]);
  return row?.status;
}

/** What never changes about an attempt (whose, which quiz and version, the draw) and its status. */
export async function attemptMeta(
  db: DataSource,
  attemptId: string,
): Promise<
  | { employee_id: string; quiz_id: string; course_version_id: string; draw: AttemptDraw; status: AttemptStatus }
  | undefined
> {
  const [row] = await preparedQuery<{
    employee_id: string;
    quiz_id: string;
    course_version_id: string;
    draw: AttemptDraw;
    status: AttemptStatus;
  }>(db, `SELECT employee_id, quiz_id, course_version_id, draw, status FROM quiz_attempt WHERE id = $1`, [attemptId]);
  return row;
}

/** Locks an attempt row for the caller's transaction and reads the database clock with it. */
export async function lockAttemptRow(
  m: EntityManager,
  attemptId: string,
): Promise<(AttemptRow & { expired: boolean; now: Date }) | undefined> {
  const [row] = await preparedQuery<AttemptRow & { expired: boolean; now: Date }>(
    m,
    `SELECT ${ATTEMPT_COLUMNS}, (status = 'open' AND deadline_at IS NOT NULL AND deadline_at <= now()) AS expired, now() AS now
         FROM quiz_attempt WHERE id = $1 FOR UPDATE`,
    [attemptId],
  );
  return row;
}

/** For closing (after the caller's lock): every saved answer, and the percents of the learner's other graded attempts at the quiz. */
export async function answersAndOtherGrades(
  m: EntityManager,
  attempt: { id: string; enrolmentId: string; quizId: string },
): Promise<{ answers: SavedAnswerRow[]; graded: number[] }> {
  const [row] = await preparedQuery<{ answers: SavedAnswerRow[]; graded: number[] }>(
    m,
    `SELECT coalesce((SELECT json_agg(json_build_object('questionId', question_id, 'response', response, 'savedAt', saved_at) ORDER BY saved_at)
                          FROM quiz_answer WHERE attempt_id = $1), '[]') AS answers,
              coalesce((SELECT json_agg(percent ORDER BY attempt_no) FROM quiz_attempt
                         WHERE enrolment_id = $2 AND quiz_id = $3 AND status = 'graded' AND id <> $1), '[]') AS graded`,
    [attempt.id, attempt.enrolmentId, attempt.quizId],
  );
  return row;
}

/**
 * One statement: every drawn question gets its row and score (unanswered ones response null, so the review shows them
 * scored), and the attempt is closed with its result (needs_grading while an essay waits).
 */
export async function writeScoresAndClose(
  m: EntityManager,
  c: {
    attemptId: string;
    scored: Array<{ question_id: string; score: number | null }>;
    expired: boolean;
    pending: boolean;
    score: number;
    percent: number;
    passed: boolean;
  },
): Promise<AttemptRow & { now: Date }> {
  const [row] = await preparedQuery<AttemptRow & { now: Date }>(
    m,
    `WITH scores AS (
         INSERT INTO quiz_answer (attempt_id, question_id, response, score)
         SELECT $1, x.question_id, NULL, x.score FROM jsonb_to_recordset($2::jsonb) AS x(question_id uuid, score numeric)
         ON CONFLICT (attempt_id, question_id) DO UPDATE SET score = EXCLUDED.score
       )
       UPDATE quiz_attempt SET
         submitted_at = CASE WHEN $3 AND deadline_at IS NOT NULL THEN deadline_at ELSE now() END,
         status = CASE WHEN $4 THEN 'needs_grading' ELSE 'graded' END,
         score = CASE WHEN $4 THEN NULL ELSE $5::numeric END,
         percent = CASE WHEN $4 THEN NULL ELSE $6::numeric END,
         passed = CASE WHEN $4 THEN NULL ELSE $7::boolean END,
         graded_at = CASE WHEN $4 THEN NULL ELSE now() END
       WHERE id = $1
       RETURNING ${ATTEMPT_COLUMNS}, now() AS now`,
    [c.attemptId, JSON.stringify(c.scored), c.expired, c.pending, c.score, c.percent, c.passed],
  );
  return row;
}

/** The sum of an attempt's answer scores (a grader finished the essays). */
export async function scoreTotal(m: EntityManager, attemptId: string): Promise<number> {
  const [{ total }]: Array<{ total: string | number }> = await m.query(
    `SELECT coalesce(sum(score), 0) AS total FROM quiz_answer WHERE attempt_id = $1`,
    [attemptId],
  );
  return Number(total);
}

/** Marks an attempt graded with its result; the submission time stays if it had one. */
export async function markGraded(
  m: EntityManager,
  attemptId: string,
  r: { score: number; percent: number; passed: boolean },
): Promise<void> {
  await m.query(
    `UPDATE quiz_attempt SET status = 'graded', score = $2, percent = $3, passed = $4, graded_at = now(), submitted_at = coalesce(submitted_at, now()) WHERE id = $1`,
    [attemptId, r.score, r.percent, r.passed],
  );
}

/** Percents of the learner's graded attempts at a quiz, oldest first. */
export async function gradedPercents(m: EntityManager, enrolmentId: string, quizId: string): Promise<number[]> {
  const rows: Array<{ percent: string }> = await m.query(
    `SELECT percent FROM quiz_attempt WHERE enrolment_id = $1 AND quiz_id = $2 AND status = 'graded' ORDER BY attempt_no`,
    [enrolmentId, quizId],
  );
  return rows.map((r) => Number(r.percent));
}

/** The attempt as stored (undefined for an unknown id), in the caller's transaction. */
export async function readAttemptRow(m: EntityManager, attemptId: string): Promise<AttemptRow | undefined> {
  const [row]: AttemptRow[] = await m.query(`SELECT ${ATTEMPT_COLUMNS} FROM quiz_attempt WHERE id = $1`, [attemptId]);
  return row;
}

/**
 * The sweep's next batch: open attempts past their deadline, oldest deadline first, leaving out those this sweep
 * already skipped or failed on (so a stuck attempt cannot hold the loop). Read outside any transaction: each attempt is
 * then claimed with `claimExpiredAttempt`.
 */
export async function dueExpiredAttempts(db: DataSource, skip: readonly string[], limit: number): Promise<string[]> {
  const due: Array<{ id: string }> = await db.query(
    `SELECT id FROM quiz_attempt WHERE status = 'open' AND deadline_at <= now() AND NOT (id = ANY($1::uuid[])) ORDER BY deadline_at LIMIT ${limit}`,
    [[...skip]],
  );
  return due.map((r) => r.id);
}

/**
 * Claims one expired attempt for the caller's transaction: FOR UPDATE SKIP LOCKED, so an attempt being submitted or
 * closed elsewhere right now is left to that caller (false) instead of waiting for it; re-checks it is still open and
 * past its deadline.
 */
export async function claimExpiredAttempt(m: EntityManager, attemptId: string): Promise<boolean> {
  const [row]: Array<{ id: string }> = await m.query(
    `SELECT id FROM quiz_attempt WHERE id = $1 AND status = 'open' AND deadline_at <= now() FOR UPDATE SKIP LOCKED`,
    [attemptId],
  );
  return !!row;
}

/** How many attempts the enrolment has made at a quiz, and whether one other than `attemptId` is open (result page). */
export async function attemptCounts(
  m: EntityManager | DataSource,
  attemptId: string,
  enrolmentId: string,
  quizId: string,
): Promise<{ used: number; other_open: boolean }> {
  const [row] = await preparedQuery<{ used: number; other_open: boolean }>(
    m,
    `SELECT count(*)::int AS used, coalesce(bool_or(status = 'open' AND id <> $3), false) AS other_open
       FROM quiz_attempt WHERE enrolment_id = $1 AND quiz_id = $2`,
    [enrolmentId, quizId, attemptId],
  );
  return row;
}
