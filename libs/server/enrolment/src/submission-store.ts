import { returnedRows } from '@kompeten/server-core';
import type { EntityManager } from 'typeorm';
import type { AssignmentSubmission, SubmissionFilter } from '@kompeten/shared-contracts';

/** Hand-written SQL for assignment submissions (this lib's `assignment_submission`). */

/** Submissions kept per learner and assignment lesson: the latest (which counts) and the two before it (docs/learning.md). */
export const SUBMISSION_HISTORY = 3;

export interface SubmissionRow {
  id: string;
  enrolment_id: string;
  lesson_id: string;
  file_name: string;
  submitted_at: Date;
  score: string | null;
  feedback: string | null;
  passed: boolean | null;
  graded_at: Date | null;
}

const SUBMISSION_COLUMNS = 'id, enrolment_id, lesson_id, file_name, submitted_at, score, feedback, passed, graded_at';

export function toSubmission(r: SubmissionRow): AssignmentSubmission {
  return {
    id: r.id,
    enrolmentId: r.enrolment_id,
    lessonId: r.lesson_id,
    fileName: r.file_name,
    submittedAt: new Date(r.submitted_at).toISOString(),
    score: r.score === null ? null : Number(r.score),
    feedback: r.feedback,
    passed: r.passed,
    gradedAt: r.graded_at ? new Date(r.graded_at).toISOString() : null,
  };
}

/** The learner's submissions for a lesson, newest first (at most SUBMISSION_HISTORY are kept). */
export async function latestSubmissions(
  m: EntityManager,
  enrolmentId: string,
  lessonId: string,
): Promise<SubmissionRow[]> {
  return m.query(
    `SELECT ${SUBMISSION_COLUMNS} FROM assignment_submission WHERE enrolment_id = $1 AND lesson_id = $2 ORDER BY submitted_at DESC, id DESC LIMIT $3`,
    [enrolmentId, lessonId, SUBMISSION_HISTORY],
  );
}

export async function insertSubmission(
  m: EntityManager,
  s: { enrolmentId: string; lessonId: string; storageKey: string; fileName: string },
): Promise<SubmissionRow> {
  const [saved]: SubmissionRow[] = await m.query(
    `INSERT INTO assignment_submission (enrolment_id, lesson_id, storage_key, file_name) VALUES ($1, $2, $3, $4) RETURNING ${SUBMISSION_COLUMNS}`,
    [s.enrolmentId, s.lessonId, s.storageKey, s.fileName],
  );
  return saved;
}

/** Drops the submissions older than the last SUBMISSION_HISTORY; answers their storage keys (the files to remove). */
export async function dropOldSubmissions(m: EntityManager, enrolmentId: string, lessonId: string): Promise<string[]> {
  const dropped: unknown = await m.query(
    `DELETE FROM assignment_submission WHERE id IN (
       SELECT id FROM assignment_submission WHERE enrolment_id = $1 AND lesson_id = $2 ORDER BY submitted_at DESC, id DESC OFFSET $3
     ) RETURNING storage_key`,
    [enrolmentId, lessonId, SUBMISSION_HISTORY],
  );
  return returnedRows<{ storage_key: string }>(dropped).map((d) => d.storage_key);
}

/** A submission with what grading needs: its enrolment, version and course (the course's agency from `learning_course`). */
export interface SubmissionToGrade {
  id: string;
  enrolment_id: string;
  lesson_id: string;
  course_version_id: string;
  course_id: string;
  course_agency_id: string;
}

export async function findSubmissionToGrade(m: EntityManager, submissionId: string): Promise<SubmissionToGrade | null> {
  const [row]: SubmissionToGrade[] = await m.query(
    `SELECT s.id, s.enrolment_id, s.lesson_id, en.course_version_id, en.course_id, c.agency_id AS course_agency_id
       FROM assignment_submission s JOIN enrolment en ON en.id = s.enrolment_id JOIN learning_course c ON c.id = en.course_id WHERE s.id = $1`,
    [submissionId],
  );
  return row ?? null;
}

export async function saveGrade(
  m: EntityManager,
  submissionId: string,
  g: { score: number; feedback: string | null; passed: boolean; gradedBy: string },
): Promise<SubmissionRow> {
  const result: unknown = await m.query(
    `UPDATE assignment_submission SET score = $2, feedback = $3, passed = $4, graded_by = $5, graded_at = now() WHERE id = $1 RETURNING ${SUBMISSION_COLUMNS}`,
    [submissionId, g.score, g.feedback, g.passed, g.gradedBy],
  );
  return returnedRows<SubmissionRow>(result)[0];
}

const GRADED_FILTER: Record<SubmissionFilter, string> = {
  ungraded: 'AND l.graded_at IS NULL',
  graded: 'AND l.graded_at IS NOT NULL',
  all: '',
};

export interface LatestSubmissionRow extends SubmissionRow {
  course_version_id: string;
  employee_id: string;
  nip: string;
  full_name: string;
  front_title: string | null;
  back_title: string | null;
  unit_name: string | null;
}

/**
 * The latest submission per learner and assignment lesson of a course's active and completed enrolments, oldest first
 * (a queue), with the learner's name and unit.
 */
export async function listLatestSubmissions(
  m: EntityManager,
  courseId: string,
  status: SubmissionFilter,
  page: { limit: number; offset: number },
): Promise<{ total: number; rows: LatestSubmissionRow[] }> {
  const latest = `WITH latest AS (
      SELECT DISTINCT ON (s.enrolment_id, s.lesson_id) s.*
        FROM assignment_submission s JOIN enrolment en ON en.id = s.enrolment_id
       WHERE en.course_id = $1 AND en.status IN ('active', 'completed')
       ORDER BY s.enrolment_id, s.lesson_id, s.submitted_at DESC, s.id DESC
    )`;
  const filter = GRADED_FILTER[status];
  const [{ total }]: Array<{ total: number }> = await m.query(
    `${latest} SELECT count(*)::int AS total FROM latest l WHERE true ${filter}`,
    [courseId],
  );
  const rows: LatestSubmissionRow[] = await m.query(
    `${latest}
     SELECT l.id, l.enrolment_id, l.lesson_id, l.file_name, l.submitted_at, l.score, l.feedback, l.passed, l.graded_at,
            en.course_version_id, en.employee_id, e.nip, e.full_name, e.front_title, e.back_title, u.name AS unit_name
       FROM latest l
       JOIN enrolment en ON en.id = l.enrolment_id
       JOIN identity_employee e ON e.id = en.employee_id
       LEFT JOIN organisation_work_unit u ON u.id = e.unit_id
      WHERE true ${filter}
      ORDER BY l.submitted_at, l.id
      LIMIT $2 OFFSET $3`,
    [courseId, page.limit, page.offset],
  );
  return { total, rows };
}

/** A submission's file and whose it is (the learner, the course and its agency). */
export async function findSubmissionFile(
  m: EntityManager,
  submissionId: string,
): Promise<
  { storage_key: string; file_name: string; employee_id: string; course_id: string; agency_id: string } | undefined
> {
  const [row]: Array<{
    storage_key: string;
    file_name: string;
    employee_id: string;
    course_id: string;
    agency_id: string;
  }> = await m.query(
    `SELECT s.storage_key, s.file_name, en.employee_id, en.course_id, c.agency_id
       FROM assignment_submission s JOIN enrolment en ON en.id = s.enrolment_id JOIN learning_course c ON c.id = en.course_id
      WHERE s.id = $1`,
    [submissionId],
  );
  return row;
}
