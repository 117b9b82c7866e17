import { displayName, formatInZone } from '@kompeten/shared-util';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ErrorCode, type AttemptReview, type ReviewPolicy } from '@kompeten/shared-contracts';
import { conflict, forbidden, notFound } from '@kompeten/server-core';
import { userTimeZone } from '@kompeten/server-identity';
import type { AccessScope } from '@kompeten/server-organisation';
import { findGraderCourse } from '../course-access';
import { QuizAttemptEntity } from '../entities/quiz-attempt.entity';
import { learnerOf } from '../grading/grading-store';
import { toAttemptSummary } from '../mappers';
import { AttemptGrader } from './attempt-grader';
import { AttemptService, presentQuestion } from './attempt.service';
import { databaseNow, reviewAnswers } from './review-store';

const ATTEMPT_NOT_FOUND = 'Percobaan kuis tidak ditemukan';

/** May a learner review a closed attempt now, and with the correct answers? */
export function reviewAllowance(
  policy: ReviewPolicy,
  closesAt: string | null,
  now: Date,
): { allowed: boolean; showsAnswers: boolean } {
  const afterClose = policy === 'after_close' || policy === 'after_close_with_answers';
  const closed = !!closesAt && now >= new Date(closesAt);
  return { allowed: policy !== 'never' && (!afterClose || closed), showsAnswers: policy.endsWith('_with_answers') };
}

/** Reviews of closed attempts: learners as the policy allows; the course's authors and admins always. */
@Injectable()
export class ReviewService {
  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(AttemptGrader) private readonly grader: AttemptGrader,
    @Inject(AttemptService) private readonly attempts: AttemptService,
  ) {}

  async review(scope: AccessScope, attemptId: string): Promise<AttemptReview> {
    const found = await this.db.getRepository(QuizAttemptEntity).findOneBy({ id: attemptId });
    if (!found) throw notFound(ErrorCode.ASSESSMENT_ATTEMPT_NOT_FOUND, ATTEMPT_NOT_FOUND);
    const own = !!scope.principal.employeeId && found.employeeId === scope.principal.employeeId;
    const grader = !own && (await findGraderCourse(this.db.manager, scope, found.quizId));
    if (!own && !grader) throw notFound(ErrorCode.ASSESSMENT_ATTEMPT_NOT_FOUND, ATTEMPT_NOT_FOUND);
    const attempt = await this.attempts.closeIfExpired(found);
    if (attempt.status === 'open')
      throw conflict(
        ErrorCode.ASSESSMENT_ATTEMPT_OPEN,
        'Percobaan masih dikerjakan; ulasan tersedia setelah dikumpulkan',
      );
    const quiz = await this.grader.quizOf(this.db.manager, attempt);
    let showsAnswers = true;
    if (own) {
      const now = await databaseNow(this.db);
      const allowance = reviewAllowance(quiz.settings.reviewPolicy, quiz.settings.closesAt, now);
      if (!allowance.allowed) {
        const closesAt = quiz.settings.closesAt;
        if (quiz.settings.reviewPolicy === 'never' || !closesAt)
          throw forbidden(ErrorCode.ASSESSMENT_REVIEW_NOT_ALLOWED, 'Kuis ini tidak menyediakan ulasan');
        const timeZone = await userTimeZone(this.db, scope.principal.userId);
        throw forbidden(
          ErrorCode.ASSESSMENT_REVIEW_NOT_ALLOWED,
          `Ulasan tersedia setelah kuis ditutup ${formatInZone(closesAt, timeZone)}.`,
        );
      }
      showsAnswers = allowance.showsAnswers;
    }
    return this.reviewOf(this.db.manager, attempt, showsAnswers);
  }

  /** An attempt with its questions as drawn, the answers and scores; keys and feedback when `showsAnswers`. */
  async reviewOf(m: EntityManager, attempt: QuizAttemptEntity, showsAnswers: boolean): Promise<AttemptReview> {
    const quiz = await this.grader.quizOf(m, attempt);
    const rows = await reviewAnswers(m, attempt.id);
    const answers = new Map(rows.map((r) => [r.question_id, r]));
    const learner = await learnerOf(m, attempt.employeeId);
    return {
      ...toAttemptSummary(attempt),
      quizTitle: quiz.title,
      employeeId: attempt.employeeId,
      learner: learner
        ? { name: displayName(learner.full_name, learner.front_title, learner.back_title), nip: learner.nip }
        : null,
      showsAnswers,
      questions: attempt.draw.flatMap((d) => {
        const q = quiz.questionById.get(d.questionId);
        if (!q) return [];
        const a = answers.get(q.id);
        return [
          {
            ...presentQuestion(q, d.optionOrder),
            response: a?.response ?? null,
            score: a?.score === null || a?.score === undefined ? null : Number(a.score),
            feedback: a?.feedback ?? null,
            ...(showsAnswers
              ? {
                  answerKey: (q.key ?? null) as AttemptReview['questions'][number]['answerKey'],
                  questionFeedback: q.feedback ?? null,
                }
              : {}),
          },
        ];
      }),
    };
  }
}
