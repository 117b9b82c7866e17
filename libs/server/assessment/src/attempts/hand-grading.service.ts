import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ErrorCode, type AttemptReview, type GradingItem, type Page } from '@kompeten/shared-contracts';
import { conflict, invalid, notFound, recordAudit, toPage, type PageQueryDto } from '@kompeten/server-core';
import type { AccessScope } from '@kompeten/server-organisation';
import { displayName } from '@kompeten/shared-util';
import { findGraderCourse, requireAuthorableCourse } from '../course-access';
import type { GradeAnswerDto } from '../dto/attempt.dto';
import { AttemptGrader } from './attempt-grader';
import {
  answerGrade,
  answerRowCount,
  gradingQueuePage,
  ungradedAnswerCount,
  writeAnswerGrade,
} from './hand-grading-store';
import { ReviewService } from './review.service';

const ATTEMPT_NOT_FOUND = 'Percobaan kuis tidak ditemukan';

/** Essays graded by hand: the course's queue of attempts waiting for a grader, and grading one answer. Authors and admins of the course. */
@Injectable()
export class HandGradingService {
  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(AttemptGrader) private readonly grader: AttemptGrader,
    @Inject(ReviewService) private readonly reviews: ReviewService,
  ) {}

  /** Attempts of a course's quizzes waiting for essays to be graded, oldest submission first. */
  async gradingQueue(scope: AccessScope, courseId: string, q: PageQueryDto): Promise<Page<GradingItem>> {
    await requireAuthorableCourse(this.db.manager, scope, courseId);
    const { total, rows } = await gradingQueuePage(this.db, courseId, {
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    // The learner's name with titles, as everywhere a name is shown.
    return toPage(
      rows.map(({ frontTitle, backTitle, ...r }) => ({
        ...r,
        employeeName: displayName(r.employeeName, frontTitle, backTitle),
        submittedAt: r.submittedAt ? new Date(r.submittedAt).toISOString() : null,
      })),
      total,
      q,
    );
  }

  /** Grades (or regrades) one essay; when no essay of the attempt is left ungraded, the attempt is graded and its outcome recorded. */
  async gradeAnswer(
    scope: AccessScope,
    attemptId: string,
    questionId: string,
    dto: GradeAnswerDto,
  ): Promise<AttemptReview> {
    return this.db.transaction(async (m) => {
      const attempt = await this.grader.lock(m, attemptId);
      const course = attempt ? await findGraderCourse(m, scope, attempt.quizId) : null;
      if (!attempt || !course) throw notFound(ErrorCode.ASSESSMENT_ATTEMPT_NOT_FOUND, ATTEMPT_NOT_FOUND);
      if (attempt.status === 'open')
        throw conflict(ErrorCode.ASSESSMENT_ATTEMPT_OPEN, 'Percobaan masih dikerjakan; nilai setelah dikumpulkan');
      const quiz = await this.grader.quizOf(m, attempt);
      const question = attempt.draw.some((d) => d.questionId === questionId)
        ? quiz.questionById.get(questionId)
        : undefined;
      if (!question) throw notFound(ErrorCode.ASSESSMENT_QUESTION_NOT_FOUND, 'Soal tidak termasuk dalam percobaan ini');
      if (question.kind !== 'essay')
        throw conflict(
          ErrorCode.ASSESSMENT_NOT_GRADABLE,
          `Soal ${question.kind} dinilai otomatis; hanya essay yang dinilai manual`,
        );
      if (dto.score > question.points)
        throw invalid(ErrorCode.ASSESSMENT_INVALID_SCORE, `score maksimal ${question.points} (bobot soal)`);
      const before = await answerGrade(m, attemptId, questionId);
      await writeAnswerGrade(m, {
        attemptId,
        questionId,
        score: dto.score,
        feedback: dto.feedback ?? null,
        gradedBy: scope.principal.userId,
      });
      const pending = await ungradedAnswerCount(m, attemptId);
      const missing = attempt.draw.length - (await answerRowCount(m, attemptId));
      const after = pending === 0 && missing === 0 ? await this.grader.finalise(m, attemptId, quiz.settings) : attempt;
      await recordAudit(
        m,
        { userId: scope.principal.userId, correlationId: scope.principal.correlationId },
        {
          action: 'quiz_answer.grade',
          entityType: 'quiz_attempt',
          entityId: attemptId,
          agencyId: course.agencyId,
          before: { questionId, score: before?.score ?? null, feedback: before?.feedback ?? null },
          after: { questionId, score: dto.score, feedback: dto.feedback ?? null, attemptStatus: after.status },
        },
      );
      return this.reviews.reviewOf(m, after, true);
    });
  }
}
