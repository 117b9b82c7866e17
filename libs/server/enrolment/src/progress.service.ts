import { randomUUID } from 'node:crypto';
import { extname } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  ErrorCode, type AssignmentSubmission, type AttendanceResult, type LessonSnapshot, type PlayerLesson, type PlayerLessonContent, type ProgressResult,
  type QuizSnapshot,
} from '@kompeten/shared-contracts';
import { cleanFileName, conflict, detectMime, FILE_STORAGE, invalid, notFound, readHead, recordAudit, type FileStorage } from '@kompeten/server-core';
import { managesCourse } from '@kompeten/server-learning';
import type { AccessScope } from '@kompeten/server-organisation';
import { creditedSeconds, lessonMinSeconds } from './completion-rule';
import { CompletionService } from './completion.service';
import type { AttendanceDto, GradeSubmissionDto, ProgressUpdateDto } from './dto/enrolment.dto';
import { EnrolmentAccess } from './enrolment-access';
import { requireManagedCourse } from './managed-course';
import {
  applyProgress, emptyProgress, lockEnrolment, toFacts, LOCKED_ENROLMENT_COLUMNS, toLessonProgress, toLockedEnrolment, type LockedEnrolment, type ProgressChange,
} from './progress-store';
import { submissionMime } from './submission.service';
import { EnrolmentVersions } from './enrolment-versions';

export const MAX_SUBMISSION_BYTES = 20 * 1024 * 1024;
const SUBMISSION_TYPES = /\.(pdf|docx?|xlsx?|pptx?|odt|ods|odp|txt|zip|jpe?g|png)$/i;
const DEFAULT_COMPLETE_AT_RATIO = 0.9;
/** Submissions kept per learner and assignment lesson: the latest (which counts) and the two before it (docs/learning.md). */
export const SUBMISSION_HISTORY = 3;

/**
 * The server's clock for learning records (docs/learning.md, "Time and video the server credits"). An event credits
 * at most the wall-clock seconds since the learner's previous event (any lesson of the enrolment), and at most
 * MAX_CREDIT_PER_EVENT; the web player reports every 30 s.
 */
export const MAX_CREDIT_PER_EVENT = 300;
/** A video's watched share may advance at most this many times faster than real time (the player's 1.25× speed). */
export const PLAYBACK_TOLERANCE = 1.25;
/** A video whose duration the author did not give is bounded as if it were this long (5 minutes). */
export const ASSUMED_VIDEO_SECONDS = 300;

/** Seconds an event may credit: what the player claims, bounded by the wall-clock since the last credited event. */
export function creditableSeconds(claimed: number | undefined, clockFrom: Date, clockNow: Date): number {
  const elapsed = Math.floor((clockNow.getTime() - clockFrom.getTime()) / 1000);
  return Math.max(0, Math.min(claimed ?? 0, MAX_CREDIT_PER_EVENT, elapsed));
}

const minutesText = (seconds: number) => `${Math.ceil(seconds / 60)} menit`;

interface SubmissionRow {
  id: string; enrolment_id: string; lesson_id: string; file_name: string; submitted_at: Date; score: string | null;
  feedback: string | null; passed: boolean | null; graded_at: Date | null;
}

function toSubmission(r: SubmissionRow): AssignmentSubmission {
  return {
    id: r.id, enrolmentId: r.enrolment_id, lessonId: r.lesson_id, fileName: r.file_name, submittedAt: new Date(r.submitted_at).toISOString(),
    score: r.score === null ? null : Number(r.score), feedback: r.feedback, passed: r.passed, gradedAt: r.graded_at ? new Date(r.graded_at).toISOString() : null,
  };
}

const SUBMISSION_COLUMNS = 'id, enrolment_id, lesson_id, file_name, submitted_at, score, feedback, passed, graded_at';

/** Whether a player event completes a lesson of this kind (docs/learning.md, "What completes a lesson"). */
export function eventCompletes(lesson: LessonSnapshot, dto: Pick<ProgressUpdateDto, 'event' | 'watchedRatio'>): boolean {
  const c = lesson.content;
  switch (dto.event) {
    case 'opened':
      return c.kind === 'text' || c.kind === 'document' || c.kind === 'link';
    case 'downloaded':
      return c.kind === 'file' || c.kind === 'document';
    case 'video':
    case 'heartbeat':
      return c.kind === 'video' && dto.watchedRatio !== undefined && dto.watchedRatio >= (c.completeAtRatio ?? DEFAULT_COMPLETE_AT_RATIO);
  }
}

@Injectable()
export class ProgressService {
  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(EnrolmentAccess) private readonly access: EnrolmentAccess,
    @Inject(CompletionService) private readonly completion: CompletionService,
    @Inject(EnrolmentVersions) private readonly versions: EnrolmentVersions,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  // ---- the player ----------------------------------------------------------------------------

  /** One lesson for the player, from the version snapshot. Quiz lessons show the quiz's settings only, never questions or keys. */
  async lesson(scope: AccessScope, enrolmentId: string, lessonId: string): Promise<PlayerLesson> {
    const m = this.db.manager;
    const { row, own } = await this.access.readable(m, scope, enrolmentId);
    if (own && row.status !== 'active' && row.status !== 'completed') throw conflict(ErrorCode.ENROLMENT_NOT_ACTIVE, 'Pendaftaran ini belum atau tidak lagi aktif');
    const { version, module, lesson, index } = await this.versions.lesson(m, row.course_version_id, lessonId);
    const progress = row.progress.find((r) => r.lesson_id === lessonId);
    let content: PlayerLessonContent;
    const c = lesson.content;
    switch (c.kind) {
      case 'quiz': {
        const quiz: QuizSnapshot | undefined = version.snapshot.quizzes?.[c.quizId];
        const pool = quiz?.questions?.length ?? 0;
        const drawn = quiz?.settings?.draw?.length ? quiz.settings.draw.reduce((n, d) => n + d.count, 0) : pool;
        content = {
          kind: 'quiz',
          quiz: {
            quizId: c.quizId, title: quiz?.title ?? lesson.title, role: quiz?.settings?.role ?? 'quiz', questionCount: Math.min(drawn, pool || drawn),
            timeLimitSeconds: quiz?.settings?.timeLimitSeconds ?? null, opensAt: quiz?.settings?.opensAt ?? null, closesAt: quiz?.settings?.closesAt ?? null,
            maxAttempts: quiz?.settings?.maxAttempts ?? null, passPercent: quiz?.settings?.passPercent ?? 0,
          },
        };
        break;
      }
      case 'assignment': {
        const [latest, ...earlier]: SubmissionRow[] = await m.query(
          `SELECT ${SUBMISSION_COLUMNS} FROM assignment_submission WHERE enrolment_id = $1 AND lesson_id = $2 ORDER BY submitted_at DESC, id DESC LIMIT $3`,
          [enrolmentId, lessonId, SUBMISSION_HISTORY],
        );
        content = {
          kind: 'assignment', instructions: c.instructions, maxScore: c.maxScore, passScore: c.passScore, submission: latest ? toSubmission(latest) : null,
          history: earlier.map(toSubmission),
        };
        break;
      }
      case 'video':
        content = { kind: 'video', fileId: c.fileId ?? null, url: c.url ?? null, durationSeconds: c.durationSeconds ?? null, completeAtRatio: c.completeAtRatio ?? DEFAULT_COMPLETE_AT_RATIO };
        break;
      default:
        content = c;
    }
    const prev = version.lessons[index - 1]?.lesson.id ?? null;
    const next = version.lessons[index + 1]?.lesson.id ?? null;
    return {
      enrolmentId, moduleId: module.id, lessonId: lesson.id, title: lesson.title, kind: c.kind,
      required: version.requiredLessonIds.has(lesson.id), content,
      progress: progress ? toLessonProgress(progress) : emptyProgress(lessonId), previousLessonId: prev, nextLessonId: next,
    };
  }

  /**
   * A player event on the learner's own lesson. Safe to repeat: a completed lesson stays completed, the watched
   * share only grows, and completion is written at most once.
   */
  async recordEvent(scope: AccessScope, enrolmentId: string, lessonId: string, dto: ProgressUpdateDto): Promise<ProgressResult> {
    return this.db.transaction(async (m) => {
      await this.access.own(m, scope, enrolmentId);
      const en = await lockEnrolment(m, enrolmentId);
      if (en.status !== 'active' && en.status !== 'completed') throw conflict(ErrorCode.ENROLMENT_NOT_ACTIVE, 'Pendaftaran ini tidak aktif');
      const { lesson, version } = await this.versions.lesson(m, en.courseVersionId, lessonId);
      if (dto.event === 'video' && lesson.content.kind !== 'video') throw invalid(ErrorCode.ENROLMENT_WRONG_LESSON_KIND, 'Materi ini bukan video');
      if (dto.event === 'downloaded' && lesson.content.kind !== 'file' && lesson.content.kind !== 'document') {
        throw invalid(ErrorCode.ENROLMENT_WRONG_LESSON_KIND, 'Materi ini bukan berkas unduhan');
      }
      const c = lesson.content;
      const minSeconds = lessonMinSeconds(version.snapshot, lessonId);
      // With a minimum time, a heartbeat from an open text, document or link lesson completes it once the time is met.
      const readWhileOpen = minSeconds > 0 && dto.event === 'heartbeat' && (c.kind === 'text' || c.kind === 'document' || c.kind === 'link');
      const change: ProgressChange = {
        complete: c.kind !== 'video' && (eventCompletes(lesson, dto) || readWhileOpen),
        secondsSpent: creditableSeconds(dto.secondsSpent, en.clockFrom, en.clockNow),
        position: dto.position,
        clock: { from: en.clockFrom, now: en.clockNow },
        minSeconds,
        ...(c.kind === 'video'
          ? {
              watchedRatio: dto.watchedRatio,
              videoRatePerSecond: PLAYBACK_TOLERANCE / (c.durationSeconds ?? ASSUMED_VIDEO_SECONDS),
              completeAtRatio: c.completeAtRatio ?? DEFAULT_COMPLETE_AT_RATIO,
            }
          : {}),
      };
      const result = await this.apply(m, en, lessonId, change, true);
      const lessonLeft = result.lesson.status === 'completed' ? 0 : Math.max(0, minSeconds - result.lesson.timeSpentSeconds);
      const courseMin = (version.snapshot.completionRule?.minMinutes ?? 0) * 60;
      const courseLeft = result.completed ? 0 : Math.max(0, courseMin - result.creditedSeconds);
      const contentDone = change.complete || (c.kind === 'video' && (result.lesson.watchedRatio ?? 0) >= (change.completeAtRatio ?? 1));
      let notice: string | null = null;
      if (contentDone && lessonLeft > 0) notice = `Materi ini baru selesai setelah waktu belajar minimal ${minutesText(minSeconds)}; kurang ${minutesText(lessonLeft)} lagi.`;
      else if (!result.completed && courseLeft > 0 && result.enrolmentProgressPercent >= 100) {
        notice = `Pelatihan ini baru selesai setelah waktu belajar minimal ${minutesText(courseMin)}; kurang ${minutesText(courseLeft)} lagi.`;
      }
      const { creditedSeconds: _credited, ...out } = result;
      return { ...out, timeRemaining: { lessonSeconds: lessonLeft, courseSeconds: courseLeft }, notice };
    });
  }

  /** With the enrolment locked by the caller: one statement writes the lesson and reads the others, then completion is evaluated. */
  private async apply(
    m: EntityManager, en: LockedEnrolment, lessonId: string, change: ProgressChange, byLearner: boolean,
  ): Promise<ProgressResult & { creditedSeconds: number }> {
    const { row, rows } = await applyProgress(m, en.id, lessonId, change, byLearner);
    const outcome = await this.completion.evaluate(m, en.id, { enrolment: en, rows });
    return {
      lesson: toLessonProgress(row), enrolmentProgressPercent: outcome.progressPercent,
      enrolmentStatus: outcome.completed ? 'completed' : en.status, completed: outcome.completed, creditedSeconds: creditedSeconds(toFacts(rows)),
    };
  }

  /**
   * For the assessment lib: a graded quiz attempt completes its quiz lesson with the learner's quiz grade, in the
   * caller's transaction, and may complete the course. `courseCompleted`: the course is completed (now or before).
   * Null, recording nothing, when the enrolment is no longer active or completed (withdrawn, say).
   */
  async recordQuizOutcome(manager: EntityManager, enrolmentId: string, lessonId: string, outcome: { gradePercent: number; passed: boolean }): Promise<{ courseCompleted: boolean } | null> {
    const en = await lockEnrolment(manager, enrolmentId);
    if (en.status !== 'active' && en.status !== 'completed') return null;
    const { lesson } = await this.versions.lesson(manager, en.courseVersionId, lessonId);
    if (lesson.content.kind !== 'quiz') throw invalid(ErrorCode.ENROLMENT_WRONG_LESSON_KIND, 'Materi ini bukan kuis');
    const grade = Math.round(Math.min(100, Math.max(0, outcome.gradePercent)) * 100) / 100;
    const result = await this.apply(manager, en, lessonId, { complete: true, scorePercent: grade, passed: outcome.passed }, true);
    return { courseCompleted: result.completed };
  }

  // ---- assignments -------------------------------------------------------------------------

  /** The learner hands in a file for an assignment lesson; submitting completes the lesson (grading may be required to pass). */
  async submit(scope: AccessScope, enrolmentId: string, lessonId: string, file: { path: string; originalname: string; size: number } | undefined): Promise<AssignmentSubmission> {
    if (!file) throw invalid(ErrorCode.ENROLMENT_FILE_REQUIRED, 'Lampirkan berkas tugas pada kolom formulir "file"');
    const row = await this.access.own(this.db.manager, scope, enrolmentId);
    const { lesson } = await this.versions.lesson(this.db.manager, row.course_version_id, lessonId);
    if (lesson.content.kind !== 'assignment') throw invalid(ErrorCode.ENROLMENT_WRONG_LESSON_KIND, 'Materi ini bukan tugas');
    if (row.status !== 'active' && row.status !== 'completed') throw conflict(ErrorCode.ENROLMENT_NOT_ACTIVE, 'Pendaftaran ini tidak aktif');
    const fileName = cleanFileName(file.originalname);
    if (!SUBMISSION_TYPES.test(fileName)) throw invalid(ErrorCode.ENROLMENT_BAD_FILE, 'Jenis berkas tidak didukung (PDF, Office, OpenDocument, teks, gambar atau ZIP)');
    if (file.size === 0) throw invalid(ErrorCode.ENROLMENT_BAD_FILE, 'Berkas kosong');
    // By content, as course files are: an executable, an HTML page or an SVG renamed to .pdf/.png is refused.
    const detected = detectMime(await readHead(file.path), fileName);
    if (!detected || detected !== submissionMime(fileName).split(';')[0]) {
      throw invalid(ErrorCode.ENROLMENT_BAD_FILE, `Isi berkas tidak sesuai dengan jenisnya (${extname(fileName).toLowerCase()}): unggah PDF, dokumen Office/OpenDocument, teks, gambar JPEG/PNG atau ZIP yang asli`);
    }
    const storageKey = `submissions/${enrolmentId}/${lessonId}/${randomUUID()}${extname(fileName).toLowerCase()}`;
    await this.storage.importLocalFile(file.path, storageKey);
    try {
      return await this.db.transaction(async (m) => {
        const en = await lockEnrolment(m, enrolmentId);
        if (en.status !== 'active' && en.status !== 'completed') throw conflict(ErrorCode.ENROLMENT_NOT_ACTIVE, 'Pendaftaran ini tidak aktif');
        const [saved] = await m.query(
          `INSERT INTO assignment_submission (enrolment_id, lesson_id, storage_key, file_name) VALUES ($1, $2, $3, $4) RETURNING ${SUBMISSION_COLUMNS}`,
          [enrolmentId, lessonId, storageKey, fileName],
        );
        await this.apply(m, en, lessonId, { complete: true }, true);
        // A re-submission replaces the previous file; the last SUBMISSION_HISTORY are kept as history, older ones go.
        const dropped: Array<{ storage_key: string }> = (await m.query(
          `DELETE FROM assignment_submission WHERE id IN (
             SELECT id FROM assignment_submission WHERE enrolment_id = $1 AND lesson_id = $2 ORDER BY submitted_at DESC, id DESC OFFSET $3
           ) RETURNING storage_key`,
          [enrolmentId, lessonId, SUBMISSION_HISTORY],
        ))[0] ?? [];
        return { saved: toSubmission(saved), dropped: dropped.map((d) => d.storage_key) };
      }).then(async ({ saved, dropped }) => {
        for (const key of dropped) await this.storage.remove(key).catch(() => undefined);
        return saved;
      });
    } catch (e) {
      await this.storage.remove(storageKey);
      throw e;
    }
  }

  /** A course author or admin grades a submission; passed = score ≥ the assignment's pass score. */
  async grade(scope: AccessScope, submissionId: string, dto: GradeSubmissionDto): Promise<AssignmentSubmission> {
    return this.db.transaction(async (m) => {
      const [sub] = await m.query(
        `SELECT s.id, s.enrolment_id, s.lesson_id, en.course_version_id, en.course_id, c.agency_id AS course_agency_id
           FROM assignment_submission s JOIN enrolment en ON en.id = s.enrolment_id JOIN learning_course c ON c.id = en.course_id WHERE s.id = $1`,
        [submissionId],
      );
      if (!sub || !(await managesCourse(m, scope, { id: sub.course_id, agencyId: sub.course_agency_id }))) {
        throw notFound(ErrorCode.ENROLMENT_SUBMISSION_NOT_FOUND, 'Tugas tidak ditemukan');
      }
      const { lesson } = await this.versions.lesson(m, sub.course_version_id, sub.lesson_id);
      if (lesson.content.kind !== 'assignment') throw invalid(ErrorCode.ENROLMENT_WRONG_LESSON_KIND, 'Materi ini bukan tugas');
      const { maxScore, passScore } = lesson.content;
      if (dto.score > maxScore) throw invalid(ErrorCode.ENROLMENT_INVALID_SCORE, `Nilai maksimal ${maxScore}`);
      const en = await lockEnrolment(m, sub.enrolment_id);
      const passed = dto.score >= passScore;
      // An UPDATE through the driver answers [rows, affected].
      const [[saved]] = await m.query(
        `UPDATE assignment_submission SET score = $2, feedback = $3, passed = $4, graded_by = $5, graded_at = now() WHERE id = $1 RETURNING ${SUBMISSION_COLUMNS}`,
        [submissionId, dto.score, dto.feedback ?? null, passed, scope.principal.userId],
      );
      const percent = maxScore > 0 ? Math.round((dto.score / maxScore) * 10000) / 100 : 0;
      await this.apply(m, en, sub.lesson_id, { complete: true, scorePercent: Math.min(100, percent), passed }, false);
      await recordAudit(m, { userId: scope.principal.userId, correlationId: scope.principal.correlationId }, {
        action: 'assignment_submission.grade', entityType: 'assignment_submission', entityId: submissionId, agencyId: sub.course_agency_id,
        after: { score: dto.score, passed },
      });
      return toSubmission(saved);
    });
  }

  // ---- live sessions -----------------------------------------------------------------------

  /** Records attendance of a live lesson for ASN enrolled in the course (authors, admins); each attendance may complete a course. */
  async recordAttendance(scope: AccessScope, courseId: string, lessonId: string, dto: AttendanceDto): Promise<AttendanceResult> {
    return this.db.transaction(async (m) => {
      const course = await requireManagedCourse(m, scope, courseId);
      const ids = [...new Set(dto.employeeIds)];
      // Locked in id order, so two attendance lists for overlapping learners cannot deadlock.
      const enrolments = (await m.query(
        `SELECT ${LOCKED_ENROLMENT_COLUMNS} FROM enrolment WHERE course_id = $1 AND employee_id = ANY($2::uuid[]) AND status IN ('active','completed') ORDER BY id FOR UPDATE`,
        [courseId, ids],
      )).map(toLockedEnrolment);
      let recorded = 0;
      let liveSeen = false;
      for (const en of enrolments) {
        const version = await this.versions.get(m, en.courseVersionId);
        const lesson = version.lessons.find((l) => l.lesson.id === lessonId)?.lesson;
        if (!lesson) continue;
        if (lesson.content.kind !== 'live') throw invalid(ErrorCode.ENROLMENT_WRONG_LESSON_KIND, 'Materi ini bukan sesi langsung');
        liveSeen = true;
        await this.apply(m, en, lessonId, { complete: true, attended: true }, false);
        recorded++;
      }
      if (!liveSeen && enrolments.length) throw notFound(ErrorCode.ENROLMENT_LESSON_NOT_FOUND, 'Sesi tidak ditemukan pada pelatihan ini');
      await recordAudit(m, { userId: scope.principal.userId, correlationId: scope.principal.correlationId }, {
        action: 'lesson.attendance', entityType: 'course', entityId: courseId, agencyId: course.agencyId, after: { lessonId, recorded, requested: ids.length },
      });
      return { recorded, notEnrolled: ids.length - recorded };
    });
  }
}
