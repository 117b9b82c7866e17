import { randomUUID } from 'node:crypto';
import { extname } from 'node:path';
import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ErrorCode, type AssignmentSubmission, type Page, type SubmissionForGrading } from '@kompeten/shared-contracts';
import {
  cleanFileName,
  conflict,
  detectMime,
  FILE_STORAGE,
  invalid,
  notFound,
  readHead,
  recordAudit,
  toPage,
  type FileStorage,
} from '@kompeten/server-core';
import { managesCourse } from '@kompeten/server-learning';
import type { AccessScope } from '@kompeten/server-organisation';
import { displayName } from '@kompeten/shared-util';
import type { GradeSubmissionDto, SubmissionQueryDto } from './dto/enrolment.dto';
import { EnrolmentAccess } from './enrolment-access';
import { EnrolmentVersions } from './enrolment-versions';
import { requireManagedCourse } from './managed-course';
import { ProgressRecorder } from './progress-recorder';
import { lockEnrolment } from './progress-store';
import {
  dropOldSubmissions,
  findSubmissionFile,
  findSubmissionToGrade,
  insertSubmission,
  listLatestSubmissions,
  saveGrade,
  toSubmission,
} from './submission-store';

export const MAX_SUBMISSION_BYTES = 20 * 1024 * 1024;
const SUBMISSION_TYPES = /\.(pdf|docx?|xlsx?|pptx?|odt|ods|odp|txt|zip|jpe?g|png)$/i;

/** What a browser is told a submission is, from the extensions the upload accepts (SUBMISSION_TYPES). */
const MIME_BY_EXTENSION: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.ppt': 'application/vnd.ms-powerpoint',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.odt': 'application/vnd.oasis.opendocument.text',
  '.ods': 'application/vnd.oasis.opendocument.spreadsheet',
  '.odp': 'application/vnd.oasis.opendocument.presentation',
  '.txt': 'text/plain; charset=utf-8',
  '.zip': 'application/zip',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
};

export const submissionMime = (fileName: string): string =>
  MIME_BY_EXTENSION[extname(fileName).toLowerCase()] ?? 'application/octet-stream';

export interface SubmissionFile {
  stream: Readable;
  fileName: string;
  mime: string;
  size: number;
}

/**
 * Assignment submissions: the learner hands a file in, the course's authors and admins list, open and grade them.
 * Only the latest submission of a learner for an assignment lesson counts (docs/learning.md), so only it is listed.
 */
@Injectable()
export class SubmissionService {
  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(EnrolmentVersions) private readonly versions: EnrolmentVersions,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(EnrolmentAccess) private readonly access: EnrolmentAccess,
    @Inject(ProgressRecorder) private readonly recorder: ProgressRecorder,
  ) {}

  /** The learner hands in a file for an assignment lesson; submitting completes the lesson (grading may be required to pass). */
  async submit(
    scope: AccessScope,
    enrolmentId: string,
    lessonId: string,
    file: { path: string; originalname: string; size: number } | undefined,
  ): Promise<AssignmentSubmission> {
    if (!file) throw invalid(ErrorCode.ENROLMENT_FILE_REQUIRED, 'Lampirkan berkas tugas pada kolom formulir "file"');
    const row = await this.access.own(this.db.manager, scope, enrolmentId);
    const { lesson } = await this.versions.lesson(this.db.manager, row.course_version_id, lessonId);
    if (lesson.content.kind !== 'assignment')
      throw invalid(ErrorCode.ENROLMENT_WRONG_LESSON_KIND, 'Materi ini bukan tugas');
    if (row.status !== 'active' && row.status !== 'completed')
      throw conflict(ErrorCode.ENROLMENT_NOT_ACTIVE, 'Pendaftaran ini tidak aktif');
    const fileName = cleanFileName(file.originalname);
    if (!SUBMISSION_TYPES.test(fileName))
      throw invalid(
        ErrorCode.ENROLMENT_BAD_FILE,
        'Jenis berkas tidak didukung (PDF, Office, OpenDocument, teks, gambar atau ZIP)',
      );
    if (file.size === 0) throw invalid(ErrorCode.ENROLMENT_BAD_FILE, 'Berkas kosong');
    // By content, as course files are: an executable, an HTML page or an SVG renamed to .pdf/.png is refused.
    const detected = detectMime(await readHead(file.path), fileName);
    if (!detected || detected !== submissionMime(fileName).split(';')[0]) {
      throw invalid(
        ErrorCode.ENROLMENT_BAD_FILE,
        `Isi berkas tidak sesuai dengan jenisnya (${extname(fileName).toLowerCase()}): unggah PDF, dokumen Office/OpenDocument, teks, gambar JPEG/PNG atau ZIP yang asli`,
      );
    }
    const storageKey = `submissions/${enrolmentId}/${lessonId}/${randomUUID()}${extname(fileName).toLowerCase()}`;
    await this.storage.importLocalFile(file.path, storageKey);
    try {
      return await this.db
        .transaction(async (m) => {
          const en = await lockEnrolment(m, enrolmentId);
          if (en.status !== 'active' && en.status !== 'completed')
            throw conflict(ErrorCode.ENROLMENT_NOT_ACTIVE, 'Pendaftaran ini tidak aktif');
          const saved = await insertSubmission(m, { enrolmentId, lessonId, storageKey, fileName });
          await this.recorder.apply(m, en, lessonId, { complete: true }, true);
          // A re-submission replaces the previous file; the last SUBMISSION_HISTORY are kept as history, older ones go.
          const dropped = await dropOldSubmissions(m, enrolmentId, lessonId);
          return { saved: toSubmission(saved), dropped };
        })
        .then(async ({ saved, dropped }) => {
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
      const sub = await findSubmissionToGrade(m, submissionId);
      if (!sub || !(await managesCourse(m, scope, { id: sub.course_id, agencyId: sub.course_agency_id }))) {
        throw notFound(ErrorCode.ENROLMENT_SUBMISSION_NOT_FOUND, 'Tugas tidak ditemukan');
      }
      const { lesson } = await this.versions.lesson(m, sub.course_version_id, sub.lesson_id);
      if (lesson.content.kind !== 'assignment')
        throw invalid(ErrorCode.ENROLMENT_WRONG_LESSON_KIND, 'Materi ini bukan tugas');
      const { maxScore, passScore } = lesson.content;
      if (dto.score > maxScore) throw invalid(ErrorCode.ENROLMENT_INVALID_SCORE, `Nilai maksimal ${maxScore}`);
      const en = await lockEnrolment(m, sub.enrolment_id);
      const passed = dto.score >= passScore;
      const saved = await saveGrade(m, submissionId, {
        score: dto.score,
        feedback: dto.feedback ?? null,
        passed,
        gradedBy: scope.principal.userId,
      });
      const percent = maxScore > 0 ? Math.round((dto.score / maxScore) * 10000) / 100 : 0;
      await this.recorder.apply(
        m,
        en,
        sub.lesson_id,
        { complete: true, scorePercent: Math.min(100, percent), passed },
        false,
      );
      await recordAudit(
        m,
        { userId: scope.principal.userId, correlationId: scope.principal.correlationId },
        {
          action: 'assignment_submission.grade',
          entityType: 'assignment_submission',
          entityId: submissionId,
          agencyId: sub.course_agency_id,
          after: { score: dto.score, passed },
        },
      );
      return toSubmission(saved);
    });
  }

  /**
   * The latest submission per learner and assignment lesson of a course's active and completed enrolments, oldest
   * first (a queue). Course authors and admins of its agency only: 404 when the caller cannot see the course, 403
   * when it may see but not manage it.
   */
  async list(scope: AccessScope, courseId: string, q: SubmissionQueryDto): Promise<Page<SubmissionForGrading>> {
    const m = this.db.manager;
    await requireManagedCourse(m, scope, courseId);
    const { total, rows } = await listLatestSubmissions(m, courseId, q.status ?? 'ungraded', {
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    const items: SubmissionForGrading[] = [];
    for (const r of rows) {
      const version = await this.versions.get(m, r.course_version_id);
      const lesson = version.lessons.find((l) => l.lesson.id === r.lesson_id)?.lesson;
      const content = lesson?.content.kind === 'assignment' ? lesson.content : null;
      items.push({
        id: r.id,
        enrolmentId: r.enrolment_id,
        lessonId: r.lesson_id,
        fileName: r.file_name,
        submittedAt: new Date(r.submitted_at).toISOString(),
        score: r.score === null ? null : Number(r.score),
        feedback: r.feedback,
        passed: r.passed,
        gradedAt: r.graded_at ? new Date(r.graded_at).toISOString() : null,
        employeeId: r.employee_id,
        employeeName: displayName(r.full_name, r.front_title, r.back_title),
        nip: r.nip,
        unitName: r.unit_name,
        lessonTitle: lesson?.title ?? null,
        maxScore: content?.maxScore ?? null,
        passScore: content?.passScore ?? null,
      });
    }
    return toPage(items, total, q);
  }

  /** The submitted file, for the learner who handed it in and the course's authors and admins; a 404 for everyone else. */
  async openFile(scope: AccessScope, submissionId: string): Promise<SubmissionFile> {
    const gone = () => notFound(ErrorCode.ENROLMENT_SUBMISSION_NOT_FOUND, 'Tugas tidak ditemukan');
    const m = this.db.manager;
    const row = await findSubmissionFile(m, submissionId);
    if (!row) throw gone();
    const own = !!scope.principal.employeeId && row.employee_id === scope.principal.employeeId;
    if (!own && !(await managesCourse(m, scope, { id: row.course_id, agencyId: row.agency_id }))) throw gone();
    try {
      const size = await this.storage.size(row.storage_key);
      return {
        stream: await this.storage.read(row.storage_key),
        fileName: row.file_name,
        mime: submissionMime(row.file_name),
        size,
      };
    } catch {
      throw gone();
    }
  }
}
