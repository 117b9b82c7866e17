import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live audience assignments (issue 15, decision 0025):
 * - `audience_assignment`: a course assigned to a work unit (optionally with its sub-units) or to a position in an
 *   agency, with its due rule (a fixed due instant, or days after each enrolment), mandatory flag, start and end, and
 *   who created it. Its members are enrolled at once, and people who join later by the worker's job, until it ends.
 *   A repeated create of the same live audience answers the same row (the service serialises creates per course).
 * - `enrolment.mandatory` (a learner cannot withdraw) and `enrolment.audience_assignment_id` (which assignment made it).
 */
export class AudienceAssignments1797550000000 implements MigrationInterface {
  name = 'AudienceAssignments1797550000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audience_assignment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL CONSTRAINT audience_assignment_course_id_fkey REFERENCES course(id),
        agency_id uuid NOT NULL CONSTRAINT audience_assignment_agency_id_fkey REFERENCES agency(id),
        kind text NOT NULL,
        unit_id uuid CONSTRAINT audience_assignment_unit_id_fkey REFERENCES work_unit(id),
        include_sub_units boolean NOT NULL DEFAULT true,
        position_name text,
        mandatory boolean NOT NULL DEFAULT false,
        due_at timestamptz,
        due_time_zone text,
        due_days integer,
        starts_at timestamptz NOT NULL DEFAULT now(),
        ends_at timestamptz,
        created_by uuid NOT NULL CONSTRAINT audience_assignment_created_by_fkey REFERENCES user_account(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT audience_assignment_kind_check CHECK ((kind = 'unit' AND unit_id IS NOT NULL AND position_name IS NULL) OR (kind = 'position' AND position_name IS NOT NULL AND unit_id IS NULL)),
        CONSTRAINT audience_assignment_due_check CHECK ((due_at IS NULL AND due_days IS NULL AND due_time_zone IS NULL) OR ((due_at IS NULL) <> (due_days IS NULL) AND coalesce(due_time_zone IN ('Asia/Jakarta','Asia/Makassar','Asia/Jayapura'), false))),
        CONSTRAINT audience_assignment_due_days_check CHECK (due_days IS NULL OR due_days BETWEEN 1 AND 3650),
        CONSTRAINT audience_assignment_period_check CHECK (ends_at IS NULL OR ends_at >= starts_at)
      )`);
    await q.query(`CREATE INDEX ix_audience_assignment_course ON audience_assignment (course_id)`);
    await q.query(`CREATE INDEX ix_audience_assignment_agency ON audience_assignment (agency_id)`);
    await q.query(`ALTER TABLE enrolment ADD COLUMN mandatory boolean NOT NULL DEFAULT false`);
    await q.query(
      `ALTER TABLE enrolment ADD COLUMN audience_assignment_id uuid CONSTRAINT enrolment_audience_assignment_id_fkey REFERENCES audience_assignment(id)`,
    );
    await q.query(`CREATE INDEX ix_enrolment_audience_assignment ON enrolment (audience_assignment_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_enrolment_audience_assignment`);
    await q.query(`ALTER TABLE enrolment DROP COLUMN audience_assignment_id`);
    await q.query(`ALTER TABLE enrolment DROP COLUMN mandatory`);
    await q.query(`DROP TABLE audience_assignment`);
  }
}
