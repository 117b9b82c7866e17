import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  ErrorCode,
  OutboxEvent,
  type CourseDetail,
  type CourseReviewAction,
  type CourseStatus,
  type CourseSummary,
  type Page,
} from '@kompeten/shared-contracts';
import {
  conflict,
  forbidden,
  invalid,
  recordAudit,
  toPage,
  writeOutbox,
  type PageQueryDto,
} from '@kompeten/server-core';
import type { AccessScope } from '@kompeten/server-organisation';
import { actorOf, CourseService } from '../authoring/course.service';
import { completionRuleProblems } from '../authoring/lesson-content';
import {
  canEditContent,
  canManageAuthors,
  findCourseFor,
  widyaiswaraAgencies,
  type CourseAccess,
} from '../course-access';
import { toCourseSummary } from '../course.mapper';
import { clearDraftEditors, isDraftEditor } from '../draft-editor-store';
import type { PublishDto } from '../dto/course.dto';
import { CourseModuleEntity } from '../entities/course-module.entity';
import { CourseReviewEventEntity } from '../entities/course-review-event.entity';
import { CourseEntity } from '../entities/course.entity';
import { LessonEntity } from '../entities/lesson.entity';
import { QUIZ_SNAPSHOT_PORT, type QuizSnapshotPort } from '../quiz-snapshot.port';
import { draftChangedSincePublication } from './draft-changes-store';
import { buildSnapshot, quizIdsOf } from './snapshot';
import { insertVersion, nextVersionNo, pageReviewQueue } from './workflow-store';

const wrongStatus = (message: string) => conflict(ErrorCode.LEARNING_WRONG_STATUS, message);

/**
 * draft → in_review → published → archived (docs/learning.md). An author submits; a reviewer who is not an author
 * publishes or returns. Publishing writes the next immutable course_version in the same transaction as the status
 * change, the review event and the audit row, under the course row lock, so version numbers never repeat.
 */
@Injectable()
export class WorkflowService {
  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(CourseService) private readonly courses: CourseService,
    @Optional() @Inject(QUIZ_SNAPSHOT_PORT) private readonly quizzes?: QuizSnapshotPort,
  ) {}

  private async event(
    m: EntityManager,
    scope: AccessScope,
    course: CourseEntity,
    action: CourseReviewAction,
    status: CourseStatus,
    note: string | null,
    extra: object = {},
  ) {
    await m
      .getRepository(CourseReviewEventEntity)
      .insert({ courseId: course.id, action, actor: scope.principal.userId, note });
    await recordAudit(m, actorOf(scope), {
      action: `course.${action}`,
      entityType: 'course',
      entityId: course.id,
      agencyId: course.agencyId,
      before: { status: course.status, currentVersionId: course.currentVersionId },
      after: { title: course.title, status, note, ...extra },
    });
  }

  private requireReviewer(access: CourseAccess): void {
    if (access.isAuthor)
      throw forbidden(
        ErrorCode.LEARNING_AUTHOR_CANNOT_REVIEW,
        'Penulis pelatihan tidak dapat meninjau atau menerbitkan pelatihannya sendiri',
      );
    if (!access.isReviewer)
      throw forbidden(
        ErrorCode.AUTH_FORBIDDEN,
        'Hanya widyaiswara atau admin instansi pemilik pelatihan yang dapat meninjaunya',
      );
  }

  async submit(scope: AccessScope, id: string, note: string | null): Promise<CourseDetail> {
    return this.db.transaction(async (m) => {
      const access = await findCourseFor(m, scope, id, true);
      if (!canEditContent(access))
        throw forbidden(
          ErrorCode.AUTH_FORBIDDEN,
          'Hanya penulis pelatihan atau admin instansinya yang dapat mengajukan tinjauan',
        );
      const c = access.course;
      if (c.status !== 'draft' && c.status !== 'published')
        throw wrongStatus(c.status === 'in_review' ? 'Pelatihan sudah dalam tinjauan' : 'Pelatihan sudah diarsipkan');
      if (c.currentVersionId && !(await draftChangedSincePublication(m, id)))
        throw conflict(
          ErrorCode.LEARNING_NOTHING_TO_REVIEW,
          'Tidak ada perubahan sejak versi yang sedang berlaku, jadi tidak ada yang perlu ditinjau; ubah isi atau pengaturannya terlebih dahulu',
        );
      const lessons = await m.getRepository(LessonEntity).countBy({ courseId: id });
      if (lessons === 0)
        throw invalid(
          ErrorCode.LEARNING_INVALID_COURSE,
          'Tambahkan setidaknya satu pelajaran sebelum mengajukan tinjauan',
        );
      await m.getRepository(CourseEntity).update({ id }, { status: 'in_review' });
      await this.event(m, scope, c, 'submit', 'in_review', note);
      return this.courses.detail(m, { ...access, course: await m.getRepository(CourseEntity).findOneByOrFail({ id }) });
    });
  }

  async publish(scope: AccessScope, id: string, dto: PublishDto): Promise<CourseDetail> {
    return this.db.transaction(async (m) => {
      const access = await findCourseFor(m, scope, id, true);
      this.requireReviewer(access);
      const c = access.course;
      if (c.status !== 'in_review')
        throw wrongStatus('Hanya pelatihan yang sedang ditinjau (in_review) yang dapat diterbitkan');
      // Four eyes (decision 0013): whoever changed any part of this draft since the last publication — an author who
      // left the author list since, or an admin who edited — cannot be the one who publishes it.
      if (await isDraftEditor(m, id, scope.principal.userId)) {
        throw forbidden(
          ErrorCode.LEARNING_EDITOR_CANNOT_PUBLISH,
          'Anda ikut mengubah versi ini sehingga tidak dapat menerbitkannya; minta peninjau lain',
        );
      }
      const modules = await m.getRepository(CourseModuleEntity).findBy({ courseId: id });
      const lessons = await m.getRepository(LessonEntity).findBy({ courseId: id });
      if (lessons.length === 0)
        throw invalid(ErrorCode.LEARNING_INVALID_COURSE, 'Pelatihan tanpa pelajaran tidak dapat diterbitkan');
      const problems = completionRuleProblems(c.completionRule, lessons);
      if (problems.length)
        throw invalid(
          ErrorCode.LEARNING_INVALID_COURSE,
          `Aturan kelulusan tidak valid: ${problems.join('; ')}`,
          problems,
        );
      const quizIds = quizIdsOf(lessons);
      let quizzes = {};
      if (quizIds.length) {
        if (!this.quizzes)
          throw invalid(
            ErrorCode.LEARNING_QUIZ_PORT_MISSING,
            'Pelatihan ini memuat kuis, tetapi modul penilaian (assessment) tidak terpasang sehingga kuis tidak dapat dibekukan',
          );
        quizzes = await this.quizzes.snapshot(m, id, quizIds);
      }
      const versionNo = await nextVersionNo(m, id);
      const snapshot = buildSnapshot(c, versionNo, modules, lessons, quizzes);
      const requiresUpgrade = dto.requiresUpgrade ?? false;
      const versionId = await insertVersion(m, {
        courseId: id,
        versionNo,
        snapshot,
        jp: c.jp,
        requiresUpgrade,
        publishedBy: scope.principal.userId,
      });
      await m.getRepository(CourseEntity).update({ id }, { status: 'published', currentVersionId: versionId });
      await clearDraftEditors(m, id);
      await this.event(m, scope, c, 'publish', 'published', dto.note ?? null, {
        versionId,
        versionNo,
        requiresUpgrade,
      });
      // Enrolment (which depends on this lib, never the reverse) moves learners to the new version when asked to.
      await writeOutbox(m, OutboxEvent.CoursePublished, versionId, { courseId: id, versionId, requiresUpgrade });
      return this.courses.detail(m, { ...access, course: await m.getRepository(CourseEntity).findOneByOrFail({ id }) });
    });
  }

  async return(scope: AccessScope, id: string, note: string): Promise<CourseDetail> {
    return this.db.transaction(async (m) => {
      const access = await findCourseFor(m, scope, id, true);
      this.requireReviewer(access);
      if (access.course.status !== 'in_review')
        throw wrongStatus('Hanya pelatihan yang sedang ditinjau (in_review) yang dapat dikembalikan');
      await m.getRepository(CourseEntity).update({ id }, { status: 'draft' });
      await this.event(m, scope, access.course, 'return', 'draft', note);
      return this.courses.detail(m, { ...access, course: await m.getRepository(CourseEntity).findOneByOrFail({ id }) });
    });
  }

  /** Takes a course out of the catalog for good; learners already enrolled keep their version. */
  async archive(scope: AccessScope, id: string): Promise<CourseDetail> {
    return this.db.transaction(async (m) => {
      const access = await findCourseFor(m, scope, id, true);
      if (!canManageAuthors(access))
        throw forbidden(
          ErrorCode.AUTH_FORBIDDEN,
          'Hanya pemilik pelatihan atau admin instansinya yang dapat mengarsipkannya',
        );
      if (access.course.status === 'archived') throw wrongStatus('Pelatihan sudah diarsipkan');
      await m.getRepository(CourseEntity).update({ id }, { status: 'archived' });
      await this.event(m, scope, access.course, 'archive', 'archived', null);
      return this.courses.detail(m, { ...access, course: await m.getRepository(CourseEntity).findOneByOrFail({ id }) });
    });
  }

  /** Courses in review that the caller may review: of an agency it reviews for, not written or edited by it. */
  async reviews(scope: AccessScope, q: PageQueryDto): Promise<Page<CourseSummary>> {
    const { total, rows } = await pageReviewQueue(
      this.db,
      {
        agencyIds: scope.global ? null : [...new Set([...scope.adminAgencyIds, ...widyaiswaraAgencies(scope)])],
        employeeId: scope.principal.employeeId,
        userId: scope.principal.userId,
      },
      q,
    );
    return toPage(rows.map(toCourseSummary), total, q);
  }
}
