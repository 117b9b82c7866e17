import type { EntityManager } from 'typeorm';
import type { EnrolmentStatus } from '@kompeten/shared-contracts';

/** What the notifications read of an enrolment whose request was decided (decision 0016: a reader, not the table). */
export interface EnrolmentDecisionFacts {
  id: string;
  employeeId: string;
  courseId: string;
  /** The title of the version the enrolment is on. */
  courseTitle: string;
  status: EnrolmentStatus;
  /** Why the last rejection was made, when the decider said. */
  decisionReason: string | null;
}

/** An enrolment by id with its course title, or null for an unknown id. */
export async function findEnrolmentDecision(
  m: EntityManager,
  enrolmentId: string,
): Promise<EnrolmentDecisionFacts | null> {
  const [row]: Array<{
    id: string;
    employee_id: string;
    course_id: string;
    title: string;
    status: EnrolmentStatus;
    decision_reason: string | null;
  }> = await m.query(
    `SELECT e.id, e.employee_id, e.course_id, v.title, e.status, e.decision_reason
         FROM enrolment e JOIN learning_course_version v ON v.id = e.course_version_id
        WHERE e.id = $1`,
    [enrolmentId],
  );
  return row
    ? {
        id: row.id,
        employeeId: row.employee_id,
        courseId: row.course_id,
        courseTitle: row.title,
        status: row.status,
        decisionReason: row.decision_reason,
      }
    : null;
}
