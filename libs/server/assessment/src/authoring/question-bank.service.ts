import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ErrorCode, type Page, type Question, type QuestionCategory } from '@kompeten/shared-contracts';
import { conflict, invalid, notFound, recordAudit, toPage, type PageQueryDto } from '@kompeten/server-core';
import { coursePrompt, recordDraftEditor } from '@kompeten/server-learning';
import type { AccessScope } from '@kompeten/server-organisation';
import { requireAuthorableCourse, type AuthoredCourse } from '../course-access';
import type {
  CreateQuestionDto,
  QuestionQueryDto,
  SaveQuestionCategoryDto,
  UpdateQuestionDto,
} from '../dto/authoring.dto';
import { QuestionCategoryEntity } from '../entities/question-category.entity';
import { QuestionEntity } from '../entities/question.entity';
import { toQuestion } from '../mappers';
import { questionProblems } from '../question-rules';
import {
  categoryPage,
  clearQuestionCategory,
  liveQuestionCount,
  questionPage,
  quizTitlesDrawingFrom,
} from './question-bank-store';

const isUniqueViolation = (e: unknown) => (e as { code?: string }).code === '23505';
const actor = (scope: AccessScope) => ({
  userId: scope.principal.userId,
  correlationId: scope.principal.correlationId,
});

/** Question banks: categories and questions of a course, edited by its authors and the admins of its agency. */
@Injectable()
export class QuestionBankService {
  constructor(@InjectDataSource() @Inject(DataSource) private readonly db: DataSource) {}

  /** The prompt as stored: the editor's HTML sanitised (pictures of this course only), plain text as typed. */
  private async prompt(m: EntityManager, courseId: string, input: string): Promise<string> {
    const prompt = await coursePrompt(m, courseId, input);
    if (!prompt.trim()) throw invalid(ErrorCode.ASSESSMENT_INVALID_QUESTION, 'prompt kosong setelah dibersihkan');
    return prompt;
  }

  // ---- categories ----------------------------------------------------------------------------

  async listCategories(scope: AccessScope, courseId: string, q: PageQueryDto): Promise<Page<QuestionCategory>> {
    await requireAuthorableCourse(this.db.manager, scope, courseId);
    const { total, rows } = await categoryPage(this.db, courseId, {
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    return toPage(rows, total, q);
  }

  async createCategory(scope: AccessScope, courseId: string, dto: SaveQuestionCategoryDto): Promise<QuestionCategory> {
    return this.db.transaction(async (m) => {
      const course = await requireAuthorableCourse(m, scope, courseId);
      const row = await this.saveCategory(
        m,
        () => m.getRepository(QuestionCategoryEntity).save({ courseId, name: dto.name }),
        dto.name,
      );
      const out = { id: row.id, courseId, name: row.name, questionCount: 0 };
      await recordDraftEditor(m, course.id, scope.principal.userId);
      await recordAudit(m, actor(scope), {
        action: 'question_category.create',
        entityType: 'question_category',
        entityId: row.id,
        agencyId: course.agencyId,
        after: out,
      });
      return out;
    });
  }

  async updateCategory(scope: AccessScope, id: string, dto: SaveQuestionCategoryDto): Promise<QuestionCategory> {
    return this.db.transaction(async (m) => {
      const { category, course } = await this.requireCategory(m, scope, id);
      await this.saveCategory(
        m,
        () => m.getRepository(QuestionCategoryEntity).update({ id }, { name: dto.name }),
        dto.name,
      );
      const out = { id, courseId: category.courseId, name: dto.name, questionCount: await liveQuestionCount(m, id) };
      await recordDraftEditor(m, course.id, scope.principal.userId);
      await recordAudit(m, actor(scope), {
        action: 'question_category.update',
        entityType: 'question_category',
        entityId: id,
        agencyId: course.agencyId,
        before: { name: category.name },
        after: out,
      });
      return out;
    });
  }

  /** Deletes an empty category. Archived questions in it lose their category; live ones, or a quiz drawing from it, keep it (409). */
  async deleteCategory(scope: AccessScope, id: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const { category, course } = await this.requireCategory(m, scope, id);
      const n = await liveQuestionCount(m, id);
      if (n > 0)
        throw conflict(
          ErrorCode.ASSESSMENT_CATEGORY_IN_USE,
          `Kategori masih berisi ${n} soal; pindahkan atau arsipkan dulu`,
        );
      const quizzes = await quizTitlesDrawingFrom(m, category.courseId, id);
      if (quizzes.length)
        throw conflict(ErrorCode.ASSESSMENT_CATEGORY_IN_USE, `Kategori dipakai pengundian kuis: ${quizzes.join(', ')}`);
      await clearQuestionCategory(m, id);
      await m.getRepository(QuestionCategoryEntity).delete({ id });
      await recordDraftEditor(m, course.id, scope.principal.userId);
      await recordAudit(m, actor(scope), {
        action: 'question_category.delete',
        entityType: 'question_category',
        entityId: id,
        agencyId: course.agencyId,
        before: { name: category.name },
      });
    });
  }

  private async saveCategory<T>(_m: EntityManager, write: () => Promise<T>, name: string): Promise<T> {
    try {
      return await write();
    } catch (e) {
      if (isUniqueViolation(e))
        throw conflict(ErrorCode.ASSESSMENT_CATEGORY_IN_USE, `Kategori "${name}" sudah ada di kursus ini`);
      throw e;
    }
  }

  private async requireCategory(
    m: EntityManager,
    scope: AccessScope,
    id: string,
  ): Promise<{ category: QuestionCategoryEntity; course: AuthoredCourse }> {
    const category = await m.getRepository(QuestionCategoryEntity).findOneBy({ id });
    const course = category ? await requireAuthorableCourse(m, scope, category.courseId).catch(() => null) : null;
    if (!category || !course) throw notFound(ErrorCode.ASSESSMENT_CATEGORY_NOT_FOUND, 'Kategori soal tidak ditemukan');
    return { category, course };
  }

  // ---- questions -----------------------------------------------------------------------------

  async listQuestions(scope: AccessScope, courseId: string, q: QuestionQueryDto): Promise<Page<Question>> {
    await requireAuthorableCourse(this.db.manager, scope, courseId);
    const [rows, total] = await questionPage(this.db, courseId, q, {
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    return toPage(rows.map(toQuestion), total, q);
  }

  async getQuestion(scope: AccessScope, id: string): Promise<Question> {
    return toQuestion((await this.requireQuestion(this.db.manager, scope, id)).question);
  }

  async createQuestion(scope: AccessScope, courseId: string, dto: CreateQuestionDto): Promise<Question> {
    return this.db.transaction(async (m) => {
      const course = await requireAuthorableCourse(m, scope, courseId);
      const values = this.checked(dto.kind, dto.options ?? [], dto.answerKey);
      const categoryId = await this.checkCategory(m, courseId, dto.categoryId ?? null);
      const repo = m.getRepository(QuestionEntity);
      const { identifiers } = await repo.insert({
        courseId,
        categoryId,
        kind: dto.kind,
        prompt: await this.prompt(m, courseId, dto.prompt),
        points: dto.points,
        feedback: dto.feedback ?? null,
        ...values,
      });
      const row = await repo.findOneByOrFail({ id: identifiers[0].id });
      await recordDraftEditor(m, course.id, scope.principal.userId);
      await recordAudit(m, actor(scope), {
        action: 'question.create',
        entityType: 'question',
        entityId: row.id,
        agencyId: course.agencyId,
        after: toQuestion(row),
      });
      return toQuestion(row);
    });
  }

  async updateQuestion(scope: AccessScope, id: string, dto: UpdateQuestionDto): Promise<Question> {
    return this.db.transaction(async (m) => {
      const { question: before, course } = await this.requireQuestion(m, scope, id);
      const kind = dto.kind ?? before.kind;
      const options = dto.options ?? before.options;
      const key = dto.answerKey !== undefined ? dto.answerKey : before.answerKey;
      const values = this.checked(kind, options, key);
      const changes: Partial<QuestionEntity> = { kind, ...values };
      if (dto.categoryId !== undefined)
        changes.categoryId = await this.checkCategory(m, before.courseId, dto.categoryId);
      if (dto.prompt !== undefined) changes.prompt = await this.prompt(m, before.courseId, dto.prompt);
      if (dto.points !== undefined) changes.points = dto.points;
      if (dto.feedback !== undefined) changes.feedback = dto.feedback;
      if (dto.archived !== undefined) changes.archived = dto.archived;
      await m.getRepository(QuestionEntity).update({ id }, changes);
      const after = await m.getRepository(QuestionEntity).findOneByOrFail({ id });
      await recordDraftEditor(m, course.id, scope.principal.userId);
      await recordAudit(m, actor(scope), {
        action: 'question.update',
        entityType: 'question',
        entityId: id,
        agencyId: course.agencyId,
        before: toQuestion(before),
        after: toQuestion(after),
      });
      return toQuestion(after);
    });
  }

  /** Archives the question: published versions keep their snapshot of it, attempts keep their answers; it leaves the bank. */
  async archiveQuestion(scope: AccessScope, id: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const { question, course } = await this.requireQuestion(m, scope, id);
      if (question.archived) return;
      await m.getRepository(QuestionEntity).update({ id }, { archived: true });
      await recordDraftEditor(m, course.id, scope.principal.userId);
      await recordAudit(m, actor(scope), {
        action: 'question.archive',
        entityType: 'question',
        entityId: id,
        agencyId: course.agencyId,
        before: { archived: false },
        after: { archived: true },
      });
    });
  }

  private checked(
    kind: CreateQuestionDto['kind'],
    options: Question['options'],
    key: unknown,
  ): Pick<QuestionEntity, 'options' | 'answerKey'> {
    const problems = questionProblems(kind, options, key);
    if (problems.length)
      throw invalid(
        ErrorCode.ASSESSMENT_INVALID_QUESTION,
        `Soal ${kind} tidak valid: ${problems.join('; ')}`,
        problems,
      );
    const clean = options.map((o) => (o.side ? { id: o.id, text: o.text, side: o.side } : { id: o.id, text: o.text }));
    return {
      options: clean,
      answerKey: kind === 'essay' ? null : (normaliseKey(kind, key) as QuestionEntity['answerKey']),
    };
  }

  private async checkCategory(m: EntityManager, courseId: string, categoryId: string | null): Promise<string | null> {
    if (!categoryId) return null;
    const found = await m.getRepository(QuestionCategoryEntity).existsBy({ id: categoryId, courseId });
    if (!found) throw invalid(ErrorCode.ASSESSMENT_CATEGORY_NOT_FOUND, 'categoryId bukan kategori soal kursus ini');
    return categoryId;
  }

  private async requireQuestion(
    m: EntityManager,
    scope: AccessScope,
    id: string,
  ): Promise<{ question: QuestionEntity; course: AuthoredCourse }> {
    const question = await m.getRepository(QuestionEntity).findOneBy({ id });
    const course = question ? await requireAuthorableCourse(m, scope, question.courseId).catch(() => null) : null;
    if (!question || !course) throw notFound(ErrorCode.ASSESSMENT_QUESTION_NOT_FOUND, 'Soal tidak ditemukan');
    return { question, course };
  }
}

/** Keeps only the fields of the key its kind uses (a validated key may carry extra properties). */
function normaliseKey(kind: CreateQuestionDto['kind'], key: unknown): unknown {
  const k = key as Record<string, unknown>;
  switch (kind) {
    case 'single':
    case 'multiple':
    case 'true_false':
      return { correct: k.correct };
    case 'short_answer':
      return { accepted: (k.accepted as string[]).map((a) => a.trim()) };
    case 'numeric':
      return { value: k.value, tolerance: k.tolerance ?? 0 };
    case 'matching':
      return {
        pairs: (k.pairs as Array<{ left: string; right: string }>).map((p) => ({ left: p.left, right: p.right })),
      };
    case 'ordering':
      return { order: k.order };
    default:
      return null;
  }
}
