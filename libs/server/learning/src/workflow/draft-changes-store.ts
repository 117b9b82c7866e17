import type { EntityManager } from 'typeorm';

/**
 * Whether any part of the draft changed since the course's last publication. Every write to the draft — its fields,
 * outline, lessons, files, and the assessment lib's quizzes and questions — records its writer in
 * `course_draft_editor` in the same transaction, and publishing empties it (draft-editors.ts, decision 0013): the set
 * is non-empty exactly when something changed since the current version.
 */
export async function draftChangedSincePublication(m: EntityManager, courseId: string): Promise<boolean> {
  const rows: unknown[] = await m.query('SELECT 1 FROM course_draft_editor WHERE course_id = $1 LIMIT 1', [courseId]);
  return rows.length > 0;
}
