import type { EntityManager } from 'typeorm';

/** Hand-written SQL for course-access.ts: which course a quiz belongs to, before asking learning who may grade it. */

/** The course of a quiz (null for an unknown id): the grading rights are the course's (findGraderCourse). */
export async function quizCourseId(m: EntityManager, quizId: string): Promise<string | null> {
  const [quiz]: Array<{ course_id: string }> = await m.query(`SELECT course_id FROM quiz WHERE id = $1`, [quizId]);
  return quiz?.course_id ?? null;
}
