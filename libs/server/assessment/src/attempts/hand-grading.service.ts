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
    const where = `FROM quiz_attempt a JOIN quiz z ON z.id = a.quiz_id WHERE z.course_id = $1 AND a.status = 'needs_grading'`;
    const [{ total }]: Array<{ total: number }> = await this.db.query(`SELECT count(*)::int AS total ${where}`, [
      courseId,
    ]);
    const rows: Array<GradingItem & { submittedAt: Date | null; frontTitle: string | null; backTitle: string | null }> =
      await this.db.query(
        `SELECT a.id AS "attemptId", a.quiz_id AS "quizId", z.title AS "quizTitle", a.employee_id AS "employeeId", e.full_name AS "employeeName", e.front_title AS "frontTitle", e.back_title AS "backTitle", e.nip,
              a.attempt_no AS "attemptNo", a.submitted_at AS "submittedAt",
              (SELECT count(*)::int FROM quiz_answer x WHERE x.attempt_id = a.id AND x.score IS NULL) AS "pendingQuestions"
         ${where.replace('WHERE', 'JOIN identity_employee e ON e.id = a.employee_id WHERE')}
        ORDER BY a.submitted_at, a.id LIMIT $2 OFFSET $3`,
        [courseId, q.pageSize, (q.page - 1) * q.pageSize],
      );
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
      const [before]: Array<{ score: string | null; feedback: string | null }> = await m.query(
        `SELECT score, feedback FROM quiz_answer WHERE attempt_id = $1 AND question_id = $2`,
        [attemptId, questionId],
      );
      await m.query(
        `INSERT INTO quiz_answer (attempt_id, question_id, response, score, feedback, graded_by) VALUES ($1, $2, NULL, $3, $4, $5)
         ON CONFLICT (attempt_id, question_id) DO UPDATE SET score = EXCLUDED.score, feedback = EXCLUDED.feedback, graded_by = EXCLUDED.graded_by`,
        [attemptId, questionId, dto.score, dto.feedback ?? null, scope.principal.userId],
      );
      const [{ pending }]: Array<{ pending: number }> = await m.query(
        `SELECT count(*)::int AS pending FROM quiz_answer WHERE attempt_id = $1 AND score IS NULL`,
        [attemptId],
      );
      const missing =
        attempt.draw.length -
        (
          await m.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM quiz_answer WHERE attempt_id = $1`, [
            attemptId,
          ])
        )[0].n;
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
