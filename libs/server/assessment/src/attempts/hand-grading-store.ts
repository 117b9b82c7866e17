import type { DataSource, EntityManager } from 'typeorm';
import type { GradingItem } from '@kompeten/shared-contracts';

/**
 * Hand-written SQL for grading essays by hand (HandGradingService): the course's queue of attempts waiting for a
 * grader, and one essay's score. Every write runs in the grader's transaction, after the attempt row was locked
 * (AttemptGrader.lock), so two graders of one attempt are serialised and only one of them finalises it. The learner's
 * name comes from identity's published view `identity_employee` (decision 0016).
 */

/** A queue entry as the statement returns it: the learner's name still without its titles, the time as a Date. */
export type GradingQueueRow = Omit<GradingItem, 'submittedAt'> & {
  submittedAt: Date | null;
  frontTitle: string | null;
  backTitle: string | null;
};

/**
 * One page of the attempts of a course's quizzes waiting for essays to be graded, oldest submission first (then by
 * id, so pages never overlap), with how many of each attempt's answers still have no score; and how many there are.
 * Two statements: the count and the page share one FROM … WHERE.
 */
export async function gradingQueuePage(
  db: DataSource,
  courseId: string,
  page: { limit: number; offset: number },
): Promise<{ total: number; rows: GradingQueueRow[] }> {
  const where = `FROM quiz_attempt a JOIN quiz z ON z.id = a.quiz_id WHERE z.course_id = $1 AND a.status = 'needs_grading'`;
  const [{ total }]: Array<{ total: number }> = await db.query(`SELECT count(*)::int AS total ${where}`, [courseId]);
  const rows: GradingQueueRow[] = await db.query(
    `SELECT a.id AS "attemptId", a.quiz_id AS "quizId", z.title AS "quizTitle", a.employee_id AS "employeeId", e.full_name AS "employeeName", e.front_title AS "frontTitle", e.back_title AS "backTitle", e.nip,
              a.attempt_no AS "attemptNo", a.submitted_at AS "submittedAt",
              (SELECT count(*)::int FROM quiz_answer x WHERE x.attempt_id = a.id AND x.score IS NULL) AS "pendingQuestions"
         ${where.replace('WHERE', 'JOIN identity_employee e ON e.id = a.employee_id WHERE')}
        ORDER BY a.submitted_at, a.id LIMIT $2 OFFSET $3`,
    [courseId, page.limit, page.offset],
  );
  return { total, rows };
}

/** An answer's score and feedback before a grader changes them (for the audit entry); undefined when it has no row. */
export async function answerGrade(
  m: EntityManager,
  attemptId: string,
  questionId: string,
): Promise<{ score: string | null; feedback: string | null } | undefined> {
  const [before]: Array<{ score: string | null; feedback: string | null }> = await m.query(
    `SELECT score, feedback FROM quiz_answer WHERE attempt_id = $1 AND question_id = $2`,
    [attemptId, questionId],
  );
  return before;
}

/**
 * Writes a grader's score and feedback on one answer, and who gave them: an upsert (closing writes a row for every
 * drawn question, but the grade never depends on it being there); a regrade overwrites the last grade.
 */
export async function writeAnswerGrade(
  m: EntityManager,
  g: { attemptId: string; questionId: string; score: number; feedback: string | null; gradedBy: string },
): Promise<void> {
  await m.query(
    `INSERT INTO quiz_answer (attempt_id, question_id, response, score, feedback, graded_by) VALUES ($1, $2, NULL, $3, $4, $5)
         ON CONFLICT (attempt_id, question_id) DO UPDATE SET score = EXCLUDED.score, feedback = EXCLUDED.feedback, graded_by = EXCLUDED.graded_by`,
    [g.attemptId, g.questionId, g.score, g.feedback, g.gradedBy],
  );
}

/** How many of the attempt's answers still wait for a score (read after this transaction's own grade). */
export async function ungradedAnswerCount(m: EntityManager, attemptId: string): Promise<number> {
  const [{ pending }]: Array<{ pending: number }> = await m.query(
    `SELECT count(*)::int AS pending FROM quiz_answer WHERE attempt_id = $1 AND score IS NULL`,
    [attemptId],
  );
  return pending;
}

/** How many answer rows the attempt has: fewer than it drew means some question has no row (and so no score) yet. */
export async function answerRowCount(m: EntityManager, attemptId: string): Promise<number> {
  return (
    await m.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM quiz_answer WHERE attempt_id = $1`, [attemptId])
  )[0].n;
}
