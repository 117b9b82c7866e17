import type { EntityManager } from 'typeorm';
import type { AnswerKey, QuestionKind, QuestionOption } from '@kompeten/shared-contracts';
import { QuestionEntity } from '../../entities/question.entity';
import type { ExportedQuestion } from './exported-question';
import type { ImportedQuestion } from './imported-question';

/** The statements of the question import and export (CONVENTIONS §5: a domain keeps its SQL in store files). */

/**
 * Serialises imports into one course's bank until the transaction ends, so a retried or double-clicked upload waits
 * for the first and then finds its questions already there (the duplicate check is what makes a retry harmless).
 */
export async function lockBank(m: EntityManager, courseId: string): Promise<void> {
  await m.query(`SELECT pg_advisory_xact_lock(hashtextextended('question-import:' || $1::text, 0))`, [courseId]);
}

export async function categoryName(m: EntityManager, courseId: string, categoryId: string): Promise<string | null> {
  const [row]: Array<{ name: string }> = await m.query(
    `SELECT name FROM question_category WHERE id = $1 AND course_id = $2`,
    [categoryId, courseId],
  );
  return row?.name ?? null;
}

export async function categoriesOf(m: EntityManager, courseId: string): Promise<Array<{ id: string; name: string }>> {
  return m.query(`SELECT id, name FROM question_category WHERE course_id = $1`, [courseId]);
}

/** Creates the categories that do not exist yet (a concurrent create of the same name is not an error). */
export async function ensureCategories(
  m: EntityManager,
  courseId: string,
  names: string[],
): Promise<Array<{ id: string; name: string }>> {
  if (!names.length) return [];
  await m.query(
    `INSERT INTO question_category (course_id, name) SELECT $1, n FROM unnest($2::text[]) AS n
       ON CONFLICT (course_id, name) DO NOTHING`,
    [courseId, names],
  );
  return m.query(`SELECT id, name FROM question_category WHERE course_id = $1 AND name = ANY($2::text[])`, [
    courseId,
    names,
  ]);
}

interface BankRow {
  kind: QuestionKind;
  prompt: string;
  options: QuestionOption[];
  answer_key: AnswerKey;
  points: string;
  feedback: string | null;
  category: string | null;
}

/**
 * The live (not archived) questions of a course's bank, or of one category (`categoryId`), grouped by category name
 * (uncategorised first), oldest first within a category.
 */
export async function bankQuestions(
  m: EntityManager,
  courseId: string,
  categoryId?: string,
): Promise<ExportedQuestion[]> {
  const rows: BankRow[] = await m.query(
    `SELECT q.kind, q.prompt, q.options, q.answer_key, q.points, q.feedback, c.name AS category
       FROM question q LEFT JOIN question_category c ON c.id = q.category_id
      WHERE q.course_id = $1 AND NOT q.archived AND ($2::uuid IS NULL OR q.category_id = $2)
      ORDER BY c.name NULLS FIRST, q.created_at, q.id`,
    [courseId, categoryId ?? null],
  );
  return rows.map((r) => ({
    kind: r.kind,
    prompt: r.prompt,
    options: r.options,
    answerKey: r.answer_key,
    points: Number(r.points),
    feedback: r.feedback,
    category: r.category,
  }));
}

const BATCH = 500;

/** Inserts the questions in order; returns their ids in the same order. */
export async function insertQuestions(
  m: EntityManager,
  courseId: string,
  questions: Array<{ question: ImportedQuestion; categoryId: string | null }>,
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < questions.length; i += BATCH) {
    const { identifiers } = await m.getRepository(QuestionEntity).insert(
      questions.slice(i, i + BATCH).map(({ question: q, categoryId }) => ({
        courseId,
        categoryId,
        kind: q.kind,
        prompt: q.prompt,
        options: q.options,
        answerKey: q.answerKey,
        points: q.points,
        feedback: q.feedback,
      })),
    );
    ids.push(...identifiers.map((x) => x.id as string));
  }
  return ids;
}
