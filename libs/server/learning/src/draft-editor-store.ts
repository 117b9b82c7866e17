import type { EntityManager } from 'typeorm';

/**
 * Hand-written SQL for the draft's editors (this lib's `course_draft_editor`). Four eyes (issue 12, decision 0013):
 * every write to any part of a course's draft — its fields, outline, lessons, files, and the quizzes and questions the
 * assessment lib keeps for it — records the writer here, in the same transaction. Whoever is in the set may not
 * publish the version; publishing empties it. Exported from the lib's index: the assessment lib records its writers.
 */

/** Adds the writer to the draft's editors; a writer already there is a no-op (one statement, no read first). */
export async function recordDraftEditor(m: EntityManager, courseId: string, userId: string): Promise<void> {
  await m.query(`INSERT INTO course_draft_editor (course_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
    courseId,
    userId,
  ]);
}

/** Whether the user changed the draft since the last publication (its primary key answers it). */
export async function isDraftEditor(m: EntityManager, courseId: string, userId: string): Promise<boolean> {
  const rows: unknown[] = await m.query(`SELECT 1 FROM course_draft_editor WHERE course_id = $1 AND user_id = $2`, [
    courseId,
    userId,
  ]);
  return rows.length > 0;
}

/** Empties the set when a version is published, in the publishing transaction. */
export async function clearDraftEditors(m: EntityManager, courseId: string): Promise<void> {
  await m.query(`DELETE FROM course_draft_editor WHERE course_id = $1`, [courseId]);
}
