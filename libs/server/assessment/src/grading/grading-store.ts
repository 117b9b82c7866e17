import type { EntityManager } from 'typeorm';

/** Attempts waiting for essays to be graded, per course (the grading index's badge); courses without any are left out. */
export async function essayAttemptsWaiting(
  m: EntityManager,
  courseIds: string[],
): Promise<Array<{ courseId: string; essayAttempts: number }>> {
  if (!courseIds.length) return [];
  return m.query(
    `SELECT z.course_id AS "courseId", count(*)::int AS "essayAttempts"
       FROM quiz_attempt a JOIN quiz z ON z.id = a.quiz_id
      WHERE z.course_id = ANY($1::uuid[]) AND a.status = 'needs_grading'
      GROUP BY z.course_id`,
    [courseIds],
  );
}

/** The learner of an attempt as a grader names them (the published `identity_employee` view). */
export async function learnerOf(
  m: EntityManager,
  employeeId: string,
): Promise<{ full_name: string; front_title: string | null; back_title: string | null; nip: string } | null> {
  const [row] = await m.query('SELECT full_name, front_title, back_title, nip FROM identity_employee WHERE id = $1', [
    employeeId,
  ]);
  return row ?? null;
}
