import type { DataSource, EntityManager } from 'typeorm';
import type { AnswerResponse } from '@kompeten/shared-contracts';

/** Hand-written SQL for reviews of closed attempts (ReviewService). */

export interface ReviewAnswerRow {
  question_id: string;
  response: AnswerResponse;
  score: string | null;
  feedback: string | null;
}

/** The database clock: whether a quiz has closed (its review policy) is judged by it, as deadlines are. */
export async function databaseNow(db: DataSource): Promise<Date> {
  const [{ now }]: Array<{ now: Date }> = await db.query(`SELECT now() AS now`);
  return new Date(now);
}

/**
 * Every answer row of an attempt — response, score (numeric as text) and a grader's feedback — in no order: the
 * review orders them by the attempt's draw. Runs in the caller's transaction (a grader's review after grading sees the
 * grade just written).
 */
export async function reviewAnswers(m: EntityManager, attemptId: string): Promise<ReviewAnswerRow[]> {
  return m.query(`SELECT question_id, response, score, feedback FROM quiz_answer WHERE attempt_id = $1`, [attemptId]);
}
