import type { DataSource, EntityManager } from 'typeorm';
import type { EnrolmentSource, EnrolmentStatus } from '@kompeten/shared-contracts';

/** Enrolments written straight into the enrolment table, and the learning clock moved in SQL instead of waiting. */
export interface EnrolmentOptions {
  courseId: string;
  versionId: string;
  /** The learner by NIP or by employee id. */
  nip?: string;
  employeeId?: string;
  source?: EnrolmentSource;
  status?: EnrolmentStatus;
}

/** An enrolment (default: an active self-enrolment) of the learner in the version; answers its id. */
export async function createEnrolment(db: DataSource | EntityManager, o: EnrolmentOptions): Promise<string> {
  if (!o.nip === !o.employeeId) throw new Error('createEnrolment: give exactly one of nip or employeeId');
  const [row] = await db.query(
    `INSERT INTO enrolment (course_id, course_version_id, employee_id, agency_id, source, status)
     SELECT $1, $2, e.id, e.agency_id, $4, $5 FROM employee e WHERE ${o.nip ? 'e.nip' : 'e.id'} = $3
     RETURNING id`,
    [o.courseId, o.versionId, o.nip ?? o.employeeId, o.source ?? 'self', o.status ?? 'active'],
  );
  if (!row) throw new Error(`createEnrolment: no employee ${o.nip ?? o.employeeId}`);
  return row.id;
}

/**
 * Moves an enrolment's learning clock `seconds` into the past, as if the learner had been learning that long since
 * their last event (the server credits time and video only as fast as wall-clock time passes: docs/learning.md).
 */
export async function rewindLearningClock(
  db: DataSource | EntityManager,
  enrolmentId: string,
  seconds: number,
): Promise<void> {
  await db.query(
    `UPDATE enrolment SET created_at = created_at - make_interval(secs => $2), decided_at = decided_at - make_interval(secs => $2),
            last_progress_at = last_progress_at - make_interval(secs => $2) WHERE id = $1`,
    [enrolmentId, seconds],
  );
  await db.query(
    `UPDATE lesson_progress SET watched_at = watched_at - make_interval(secs => $2) WHERE enrolment_id = $1`,
    [enrolmentId, seconds],
  );
}
