import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  ErrorCode, type AnswerResponse, type AnswerSaved, type AttemptQuestion, type AttemptView, type LessonAttempts, type QuestionSnapshot,
} from '@kompeten/shared-contracts';
import { conflict, invalid, notFound, type Principal } from '@kompeten/server-core';
import { QuizAttemptEntity, type AttemptDraw } from '../entities/quiz-attempt.entity';
import { isPassed, round2 } from '../grading';
import { toAttemptSummary } from '../mappers';
import { responseProblem } from '../question-rules';
import { AttemptGrader } from './attempt-grader';
import { drawAttempt } from './draw';
import { LearnerEnrolments } from './learner-enrolments';
import { QuizSnapshotCache, type PreparedQuiz } from './snapshot-cache';

const ATTEMPT_NOT_FOUND = 'Percobaan kuis tidak ditemukan';
const DEADLINE_PASSED = 'Waktu pengerjaan kuis sudah habis; jawaban tidak dapat disimpan lagi';

/** The options of a drawn question, in the attempt's order, without anything that reveals the key. */
export function presentQuestion(q: QuestionSnapshot, optionOrder: readonly string[]): AttemptQuestion {
  const byId = new Map(q.options.map((o) => [o.id, o]));
  const ordered = optionOrder.map((id) => byId.get(id)).filter((o): o is QuestionSnapshot['options'][number] => !!o);
  return {
    id: q.id, kind: q.kind, prompt: q.prompt, points: q.points,
    options: ordered.map((o) => (o.side ? { id: o.id, text: o.text, side: o.side } : { id: o.id, text: o.text })),
  };
}

/** The learner's side of quizzes: start, answer (autosave), submit, read their attempts. */
@Injectable()
export class AttemptService {
  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(QuizSnapshotCache) private readonly snapshots: QuizSnapshotCache,
    @Inject(LearnerEnrolments) private readonly enrolments: LearnerEnrolments,
    @Inject(AttemptGrader) private readonly grader: AttemptGrader,
  ) {}

  /**
   * Starts an attempt at a quiz lesson of the learner's own active enrolment, or returns the one already open
   * (idempotent: concurrent starts serialise on an advisory lock, and the partial unique index is the last guard).
   */
  async start(principal: Principal, enrolmentId: string, lessonId: string): Promise<{ attempt: AttemptView; created: boolean }> {
    const employeeId = requireEmployee(principal);
    const { id, created } = await this.db.transaction(async (m) => {
      const enrolment = await this.enrolments.requireActive(m, enrolmentId, employeeId);
      const { quiz } = await this.quizOfLesson(m, enrolment.courseVersionId, lessonId);
      await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`quiz-attempt.${enrolmentId}.${quiz.id}`]);
      const open = await m.getRepository(QuizAttemptEntity).findOne({ where: { enrolmentId, quizId: quiz.id, status: 'open' }, lock: { mode: 'pessimistic_write' } });
      if (open) {
        if (!(await this.grader.isExpired(m, open))) return { id: open.id, created: false };
        await this.grader.close(m, open, 'expired');
      }
      const s = quiz.settings;
      const [{ now }]: Array<{ now: Date }> = await m.query(`SELECT now() AS now`);
      if (s.opensAt && now < new Date(s.opensAt)) throw conflict(ErrorCode.ASSESSMENT_QUIZ_NOT_OPEN, `Kuis baru dibuka pada ${s.opensAt}`, { opensAt: s.opensAt });
      if (s.closesAt && now >= new Date(s.closesAt)) throw conflict(ErrorCode.ASSESSMENT_QUIZ_CLOSED, `Kuis sudah ditutup pada ${s.closesAt}`, { closesAt: s.closesAt });
      const [{ used, last }] = await m.query(
        `SELECT count(*)::int AS used, coalesce(max(attempt_no), 0)::int AS last FROM quiz_attempt WHERE enrolment_id = $1 AND quiz_id = $2`,
        [enrolmentId, quiz.id],
      );
      if (s.maxAttempts !== null && used >= s.maxAttempts) {
        throw conflict(ErrorCode.ASSESSMENT_NO_ATTEMPTS_LEFT, `Kesempatan mengerjakan kuis ini sudah habis (${s.maxAttempts} kali)`, { maxAttempts: s.maxAttempts, used });
      }
      const draw = drawAttempt(quiz);
      if (draw.length === 0) throw conflict(ErrorCode.ASSESSMENT_INVALID_SETTINGS, 'Kuis ini belum punya soal');
      const maxScore = round2(draw.reduce((sum, d) => sum + (quiz.questionById.get(d.questionId)?.points ?? 0), 0));
      const [row] = await m.query(
        `INSERT INTO quiz_attempt (quiz_id, course_version_id, enrolment_id, lesson_id, employee_id, attempt_no, draw, max_score, deadline_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8,
                 nullif(LEAST(coalesce(now() + make_interval(secs => $9::int), 'infinity'), coalesce($10::timestamptz, 'infinity')), 'infinity'))
         RETURNING id`,
        [quiz.id, enrolment.courseVersionId, enrolmentId, lessonId, employeeId, last + 1, JSON.stringify(draw), maxScore, s.timeLimitSeconds, s.closesAt],
      );
      return { id: row.id as string, created: true };
    });
    return { attempt: await this.view(principal, id), created };
  }

  /** The attempt as its learner sees it: questions without keys, saved answers, the deadline and the server clock. */
  async view(principal: Principal, attemptId: string): Promise<AttemptView> {
    const attempt = await this.closeIfExpired(await this.requireOwn(this.db.manager, principal, attemptId));
    const quiz = await this.grader.quizOf(this.db.manager, attempt);
    const answers: Array<{ questionId: string; response: AnswerResponse; savedAt: Date }> = await this.db.query(
      `SELECT question_id AS "questionId", response, saved_at AS "savedAt" FROM quiz_answer WHERE attempt_id = $1 AND response IS NOT NULL ORDER BY saved_at`,
      [attempt.id],
    );
    const [{ now }] = await this.db.query(`SELECT now() AS now`);
    return {
      ...toAttemptSummary(attempt),
      quizTitle: quiz.title,
      serverNow: new Date(now).toISOString(),
      questions: this.questionsOf(quiz, attempt.draw),
      answers: answers.map((a) => ({ questionId: a.questionId, response: a.response, savedAt: new Date(a.savedAt).toISOString() })),
    };
  }

  /**
   * Autosave: stores the responses in ONE upsert. The hot path of a quiz — one indexed read of the attempt, the quiz
   * from the in-memory snapshot cache, one statement that re-checks status and deadline under a row lock shared with submit.
   */
  async saveAnswers(principal: Principal, attemptId: string, items: Array<{ questionId: string; response: AnswerResponse }>): Promise<AnswerSaved> {
    const employeeId = requireEmployee(principal);
    const [a]: Array<{ employee_id: string; status: string; expired: boolean; quiz_id: string; course_version_id: string; draw: AttemptDraw }> = await this.db.query(
      `SELECT employee_id, status, (deadline_at IS NOT NULL AND deadline_at <= now()) AS expired, quiz_id, course_version_id, draw FROM quiz_attempt WHERE id = $1`,
      [attemptId],
    );
    if (!a || a.employee_id !== employeeId) throw notFound(ErrorCode.ASSESSMENT_ATTEMPT_NOT_FOUND, ATTEMPT_NOT_FOUND);
    if (a.status !== 'open') throw conflict(ErrorCode.ASSESSMENT_ATTEMPT_CLOSED, 'Percobaan ini sudah dikumpulkan');
    if (a.expired) throw conflict(ErrorCode.ASSESSMENT_DEADLINE_PASSED, DEADLINE_PASSED);
    const quiz = await this.grader.quizOf(this.db.manager, { courseVersionId: a.course_version_id, quizId: a.quiz_id });
    const drawn = new Set(a.draw.map((d) => d.questionId));
    const latest = new Map<string, AnswerResponse>();
    const problems: string[] = [];
    for (const { questionId, response } of items) {
      const q = quiz.questionById.get(questionId);
      if (!q || !drawn.has(questionId)) throw invalid(ErrorCode.ASSESSMENT_NOT_IN_ATTEMPT, `Soal ${questionId} tidak termasuk dalam percobaan ini`);
      const problem = responseProblem(q.kind, q.options, response ?? null);
      if (problem) problems.push(`${questionId}: ${problem}`);
      latest.set(questionId, response ?? null);
    }
    if (problems.length) throw invalid(ErrorCode.ASSESSMENT_INVALID_RESPONSE, `Jawaban tidak valid: ${problems.join('; ')}`, problems);
    const rows: Array<{ saved_at: Date }> = await this.db.query(
      `INSERT INTO quiz_answer (attempt_id, question_id, response, saved_at)
       SELECT a.id, x.question_id, x.response, now()
         FROM (SELECT id FROM quiz_attempt WHERE id = $1 AND status = 'open' AND (deadline_at IS NULL OR deadline_at > now()) FOR SHARE) a
        CROSS JOIN jsonb_to_recordset($2::jsonb) AS x(question_id uuid, response jsonb)
       ON CONFLICT (attempt_id, question_id) DO UPDATE SET response = EXCLUDED.response, saved_at = EXCLUDED.saved_at
       RETURNING saved_at`,
      [attemptId, JSON.stringify([...latest].map(([question_id, response]) => ({ question_id, response })))],
    );
    if (rows.length === 0) {
      // Lost a race with the deadline or a submit between the read and the write.
      const [now] = await this.db.query(`SELECT status FROM quiz_attempt WHERE id = $1`, [attemptId]);
      if (now?.status === 'open') throw conflict(ErrorCode.ASSESSMENT_DEADLINE_PASSED, DEADLINE_PASSED);
      throw conflict(ErrorCode.ASSESSMENT_ATTEMPT_CLOSED, 'Percobaan ini sudah dikumpulkan');
    }
    return { saved: rows.length, savedAt: new Date(rows[0].saved_at).toISOString() };
  }

  /** Hands the attempt in and grades it (essays wait for a grader). Repeating a submit returns the result; a late one is refused. */
  async submit(principal: Principal, attemptId: string): Promise<AttemptView> {
    const late = await this.db.transaction(async (m) => {
      const attempt = await this.grader.lock(m, attemptId);
      if (!attempt || attempt.employeeId !== principal.employeeId) throw notFound(ErrorCode.ASSESSMENT_ATTEMPT_NOT_FOUND, ATTEMPT_NOT_FOUND);
      if (attempt.status !== 'open') {
        // Already closed: by this learner's earlier submit (answer the same), or by its deadline (a submit now is late).
        return !!attempt.deadlineAt && !!attempt.submittedAt && attempt.submittedAt >= attempt.deadlineAt;
      }
      const expired = await this.grader.isExpired(m, attempt);
      await this.grader.close(m, attempt, expired ? 'expired' : 'submitted');
      return expired;
    });
    if (late) throw conflict(ErrorCode.ASSESSMENT_DEADLINE_PASSED, 'Waktu pengerjaan sudah habis; percobaan ditutup dan dinilai dengan jawaban yang tersimpan sebelum batas waktu');
    return this.view(principal, attemptId);
  }

  /** The learner's attempts at a quiz lesson of their own enrolment, with their current quiz grade. */
  async listForLesson(principal: Principal, enrolmentId: string, lessonId: string): Promise<LessonAttempts> {
    const employeeId = requireEmployee(principal);
    const enrolment = await this.enrolments.findOwn(this.db.manager, enrolmentId, employeeId);
    if (!enrolment) throw notFound(ErrorCode.ASSESSMENT_LESSON_NOT_FOUND, 'Materi kuis tidak ditemukan pada pendaftaran ini');
    const { quiz } = await this.quizOfLesson(this.db.manager, enrolment.courseVersionId, lessonId);
    const repo = this.db.getRepository(QuizAttemptEntity);
    const open = await repo.findOneBy({ enrolmentId, quizId: quiz.id, status: 'open' });
    if (open) await this.closeIfExpired(open);
    const attempts = await repo.find({ where: { enrolmentId, quizId: quiz.id }, order: { attemptNo: 'ASC' } });
    const graded = attempts.filter((a) => a.status === 'graded');
    const percent = await this.grader.gradeOf(this.db.manager, enrolmentId, quiz.id, quiz.settings);
    return {
      quizId: quiz.id, lessonId, quizTitle: quiz.title, maxAttempts: quiz.settings.maxAttempts, attemptsUsed: attempts.length, passPercent: quiz.settings.passPercent,
      grade: percent === null ? null : { method: quiz.settings.gradingMethod, percent, passed: isPassed(percent, quiz.settings.passPercent), gradedAttempts: graded.length },
      attempts: attempts.map(toAttemptSummary),
    };
  }

  questionsOf(quiz: PreparedQuiz, draw: AttemptDraw): AttemptQuestion[] {
    return draw.flatMap((d) => {
      const q = quiz.questionById.get(d.questionId);
      return q ? [presentQuestion(q, d.optionOrder)] : [];
    });
  }

  async requireOwn(m: EntityManager, principal: Principal, attemptId: string): Promise<QuizAttemptEntity> {
    const attempt = await m.getRepository(QuizAttemptEntity).findOneBy({ id: attemptId });
    if (!attempt || !principal.employeeId || attempt.employeeId !== principal.employeeId) throw notFound(ErrorCode.ASSESSMENT_ATTEMPT_NOT_FOUND, ATTEMPT_NOT_FOUND);
    return attempt;
  }

  /** Lazily closes an open attempt whose deadline passed (the worker does the same every 30 s). */
  async closeIfExpired(attempt: QuizAttemptEntity): Promise<QuizAttemptEntity> {
    if (attempt.status !== 'open' || !attempt.deadlineAt || attempt.deadlineAt.getTime() > Date.now() + 5_000) return attempt;
    return this.db.transaction(async (m) => {
      const locked = await this.grader.lock(m, attempt.id);
      if (!locked || !(await this.grader.isExpired(m, locked))) return locked ?? attempt;
      return this.grader.close(m, locked, 'expired');
    });
  }

  private async quizOfLesson(m: EntityManager, courseVersionId: string, lessonId: string): Promise<{ quiz: PreparedQuiz }> {
    const version = await this.snapshots.get(m, courseVersionId);
    const quizId = version?.lessonQuiz.get(lessonId);
    const quiz = quizId ? version?.quizzes.get(quizId) : undefined;
    if (!quiz) throw notFound(ErrorCode.ASSESSMENT_LESSON_NOT_FOUND, 'Materi kuis tidak ditemukan pada pendaftaran ini');
    return { quiz };
  }
}

function requireEmployee(principal: Principal): string {
  if (!principal.employeeId) throw notFound(ErrorCode.ASSESSMENT_ATTEMPT_NOT_FOUND, ATTEMPT_NOT_FOUND);
  return principal.employeeId;
}
