import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The training calendar's first tables (issue 18, decision 0034): offerings, classes (angkatan) with their seat
 * counters, agency quotas and class registrations. Nothing else changes: every existing enrolment stays as it is.
 */
export class TrainingCalendar1797670000000 implements MigrationInterface {
  name = 'TrainingCalendar1797670000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE training_offering (
        id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
        agency_id uuid NOT NULL CONSTRAINT training_offering_agency_id_fkey REFERENCES agency(id),
        title text NOT NULL,
        description text,
        jenis_diklat_id smallint NOT NULL,
        jp numeric(6,2) NOT NULL,
        competency_kind text NOT NULL,
        course_id uuid CONSTRAINT training_offering_course_id_fkey REFERENCES course(id),
        created_by uuid NOT NULL CONSTRAINT training_offering_created_by_fkey REFERENCES user_account(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT training_offering_competency_kind_check CHECK (competency_kind IN ('teknis','manajerial','sosial_kultural')),
        CONSTRAINT training_offering_jp_check CHECK (jp > 0)
      )`);
    await q.query(`CREATE INDEX ix_training_offering_agency ON training_offering (agency_id)`);
    await q.query(`
      CREATE TABLE training_class (
        id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
        offering_id uuid NOT NULL CONSTRAINT training_class_offering_id_fkey REFERENCES training_offering(id) ON DELETE CASCADE,
        agency_id uuid NOT NULL CONSTRAINT training_class_agency_id_fkey REFERENCES agency(id),
        name text NOT NULL,
        time_zone text NOT NULL,
        start_date date NOT NULL,
        end_date date NOT NULL,
        schedule jsonb NOT NULL,
        sessions jsonb NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        mode text NOT NULL,
        venue text,
        meeting_url text,
        speakers jsonb NOT NULL DEFAULT '[]',
        seats integer,
        quota_seats integer NOT NULL DEFAULT 0,
        registration_opens_at timestamptz NOT NULL,
        registration_closes_at timestamptz NOT NULL,
        cancellation_deadline timestamptz NOT NULL,
        requires_approval boolean NOT NULL DEFAULT false,
        waitlist boolean NOT NULL DEFAULT true,
        quota_release_at timestamptz,
        status text NOT NULL DEFAULT 'scheduled',
        taken integer NOT NULL DEFAULT 0,
        common_taken integer NOT NULL DEFAULT 0,
        waitlist_seq bigint NOT NULL DEFAULT 0,
        waitlist_gone bigint NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT training_class_window_check CHECK (registration_opens_at < registration_closes_at AND starts_at < ends_at),
        CONSTRAINT training_class_counters_check CHECK (taken >= 0 AND common_taken >= 0 AND common_taken <= taken AND waitlist_gone <= waitlist_seq),
        CONSTRAINT training_class_seats_check CHECK (seats IS NULL OR (seats > 0 AND quota_seats <= seats AND taken <= seats)),
        CONSTRAINT training_class_time_zone_check CHECK (time_zone IN ('Asia/Jakarta','Asia/Makassar','Asia/Jayapura')),
        CONSTRAINT training_class_status_check CHECK (status IN ('scheduled','cancelled')),
        CONSTRAINT training_class_mode_check CHECK (mode IN ('classroom','online','blended'))
      )`);
    await q.query(`CREATE INDEX ix_training_class_offering ON training_class (offering_id)`);
    await q.query(`CREATE INDEX ix_training_class_agency ON training_class (agency_id)`);
    await q.query(`CREATE INDEX ix_training_class_time ON training_class (starts_at, ends_at)`);
    await q.query(`
      CREATE TABLE class_quota (
        class_id uuid NOT NULL CONSTRAINT class_quota_class_id_fkey REFERENCES training_class(id) ON DELETE CASCADE,
        agency_id uuid NOT NULL CONSTRAINT class_quota_agency_id_fkey REFERENCES agency(id),
        seats integer NOT NULL,
        taken integer NOT NULL DEFAULT 0,
        CONSTRAINT class_quota_seats_check CHECK (seats > 0 AND taken >= 0 AND taken <= seats),
        PRIMARY KEY (class_id, agency_id)
      )`);
    await q.query(`
      CREATE TABLE class_registration (
        id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
        class_id uuid NOT NULL CONSTRAINT class_registration_class_id_fkey REFERENCES training_class(id) ON DELETE CASCADE,
        employee_id uuid NOT NULL CONSTRAINT class_registration_employee_id_fkey REFERENCES employee(id),
        agency_id uuid NOT NULL CONSTRAINT class_registration_agency_id_fkey REFERENCES agency(id),
        status text NOT NULL,
        seat_pool text,
        waitlist_number bigint,
        nominated_by uuid CONSTRAINT class_registration_nominated_by_fkey REFERENCES user_account(id),
        decided_by uuid CONSTRAINT class_registration_decided_by_fkey REFERENCES user_account(id),
        decided_at timestamptz,
        decision_reason text,
        cancelled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT class_registration_waitlist_check CHECK (status <> 'waitlisted' OR waitlist_number IS NOT NULL),
        CONSTRAINT class_registration_seat_check CHECK (CASE status WHEN 'waitlisted' THEN seat_pool IS NULL WHEN 'confirmed' THEN seat_pool IS NOT NULL WHEN 'pending_approval' THEN seat_pool IS NOT NULL ELSE true END AND coalesce(seat_pool IN ('quota','common'), true)),
        CONSTRAINT class_registration_status_check CHECK (status IN ('confirmed','pending_approval','waitlisted','cancelled','refused'))
      )`);
    await q.query(`CREATE INDEX ix_class_registration_employee ON class_registration (employee_id)`);
    await q.query(
      `CREATE INDEX ix_class_registration_waitlist ON class_registration (class_id, waitlist_number) WHERE status = 'waitlisted'`,
    );
    await q.query(
      `CREATE UNIQUE INDEX uq_class_registration_live ON class_registration (class_id, employee_id) WHERE status IN ('confirmed','pending_approval','waitlisted')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE class_registration');
    await q.query('DROP TABLE class_quota');
    await q.query('DROP TABLE training_class');
    await q.query('DROP TABLE training_offering');
  }
}
