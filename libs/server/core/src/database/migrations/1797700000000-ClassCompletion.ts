import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Completion by attendance (issue 18, decision 0037): each class gets its completion rule (share of the scheduled
 * minutes to attend, JP declared or by minutes attended at the rule's minutes per JP) and the instant it was last
 * finalised; `class_completion` holds one completion per class and ASN, the source of `class.completed`.
 */
export class ClassCompletion1797700000000 implements MigrationInterface {
  name = 'ClassCompletion1797700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE training_class
        ADD COLUMN completion_min_attendance_percent smallint NOT NULL DEFAULT 80,
        ADD COLUMN completion_jp_by_minutes boolean NOT NULL DEFAULT false,
        ADD COLUMN completion_minutes_per_jp smallint NOT NULL DEFAULT 45,
        ADD COLUMN finalised_at timestamptz,
        ADD CONSTRAINT training_class_completion_rule_check
          CHECK (completion_min_attendance_percent BETWEEN 1 AND 100 AND completion_minutes_per_jp BETWEEN 1 AND 240)`);
    await q.query(`
      CREATE TABLE class_completion (
        id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
        class_id uuid NOT NULL CONSTRAINT class_completion_class_id_fkey REFERENCES training_class(id),
        employee_id uuid NOT NULL CONSTRAINT class_completion_employee_id_fkey REFERENCES employee(id),
        registration_id uuid NOT NULL CONSTRAINT class_completion_registration_id_fkey REFERENCES class_registration(id),
        scheduled_minutes integer NOT NULL,
        attended_minutes integer NOT NULL,
        attendance_percent numeric(5,2) NOT NULL,
        jp numeric(6,2) NOT NULL,
        jp_basis text NOT NULL,
        minutes_per_jp smallint,
        course_completion_id uuid,
        completed_at timestamptz NOT NULL DEFAULT now(),
        finalised_by uuid CONSTRAINT class_completion_finalised_by_fkey REFERENCES user_account(id),
        CONSTRAINT uq_class_completion_class_employee UNIQUE (class_id, employee_id),
        CONSTRAINT class_completion_jp_basis_check CHECK (jp_basis IN ('declared_jp','attended_minutes')),
        CONSTRAINT class_completion_minutes_check CHECK (attended_minutes >= 0 AND scheduled_minutes > 0 AND jp >= 0)
      )`);
    await q.query(`CREATE INDEX ix_class_completion_employee ON class_completion (employee_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE class_completion');
    await q.query(`
      ALTER TABLE training_class
        DROP CONSTRAINT training_class_completion_rule_check,
        DROP COLUMN completion_min_attendance_percent,
        DROP COLUMN completion_jp_by_minutes,
        DROP COLUMN completion_minutes_per_jp,
        DROP COLUMN finalised_at`);
  }
}
