import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ErrorCode, type CourseDetail, type CourseLesson, type CourseModule } from '@kompeten/shared-contracts';
import { invalid, notFound, recordAudit } from '@kompeten/server-core';
import type { AccessScope } from '@kompeten/server-organisation';
import { findEditableCourse, type CourseAccess } from '../course-access';
import { toLesson } from '../course.mapper';
import type { CreateLessonDto, ModuleDto, OutlineDto, UpdateLessonDto } from '../dto/course.dto';
import { CourseModuleEntity } from '../entities/course-module.entity';
import { CourseEntity } from '../entities/course.entity';
import { LessonEntity } from '../entities/lesson.entity';
import { actorOf, CourseService } from './course.service';
import { QUIZ_SNAPSHOT_PORT, type QuizSnapshotPort } from '../quiz-snapshot.port';
import { normaliseContent, withoutLessons, withPostTestRequired } from './lesson-content';
import { nextLessonPosition, nextModulePosition } from './outline-store';

/** Modules, lessons and their order: the draft's outline. Every change locks the course row and is audited. */
@Injectable()
export class OutlineService {
  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(CourseService) private readonly courses: CourseService,
    @Optional() @Inject(QUIZ_SNAPSHOT_PORT) private readonly quizzes?: QuizSnapshotPort,
  ) {}

  private async editableModule(
    m: EntityManager,
    scope: AccessScope,
    id: string,
  ): Promise<{ access: CourseAccess; module: CourseModuleEntity }> {
    const module = await m.getRepository(CourseModuleEntity).findOneBy({ id });
    if (!module) throw notFound(ErrorCode.LEARNING_MODULE_NOT_FOUND, 'Modul tidak ditemukan');
    try {
      return { access: await findEditableCourse(m, scope, module.courseId), module };
    } catch (e) {
      if ((e as { kind?: string }).kind === 'not_found')
        throw notFound(ErrorCode.LEARNING_MODULE_NOT_FOUND, 'Modul tidak ditemukan');
      throw e;
    }
  }

  private async editableLesson(
    m: EntityManager,
    scope: AccessScope,
    id: string,
  ): Promise<{ access: CourseAccess; lesson: LessonEntity }> {
    const lesson = await m.getRepository(LessonEntity).findOneBy({ id });
    if (!lesson) throw notFound(ErrorCode.LEARNING_LESSON_NOT_FOUND, 'Pelajaran tidak ditemukan');
    try {
      return { access: await findEditableCourse(m, scope, lesson.courseId), lesson };
    } catch (e) {
      if ((e as { kind?: string }).kind === 'not_found')
        throw notFound(ErrorCode.LEARNING_LESSON_NOT_FOUND, 'Pelajaran tidak ditemukan');
      throw e;
    }
  }

  private async touch(m: EntityManager, courseId: string): Promise<void> {
    await m.getRepository(CourseEntity).update({ id: courseId }, { updatedAt: new Date() });
  }

  // ---- modules -------------------------------------------------------------------------------

  async createModule(scope: AccessScope, courseId: string, dto: ModuleDto): Promise<CourseModule> {
    return this.db.transaction(async (m) => {
      const { course } = await findEditableCourse(m, scope, courseId);
      const position = await nextModulePosition(m, courseId);
      const { identifiers } = await m
        .getRepository(CourseModuleEntity)
        .insert({ courseId, title: dto.title, position });
      const row = await m.getRepository(CourseModuleEntity).findOneByOrFail({ id: identifiers[0].id });
      await this.touch(m, courseId);
      await recordAudit(m, actorOf(scope), {
        action: 'course_module.create',
        entityType: 'course_module',
        entityId: row.id,
        agencyId: course.agencyId,
        after: row,
      });
      return { id: row.id, position: row.position, title: row.title, lessons: [] };
    });
  }

  async updateModule(scope: AccessScope, id: string, dto: ModuleDto): Promise<CourseModule> {
    return this.db.transaction(async (m) => {
      const { access, module } = await this.editableModule(m, scope, id);
      await m.getRepository(CourseModuleEntity).update({ id }, { title: dto.title });
      const after = await m.getRepository(CourseModuleEntity).findOneByOrFail({ id });
      await this.touch(m, module.courseId);
      await recordAudit(m, actorOf(scope), {
        action: 'course_module.update',
        entityType: 'course_module',
        entityId: id,
        agencyId: access.course.agencyId,
        before: module,
        after,
      });
      const lessons = await m.getRepository(LessonEntity).find({ where: { moduleId: id }, order: { position: 'ASC' } });
      return { id, position: after.position, title: after.title, lessons: lessons.map(toLesson) };
    });
  }

  /** Deletes a module with its lessons; they also leave the completion rule. */
  async deleteModule(scope: AccessScope, id: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const { access, module } = await this.editableModule(m, scope, id);
      const lessons = await m.getRepository(LessonEntity).find({ where: { moduleId: id } });
      await this.dropFromRule(
        m,
        access.course,
        lessons.map((l) => l.id),
      );
      await m.getRepository(CourseModuleEntity).delete({ id });
      await this.touch(m, module.courseId);
      await recordAudit(m, actorOf(scope), {
        action: 'course_module.delete',
        entityType: 'course_module',
        entityId: id,
        agencyId: access.course.agencyId,
        before: { ...module, lessons },
      });
    });
  }

  // ---- lessons -------------------------------------------------------------------------------

  async createLesson(scope: AccessScope, moduleId: string, dto: CreateLessonDto): Promise<CourseLesson> {
    return this.db.transaction(async (m) => {
      const { access, module } = await this.editableModule(m, scope, moduleId);
      const content = await normaliseContent(m, module.courseId, dto.kind, dto.content);
      const position = await nextLessonPosition(m, moduleId);
      const { identifiers } = await m.getRepository(LessonEntity).insert({
        courseId: module.courseId,
        moduleId,
        position,
        kind: dto.kind,
        title: dto.title,
        required: dto.required ?? true,
        content,
      });
      const row = await m.getRepository(LessonEntity).findOneByOrFail({ id: identifiers[0].id });
      await this.requirePostTestPass(m, access.course, row);
      await this.touch(m, module.courseId);
      await recordAudit(m, actorOf(scope), {
        action: 'lesson.create',
        entityType: 'lesson',
        entityId: row.id,
        agencyId: access.course.agencyId,
        after: row,
      });
      return toLesson(row);
    });
  }

  async updateLesson(scope: AccessScope, id: string, dto: UpdateLessonDto): Promise<CourseLesson> {
    return this.db.transaction(async (m) => {
      const { access, lesson } = await this.editableLesson(m, scope, id);
      const kind = dto.kind ?? lesson.kind;
      if (dto.kind && dto.kind !== lesson.kind && dto.content === undefined) {
        throw invalid(
          ErrorCode.LEARNING_INVALID_CONTENT,
          `Mengubah jenis pelajaran menjadi "${dto.kind}" memerlukan content yang baru`,
        );
      }
      const changes: Partial<LessonEntity> = {};
      if (dto.title !== undefined) changes.title = dto.title;
      if (dto.required !== undefined) changes.required = dto.required;
      if (dto.content !== undefined) {
        changes.kind = kind;
        changes.content = await normaliseContent(m, lesson.courseId, kind, dto.content);
      }
      if (kind !== lesson.kind) await this.dropFromRule(m, access.course, [id], true);
      if (Object.keys(changes).length) await m.getRepository(LessonEntity).update({ id }, changes);
      const after = await m.getRepository(LessonEntity).findOneByOrFail({ id });
      const quizOf = (l: LessonEntity) => (l.content.kind === 'quiz' ? l.content.quizId : null);
      if (quizOf(after) && quizOf(after) !== quizOf(lesson)) {
        const course = await m.getRepository(CourseEntity).findOneByOrFail({ id: lesson.courseId });
        await this.requirePostTestPass(m, course, after);
      }
      await this.touch(m, lesson.courseId);
      await recordAudit(m, actorOf(scope), {
        action: 'lesson.update',
        entityType: 'lesson',
        entityId: id,
        agencyId: access.course.agencyId,
        before: lesson,
        after,
      });
      return toLesson(after);
    });
  }

  async deleteLesson(scope: AccessScope, id: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const { access, lesson } = await this.editableLesson(m, scope, id);
      await this.dropFromRule(m, access.course, [id]);
      await m.getRepository(LessonEntity).delete({ id });
      await this.touch(m, lesson.courseId);
      await recordAudit(m, actorOf(scope), {
        action: 'lesson.delete',
        entityType: 'lesson',
        entityId: id,
        agencyId: access.course.agencyId,
        before: lesson,
      });
    });
  }

  /** A new post-test lesson must be passed unless the author's rule already says otherwise (`withPostTestRequired`). */
  private async requirePostTestPass(m: EntityManager, course: CourseEntity, lesson: LessonEntity): Promise<void> {
    if (lesson.content.kind !== 'quiz' || !this.quizzes?.roles) return;
    const roles = await this.quizzes.roles(m, course.id, [lesson.content.quizId]);
    if (roles[lesson.content.quizId] !== 'post_test') return;
    const next = withPostTestRequired(course.completionRule, lesson.id);
    if (next !== course.completionRule)
      await m.getRepository(CourseEntity).update({ id: course.id }, { completionRule: next });
  }

  /** Removes lessons from the completion rule (all of it, or only the quiz/assignment lists when a lesson changes kind). */
  private async dropFromRule(m: EntityManager, course: CourseEntity, ids: string[], kindOnly = false): Promise<void> {
    if (!ids.length) return;
    const rule = course.completionRule;
    const next = withoutLessons(rule, ids);
    if (kindOnly) next.requiredLessons = rule.requiredLessons;
    if (JSON.stringify(next) !== JSON.stringify(rule))
      await m.getRepository(CourseEntity).update({ id: course.id }, { completionRule: next });
  }

  // ---- outline -------------------------------------------------------------------------------

  /**
   * Reorders modules and lessons in one call, moving lessons between modules. The body must name every module of the
   * course once and every lesson once, so a stale editor cannot silently drop or duplicate anything.
   */
  async reorder(scope: AccessScope, courseId: string, dto: OutlineDto): Promise<CourseDetail> {
    return this.db.transaction(async (m) => {
      const access = await findEditableCourse(m, scope, courseId);
      const modules = await m
        .getRepository(CourseModuleEntity)
        .find({ where: { courseId }, order: { position: 'ASC' } });
      const lessons = await m.getRepository(LessonEntity).find({ where: { courseId }, order: { position: 'ASC' } });
      const problems: string[] = [];
      const moduleIds = dto.modules.map((x) => x.id);
      const lessonIds = dto.modules.flatMap((x) => x.lessonIds);
      const dupes = (ids: string[]) => [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
      for (const id of dupes(moduleIds)) problems.push(`modul ${id} disebut lebih dari sekali`);
      for (const id of dupes(lessonIds)) problems.push(`pelajaran ${id} disebut lebih dari sekali`);
      for (const id of moduleIds)
        if (!modules.some((x) => x.id === id)) problems.push(`modul ${id} bukan milik pelatihan ini`);
      for (const id of lessonIds)
        if (!lessons.some((x) => x.id === id)) problems.push(`pelajaran ${id} bukan milik pelatihan ini`);
      for (const x of modules)
        if (!moduleIds.includes(x.id)) problems.push(`modul ${x.id} ("${x.title}") tidak disebut`);
      for (const x of lessons)
        if (!lessonIds.includes(x.id)) problems.push(`pelajaran ${x.id} ("${x.title}") tidak disebut`);
      if (problems.length)
        throw invalid(
          ErrorCode.LEARNING_INVALID_OUTLINE,
          `Susunan modul dan pelajaran tidak lengkap atau tidak sesuai: ${problems.join('; ')}`,
          problems,
        );
      const before = modules.map((x) => ({
        id: x.id,
        lessonIds: lessons.filter((l) => l.moduleId === x.id).map((l) => l.id),
      }));
      for (const [i, mod] of dto.modules.entries()) {
        await m.getRepository(CourseModuleEntity).update({ id: mod.id }, { position: i + 1 });
        for (const [j, lessonId] of mod.lessonIds.entries())
          await m.getRepository(LessonEntity).update({ id: lessonId }, { moduleId: mod.id, position: j + 1 });
      }
      await this.touch(m, courseId);
      await recordAudit(m, actorOf(scope), {
        action: 'course.outline',
        entityType: 'course',
        entityId: courseId,
        agencyId: access.course.agencyId,
        before,
        after: dto.modules,
      });
      return this.courses.detail(m, access);
    });
  }
}
