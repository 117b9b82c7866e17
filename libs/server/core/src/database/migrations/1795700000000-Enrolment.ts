import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Enrolment, lesson progress, assignment submissions and course completions (docs/learning.md). Runs after Learning. */
export class Enrolment1795700000000 implements MigrationInterface {
  name = 'Enrolment1795700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE enrolment (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      course_id uuid NOT NULL REFERENCES course(id),
      course_version_id uuid NOT NULL REFERENCES course_version(id),
      employee_id uuid NOT NULL REFERENCES employee(id),
      agency_id uuid NOT NULL REFERENCES agency(id),
      source text NOT NULL CHECK (source IN ('self','assigned')),
      assigned_by uuid REFERENCES user_account(id),
      due_at timestamptz,
      status text NOT NULL CHECK (status IN ('pending_approval','active','completed','withdrawn','rejected')),
      decided_by uuid REFERENCES user_account(id),
      decided_at timestamptz,
      progress_percent numeric(5,2) NOT NULL DEFAULT 0,
      last_activity_at timestamptz,
      completed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    // Enrolling twice changes nothing: one enrolment per course and learner.
    await q.query(`CREATE UNIQUE INDEX uq_enrolment_course_employee ON enrolment (course_id, employee_id)`);
    await q.query(`CREATE INDEX ix_enrolment_employee ON enrolment (employee_id)`);
    await q.query(`CREATE INDEX ix_enrolment_pending ON enrolment (agency_id) WHERE status = 'pending_approval'`);

    await q.query(`CREATE TABLE lesson_progress (
      enrolment_id uuid NOT NULL REFERENCES enrolment(id) ON DELETE CASCADE,
      lesson_id uuid NOT NULL,
      status text NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started','in_progress','completed')),
      time_spent_seconds int NOT NULL DEFAULT 0,
      position jsonb,
      watched_ratio numeric(5,4),
      score_percent numeric(5,2),
      passed boolean,
      attended boolean NOT NULL DEFAULT false,
      completed_at timestamptz,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (enrolment_id, lesson_id)
    )`);

    await q.query(`CREATE TABLE assignment_submission (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      enrolment_id uuid NOT NULL REFERENCES enrolment(id) ON DELETE CASCADE,
      lesson_id uuid NOT NULL,
      storage_key text NOT NULL,
      file_name text NOT NULL,
      submitted_at timestamptz NOT NULL DEFAULT now(),
      score numeric(7,2),
      feedback text,
      passed boolean,
      graded_by uuid REFERENCES user_account(id),
      graded_at timestamptz
    )`);
    await q.query(
      `CREATE INDEX ix_assignment_submission_enrolment_lesson ON assignment_submission (enrolment_id, lesson_id)`,
    );

    await q.query(`CREATE TABLE course_completion (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      enrolment_id uuid NOT NULL REFERENCES enrolment(id),
      course_id uuid NOT NULL REFERENCES course(id),
      course_version_id uuid NOT NULL REFERENCES course_version(id),
      employee_id uuid NOT NULL REFERENCES employee(id),
      jp numeric(5,1) NOT NULL,
      completed_at timestamptz NOT NULL DEFAULT now()
    )`);
    // Exactly one completion per enrolment, whatever races: the real guard behind certificates, JP and SIASN.
    await q.query(`CREATE UNIQUE INDEX uq_course_completion_enrolment ON course_completion (enrolment_id)`);
    await q.query(`CREATE INDEX ix_course_completion_employee ON course_completion (employee_id, course_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['course_completion', 'assignment_submission', 'lesson_progress', 'enrolment']) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
