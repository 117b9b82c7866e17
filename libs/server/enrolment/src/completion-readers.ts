import type { EntityManager } from 'typeorm';

/**
 * What other libs read of one course completion (decision 0016): the JP ledger's credit job re-reads the completion
 * named by a `course.completed` event through this, never through the table.
 */
export interface CompletionFacts {
  id: string;
  enrolmentId: string;
  employeeId: string;
  courseId: string;
  courseVersionId: string;
  /** The JP of the version taken, as recorded when the course was completed. */
  jp: number;
  completedAt: Date;
}

/** A course completion by id, or null for an unknown id. */
export async function findCompletion(m: EntityManager, completionId: string): Promise<CompletionFacts | null> {
  const [row]: Array<{
    id: string;
    enrolment_id: string;
    employee_id: string;
    course_id: string;
    course_version_id: string;
    jp: string;
    completed_at: Date;
  }> = await m.query(
    `SELECT id, enrolment_id, employee_id, course_id, course_version_id, jp, completed_at FROM course_completion WHERE id = $1`,
    [completionId],
  );
  return row
    ? {
        id: row.id,
        enrolmentId: row.enrolment_id,
        employeeId: row.employee_id,
        courseId: row.course_id,
        courseVersionId: row.course_version_id,
        jp: Number(row.jp),
        completedAt: new Date(row.completed_at),
      }
    : null;
}

/** When the enrolment of a completion began (its creation), or null for an unknown enrolment. */
export async function findEnrolmentStart(m: EntityManager, enrolmentId: string): Promise<Date | null> {
  const [row]: Array<{ created_at: Date }> = await m.query('SELECT created_at FROM enrolment WHERE id = $1', [
    enrolmentId,
  ]);
  return row ? new Date(row.created_at) : null;
}

/**
 * The completions of one course by some ASN, earliest first per ASN: the training calendar's completion rule requires
 * the offering's linked e-learning course (decision 0037) and reads it here, never the table.
 */
export async function courseCompletionsOf(
  m: EntityManager,
  courseId: string,
  employeeIds: readonly string[],
): Promise<Map<string, { id: string; completedAt: Date }>> {
  if (!employeeIds.length) return new Map();
  const rows: Array<{ id: string; employee_id: string; completed_at: Date }> = await m.query(
    `SELECT DISTINCT ON (employee_id) id, employee_id, completed_at
       FROM course_completion WHERE course_id = $1 AND employee_id = ANY($2::uuid[])
      ORDER BY employee_id, completed_at, id`,
    [courseId, employeeIds],
  );
  return new Map(rows.map((r) => [r.employee_id, { id: r.id, completedAt: new Date(r.completed_at) }]));
}
