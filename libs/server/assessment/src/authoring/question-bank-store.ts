import type { DataSource, EntityManager } from 'typeorm';
import type { QuestionCategory, QuestionKind } from '@kompeten/shared-contracts';
import { QuestionEntity } from '../entities/question.entity';

/**
 * SQL for a course's question bank (QuestionBankService) and the categories a quiz may draw from (QuizService).
 * Single rows are read and written through the entities' repositories in the services; what needs a count, a
 * subquery or a filter built from the request is here. Writes run in the caller's transaction.
 */

/**
 * One page of a course's categories by name (then id, so pages never overlap), each with its number of live
 * (not archived) questions, and how many categories the course has. Two statements: the count and the page.
 */
export async function categoryPage(
  db: DataSource,
  courseId: string,
  page: { limit: number; offset: number },
): Promise<{ total: number; rows: QuestionCategory[] }> {
  const [{ total }]: Array<{ total: number }> = await db.query(
    `SELECT count(*)::int AS total FROM question_category WHERE course_id = $1`,
    [courseId],
  );
  const rows: QuestionCategory[] = await db.query(
    `SELECT c.id, c.course_id AS "courseId", c.name,
              (SELECT count(*)::int FROM question q WHERE q.category_id = c.id AND NOT q.archived) AS "questionCount"
         FROM question_category c WHERE c.course_id = $1 ORDER BY c.name, c.id LIMIT $2 OFFSET $3`,
    [courseId, page.limit, page.offset],
  );
  return { total, rows };
}

/** How many live (not archived) questions a category holds: shown with it, and a category holding any is not deleted. */
export async function liveQuestionCount(m: EntityManager, categoryId: string): Promise<number> {
  const [{ n }]: Array<{ n: number }> = await m.query(
    `SELECT count(*)::int AS n FROM question WHERE category_id = $1 AND NOT archived`,
    [categoryId],
  );
  return n;
}

/** Titles of the course's quizzes whose draw settings name the category (settings.draw[].categoryId, in JSON). */
export async function quizTitlesDrawingFrom(m: EntityManager, courseId: string, categoryId: string): Promise<string[]> {
  const quizzes: Array<{ title: string }> = await m.query(
    `SELECT title FROM quiz WHERE course_id = $1 AND EXISTS (SELECT 1 FROM jsonb_array_elements(settings->'draw') d WHERE d->>'categoryId' = $2)`,
    [courseId, categoryId],
  );
  return quizzes.map((q) => q.title);
}

/** Before a category is deleted: the (archived) questions still in it lose their category. */
export async function clearQuestionCategory(m: EntityManager, categoryId: string): Promise<void> {
  await m.query(`UPDATE question SET category_id = NULL WHERE category_id = $1`, [categoryId]);
}

/** The ids of a course's question categories: the only ones its quizzes may draw from. */
export async function categoryIdsOfCourse(m: EntityManager, courseId: string): Promise<Set<string>> {
  const rows: Array<{ id: string }> = await m.query(`SELECT id FROM question_category WHERE course_id = $1`, [
    courseId,
  ]);
  return new Set(rows.map((r) => r.id));
}

export interface QuestionFilter {
  categoryId?: string;
  kind?: QuestionKind;
  includeArchived?: boolean;
}

/**
 * One page of a course's questions, oldest first (then by id), with the number matching: the repository's query
 * builder (two statements, count and page), the filter's conditions added only when asked for.
 */
export async function questionPage(
  db: DataSource,
  courseId: string,
  filter: QuestionFilter,
  page: { skip: number; take: number },
): Promise<[QuestionEntity[], number]> {
  const qb = db.getRepository(QuestionEntity).createQueryBuilder('q').where('q.courseId = :courseId', { courseId });
  if (filter.categoryId) qb.andWhere('q.categoryId = :categoryId', { categoryId: filter.categoryId });
  if (filter.kind) qb.andWhere('q.kind = :kind', { kind: filter.kind });
  if (!filter.includeArchived) qb.andWhere('q.archived = false');
  qb.orderBy('q.createdAt', 'ASC').addOrderBy('q.id', 'ASC').skip(page.skip).take(page.take);
  return qb.getManyAndCount();
}
