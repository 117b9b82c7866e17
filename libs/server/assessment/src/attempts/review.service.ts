import { displayName, formatInZone } from '@kompeten/shared-util';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ErrorCode, type AnswerResponse, type AttemptReview, type GradingItem, type Page, type ReviewPolicy } from '@kompeten/shared-contracts';
import { conflict, forbidden, invalid, notFound, recordAudit, toPage, type PageQueryDto } from '@kompeten/server-core';
import { userTimeZone } from '@kompeten/server-identity';
import type { AccessScope } from '@kompeten/server-organisation';
import { findAuthorableCourse, requireAuthorableCourse } from '../course-access';
import type { GradeAnswerDto } from '../dto/attempt.dto';
import { QuizAttemptEntity } from '../entities/quiz-attempt.entity';
import { toAttemptSummary } from '../mappers';
import { AttemptGrader } from './attempt-grader';
import { AttemptService, presentQuestion } from './attempt.service';

const ATTEMPT_NOT_FOUND = 'Percobaan kuis tidak ditemukan';

/** May a learner review a closed attempt now, and with the correct answers? */
export function reviewAllowance(policy: ReviewPolicy, closesAt: string | null, now: Date): { allowed: boolean; showsAnswers: boolean } {
  const afterClose = policy === 'after_close' || policy === 'after_close_with_answers';
  const closed = !!closesAt && now >= new Date(closesAt);
  return { allowed: policy !== 'never' && (!afterClose || closed), showsAnswers: policy.endsWith('_with_answers') };
}

/** Reviews of closed attempts (learners as the policy allows; authors and admins always), and grading essays by hand. */
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
    const grader = !own && (await this.graderCourse(this.db.manager, scope, found.quizId));
    if (!own && !grader) throw notFound(ErrorCode.ASSESSMENT_ATTEMPT_NOT_FOUND, ATTEMPT_NOT_FOUND);
    const attempt = await this.attempts.closeIfExpired(found);
    if (attempt.status === 'open') throw conflict(ErrorCode.ASSESSMENT_ATTEMPT_OPEN, 'Percobaan masih dikerjakan; ulasan tersedia setelah dikumpulkan');
    const quiz = await this.grader.quizOf(this.db.manager, attempt);
    let showsAnswers = true;
    if (own) {
      const [{ now }] = await this.db.query(`SELECT now() AS now`);
      const allowance = reviewAllowance(quiz.settings.reviewPolicy, quiz.settings.closesAt, new Date(now));
      if (!allowance.allowed) {
        const closesAt = quiz.settings.closesAt;
        if (quiz.settings.reviewPolicy === 'never' || !closesAt) throw forbidden(ErrorCode.ASSESSMENT_REVIEW_NOT_ALLOWED, 'Kuis ini tidak menyediakan ulasan');
        const timeZone = await userTimeZone(this.db, scope.principal.userId);
        throw forbidden(ErrorCode.ASSESSMENT_REVIEW_NOT_ALLOWED, `Ulasan tersedia setelah kuis ditutup ${formatInZone(closesAt, timeZone)}.`);
      }
      showsAnswers = allowance.showsAnswers;
    }
    return this.reviewOf(this.db.manager, attempt, showsAnswers);
  }

  /** Attempts of a course's quizzes waiting for essays to be graded, oldest submission first. */
  async gradingQueue(scope: AccessScope, courseId: string, q: PageQueryDto): Promise<Page<GradingItem>> {
    await requireAuthorableCourse(this.db.manager, scope, courseId);
    const where = `FROM quiz_attempt a JOIN quiz z ON z.id = a.quiz_id WHERE z.course_id = $1 AND a.status = 'needs_grading'`;
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total ${where}`, [courseId]);
    const rows: Array<GradingItem & { submittedAt: Date | null; frontTitle: string | null; backTitle: string | null }> = await this.db.query(
      `SELECT a.id AS "attemptId", a.quiz_id AS "quizId", z.title AS "quizTitle", a.employee_id AS "employeeId", e.full_name AS "employeeName", e.front_title AS "frontTitle", e.back_title AS "backTitle", e.nip,
              a.attempt_no AS "attemptNo", a.submitted_at AS "submittedAt",
              (SELECT count(*)::int FROM quiz_answer x WHERE x.attempt_id = a.id AND x.score IS NULL) AS "pendingQuestions"
         ${where.replace('WHERE', 'JOIN employee e ON e.id = a.employee_id WHERE')}
        ORDER BY a.submitted_at, a.id LIMIT $2 OFFSET $3`,
      [courseId, q.pageSize, (q.page - 1) * q.pageSize],
    );
    // The learner's name with titles, as everywhere a name is shown.
    return toPage(
      rows.map(({ frontTitle, backTitle, ...r }) => ({ ...r, employeeName: displayName(r.employeeName, frontTitle, backTitle), submittedAt: r.submittedAt ? new Date(r.submittedAt).toISOString() : null })),
      total,
      q,
    );
  }

  /** Grades (or regrades) one essay; when no essay of the attempt is left ungraded, the attempt is graded and its outcome recorded. */
  async gradeAnswer(scope: AccessScope, attemptId: string, questionId: string, dto: GradeAnswerDto): Promise<AttemptReview> {
    return this.db.transaction(async (m) => {
      const attempt = await this.grader.lock(m, attemptId);
      const course = attempt ? await this.graderCourse(m, scope, attempt.quizId) : null;
      if (!attempt || !course) throw notFound(ErrorCode.ASSESSMENT_ATTEMPT_NOT_FOUND, ATTEMPT_NOT_FOUND);
      if (attempt.status === 'open') throw conflict(ErrorCode.ASSESSMENT_ATTEMPT_OPEN, 'Percobaan masih dikerjakan; nilai setelah dikumpulkan');
      const quiz = await this.grader.quizOf(m, attempt);
      const question = attempt.draw.some((d) => d.questionId === questionId) ? quiz.questionById.get(questionId) : undefined;
      if (!question) throw notFound(ErrorCode.ASSESSMENT_QUESTION_NOT_FOUND, 'Soal tidak termasuk dalam percobaan ini');
      if (question.kind !== 'essay') throw conflict(ErrorCode.ASSESSMENT_NOT_GRADABLE, `Soal ${question.kind} dinilai otomatis; hanya essay yang dinilai manual`);
      if (dto.score > question.points) throw invalid(ErrorCode.ASSESSMENT_INVALID_SCORE, `score maksimal ${question.points} (bobot soal)`);
      const [before] = await m.query(`SELECT score, feedback FROM quiz_answer WHERE attempt_id = $1 AND question_id = $2`, [attemptId, questionId]);
      await m.query(
        `INSERT INTO quiz_answer (attempt_id, question_id, response, score, feedback, graded_by) VALUES ($1, $2, NULL, $3, $4, $5)
         ON CONFLICT (attempt_id, question_id) DO UPDATE SET score = EXCLUDED.score, feedback = EXCLUDED.feedback, graded_by = EXCLUDED.graded_by`,
        [attemptId, questionId, dto.score, dto.feedback ?? null, scope.principal.userId],
      );
      const [{ pending }] = await m.query(`SELECT count(*)::int AS pending FROM quiz_answer WHERE attempt_id = $1 AND score IS NULL`, [attemptId]);
      const missing = attempt.draw.length - Number((await m.query(`SELECT count(*)::int AS n FROM quiz_answer WHERE attempt_id = $1`, [attemptId]))[0].n);
      const after = pending === 0 && missing === 0 ? await this.grader.finalise(m, attemptId, quiz.settings) : attempt;
      await recordAudit(m, { userId: scope.principal.userId, correlationId: scope.principal.correlationId }, {
        action: 'quiz_answer.grade', entityType: 'quiz_attempt', entityId: attemptId, agencyId: course.agencyId,
        before: { questionId, score: before?.score ?? null, feedback: before?.feedback ?? null }, after: { questionId, score: dto.score, feedback: dto.feedback ?? null, attemptStatus: after.status },
      });
      return this.reviewOf(m, after, true);
    });
  }

  private async reviewOf(m: EntityManager, attempt: QuizAttemptEntity, showsAnswers: boolean): Promise<AttemptReview> {
    const quiz = await this.grader.quizOf(m, attempt);
    const rows: Array<{ question_id: string; response: AnswerResponse; score: string | null; feedback: string | null }> = await m.query(
      `SELECT question_id, response, score, feedback FROM quiz_answer WHERE attempt_id = $1`,
      [attempt.id],
    );
    const answers = new Map(rows.map((r) => [r.question_id, r]));
    return {
      ...toAttemptSummary(attempt),
      quizTitle: quiz.title,
      employeeId: attempt.employeeId,
      showsAnswers,
      questions: attempt.draw.flatMap((d) => {
        const q = quiz.questionById.get(d.questionId);
        if (!q) return [];
        const a = answers.get(q.id);
        return [{
          ...presentQuestion(q, d.optionOrder),
          response: a?.response ?? null,
          score: a?.score === null || a?.score === undefined ? null : Number(a.score),
          feedback: a?.feedback ?? null,
          ...(showsAnswers ? { answerKey: (q.key ?? null) as AttemptReview['questions'][number]['answerKey'], questionFeedback: q.feedback ?? null } : {}),
        }];
      }),
    };
  }

  /** The course of a quiz, when the caller authors it or administers its agency. */
  private async graderCourse(m: EntityManager, scope: AccessScope, quizId: string) {
    const [quiz] = await m.query(`SELECT course_id FROM quiz WHERE id = $1`, [quizId]);
    return quiz ? findAuthorableCourse(m, scope, quiz.course_id) : null;
  }
}

