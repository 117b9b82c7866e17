import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  ErrorCode,
  type AnswerResponse,
  type AnswerSaved,
  type AttemptQuestion,
  type AttemptView,
  type LessonAttempts,
  type QuestionSnapshot,
} from '@kompeten/shared-contracts';
import { conflict, invalid, notFound, type Principal } from '@kompeten/server-core';
import { userTimeZone } from '@kompeten/server-identity';
import { PublishedVersions, type PreparedQuiz } from '@kompeten/server-learning';
import { formatInZone } from '@kompeten/shared-util';
import { QuizAttemptEntity, type AttemptDraw } from '../entities/quiz-attempt.entity';
import { isPassed, NUMERIC_FORMAT_HINT, round2 } from '../grading';
import { toAttemptSummary } from '../mappers';
import { responseProblem } from '../question-rules';
import { AttemptGrader, type ClosedAttempt, type SavedAnswer } from './attempt-grader';
import { attemptFromRow } from './attempt-row';
import {
  attemptCounts,
  attemptMeta,
  attemptStatus,
  readAttemptForView,
  startAttempt,
  upsertAnswers,
} from './attempt-store';
import { closedByTime, retryState } from './retry-rule';
import { drawAttempt } from './draw';
import { LearnerEnrolments } from './learner-enrolments';

const ATTEMPT_NOT_FOUND = 'Percobaan kuis tidak ditemukan';
const DEADLINE_PASSED = 'Waktu pengerjaan kuis sudah habis; jawaban tidak dapat disimpan lagi';

/** The options of a drawn question, in the attempt's order, without anything that reveals the key. */
export function presentQuestion(q: QuestionSnapshot, optionOrder: readonly string[]): AttemptQuestion {
  const byId = new Map(q.options.map((o) => [o.id, o]));
  const ordered = optionOrder.map((id) => byId.get(id)).filter((o): o is QuestionSnapshot['options'][number] => !!o);
  return {
    id: q.id,
    kind: q.kind,
    prompt: q.prompt,
    points: q.points,
    options: ordered.map((o) => (o.side ? { id: o.id, text: o.text, side: o.side } : { id: o.id, text: o.text })),
    ...(q.kind === 'numeric' ? { formatHint: NUMERIC_FORMAT_HINT } : {}),
  };
}

/** What never changes about an attempt once started: whose it is, its quiz and its draw (for autosave without a read). */
interface AttemptMeta {
  employeeId: string;
  quizId: string;
  courseVersionId: string;
  drawn: ReadonlySet<string>;
}

const MAX_META = 5_000;
const START_TRIES = 3;

/** The learner's side of quizzes: start, answer (autosave), submit, read their attempts. */
@Injectable()
export class AttemptService {
  /** Bounded, per process; safe to keep because the fields never change (status and deadline are checked in SQL). */
  private readonly meta = new Map<string, AttemptMeta>();

  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(PublishedVersions) private readonly versions: PublishedVersions,
    @Inject(LearnerEnrolments) private readonly enrolments: LearnerEnrolments,
    @Inject(AttemptGrader) private readonly grader: AttemptGrader,
  ) {}

  /**
   * Starts an attempt at a quiz lesson of the learner's own active enrolment, or returns the one already open.
   * Two statements on the common path (the enrolment; then checks, numbering, draw and deadline in one INSERT … SELECT),
   * no transaction held across round trips. Idempotent: the partial unique index on the open attempt and the unique
   * attempt number turn a concurrent duplicate start into ON CONFLICT DO NOTHING, and the start is re-read.
   */
  async start(
    principal: Principal,
    enrolmentId: string,
    lessonId: string,
  ): Promise<{ attempt: AttemptView; created: boolean }> {
    const employeeId = requireEmployee(principal);
    const enrolment = await this.enrolments.requireActive(this.db.manager, enrolmentId, employeeId);
    const { quiz } = await this.quizOfLesson(this.db.manager, enrolment.courseVersionId, lessonId);
    const s = quiz.settings;
    for (let attemptNo = 1; attemptNo <= START_TRIES; attemptNo++) {
      const draw = drawAttempt(quiz);
      if (draw.length === 0) throw conflict(ErrorCode.ASSESSMENT_INVALID_SETTINGS, 'Kuis ini belum punya soal');
      const maxScore = round2(draw.reduce((sum, d) => sum + (quiz.questionById.get(d.questionId)?.points ?? 0), 0));
      const r = await startAttempt(this.db, {
        quizId: quiz.id,
        versionId: enrolment.courseVersionId,
        enrolmentId,
        lessonId,
        employeeId,
        draw,
        maxScore,
        timeLimitSeconds: s.timeLimitSeconds,
        closesAt: s.closesAt,
        maxAttempts: s.maxAttempts,
        opensAt: s.opensAt,
      });
      if (r.created) {
        const attempt = attemptFromRow(r.created);
        this.remember(attempt);
        return { attempt: await this.viewOf(quiz, attempt, [], new Date(r.now)), created: true };
      }
      if (!r.active) throw notFound(ErrorCode.ENROLMENT_NOT_FOUND, 'Pendaftaran tidak ditemukan');
      if (r.open_id && !r.open_expired) return { attempt: await this.view(principal, r.open_id), created: false };
      if (r.open_id) {
        // The open attempt ran out of time: close and grade it, then start a new one.
        await this.db.transaction(async (m) => {
          const open = await this.grader.lock(m, r.open_id as string);
          if (open?.expired) await this.grader.close(m, open, 'expired');
        });
        continue;
      }
      const now = new Date(r.now);
      // The message states the time in the learner's own zone (WIB/WITA/WIT); `details` keeps the instant for clients.
      if (s.opensAt && now < new Date(s.opensAt)) {
        const timeZone = await userTimeZone(this.db, principal.userId);
        throw conflict(
          ErrorCode.ASSESSMENT_QUIZ_NOT_OPEN,
          `Kuis belum dibuka. Kuis dibuka ${formatInZone(s.opensAt, timeZone)}.`,
          { opensAt: s.opensAt, timeZone },
        );
      }
      if (s.closesAt && now >= new Date(s.closesAt)) {
        const timeZone = await userTimeZone(this.db, principal.userId);
        throw conflict(ErrorCode.ASSESSMENT_QUIZ_CLOSED, `Kuis sudah ditutup ${formatInZone(s.closesAt, timeZone)}.`, {
          closesAt: s.closesAt,
          timeZone,
        });
      }
      if (s.maxAttempts !== null && r.used >= s.maxAttempts) {
        throw conflict(
          ErrorCode.ASSESSMENT_NO_ATTEMPTS_LEFT,
          `Kesempatan mengerjakan kuis ini sudah habis (${s.maxAttempts} kali)`,
          { maxAttempts: s.maxAttempts, used: r.used },
        );
      }
      // Lost a race with a concurrent start of the same learner (ON CONFLICT): the next round sees its attempt.
    }
    throw conflict(
      ErrorCode.CONCURRENT_CHANGE,
      'Percobaan sedang dimulai oleh permintaan lain; kirim ulang permintaan ini',
    );
  }

  /** The attempt as its learner sees it: questions without keys, saved answers, the deadline and the server clock. One statement. */
  async view(principal: Principal, attemptId: string): Promise<AttemptView> {
    const row = await readAttemptForView(this.db, attemptId);
    if (!row || !principal.employeeId || row.employee_id !== principal.employeeId)
      throw notFound(ErrorCode.ASSESSMENT_ATTEMPT_NOT_FOUND, ATTEMPT_NOT_FOUND);
    if (row.expired) {
      const closed = await this.closeExpired(attemptId);
      if (closed)
        return this.viewOf(
          await this.grader.quizOf(this.db.manager, closed.attempt),
          closed.attempt,
          closed.answers,
          closed.now,
        );
      return this.view(principal, attemptId);
    }
    const attempt = attemptFromRow(row);
    const answers = row.answers.map((a) => ({ ...a, savedAt: new Date(a.savedAt).toISOString() }));
    return this.viewOf(await this.grader.quizOf(this.db.manager, attempt), attempt, answers, new Date(row.now));
  }

  /**
   * Autosave: stores the responses in ONE upsert, which re-checks status and deadline under a row lock shared with
   * submit. Whose attempt it is and what was drawn come from a per-process cache of immutable fields (one indexed read
   * on a miss); the quiz comes from the in-memory snapshot cache.
   */
  async saveAnswers(
    principal: Principal,
    attemptId: string,
    items: Array<{ questionId: string; response: AnswerResponse }>,
  ): Promise<AnswerSaved> {
    const employeeId = requireEmployee(principal);
    const meta = await this.metaOf(attemptId);
    if (!meta || meta.employeeId !== employeeId)
      throw notFound(ErrorCode.ASSESSMENT_ATTEMPT_NOT_FOUND, ATTEMPT_NOT_FOUND);
    const quiz = await this.grader.quizOf(this.db.manager, meta);
    const latest = new Map<string, AnswerResponse>();
    const problems: string[] = [];
    for (const { questionId, response } of items) {
      const q = quiz.questionById.get(questionId);
      if (!q || !meta.drawn.has(questionId))
        throw invalid(ErrorCode.ASSESSMENT_NOT_IN_ATTEMPT, `Soal ${questionId} tidak termasuk dalam percobaan ini`);
      const problem = responseProblem(q.kind, q.options, response ?? null);
      if (problem) problems.push(`${questionId}: ${problem}`);
      latest.set(questionId, response ?? null);
    }
    if (problems.length)
      throw invalid(ErrorCode.ASSESSMENT_INVALID_RESPONSE, `Jawaban tidak valid: ${problems.join('; ')}`, problems);
    const rows = await upsertAnswers(
      this.db,
      attemptId,
      [...latest].map(([question_id, response]) => ({ question_id, response })),
    );
    if (rows.length === 0) {
      // Closed, or past its deadline (status is only moved when someone closes it).
      const status = await attemptStatus(this.db, attemptId);
      if (!status) throw notFound(ErrorCode.ASSESSMENT_ATTEMPT_NOT_FOUND, ATTEMPT_NOT_FOUND);
      if (status === 'open') throw conflict(ErrorCode.ASSESSMENT_DEADLINE_PASSED, DEADLINE_PASSED);
      throw conflict(ErrorCode.ASSESSMENT_ATTEMPT_CLOSED, 'Percobaan ini sudah dikumpulkan');
    }
    return { saved: rows.length, savedAt: new Date(rows[0].saved_at).toISOString() };
  }

  /** Hands the attempt in and grades it (essays wait for a grader). Repeating a submit returns the result; a late one is refused. */
  async submit(principal: Principal, attemptId: string): Promise<AttemptView> {
    const { late, closed } = await this.db.transaction(async (m) => {
      const attempt = await this.grader.lock(m, attemptId);
      if (!attempt || attempt.employeeId !== principal.employeeId)
        throw notFound(ErrorCode.ASSESSMENT_ATTEMPT_NOT_FOUND, ATTEMPT_NOT_FOUND);
      if (attempt.status !== 'open') {
        // Already closed: by this learner's earlier submit (answer the same), or by its deadline (a submit now is late).
        return {
          late: !!attempt.deadlineAt && !!attempt.submittedAt && attempt.submittedAt >= attempt.deadlineAt,
          closed: null,
        };
      }
      return {
        late: attempt.expired,
        closed: await this.grader.close(m, attempt, attempt.expired ? 'expired' : 'submitted'),
      };
    });
    this.meta.delete(attemptId);
    if (late)
      throw conflict(
        ErrorCode.ASSESSMENT_DEADLINE_PASSED,
        'Waktu pengerjaan sudah habis; percobaan ditutup dan dinilai dengan jawaban yang tersimpan sebelum batas waktu',
      );
    if (!closed) return this.view(principal, attemptId);
    return this.viewOf(
      await this.grader.quizOf(this.db.manager, closed.attempt),
      closed.attempt,
      closed.answers,
      closed.now,
    );
  }

  /** The learner's attempts at a quiz lesson of their own enrolment, with their current quiz grade. */
  async listForLesson(principal: Principal, enrolmentId: string, lessonId: string): Promise<LessonAttempts> {
    const employeeId = requireEmployee(principal);
    const enrolment = await this.enrolments.findOwn(this.db.manager, enrolmentId, employeeId);
    if (!enrolment)
      throw notFound(ErrorCode.ASSESSMENT_LESSON_NOT_FOUND, 'Materi kuis tidak ditemukan pada pendaftaran ini');
    const { quiz } = await this.quizOfLesson(this.db.manager, enrolment.courseVersionId, lessonId);
    const repo = this.db.getRepository(QuizAttemptEntity);
    const open = await repo.findOneBy({ enrolmentId, quizId: quiz.id, status: 'open' });
    if (open) await this.closeIfExpired(open);
    const attempts = await repo.find({ where: { enrolmentId, quizId: quiz.id }, order: { attemptNo: 'ASC' } });
    const graded = attempts.filter((a) => a.status === 'graded');
    const percent = await this.grader.gradeOf(this.db.manager, enrolmentId, quiz.id, quiz.settings);
    return {
      quizId: quiz.id,
      lessonId,
      quizTitle: quiz.title,
      maxAttempts: quiz.settings.maxAttempts,
      attemptsUsed: attempts.length,
      passPercent: quiz.settings.passPercent,
      grade:
        percent === null
          ? null
          : {
              method: quiz.settings.gradingMethod,
              percent,
              passed: isPassed(percent, quiz.settings.passPercent),
              gradedAttempts: graded.length,
            },
      attempts: attempts.map(toAttemptSummary),
    };
  }

  questionsOf(quiz: PreparedQuiz, draw: AttemptDraw): AttemptQuestion[] {
    return draw.flatMap((d) => {
      const q = quiz.questionById.get(d.questionId);
      return q ? [presentQuestion(q, d.optionOrder)] : [];
    });
  }

  /** Lazily closes an open attempt whose deadline passed (the worker does the same every 30 s). */
  async closeIfExpired(attempt: QuizAttemptEntity): Promise<QuizAttemptEntity> {
    if (attempt.status !== 'open' || !attempt.deadlineAt || attempt.deadlineAt.getTime() > Date.now() + 5_000)
      return attempt;
    return (await this.closeExpired(attempt.id))?.attempt ?? attempt;
  }

  /** In its own transaction: closes the attempt if it is still open and its deadline has passed by the database clock. */
  private closeExpired(attemptId: string): Promise<ClosedAttempt | null> {
    return this.db.transaction(async (m) => {
      const locked = await this.grader.lock(m, attemptId);
      return locked?.expired ? this.grader.close(m, locked, 'expired') : null;
    });
  }

  /**
   * The learner's view with the quiz's rules. An open attempt is the latest (only the latest can be open), so its
   * number is the count used and no read is needed on the answering path; a finished one counts its siblings and
   * checks the enrolment, for the result page's "attempts left" and "Coba lagi".
   */
  private async viewOf(
    quiz: PreparedQuiz,
    attempt: QuizAttemptEntity,
    answers: SavedAnswer[],
    now: Date,
  ): Promise<AttemptView> {
    const s = quiz.settings;
    const finished = attempt.status !== 'open';
    const counts = finished
      ? await attemptCounts(this.db, attempt.id, attempt.enrolmentId, attempt.quizId)
      : { used: attempt.attemptNo, other_open: false };
    const retry = retryState({
      finished,
      otherOpen: counts.other_open,
      enrolmentActive:
        finished && (await this.enrolments.isActive(this.db.manager, attempt.enrolmentId, attempt.employeeId)),
      attemptsUsed: counts.used,
      maxAttempts: s.maxAttempts,
      opensAt: s.opensAt,
      closesAt: s.closesAt,
      now,
    });
    return {
      ...toAttemptSummary(attempt),
      quizTitle: quiz.title,
      serverNow: now.toISOString(),
      passPercent: s.passPercent,
      maxAttempts: s.maxAttempts,
      ...retry,
      timeUp: closedByTime(attempt),
      questions: this.questionsOf(quiz, attempt.draw),
      answers,
    };
  }

  private remember(
    a: Pick<QuizAttemptEntity, 'id' | 'employeeId' | 'quizId' | 'courseVersionId' | 'draw'>,
  ): AttemptMeta {
    const meta = {
      employeeId: a.employeeId,
      quizId: a.quizId,
      courseVersionId: a.courseVersionId,
      drawn: new Set(a.draw.map((d) => d.questionId)),
    };
    this.meta.set(a.id, meta);
    if (this.meta.size > MAX_META) this.meta.delete(this.meta.keys().next().value as string);
    return meta;
  }

  private async metaOf(attemptId: string): Promise<AttemptMeta | null> {
    const hit = this.meta.get(attemptId);
    if (hit) return hit;
    const a = await attemptMeta(this.db, attemptId);
    if (!a) return null;
    const meta = {
      id: attemptId,
      employeeId: a.employee_id,
      quizId: a.quiz_id,
      courseVersionId: a.course_version_id,
      draw: a.draw,
    };
    // Only open attempts are worth keeping: a closed one takes no more answers.
    return a.status === 'open' ? this.remember(meta) : { ...meta, drawn: new Set(a.draw.map((d) => d.questionId)) };
  }

  private async quizOfLesson(
    m: EntityManager,
    courseVersionId: string,
    lessonId: string,
  ): Promise<{ quiz: PreparedQuiz }> {
    const version = await this.versions.find(m, courseVersionId);
    const quizId = version?.lessonQuiz.get(lessonId);
    const quiz = quizId ? version?.quizzes.get(quizId) : undefined;
    if (!quiz)
      throw notFound(ErrorCode.ASSESSMENT_LESSON_NOT_FOUND, 'Materi kuis tidak ditemukan pada pendaftaran ini');
    return { quiz };
  }
}

function requireEmployee(principal: Principal): string {
  if (!principal.employeeId) throw notFound(ErrorCode.ASSESSMENT_ATTEMPT_NOT_FOUND, ATTEMPT_NOT_FOUND);
  return principal.employeeId;
}
