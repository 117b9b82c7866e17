import { extname } from 'node:path';
import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ErrorCode, type Page, type SubmissionFilter, type SubmissionForGrading } from '@kompeten/shared-contracts';
import { FILE_STORAGE, notFound, toPage, type FileStorage } from '@kompeten/server-core';
import { managesCourse } from '@kompeten/server-learning';
import type { AccessScope } from '@kompeten/server-organisation';
import { displayName } from '@kompeten/shared-util';
import type { SubmissionQueryDto } from './dto/enrolment.dto';
import { requireManagedCourse } from './managed-course';
import { EnrolmentVersions } from './enrolment-versions';

/** What a browser is told a submission is, from the extensions the upload accepts (progress.service SUBMISSION_TYPES). */
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

export const submissionMime = (fileName: string): string => MIME_BY_EXTENSION[extname(fileName).toLowerCase()] ?? 'application/octet-stream';

const GRADED_FILTER: Record<SubmissionFilter, string> = {
  ungraded: 'AND l.graded_at IS NULL',
  graded: 'AND l.graded_at IS NOT NULL',
  all: '',
};

export interface SubmissionFile {
  stream: Readable;
  fileName: string;
  mime: string;
  size: number;
}

interface ListRow {
  id: string; enrolment_id: string; lesson_id: string; file_name: string; submitted_at: Date; score: string | null; feedback: string | null;
  passed: boolean | null; graded_at: Date | null; course_version_id: string; employee_id: string; nip: string; full_name: string;
  front_title: string | null; back_title: string | null; unit_name: string | null;
}

/**
 * Assignment submissions for those who grade them: a course's grading list and the submitted files. Only the latest
 * submission of a learner for an assignment lesson counts (docs/learning.md), so only it is listed.
 */
@Injectable()
export class SubmissionService {
  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(EnrolmentVersions) private readonly versions: EnrolmentVersions,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  /**
   * The latest submission per learner and assignment lesson of a course's active and completed enrolments, oldest
   * first (a queue). Course authors and admins of its agency only: 404 when the caller cannot see the course, 403
   * when it may see but not manage it.
   */
  async list(scope: AccessScope, courseId: string, q: SubmissionQueryDto): Promise<Page<SubmissionForGrading>> {
    const m = this.db.manager;
    await requireManagedCourse(m, scope, courseId);
    const latest = `WITH latest AS (
        SELECT DISTINCT ON (s.enrolment_id, s.lesson_id) s.*
          FROM assignment_submission s JOIN enrolment en ON en.id = s.enrolment_id
         WHERE en.course_id = $1 AND en.status IN ('active', 'completed')
         ORDER BY s.enrolment_id, s.lesson_id, s.submitted_at DESC, s.id DESC
      )`;
    const filter = GRADED_FILTER[q.status ?? 'ungraded'];
    const [{ total }] = await m.query(`${latest} SELECT count(*)::int AS total FROM latest l WHERE true ${filter}`, [courseId]);
    const rows: ListRow[] = await m.query(
      `${latest}
       SELECT l.id, l.enrolment_id, l.lesson_id, l.file_name, l.submitted_at, l.score, l.feedback, l.passed, l.graded_at,
              en.course_version_id, en.employee_id, e.nip, e.full_name, e.front_title, e.back_title, u.name AS unit_name
         FROM latest l
         JOIN enrolment en ON en.id = l.enrolment_id
         JOIN identity_employee e ON e.id = en.employee_id
         LEFT JOIN organisation_work_unit u ON u.id = e.unit_id
        WHERE true ${filter}
        ORDER BY l.submitted_at, l.id
        LIMIT $2 OFFSET $3`,
      [courseId, q.pageSize, (q.page - 1) * q.pageSize],
    );
    const items: SubmissionForGrading[] = [];
    for (const r of rows) {
      const version = await this.versions.get(m, r.course_version_id);
      const lesson = version.lessons.find((l) => l.lesson.id === r.lesson_id)?.lesson;
      const content = lesson?.content.kind === 'assignment' ? lesson.content : null;
      items.push({
        id: r.id, enrolmentId: r.enrolment_id, lessonId: r.lesson_id, fileName: r.file_name, submittedAt: new Date(r.submitted_at).toISOString(),
        score: r.score === null ? null : Number(r.score), feedback: r.feedback, passed: r.passed, gradedAt: r.graded_at ? new Date(r.graded_at).toISOString() : null,
        employeeId: r.employee_id, employeeName: displayName(r.full_name, r.front_title, r.back_title), nip: r.nip, unitName: r.unit_name,
        lessonTitle: lesson?.title ?? null, maxScore: content?.maxScore ?? null, passScore: content?.passScore ?? null,
      });
    }
    return toPage(items, total, q);
  }

  /** The submitted file, for the learner who handed it in and the course's authors and admins; a 404 for everyone else. */
  async openFile(scope: AccessScope, submissionId: string): Promise<SubmissionFile> {
    const gone = () => notFound(ErrorCode.ENROLMENT_SUBMISSION_NOT_FOUND, 'Tugas tidak ditemukan');
    const m = this.db.manager;
    const [row] = await m.query(
      `SELECT s.storage_key, s.file_name, en.employee_id, en.course_id, c.agency_id
         FROM assignment_submission s JOIN enrolment en ON en.id = s.enrolment_id JOIN learning_course c ON c.id = en.course_id
        WHERE s.id = $1`,
      [submissionId],
    );
    if (!row) throw gone();
    const own = !!scope.principal.employeeId && row.employee_id === scope.principal.employeeId;
    if (!own && !(await managesCourse(m, scope, { id: row.course_id, agencyId: row.agency_id }))) throw gone();
    try {
      const size = await this.storage.size(row.storage_key);
      return { stream: await this.storage.read(row.storage_key), fileName: row.file_name, mime: submissionMime(row.file_name), size };
    } catch {
      throw gone();
    }
  }
}
