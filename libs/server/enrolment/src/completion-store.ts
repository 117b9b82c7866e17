import type { DataSource, EntityManager } from 'typeorm';

/**
 * Hand-written SQL for course completions (CompletionService, and the job that consumes `course.completed`).
 * CompletionService's statements run in the caller's transaction after it locked the enrolment row
 * (progress-store's lockEnrolment); the unique completion per enrolment is the real guard against a second one.
 */

/**
 * Writes the enrolment's completion, with the JP of the version completed; none when it already has one
 * (ON CONFLICT on the unique enrolment_id: a repeated evaluation writes nothing and answers undefined, so only the
 * call that wrote it goes on to mark the enrolment and emit the event).
 */
export async function insertCompletion(
  m: EntityManager,
  c: { enrolmentId: string; courseId: string; courseVersionId: string; employeeId: string; jp: number },
): Promise<{ id: string; completed_at: Date } | undefined> {
  const [row]: Array<{ id: string; completed_at: Date }> = await m.query(
    `INSERT INTO course_completion (enrolment_id, course_id, course_version_id, employee_id, jp)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (enrolment_id) DO NOTHING
       RETURNING id, completed_at`,
    [c.enrolmentId, c.courseId, c.courseVersionId, c.employeeId, c.jp],
  );
  return row;
}

/** Marks the enrolment completed at the completion's own time, so the two never disagree. */
export async function markEnrolmentCompleted(m: EntityManager, enrolmentId: string, completedAt: Date): Promise<void> {
  await m.query(`UPDATE enrolment SET status = 'completed', completed_at = $2, updated_at = now() WHERE id = $1`, [
    enrolmentId,
    completedAt,
  ]);
}

/** A completion as the `course.completed` consumer re-reads it, with its enrolment's status now. */
export interface CompletionRow {
  id: string;
  enrolment_id: string;
  course_id: string;
  employee_id: string;
  jp: string;
  enrolment_status: string;
}

/** The completion by id with its enrolment's status (undefined when gone): the job checks its state before acting. */
export async function readCompletion(db: DataSource, completionId: string): Promise<CompletionRow | undefined> {
  const [row]: CompletionRow[] = await db.query(
    `SELECT cc.id, cc.enrolment_id, cc.course_id, cc.employee_id, cc.jp, en.status AS enrolment_status
         FROM course_completion cc JOIN enrolment en ON en.id = cc.enrolment_id WHERE cc.id = $1`,
    [completionId],
  );
  return row;
}
