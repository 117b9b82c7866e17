import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ErrorCode, type AnswerResponse, type QuizSettings } from '@kompeten/shared-contracts';
import { notFound } from '@kompeten/server-core';
import { PublishedVersions, type PreparedQuiz } from '@kompeten/server-learning';
import type { QuizAttemptEntity } from '../entities/quiz-attempt.entity';
import { isPassed, percentOf, quizGrade, round2, scoreQuestion } from '../grading';
import { attemptFromRow } from './attempt-row';
import {
  answersAndOtherGrades,
  gradedPercents,
  lockAttemptRow,
  markGraded,
  readAttemptRow,
  scoreTotal,
  writeScoresAndClose,
} from './attempt-store';
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

  async quizOf(
    m: EntityManager,
    attempt: Pick<QuizAttemptEntity, 'courseVersionId' | 'quizId'>,
  ): Promise<PreparedQuiz> {
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
    const { answers, graded } = await answersAndOtherGrades(m, attempt);
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
    const row = await writeScoresAndClose(m, {
      attemptId: attempt.id,
      scored,
      expired: reason === 'expired',
      pending,
      score,
      percent,
      passed,
    });
    const closed = attemptFromRow(row);
    if (!pending) {
      // This attempt is the enrolment's latest at this quiz (only the latest can be open), so it comes last.
      const grade = quizGrade(quiz.settings.gradingMethod, [...graded.map(Number), percent]);
      if (grade !== null)
        await this.enrolments.recordQuizOutcome(m, closed.enrolmentId, closed.lessonId, {
          gradePercent: grade,
          passed: isPassed(grade, quiz.settings.passPercent),
        });
    }
    return {
      attempt: closed,
      answers: answers
        .filter((a) => a.response !== null)
        .map((a) => ({ questionId: a.questionId, response: a.response, savedAt: new Date(a.savedAt).toISOString() })),
      now: new Date(row.now),
    };
  }

  /** Every answer has a score (a grader finished the essays): totals the attempt, marks it graded and records the learner's quiz grade. */
  async finalise(m: EntityManager, attemptId: string, settings: QuizSettings): Promise<QuizAttemptEntity> {
    const total = await scoreTotal(m, attemptId);
    const attempt = await this.reload(m, attemptId);
    const score = round2(total);
    const percent = percentOf(score, attempt.maxScore);
    await markGraded(m, attemptId, { score, percent, passed: isPassed(percent, settings.passPercent) });
    const grade = await this.gradeOf(m, attempt.enrolmentId, attempt.quizId, settings);
    if (grade !== null)
      await this.enrolments.recordQuizOutcome(m, attempt.enrolmentId, attempt.lessonId, {
        gradePercent: grade,
        passed: isPassed(grade, settings.passPercent),
      });
    return this.reload(m, attemptId);
  }

  /** The learner's quiz grade: highest, last or average percent of their graded attempts. */
  async gradeOf(
    m: EntityManager,
    enrolmentId: string,
    quizId: string,
    settings: Pick<QuizSettings, 'gradingMethod'>,
  ): Promise<number | null> {
    return quizGrade(settings.gradingMethod, await gradedPercents(m, enrolmentId, quizId));
  }

  /** Locks an attempt row for this transaction and reads the database clock with it. */
  async lock(m: EntityManager, attemptId: string): Promise<LockedAttempt | null> {
    const row = await lockAttemptRow(m, attemptId);
    return row ? { ...attemptFromRow(row), expired: row.expired, now: new Date(row.now) } : null;
  }

  private async reload(m: EntityManager, id: string): Promise<QuizAttemptEntity> {
    const row = await readAttemptRow(m, id);
    if (!row) throw notFound(ErrorCode.ASSESSMENT_ATTEMPT_NOT_FOUND, 'Percobaan kuis tidak ditemukan');
    return attemptFromRow(row);
  }
}
