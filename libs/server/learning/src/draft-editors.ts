import type { EntityManager } from 'typeorm';

/**
 * Four eyes (issue 12, decision 0013): every write to any part of a course's draft — its fields, outline, lessons,
 * files, and the quizzes and questions the assessment lib keeps for it — records the writer here, in the same
 * transaction. Whoever is in the set may not publish the version; publishing empties it.
 */
export async function recordDraftEditor(m: EntityManager, courseId: string, userId: string): Promise<void> {
  await m.query(`INSERT INTO course_draft_editor (course_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
    courseId,
    userId,
  ]);
}

export async function isDraftEditor(m: EntityManager, courseId: string, userId: string): Promise<boolean> {
  const rows: unknown[] = await m.query(`SELECT 1 FROM course_draft_editor WHERE course_id = $1 AND user_id = $2`, [
    courseId,
    userId,
  ]);
  return rows.length > 0;
}

export async function clearDraftEditors(m: EntityManager, courseId: string): Promise<void> {
  await m.query(`DELETE FROM course_draft_editor WHERE course_id = $1`, [courseId]);
}
