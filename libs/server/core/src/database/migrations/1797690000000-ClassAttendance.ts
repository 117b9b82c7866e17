import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attendance per class session (issue 18, decision 0036): the one table in-person attendance (QR, trainer's list) and
 * webinar presence both write, and completion by attendance reads.
 */
export class ClassAttendance1797690000000 implements MigrationInterface {
  name = 'ClassAttendance1797690000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE class_attendance (
        id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
        class_id uuid NOT NULL CONSTRAINT class_attendance_class_id_fkey REFERENCES training_class(id) ON DELETE CASCADE,
        employee_id uuid NOT NULL CONSTRAINT class_attendance_employee_id_fkey REFERENCES employee(id),
        session_index smallint NOT NULL,
        status text NOT NULL,
        arrived_at timestamptz,
        left_at timestamptz,
        minutes integer NOT NULL DEFAULT 0,
        late boolean NOT NULL DEFAULT false,
        left_early boolean NOT NULL DEFAULT false,
        source text NOT NULL,
        recorded_by uuid CONSTRAINT class_attendance_recorded_by_fkey REFERENCES user_account(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_class_attendance_session UNIQUE (class_id, employee_id, session_index),
        CONSTRAINT class_attendance_status_check CHECK (status IN ('present','absent')),
        CONSTRAINT class_attendance_source_check CHECK (source IN ('qr','list','webinar')),
        CONSTRAINT class_attendance_session_check CHECK (session_index >= 0),
        CONSTRAINT class_attendance_minutes_check CHECK (minutes >= 0 AND (status = 'present' OR minutes = 0))
      )`);
    await q.query(`CREATE INDEX ix_class_attendance_employee ON class_attendance (employee_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE class_attendance');
  }
}
