import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ErrorCode, type CourseFile, type CourseFilePurpose } from '@kompeten/shared-contracts';
import {
  cleanFileName,
  DomainError,
  FILE_STORAGE,
  forbidden,
  invalid,
  notFound,
  recordAudit,
  type FileStorage,
  type Principal,
} from '@kompeten/server-core';
import type { AccessScope } from '@kompeten/server-organisation';
import { actorOf } from '../authoring/course.service';
import { canEditContent, canSee, courseAccess, findCourseFor, isLive, requireEditable } from '../course-access';
import { toCourseFile } from '../course.mapper';
import { recordDraftEditor } from '../draft-editor-store';
import { CourseFileEntity } from '../entities/course-file.entity';
import { CourseEntity } from '../entities/course.entity';
import { LEARNER_ENROLMENT_PORT, type LearnerEnrolmentPort } from '../learner-enrolment.port';
import { PublishedVersions } from '../versions/published-versions';
import { CourseVisibilityService, viewerSees } from '../visibility/course-visibility';
import { parseByteRange, type ByteRange } from './byte-range';
import { detectMime, FILE_RULES, readHead } from './file-types';

/** Files served by byte range (seeking in the player): videos. */
export const servesRanges = (mime: string): boolean => mime.startsWith('video/');

export type OpenedCourseFile =
  | { file: CourseFile; range: ByteRange | null; stream: Readable }
  | { file: CourseFile; range: 'unsatisfiable'; stream: null };

export interface UploadedTempFile {
  path: string;
  originalname: string;
  size: number;
}

@Injectable()
export class CourseFileService {
  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(CourseVisibilityService) private readonly visibility: CourseVisibilityService,
    @Inject(PublishedVersions) private readonly versions: PublishedVersions,
    @Optional() @Inject(LEARNER_ENROLMENT_PORT) private readonly enrolments?: LearnerEnrolmentPort,
  ) {}

  /** Checks the upload's real type and size for its purpose, moves it into storage and records it. Authors and admins only. */
  async upload(
    scope: AccessScope,
    courseId: string,
    purpose: CourseFilePurpose,
    file: UploadedTempFile | undefined,
  ): Promise<CourseFile> {
    if (!file) throw invalid(ErrorCode.LEARNING_FILE_REQUIRED, 'Lampirkan berkas pada kolom formulir "file"');
    const access = await findCourseFor(this.db.manager, scope, courseId);
    if (!canEditContent(access))
      throw forbidden(
        ErrorCode.AUTH_FORBIDDEN,
        'Hanya penulis pelatihan atau admin instansinya yang dapat mengunggah berkas',
      );
    requireEditable(access.course);
    const rule = FILE_RULES[purpose];
    if (file.size === 0) throw invalid(ErrorCode.LEARNING_BAD_FILE, 'Berkas kosong');
    if (file.size > rule.maxBytes) {
      throw new DomainError(
        'too_large',
        ErrorCode.LEARNING_FILE_TOO_LARGE,
        `Berkas terlalu besar untuk tujuan "${purpose}": ${rule.label}`,
      );
    }
    const fileName = cleanFileName(file.originalname);
    const mime = detectMime(await readHead(file.path), fileName);
    if (!mime || !rule.mimes.includes(mime)) {
      throw invalid(
        ErrorCode.LEARNING_BAD_FILE,
        `Jenis berkas tidak diterima untuk tujuan "${purpose}": harus ${rule.label}`,
      );
    }
    const id = randomUUID();
    const storageKey = `courses/${courseId}/${id}`;
    await this.storage.importLocalFile(file.path, storageKey);
    try {
      return await this.db.transaction(async (m) => {
        await m.getRepository(CourseFileEntity).insert({
          id,
          courseId,
          purpose,
          storageKey,
          fileName,
          mime,
          size: file.size,
          uploadedBy: scope.principal.userId,
        });
        await recordDraftEditor(m, courseId, scope.principal.userId);
        const row = await m.getRepository(CourseFileEntity).findOneByOrFail({ id });
        await recordAudit(m, actorOf(scope), {
          action: 'course_file.upload',
          entityType: 'course_file',
          entityId: id,
          agencyId: access.course.agencyId,
          after: toCourseFile(row),
        });
        return toCourseFile(row);
      });
    } catch (e) {
      await this.storage.remove(storageKey);
      throw e;
    }
  }

  /**
   * Opens a file for its authors, reviewers and admins; a cover or a picture for anyone who sees the course in the catalog; any other
   * file for learners enrolled in a version that uses it. Everyone else gets a 404. A video may be read by byte range
   * (`rangeHeader`, the HTTP Range header) so the player can seek; other files are served whole.
   */
  async open(scope: AccessScope, principal: Principal, id: string, rangeHeader?: string): Promise<OpenedCourseFile> {
    const gone = () => notFound(ErrorCode.LEARNING_FILE_NOT_FOUND, 'Berkas tidak ditemukan');
    const file = await this.db.getRepository(CourseFileEntity).findOneBy({ id });
    if (!file) throw gone();
    const course = await this.db.getRepository(CourseEntity).findOneByOrFail({ id: file.courseId });
    if (!(await this.mayRead(scope, principal, course, file))) throw gone();
    const range = servesRanges(file.mime) ? parseByteRange(rangeHeader, Number(file.size)) : null;
    if (range === 'unsatisfiable') return { file: toCourseFile(file), range, stream: null };
    let stream: Readable;
    try {
      stream = range
        ? await this.storage.readRange(file.storageKey, range.start, range.end)
        : await this.storage.read(file.storageKey);
    } catch {
      throw gone();
    }
    return { file: toCourseFile(file), range, stream };
  }

  private async mayRead(
    scope: AccessScope,
    principal: Principal,
    course: CourseEntity,
    file: CourseFileEntity,
  ): Promise<boolean> {
    if (canSee(await courseAccess(this.db.manager, scope, course))) return true;
    // A cover, and a picture in rich text (the description shows it on the course page), are public to whoever sees
    // the live course in the catalog.
    if (
      (file.purpose === 'cover' || file.purpose === 'image') &&
      isLive(course) &&
      viewerSees(await this.visibility.viewer(principal), course)
    )
      return true;
    if (!principal.employeeId || !this.enrolments) return false;
    // The learner's enrolment points at the version they study; that version must use the file.
    const enrolment = await this.enrolments.enrolmentOf(this.db.manager, course.id, principal.employeeId);
    if (!enrolment || (enrolment.status !== 'active' && enrolment.status !== 'completed')) return false;
    return (await this.versions.find(this.db.manager, enrolment.courseVersionId))?.mentions(file.id) ?? false;
  }
}
