import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The calendar itself (issue 18, decision 0040): a class keeps a `sequence` and `updated_at` for iCalendar's SEQUENCE
 * and LAST-MODIFIED, and who cancelled it, when and why; each learner may hold one private feed token (stored as its
 * SHA-256, revocable).
 */
export class CalendarFeeds1797730000000 implements MigrationInterface {
  name = 'CalendarFeeds1797730000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE training_class
        ADD COLUMN sequence integer NOT NULL DEFAULT 0,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN cancelled_at timestamptz,
        ADD COLUMN cancelled_by uuid CONSTRAINT training_class_cancelled_by_fkey REFERENCES user_account(id),
        ADD COLUMN cancellation_reason text,
        ADD CONSTRAINT training_class_sequence_check CHECK (sequence >= 0),
        ADD CONSTRAINT training_class_cancelled_check CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))`);
    await q.query(`
      CREATE TABLE calendar_feed_token (
        id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
        employee_id uuid NOT NULL CONSTRAINT calendar_feed_token_employee_id_fkey REFERENCES employee(id),
        token_hash text NOT NULL,
        created_by uuid NOT NULL CONSTRAINT calendar_feed_token_created_by_fkey REFERENCES user_account(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        CONSTRAINT uq_calendar_feed_token_hash UNIQUE (token_hash)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_calendar_feed_token_live ON calendar_feed_token (employee_id) WHERE revoked_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE calendar_feed_token');
    await q.query(`
      ALTER TABLE training_class
        DROP CONSTRAINT training_class_cancelled_check,
        DROP CONSTRAINT training_class_sequence_check,
        DROP COLUMN cancellation_reason,
        DROP COLUMN cancelled_by,
        DROP COLUMN cancelled_at,
        DROP COLUMN updated_at,
        DROP COLUMN sequence`);
  }
}
