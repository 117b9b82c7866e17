import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ErrorCode, type Page, type Quiz, type QuizSettings } from '@kompeten/shared-contracts';
import { invalid, notFound, recordAudit, toPage, type PageQueryDto } from '@kompeten/server-core';
import { recordDraftEditor } from '@kompeten/server-learning';
import type { AccessScope } from '@kompeten/server-organisation';
import { requireAuthorableCourse, type AuthoredCourse } from '../course-access';
import type { CreateQuizDto, UpdateQuizDto } from '../dto/authoring.dto';
import { QuizEntity } from '../entities/quiz.entity';
import { toQuiz } from '../mappers';
import { categoryIdsOfCourse } from './question-bank-store';
import { DEFAULT_QUIZ_SETTINGS, mergeSettings, settingsProblems } from './quiz-settings';

const actor = (scope: AccessScope) => ({
  userId: scope.principal.userId,
  correlationId: scope.principal.correlationId,
});

/** Quizzes of a course, as authored. Publishing the course snapshots them (QuizSnapshotService). */
@Injectable()
export class QuizService {
  constructor(@InjectDataSource() @Inject(DataSource) private readonly db: DataSource) {}

  async list(scope: AccessScope, courseId: string, q: PageQueryDto): Promise<Page<Quiz>> {
    await requireAuthorableCourse(this.db.manager, scope, courseId);
    const [rows, total] = await this.db.getRepository(QuizEntity).findAndCount({
      where: { courseId },
      order: { createdAt: 'ASC', id: 'ASC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    return toPage(rows.map(toQuiz), total, q);
  }

  async get(scope: AccessScope, id: string): Promise<Quiz> {
    return toQuiz((await this.requireQuiz(this.db.manager, scope, id)).quiz);
  }

  async create(scope: AccessScope, courseId: string, dto: CreateQuizDto): Promise<Quiz> {
    return this.db.transaction(async (m) => {
      const course = await requireAuthorableCourse(m, scope, courseId);
      const settings = await this.checked(m, courseId, mergeSettings(DEFAULT_QUIZ_SETTINGS, dto.settings));
      const repo = m.getRepository(QuizEntity);
      const { identifiers } = await repo.insert({ courseId, title: dto.title, settings });
      const row = await repo.findOneByOrFail({ id: identifiers[0].id });
      await recordDraftEditor(m, course.id, scope.principal.userId);
      await recordAudit(m, actor(scope), {
        action: 'quiz.create',
        entityType: 'quiz',
        entityId: row.id,
        agencyId: course.agencyId,
        after: toQuiz(row),
      });
      return toQuiz(row);
    });
  }

  async update(scope: AccessScope, id: string, dto: UpdateQuizDto): Promise<Quiz> {
    return this.db.transaction(async (m) => {
      const { quiz: before, course } = await this.requireQuiz(m, scope, id);
      const settings = await this.checked(m, before.courseId, mergeSettings(before.settings, dto.settings));
      await m
        .getRepository(QuizEntity)
        .update({ id }, { settings, ...(dto.title !== undefined ? { title: dto.title } : {}) });
      const after = await m.getRepository(QuizEntity).findOneByOrFail({ id });
      await recordDraftEditor(m, course.id, scope.principal.userId);
      await recordAudit(m, actor(scope), {
        action: 'quiz.update',
        entityType: 'quiz',
        entityId: id,
        agencyId: course.agencyId,
        before: toQuiz(before),
        after: toQuiz(after),
      });
      return toQuiz(after);
    });
  }

  private async checked(m: EntityManager, courseId: string, settings: QuizSettings): Promise<QuizSettings> {
    const problems = settingsProblems(settings, await categoryIdsOfCourse(m, courseId));
    if (problems.length)
      throw invalid(
        ErrorCode.ASSESSMENT_INVALID_SETTINGS,
        `Pengaturan kuis tidak valid: ${problems.join('; ')}`,
        problems,
      );
    return settings;
  }

  private async requireQuiz(
    m: EntityManager,
    scope: AccessScope,
    id: string,
  ): Promise<{ quiz: QuizEntity; course: AuthoredCourse }> {
    const quiz = await m.getRepository(QuizEntity).findOneBy({ id });
    const course = quiz ? await requireAuthorableCourse(m, scope, quiz.courseId).catch(() => null) : null;
    if (!quiz || !course) throw notFound(ErrorCode.ASSESSMENT_QUIZ_NOT_FOUND, 'Kuis tidak ditemukan');
    return { quiz, course };
  }
}
