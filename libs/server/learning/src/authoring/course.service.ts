import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  ErrorCode,
  JENIS_DIKLAT_STRUKTURAL,
  type CompletionRule,
  type CourseDetail,
  type CourseSummary,
  type Page,
} from '@kompeten/shared-contracts';
import { conflict, DomainError, forbidden, invalid, notFound, recordAudit, toPage } from '@kompeten/server-core';
import { findActiveEmployee } from '@kompeten/server-identity';
import { agencyExists, type AccessScope } from '@kompeten/server-organisation';
import { displayName } from '@kompeten/shared-util';
import {
  canEditContent,
  canManageAuthors,
  canReview,
  EDITABLE_STATUSES,
  findCourseFor,
  findEditableCourse,
  requireAuthorsOpen,
  widyaiswaraAgencies,
  type CourseAccess,
} from '../course-access';
import { selectCourseSummary } from '../course-summary-store';
import { toCourseFile, toCourseSummary, toLesson } from '../course.mapper';
import { isDraftEditor } from '../draft-editor-store';
import { draftChangedSincePublication } from '../workflow/draft-changes-store';
import type { AddAuthorDto, CourseQueryDto, CreateCourseDto, UpdateCourseDto } from '../dto/course.dto';
import { CourseAuthorEntity } from '../entities/course-author.entity';
import { CourseFileEntity } from '../entities/course-file.entity';
import { CourseModuleEntity } from '../entities/course-module.entity';
import { CourseVersionEntity } from '../entities/course-version.entity';
import { CourseEntity } from '../entities/course.entity';
import { LessonEntity } from '../entities/lesson.entity';
import { stemText } from '../search/stemmer';
import { courseRichText } from './course-rich-text';
import { cleanRule, completionRuleProblems } from './lesson-content';
import { CourseVisibilityService } from '../visibility/course-visibility';
import {
  pageAuthoringCourses,
  selectCourseAuthors,
  selectReachableCourseIds,
  selectReviewEvents,
} from './course-store';
import { plainText, sanitizeRichText } from './rich-text';

export const actorOf = (scope: AccessScope) => ({
  userId: scope.principal.userId,
  correlationId: scope.principal.correlationId,
});

/** The stems catalog search matches (docs/learning.md "Catalog search"); the title counts twice so title hits rank first. */
export function courseStems(c: Pick<CourseEntity, 'title' | 'description' | 'objectives' | 'tags'>): string {
  return stemText(c.title, c.title, plainText(c.description), c.objectives.join(' '), c.tags.join(' '));
}

/**
 * The kind of structural leadership training a course with this form of development carries (decision 0035): required
 * for jenis diklat 1 (its completions go to SIASN's /diklat/save), refused for every other form.
 */
export function latihanStrukturalOf(
  jenisDiklatId: number,
  latihanStrukturalId: number | null | undefined,
): number | null {
  if (jenisDiklatId === JENIS_DIKLAT_STRUKTURAL) {
    if (latihanStrukturalId == null)
      throw invalid(
        ErrorCode.LEARNING_INVALID_COURSE,
        'Pelatihan struktural kepemimpinan (jenisDiklatId 1) wajib menyebut jenis latihan strukturalnya (latihanStrukturalId 1–8)',
      );
    return latihanStrukturalId;
  }
  if (latihanStrukturalId != null)
    throw invalid(
      ErrorCode.LEARNING_INVALID_COURSE,
      'latihanStrukturalId hanya untuk pelatihan struktural kepemimpinan (jenisDiklatId 1); kosongkan untuk jenis diklat lain',
    );
  return null;
}

/** A course as the audit log keeps it. */
const auditView = (c: CourseEntity) => {
  const { searchStems: _stems, ...rest } = c;
  return rest;
};

@Injectable()
export class CourseService {
  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(CourseVisibilityService) private readonly visibility: CourseVisibilityService,
  ) {}

  // ---- list and read -----------------------------------------------------------------------

  async list(scope: AccessScope, q: CourseQueryDto): Promise<Page<CourseSummary>> {
    const { total, rows } = await pageAuthoringCourses(this.db, scope, { status: q.status, text: q.q?.trim() }, q);
    return toPage(rows.map(toCourseSummary), total, q);
  }

  async get(scope: AccessScope, id: string): Promise<CourseDetail> {
    return this.db.transaction(async (m) => this.detail(m, await findCourseFor(m, scope, id)));
  }

  /** The draft with its outline, authors, versions, files and review history. */
  async detail(m: EntityManager, access: CourseAccess): Promise<CourseDetail> {
    const c = access.course;
    const summary = await selectCourseSummary(m, c.id);
    const modules = await m
      .getRepository(CourseModuleEntity)
      .find({ where: { courseId: c.id }, order: { position: 'ASC', createdAt: 'ASC' } });
    const lessons = await m
      .getRepository(LessonEntity)
      .find({ where: { courseId: c.id }, order: { position: 'ASC', createdAt: 'ASC' } });
    const authors = await selectCourseAuthors(m, c.id);
    const versions = await m.getRepository(CourseVersionEntity).find({
      where: { courseId: c.id },
      order: { versionNo: 'DESC' },
      select: { id: true, versionNo: true, jp: true, requiresUpgrade: true, publishedBy: true, publishedAt: true },
    });
    const files = await m
      .getRepository(CourseFileEntity)
      .find({ where: { courseId: c.id }, order: { createdAt: 'ASC' } });
    const events = await selectReviewEvents(m, c.id);
    const editable = EDITABLE_STATUSES.includes(c.status);
    return {
      ...toCourseSummary(summary),
      objectives: c.objectives,
      prerequisiteCourseIds: c.prerequisiteCourseIds,
      completionRule: c.completionRule,
      modules: modules.map((mod) => ({
        id: mod.id,
        position: mod.position,
        title: mod.title,
        lessons: lessons.filter((l) => l.moduleId === mod.id).map(toLesson),
      })),
      authors: authors.map((a) => ({
        employeeId: a.employee_id,
        name: displayName(a.full_name, a.front_title, a.back_title),
        nip: a.nip,
        role: a.role,
      })),
      versions: versions.map((v) => ({
        id: v.id,
        versionNo: v.versionNo,
        jp: Number(v.jp),
        requiresUpgrade: v.requiresUpgrade,
        publishedBy: v.publishedBy,
        publishedAt: v.publishedAt.toISOString(),
      })),
      files: files.map(toCourseFile),
      reviewEvents: events.map((e) => ({
        action: e.action,
        actorUserId: e.actor,
        note: e.note,
        at: new Date(e.at).toISOString(),
        actorName: e.full_name ? displayName(e.full_name, e.front_title, e.back_title) : e.email,
      })),
      can: {
        edit: canEditContent(access) && editable,
        submit:
          canEditContent(access) &&
          editable &&
          (c.currentVersionId === null || (await draftChangedSincePublication(m, c.id))),
        review: canReview(access) && c.status === 'in_review' && !(await isDraftEditor(m, c.id, access.userId)),
        manageAuthors: canManageAuthors(access) && c.status !== 'archived',
        archive: canManageAuthors(access) && c.status !== 'archived',
      },
    };
  }

  // ---- create and change ---------------------------------------------------------------------

  /** A widyaiswara or admin of the agency creates a course; the creator becomes its owner author. */
  async create(scope: AccessScope, dto: CreateCourseDto): Promise<CourseDetail> {
    const agencyId =
      dto.agencyId ??
      widyaiswaraAgencies(scope)[0] ??
      scope.principal.roles.find((r) => scope.canAdministerAgency(r.agencyId))?.agencyId;
    if (!agencyId)
      throw forbidden(ErrorCode.AUTH_FORBIDDEN, 'Hanya widyaiswara atau admin instansi yang dapat membuat pelatihan');
    if (!widyaiswaraAgencies(scope).includes(agencyId) && !scope.canAdministerAgency(agencyId)) {
      if (!scope.canReadAgency(agencyId)) throw notFound(ErrorCode.ORG_AGENCY_NOT_FOUND, 'Instansi tidak ditemukan');
      throw forbidden(
        ErrorCode.AUTH_FORBIDDEN,
        'Hanya widyaiswara atau admin instansi ini yang dapat membuat pelatihan untuknya',
      );
    }
    return this.db.transaction(async (m) => {
      if (!(await agencyExists(m, agencyId)))
        throw notFound(ErrorCode.ORG_AGENCY_NOT_FOUND, 'Instansi tidak ditemukan');
      const values: Partial<CourseEntity> = {
        agencyId,
        title: dto.title,
        description: sanitizeRichText(dto.description ?? ''),
        objectives: dto.objectives ?? [],
        competencyKind: dto.competencyKind ?? 'teknis',
        learningMethod: dto.learningMethod ?? 'e_learning',
        jenisDiklatId: dto.jenisDiklatId ?? 16,
        latihanStrukturalId: latihanStrukturalOf(dto.jenisDiklatId ?? 16, dto.latihanStrukturalId),
        jp: dto.jp,
        level: dto.level ?? 'dasar',
        tags: dto.tags ?? [],
        coverFileId: null,
        visibility: dto.visibility ?? 'agency',
        enrolmentMode: dto.enrolmentMode ?? 'open',
        prerequisiteCourseIds: [],
        completionRule: { requiredLessons: 'all' },
        status: 'draft',
        currentVersionId: null,
        createdBy: scope.principal.userId,
      };
      values.searchStems = courseStems(values as CourseEntity);
      if (dto.completionRule) values.completionRule = await this.checkRule(m, null, dto.completionRule);
      const { identifiers } = await m.getRepository(CourseEntity).insert(values);
      const id = identifiers[0].id as string;
      if (dto.prerequisiteCourseIds?.length) {
        await m
          .getRepository(CourseEntity)
          .update(
            { id },
            { prerequisiteCourseIds: await this.checkPrerequisites(m, scope, id, dto.prerequisiteCourseIds) },
          );
      }
      if (scope.principal.employeeId)
        await m
          .getRepository(CourseAuthorEntity)
          .insert({ courseId: id, employeeId: scope.principal.employeeId, role: 'owner' });
      const course = await m.getRepository(CourseEntity).findOneByOrFail({ id });
      await recordAudit(m, actorOf(scope), {
        action: 'course.create',
        entityType: 'course',
        entityId: id,
        agencyId,
        after: auditView(course),
      });
      return this.detail(m, {
        course,
        userId: scope.principal.userId,
        isAuthor: !!scope.principal.employeeId,
        isOwner: !!scope.principal.employeeId,
        isAdmin: scope.canAdministerAgency(agencyId),
        isReviewer: true,
      });
    });
  }

  async update(scope: AccessScope, id: string, dto: UpdateCourseDto): Promise<CourseDetail> {
    return this.db.transaction(async (m) => {
      const access = await findEditableCourse(m, scope, id);
      const before = access.course;
      const changes: Partial<CourseEntity> = {};
      if (dto.title !== undefined) changes.title = dto.title;
      if (dto.description !== undefined)
        changes.description = await courseRichText(m, id, dto.description, 'description');
      if (dto.objectives !== undefined) changes.objectives = dto.objectives;
      if (dto.competencyKind !== undefined) changes.competencyKind = dto.competencyKind;
      if (dto.learningMethod !== undefined) changes.learningMethod = dto.learningMethod;
      if (dto.jenisDiklatId !== undefined) changes.jenisDiklatId = dto.jenisDiklatId;
      if (dto.jenisDiklatId !== undefined || dto.latihanStrukturalId !== undefined) {
        const jenis = dto.jenisDiklatId ?? before.jenisDiklatId;
        // Leaving structural leadership training drops its kind unless the caller names one (which is then refused).
        const kept = jenis === before.jenisDiklatId ? before.latihanStrukturalId : null;
        changes.latihanStrukturalId = latihanStrukturalOf(
          jenis,
          dto.latihanStrukturalId !== undefined ? dto.latihanStrukturalId : kept,
        );
      }
      if (dto.jp !== undefined) changes.jp = dto.jp;
      if (dto.level !== undefined) changes.level = dto.level;
      if (dto.tags !== undefined) changes.tags = dto.tags;
      if (dto.visibility !== undefined) changes.visibility = dto.visibility;
      if (dto.enrolmentMode !== undefined) changes.enrolmentMode = dto.enrolmentMode;
      if (dto.prerequisiteCourseIds !== undefined)
        changes.prerequisiteCourseIds = await this.checkPrerequisites(m, scope, id, dto.prerequisiteCourseIds);
      if (dto.completionRule !== undefined) changes.completionRule = await this.checkRule(m, id, dto.completionRule);
      if (dto.coverFileId !== undefined) {
        if (
          dto.coverFileId !== null &&
          !(await m.getRepository(CourseFileEntity).existsBy({ id: dto.coverFileId, courseId: id, purpose: 'cover' }))
        ) {
          throw invalid(
            ErrorCode.LEARNING_INVALID_COURSE,
            'coverFileId harus berkas sampul (tujuan "cover") dari pelatihan ini',
          );
        }
        changes.coverFileId = dto.coverFileId;
      }
      changes.searchStems = courseStems({ ...before, ...changes });
      await m.getRepository(CourseEntity).update({ id }, changes);
      const after = await m.getRepository(CourseEntity).findOneByOrFail({ id });
      await recordAudit(m, actorOf(scope), {
        action: 'course.update',
        entityType: 'course',
        entityId: id,
        agencyId: after.agencyId,
        before: auditView(before),
        after: auditView(after),
      });
      return this.detail(m, { ...access, course: after });
    });
  }

  /**
   * Prerequisite ids are resolved through the caller's scope like path ids (issue 12): a course the caller authors,
   * reviews or administers, or a live course it can see in the catalog. Anything else answers 404, exactly as an
   * unknown id does, so another agency's drafts are never revealed.
   */
  private async checkPrerequisites(
    m: EntityManager,
    scope: AccessScope,
    courseId: string,
    ids: string[],
  ): Promise<string[]> {
    if (ids.includes(courseId))
      throw invalid(ErrorCode.LEARNING_INVALID_COURSE, 'Pelatihan tidak dapat menjadi prasyarat dirinya sendiri');
    if (!ids.length) return ids;
    const viewer = await this.visibility.viewer(scope.principal);
    const found = await selectReachableCourseIds(m, scope, viewer, ids);
    const missing = ids.filter((x) => !found.includes(x));
    if (missing.length)
      throw new DomainError(
        'not_found',
        ErrorCode.LEARNING_COURSE_NOT_FOUND,
        `Pelatihan prasyarat tidak ditemukan: ${missing.join(', ')}`,
        missing,
      );
    return ids;
  }

  private async checkRule(m: EntityManager, courseId: string | null, rule: CompletionRule): Promise<CompletionRule> {
    const clean = cleanRule(rule);
    const lessons = courseId
      ? await m.getRepository(LessonEntity).find({ where: { courseId }, select: { id: true, kind: true } })
      : [];
    const problems = completionRuleProblems(clean, lessons);
    if (problems.length)
      throw invalid(
        ErrorCode.LEARNING_INVALID_COURSE,
        `Aturan kelulusan tidak valid: ${problems.join('; ')}`,
        problems,
      );
    return clean;
  }

  // ---- authors ---------------------------------------------------------------------------------

  /**
   * Adds a co-author directly: an active ASN of the course's own agency, or one the caller manages. Anyone else —
   * another agency's ASN or an unknown id — answers the same 404, reveals nothing and writes nothing (issue 12);
   * cross-agency co-authoring goes through an invitation the other agency's admin accepts (decision 0013).
   */
  async addAuthor(scope: AccessScope, id: string, dto: AddAuthorDto): Promise<CourseDetail> {
    return this.db.transaction(async (m) => {
      const access = await findCourseFor(m, scope, id, true);
      if (!canManageAuthors(access))
        throw forbidden(
          ErrorCode.AUTH_FORBIDDEN,
          'Hanya pemilik pelatihan atau admin instansinya yang dapat mengatur penulis',
        );
      const employee = await findActiveEmployee(m, dto.employeeId);
      if (
        !employee ||
        (employee.agencyId !== access.course.agencyId &&
          !scope.canManageEmployeesAt(employee.agencyId, employee.unitPath))
      ) {
        throw notFound(
          ErrorCode.EMPLOYEE_NOT_FOUND,
          'Pegawai tidak ditemukan di instansi pelatihan ini; penulis dari instansi lain diundang melalui NIP',
        );
      }
      if (access.course.status === 'archived')
        throw conflict(ErrorCode.LEARNING_WRONG_STATUS, 'Pelatihan sudah diarsipkan');
      requireAuthorsOpen(access.course);
      if (await m.getRepository(CourseAuthorEntity).existsBy({ courseId: id, employeeId: dto.employeeId })) {
        throw conflict(ErrorCode.LEARNING_AUTHOR_EXISTS, 'Pegawai ini sudah menjadi penulis pelatihan');
      }
      await m.getRepository(CourseAuthorEntity).insert({ courseId: id, employeeId: dto.employeeId, role: 'co_author' });
      await recordAudit(m, actorOf(scope), {
        action: 'course_author.add',
        entityType: 'course',
        entityId: id,
        agencyId: access.course.agencyId,
        after: { employeeId: dto.employeeId, role: 'co_author' },
      });
      return this.detail(m, access);
    });
  }

  async removeAuthor(scope: AccessScope, id: string, employeeId: string): Promise<CourseDetail> {
    return this.db.transaction(async (m) => {
      const access = await findCourseFor(m, scope, id, true);
      const self = employeeId === scope.principal.employeeId;
      if (!canManageAuthors(access) && !self)
        throw forbidden(
          ErrorCode.AUTH_FORBIDDEN,
          'Hanya pemilik pelatihan atau admin instansinya yang dapat mengatur penulis',
        );
      // Frozen in review: a co-author who leaves now would otherwise come back as the "reviewer" who publishes.
      requireAuthorsOpen(access.course);
      const author = await m.getRepository(CourseAuthorEntity).findOneBy({ courseId: id, employeeId });
      if (!author) throw notFound(ErrorCode.LEARNING_AUTHOR_NOT_FOUND, 'Pegawai ini bukan penulis pelatihan');
      if (author.role === 'owner')
        throw conflict(ErrorCode.LEARNING_INVALID_COURSE, 'Pemilik pelatihan tidak dapat dihapus dari daftar penulis');
      await m.getRepository(CourseAuthorEntity).delete({ courseId: id, employeeId });
      await recordAudit(m, actorOf(scope), {
        action: 'course_author.remove',
        entityType: 'course',
        entityId: id,
        agencyId: access.course.agencyId,
        before: { employeeId, role: author.role },
      });
      return this.detail(m, self ? { ...access, isAuthor: false } : access);
    });
  }
}
