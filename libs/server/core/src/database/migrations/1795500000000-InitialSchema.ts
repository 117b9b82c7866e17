import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Organisation, identity, audit and outbox: the ground every later capability stands on. */
export class InitialSchema1795500000000 implements MigrationInterface {
  name = 'InitialSchema1795500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);

    await q.query(`CREATE TABLE agency (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL,
      name text NOT NULL,
      level text NOT NULL CHECK (level IN ('nasional','provinsi','kabupaten','kota')),
      parent_id uuid REFERENCES agency(id),
      time_zone text NOT NULL CHECK (time_zone IN ('Asia/Jakarta','Asia/Makassar','Asia/Jayapura')),
      hr_body_name text,
      siasn_instansi_id text CHECK (siasn_instansi_id ~ '^[0-9A-F]{32}$'),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE UNIQUE INDEX uq_agency_code ON agency (code)`);
    await q.query(`CREATE INDEX ix_agency_parent ON agency (parent_id)`);

    await q.query(`CREATE TABLE work_unit (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agency(id),
      parent_id uuid REFERENCES work_unit(id),
      code text NOT NULL,
      name text NOT NULL,
      path text NOT NULL,
      depth int NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE UNIQUE INDEX uq_work_unit_agency_code ON work_unit (agency_id, code)`);
    await q.query(`CREATE INDEX ix_work_unit_agency ON work_unit (agency_id)`);
    await q.query(`CREATE INDEX ix_work_unit_path ON work_unit (path text_pattern_ops)`);

    await q.query(`CREATE TABLE employee (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      nip char(18) NOT NULL CHECK (nip ~ '^[0-9]{18}$'),
      agency_id uuid NOT NULL REFERENCES agency(id),
      unit_id uuid REFERENCES work_unit(id),
      employee_type text NOT NULL CHECK (employee_type IN ('PNS','PPPK')),
      full_name text NOT NULL,
      front_title text,
      back_title text,
      position_name text,
      position_kind text CHECK (position_kind IN ('struktural','fungsional','pelaksana')),
      rank text,
      supervisor_id uuid REFERENCES employee(id),
      email text,
      phone text,
      birth_date date NOT NULL,
      gender char(1) NOT NULL CHECK (gender IN ('L','P')),
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE UNIQUE INDEX uq_employee_nip ON employee (nip)`);
    await q.query(`CREATE INDEX ix_employee_agency_unit ON employee (agency_id, unit_id)`);
    await q.query(`CREATE INDEX ix_employee_supervisor ON employee (supervisor_id)`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(
      `CREATE INDEX ix_employee_search ON employee USING gin ((lower(full_name) || ' ' || nip || ' ' || coalesce(lower(email), '')) gin_trgm_ops)`,
    );

    await q.query(`CREATE TABLE user_account (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      employee_id uuid REFERENCES employee(id),
      email text CHECK (email = lower(email)),
      password_hash text,
      failed_login_count int NOT NULL DEFAULT 0,
      locked_until timestamptz,
      last_login_at timestamptz,
      password_changed_at timestamptz,
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_user_account_employee ON user_account (employee_id) WHERE employee_id IS NOT NULL`,
    );
    await q.query(`CREATE UNIQUE INDEX uq_user_account_email ON user_account (email) WHERE email IS NOT NULL`);

    await q.query(`CREATE TABLE role_assignment (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES user_account(id) ON DELETE CASCADE,
      role text NOT NULL CHECK (role IN ('learner','widyaiswara','supervisor','hr_officer','agency_admin','province_admin','platform_admin')),
      agency_id uuid NOT NULL REFERENCES agency(id),
      unit_id uuid REFERENCES work_unit(id),
      unit_key text GENERATED ALWAYS AS (coalesce(unit_id::text, '')) STORED NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    // TypeORM reads a generated column's expression from its metadata table (as migration:generate would write it).
    await q.query(
      `CREATE TABLE IF NOT EXISTS typeorm_metadata (type varchar NOT NULL, database varchar, schema varchar, "table" varchar, name varchar, value text)`,
    );
    await q.query(
      `INSERT INTO typeorm_metadata (type, database, schema, "table", name, value) VALUES ('GENERATED_COLUMN', current_database(), current_schema(), 'role_assignment', 'unit_key', $1)`,
      ["coalesce(unit_id::text, '')"],
    );
    await q.query(`CREATE UNIQUE INDEX uq_role_assignment ON role_assignment (user_id, role, agency_id, unit_key)`);
    await q.query(`CREATE INDEX ix_role_assignment_user ON role_assignment (user_id)`);

    await q.query(`CREATE TABLE refresh_token (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES user_account(id) ON DELETE CASCADE,
      family_id uuid NOT NULL,
      token_hash text NOT NULL,
      expires_at timestamptz NOT NULL,
      revoked_at timestamptz,
      revoked_reason text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE UNIQUE INDEX uq_refresh_token_hash ON refresh_token (token_hash)`);
    await q.query(`CREATE INDEX ix_refresh_token_user ON refresh_token (user_id)`);
    await q.query(`CREATE INDEX ix_refresh_token_family ON refresh_token (family_id)`);

    await q.query(`CREATE TABLE employee_import (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL REFERENCES agency(id),
      created_by uuid REFERENCES user_account(id),
      file_name text NOT NULL,
      storage_key text NOT NULL,
      unit_scope_path text,
      status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','running','completed','failed')),
      total_rows int NOT NULL DEFAULT 0,
      processed_rows int NOT NULL DEFAULT 0,
      created_count int NOT NULL DEFAULT 0,
      updated_count int NOT NULL DEFAULT 0,
      unchanged_count int NOT NULL DEFAULT 0,
      failed_count int NOT NULL DEFAULT 0,
      errors jsonb NOT NULL DEFAULT '[]',
      message text,
      created_at timestamptz NOT NULL DEFAULT now(),
      started_at timestamptz,
      finished_at timestamptz
    )`);
    await q.query(`CREATE INDEX ix_employee_import_agency_created ON employee_import (agency_id, created_at)`);

    await q.query(`CREATE TABLE audit_log (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      actor_user_id uuid,
      action text NOT NULL,
      entity_type text NOT NULL,
      entity_id uuid,
      agency_id uuid,
      before jsonb,
      after jsonb,
      correlation_id text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX ix_audit_log_agency_created ON audit_log (agency_id, created_at)`);

    await q.query(`CREATE TABLE outbox_event (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      event_type text NOT NULL,
      aggregate_id uuid,
      payload jsonb NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz,
      attempts int NOT NULL DEFAULT 0,
      last_error text
    )`);
    await q.query(`CREATE INDEX ix_outbox_event_pending ON outbox_event (created_at) WHERE sent_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'outbox_event',
      'audit_log',
      'employee_import',
      'refresh_token',
      'role_assignment',
      'user_account',
      'employee',
      'work_unit',
      'agency',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
    await q.query(`DROP TABLE IF EXISTS typeorm_metadata`);
  }
}
