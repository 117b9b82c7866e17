import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ErrorCode, type QuizSettings } from '@kompeten/shared-contracts';
import { notFound } from '@kompeten/server-core';
import { QuizAttemptEntity } from '../entities/quiz-attempt.entity';
import { isPassed, percentOf, quizGrade, round2, scoreQuestion } from '../grading';
import { LearnerEnrolments } from './learner-enrolments';
import { QuizSnapshotCache, type PreparedQuiz } from './snapshot-cache';

export type CloseReason = 'submitted' | 'expired';

const blank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/**
 * Closes and grades attempts. Every method runs inside the caller's transaction, with the attempt row locked
 * (SELECT … FOR UPDATE) by the caller, so a submit, the worker's sweep and a lazy close never grade one attempt twice.
 */
@Injectable()
export class AttemptGrader {
  constructor(
    @Inject(QuizSnapshotCache) private readonly snapshots: QuizSnapshotCache,
    @Inject(LearnerEnrolments) private readonly enrolments: LearnerEnrolments,
  ) {}

  async quizOf(m: EntityManager, attempt: Pick<QuizAttemptEntity, 'courseVersionId' | 'quizId'>): Promise<PreparedQuiz> {
    const quiz = (await this.snapshots.get(m, attempt.courseVersionId))?.quizzes.get(attempt.quizId);
    if (!quiz) throw notFound(ErrorCode.ASSESSMENT_QUIZ_NOT_FOUND, 'Kuis tidak ditemukan pada versi pelatihan ini');
    return quiz;
  }

  /**
   * Scores every drawn question (unanswered ones score 0; a blank essay scores 0; other essays wait for a grader),
   * then marks the attempt graded — recording the learner's quiz outcome — or needs_grading.
   */
  async close(m: EntityManager, attempt: QuizAttemptEntity, reason: CloseReason): Promise<QuizAttemptEntity> {
    const quiz = await this.quizOf(m, attempt);
    const saved: Array<{ question_id: string; response: unknown }> = await m.query(`SELECT question_id, response FROM quiz_answer WHERE attempt_id = $1`, [attempt.id]);
    const responses = new Map(saved.map((r) => [r.question_id, r.response]));
    const scored = attempt.draw.map(({ questionId }) => {
      const q = quiz.questionById.get(questionId);
      const response = responses.get(questionId) ?? null;
      const score = !q ? 0 : q.kind === 'essay' ? (blank(response) ? 0 : null) : scoreQuestion(q, response);
      return { question_id: questionId, score };
    });
    // One statement for every answer: unanswered questions get a row (response null) so the review shows them scored.
    await m.query(
      `INSERT INTO quiz_answer (attempt_id, question_id, response, score)
       SELECT $1, x.question_id, NULL, x.score FROM jsonb_to_recordset($2::jsonb) AS x(question_id uuid, score numeric)
       ON CONFLICT (attempt_id, question_id) DO UPDATE SET score = EXCLUDED.score`,
      [attempt.id, JSON.stringify(scored)],
    );
    const submittedAt = reason === 'expired' && attempt.deadlineAt ? 'deadline_at' : 'now()';
    await m.query(`UPDATE quiz_attempt SET submitted_at = ${submittedAt} WHERE id = $1`, [attempt.id]);
    if (scored.some((s) => s.score === null)) {
      await m.query(`UPDATE quiz_attempt SET status = 'needs_grading' WHERE id = $1`, [attempt.id]);
      return this.reload(m, attempt.id);
    }
    return this.finalise(m, attempt.id, quiz.settings);
  }

  /** Every answer has a score: totals the attempt, marks it graded and records the learner's quiz grade on the enrolment. */
  async finalise(m: EntityManager, attemptId: string, settings: QuizSettings): Promise<QuizAttemptEntity> {
    const [{ total }] = await m.query(`SELECT coalesce(sum(score), 0) AS total FROM quiz_answer WHERE attempt_id = $1`, [attemptId]);
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

  /** Locks an attempt row for this transaction. */
  lock(m: EntityManager, attemptId: string): Promise<QuizAttemptEntity | null> {
    return m.getRepository(QuizAttemptEntity).findOne({ where: { id: attemptId }, lock: { mode: 'pessimistic_write' } });
  }

  /** Whether an open attempt's deadline has passed, by the database clock. */
  async isExpired(m: EntityManager, attempt: QuizAttemptEntity): Promise<boolean> {
    if (attempt.status !== 'open' || !attempt.deadlineAt) return false;
    const [{ expired }] = await m.query(`SELECT $1::timestamptz <= now() AS expired`, [attempt.deadlineAt]);
    return expired;
  }

  private reload(m: EntityManager, id: string): Promise<QuizAttemptEntity> {
    return m.getRepository(QuizAttemptEntity).findOneByOrFail({ id });
  }
}
