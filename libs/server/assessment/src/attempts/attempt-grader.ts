import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ErrorCode, type AnswerResponse, type QuizSettings } from '@kompeten/shared-contracts';
import { notFound, preparedQuery } from '@kompeten/server-core';
import { PublishedVersions, type PreparedQuiz } from '@kompeten/server-learning';
import type { QuizAttemptEntity } from '../entities/quiz-attempt.entity';
import { isPassed, percentOf, quizGrade, round2, scoreQuestion } from '../grading';
import { ATTEMPT_COLUMNS, attemptFromRow, type AttemptRow } from './attempt-row';
import { LearnerEnrolments } from './learner-enrolments';


export type CloseReason = 'submitted' | 'expired';

/** An attempt row locked for the caller's transaction, with the database clock read in the same statement. */
export interface LockedAttempt extends QuizAttemptEntity {
  /** Open, with a deadline at or before the database's now(). */
  expired: boolean;
  now: Date;
}

export interface SavedAnswer {
  questionId: string;
  response: AnswerResponse;
  savedAt: string;
}

/** A closed attempt with what its learner sees of it, so the caller answers without reading it again. */
export interface ClosedAttempt {
  attempt: QuizAttemptEntity;
  /** Saved (non-empty) responses in the order they were saved. */
  answers: SavedAnswer[];
  now: Date;
}

const blank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/**
 * Closes and grades attempts. Every method runs inside the caller's transaction, with the attempt row locked
 * (`lock`, SELECT … FOR UPDATE) by the caller, so a submit, the worker's sweep and a lazy close never grade one
 * attempt twice. Closing is three statements — read the answers, write every score and the attempt's result in one
 * statement, record the outcome on the enrolment — whatever the number of questions (docs/performance.md).
 */
@Injectable()
export class AttemptGrader {
  constructor(
    @Inject(PublishedVersions) private readonly versions: PublishedVersions,
    @Inject(LearnerEnrolments) private readonly enrolments: LearnerEnrolments,
  ) {}

  async quizOf(m: EntityManager, attempt: Pick<QuizAttemptEntity, 'courseVersionId' | 'quizId'>): Promise<PreparedQuiz> {
    const quiz = (await this.versions.find(m, attempt.courseVersionId))?.quizzes.get(attempt.quizId);
    if (!quiz) throw notFound(ErrorCode.ASSESSMENT_QUIZ_NOT_FOUND, 'Kuis tidak ditemukan pada versi pelatihan ini');
    return quiz;
  }

  /**
   * Scores every drawn question (unanswered ones score 0; a blank essay scores 0; other essays wait for a grader),
   * then marks the attempt graded — recording the learner's quiz outcome — or needs_grading.
   */
  async close(m: EntityManager, attempt: QuizAttemptEntity, reason: CloseReason): Promise<ClosedAttempt> {
    const quiz = await this.quizOf(m, attempt);
    // Read after the caller's lock (a new snapshot in READ COMMITTED), so every save acknowledged before it is seen.
    const [{ answers, graded }]: Array<{ answers: Array<{ questionId: string; response: AnswerResponse; savedAt: string }>; graded: number[] }> = await preparedQuery(
      m,
      `SELECT coalesce((SELECT json_agg(json_build_object('questionId', question_id, 'response', response, 'savedAt', saved_at) ORDER BY saved_at)
                          FROM quiz_answer WHERE attempt_id = $1), '[]') AS answers,
              coalesce((SELECT json_agg(percent ORDER BY attempt_no) FROM quiz_attempt
                         WHERE enrolment_id = $2 AND quiz_id = $3 AND status = 'graded' AND id <> $1), '[]') AS graded`,
      [attempt.id, attempt.enrolmentId, attempt.quizId],
    );
    const responses = new Map(answers.map((a) => [a.questionId, a.response]));
    const scored = attempt.draw.map(({ questionId }) => {
      const q = quiz.questionById.get(questionId);
      const response = responses.get(questionId) ?? null;
      const score = !q ? 0 : q.kind === 'essay' ? (blank(response) ? 0 : null) : scoreQuestion(q, response);
      return { question_id: questionId, score };
    });
    const pending = scored.some((s) => s.score === null);
    const score = round2(scored.reduce((sum, s) => sum + (s.score ?? 0), 0));
    const percent = percentOf(score, attempt.maxScore);
    const passed = isPassed(percent, quiz.settings.passPercent);
    // One statement: every drawn question gets its row and score (unanswered ones response null, so the review shows
    // them scored), and the attempt is closed with its result.
    const [row]: Array<AttemptRow & { now: Date }> = await preparedQuery(
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
      [attempt.id, JSON.stringify(scored), reason === 'expired', pending, score, percent, passed],
    );
    const closed = attemptFromRow(row);
    if (!pending) {
      // This attempt is the enrolment's latest at this quiz (only the latest can be open), so it comes last.
      const grade = quizGrade(quiz.settings.gradingMethod, [...graded.map(Number), percent]);
      if (grade !== null) await this.enrolments.recordQuizOutcome(m, closed.enrolmentId, closed.lessonId, { gradePercent: grade, passed: isPassed(grade, quiz.settings.passPercent) });
    }
    return {
      attempt: closed,
      answers: answers.filter((a) => a.response !== null).map((a) => ({ questionId: a.questionId, response: a.response, savedAt: new Date(a.savedAt).toISOString() })),
      now: new Date(row.now),
    };
  }

  /** Every answer has a score (a grader finished the essays): totals the attempt, marks it graded and records the learner's quiz grade. */
  async finalise(m: EntityManager, attemptId: string, settings: QuizSettings): Promise<QuizAttemptEntity> {
    const [{ total }]: Array<{ total: string | number }> = await m.query(`SELECT coalesce(sum(score), 0) AS total FROM quiz_answer WHERE attempt_id = $1`, [attemptId]);
    const attempt = await this.reload(m, attemptId);
    const score = round2(Number(total));
    const percent = percentOf(score, attempt.maxScore);
    await m.query(
      `UPDATE quiz_attempt SET status = 'graded', score = $2, percent = $3, passed = $4, graded_at = now(), submitted_at = coalesce(submitted_at, now()) WHERE id = $1`,
      [attemptId, score, percent, isPassed(percent, settings.passPercent)],
    );
    const grade = await this.gradeOf(m, attempt.enrolmentId, attempt.quizId, settings);
    if (grade !== null) await this.enrolments.recordQuizOutcome(m, attempt.enrolmentId, attempt.lessonId, { gradePercent: grade, passed: isPassed(grade, settings.passPercent) });
    return this.reload(m, attemptId);
  }

  /** The learner's quiz grade: highest, last or average percent of their graded attempts. */
  async gradeOf(m: EntityManager, enrolmentId: string, quizId: string, settings: Pick<QuizSettings, 'gradingMethod'>): Promise<number | null> {
    const rows: Array<{ percent: string }> = await m.query(
      `SELECT percent FROM quiz_attempt WHERE enrolment_id = $1 AND quiz_id = $2 AND status = 'graded' ORDER BY attempt_no`,
      [enrolmentId, quizId],
    );
    return quizGrade(settings.gradingMethod, rows.map((r) => Number(r.percent)));
  }

  /** Locks an attempt row for this transaction and reads the database clock with it. */
  async lock(m: EntityManager, attemptId: string): Promise<LockedAttempt | null> {
    const [row]: Array<AttemptRow & { expired: boolean; now: Date }> = await preparedQuery(
      m,
      `SELECT ${ATTEMPT_COLUMNS}, (status = 'open' AND deadline_at IS NOT NULL AND deadline_at <= now()) AS expired, now() AS now
         FROM quiz_attempt WHERE id = $1 FOR UPDATE`,
      [attemptId],
    );
    return row ? { ...attemptFromRow(row), expired: row.expired, now: new Date(row.now) } : null;
  }

  private async reload(m: EntityManager, id: string): Promise<QuizAttemptEntity> {
    const [row]: AttemptRow[] = await m.query(`SELECT ${ATTEMPT_COLUMNS} FROM quiz_attempt WHERE id = $1`, [id]);
    if (!row) throw notFound(ErrorCode.ASSESSMENT_ATTEMPT_NOT_FOUND, 'Percobaan kuis tidak ditemukan');
    return attemptFromRow(row);
  }
}
