import type { EntityManager } from 'typeorm';

/**
 * Hand-written SQL for the draft's outline: the next position of a new module or lesson. Both run under the course
 * row lock the caller holds (findEditableCourse), so two additions never take the same position. Everything else in
 * the outline is a plain entity write in outline.service.ts.
 */

/** One past the highest module position of the course (1 for its first module). */
export async function nextModulePosition(m: EntityManager, courseId: string): Promise<number> {
  const [{ next }]: Array<{ next: number }> = await m.query(
    'SELECT coalesce(max(position), 0) + 1 AS next FROM course_module WHERE course_id = $1',
    [courseId],
  );
  return Number(next);
}

/** One past the highest lesson position in the module (1 for its first lesson). */
export async function nextLessonPosition(m: EntityManager, moduleId: string): Promise<number> {
  const [{ next }]: Array<{ next: number }> = await m.query(
    'SELECT coalesce(max(position), 0) + 1 AS next FROM lesson WHERE module_id = $1',
    [moduleId],
  );
  return Number(next);
}
