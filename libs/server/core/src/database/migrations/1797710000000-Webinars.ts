import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webinars (issue 18, decision 0038): joins through Kompeten's link, presence checks with their answers, and the
 * per-session bookkeeping (checks planned, attendance settled). Owned by the calendar lib.
 */
export class Webinars1797710000000 implements MigrationInterface {
  name = 'Webinars1797710000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webinar_session (
        class_id uuid NOT NULL CONSTRAINT webinar_session_class_id_fkey REFERENCES training_class(id) ON DELETE CASCADE,
        session_index smallint NOT NULL,
        checks_planned_at timestamptz NOT NULL DEFAULT now(),
        settled_at timestamptz,
        PRIMARY KEY (class_id, session_index)
      )`);
    await q.query(`
      CREATE TABLE webinar_join (
        class_id uuid NOT NULL CONSTRAINT webinar_join_class_id_fkey REFERENCES training_class(id) ON DELETE CASCADE,
        employee_id uuid NOT NULL CONSTRAINT webinar_join_employee_id_fkey REFERENCES employee(id),
        session_index smallint NOT NULL,
        first_joined_at timestamptz NOT NULL DEFAULT now(),
        last_joined_at timestamptz NOT NULL DEFAULT now(),
        join_count integer NOT NULL DEFAULT 1,
        PRIMARY KEY (class_id, employee_id, session_index),
        CONSTRAINT webinar_join_count_check CHECK (join_count >= 1 AND session_index >= 0)
      )`);
    await q.query(`CREATE INDEX ix_webinar_join_session ON webinar_join (class_id, session_index)`);
    await q.query(`
      CREATE TABLE presence_check (
        id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
        class_id uuid NOT NULL CONSTRAINT presence_check_class_id_fkey REFERENCES training_class(id) ON DELETE CASCADE,
        session_index smallint NOT NULL,
        code text NOT NULL,
        origin text NOT NULL,
        slot smallint,
        opens_at timestamptz NOT NULL,
        closes_at timestamptz NOT NULL,
        opened_by uuid CONSTRAINT presence_check_opened_by_fkey REFERENCES user_account(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT presence_check_origin_check CHECK (origin IN ('scheduled','host')),
        CONSTRAINT presence_check_window_check CHECK (opens_at < closes_at AND session_index >= 0),
        CONSTRAINT presence_check_code_check CHECK (code ~ '^[0-9]{4}$')
      )`);
    await q.query(`CREATE INDEX ix_presence_check_session ON presence_check (class_id, session_index, opens_at)`);
    await q.query(
      `CREATE UNIQUE INDEX uq_presence_check_slot ON presence_check (class_id, session_index, slot) WHERE slot IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE presence_check_answer (
        check_id uuid NOT NULL CONSTRAINT presence_check_answer_check_id_fkey REFERENCES presence_check(id) ON DELETE CASCADE,
        employee_id uuid NOT NULL CONSTRAINT presence_check_answer_employee_id_fkey REFERENCES employee(id),
        attempts integer NOT NULL DEFAULT 1,
        answered_at timestamptz,
        last_attempt_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (check_id, employee_id),
        CONSTRAINT presence_check_answer_attempts_check CHECK (attempts >= 1)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE presence_check_answer');
    await q.query('DROP TABLE presence_check');
    await q.query('DROP TABLE webinar_join');
    await q.query('DROP TABLE webinar_session');
  }
}
