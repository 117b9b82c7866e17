import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The JP lib's tables (issue 16, decision 0022): recognition rule versions and their per-form rules, the append-only
 * ledger (one credit per source, reversals name the line they reverse) and the per-person-year aggregate kept in the
 * ledger's transaction. The national defaults (one rule per SIASN jenis diklat code) are seeded here, in force from
 * 2000-01-01, so a credit always finds a version.
 */
export class JpLedger1797200000000 implements MigrationInterface {
  name = 'JpLedger1797200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE jp_rule_set (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid CONSTRAINT jp_rule_set_agency_id_fkey REFERENCES agency(id),
        effective_from date NOT NULL,
        minutes_per_jp jsonb NOT NULL,
        note text,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_jp_rule_set_agency_from ON jp_rule_set (agency_id, effective_from) WHERE agency_id IS NOT NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX uq_jp_rule_set_national_from ON jp_rule_set (effective_from) WHERE agency_id IS NULL`,
    );
    await q.query(`
      CREATE TABLE jp_rule (
        rule_set_id uuid NOT NULL CONSTRAINT jp_rule_rule_set_id_fkey REFERENCES jp_rule_set(id) ON DELETE CASCADE,
        jenis_diklat_id int NOT NULL,
        channel text NOT NULL,
        unit text NOT NULL,
        jp_per_unit numeric(6,2),
        cap_per_activity numeric(6,2),
        cap_per_year numeric(6,2),
        evidence text NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        PRIMARY KEY (rule_set_id, jenis_diklat_id),
        CONSTRAINT jp_rule_channel_check CHECK (channel IN ('formal','social','experiential')),
        CONSTRAINT jp_rule_unit_check CHECK (unit IN ('hour','session','day','activity')),
        CONSTRAINT jp_rule_amounts_check CHECK ((jp_per_unit IS NULL OR jp_per_unit > 0) AND (cap_per_activity IS NULL OR cap_per_activity > 0) AND (cap_per_year IS NULL OR cap_per_year > 0)),
        CONSTRAINT jp_rule_evidence_check CHECK (evidence IN ('none','certificate','document'))
      )`);
    await q.query(`
      CREATE TABLE jp_ledger_line (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        employee_id uuid NOT NULL CONSTRAINT jp_ledger_line_employee_id_fkey REFERENCES employee(id),
        agency_id uuid NOT NULL CONSTRAINT jp_ledger_line_agency_id_fkey REFERENCES agency(id),
        year int NOT NULL,
        occurred_on date NOT NULL,
        jp numeric(6,2) NOT NULL,
        jenis_diklat_id int NOT NULL,
        channel text NOT NULL,
        competency_kind text,
        source_type text NOT NULL,
        source_id uuid NOT NULL,
        title text NOT NULL,
        organiser text,
        rule_set_id uuid NOT NULL CONSTRAINT jp_ledger_line_rule_set_id_fkey REFERENCES jp_rule_set(id),
        reverses_id uuid CONSTRAINT jp_ledger_line_reverses_id_fkey REFERENCES jp_ledger_line(id),
        reason text,
        recorded_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT jp_ledger_line_channel_check CHECK (channel IN ('formal','social','experiential')),
        CONSTRAINT jp_ledger_line_year_check CHECK (year = extract(year FROM occurred_on))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_jp_ledger_source ON jp_ledger_line (source_type, source_id) WHERE reverses_id IS NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX uq_jp_ledger_reverses ON jp_ledger_line (reverses_id) WHERE reverses_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX ix_jp_ledger_employee_year ON jp_ledger_line (employee_id, year)`);
    await q.query(`
      CREATE TABLE jp_person_year (
        employee_id uuid NOT NULL CONSTRAINT jp_person_year_employee_id_fkey REFERENCES employee(id),
        year int NOT NULL,
        total_jp numeric(8,2) NOT NULL DEFAULT 0,
        formal_jp numeric(8,2) NOT NULL DEFAULT 0,
        social_jp numeric(8,2) NOT NULL DEFAULT 0,
        experiential_jp numeric(8,2) NOT NULL DEFAULT 0,
        monthly_jp numeric[] NOT NULL DEFAULT '{0,0,0,0,0,0,0,0,0,0,0,0}',
        by_form jsonb NOT NULL DEFAULT '{}',
        by_competency_kind jsonb NOT NULL DEFAULT '{}',
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (employee_id, year)
      )`);
    await q.query(`CREATE INDEX ix_jp_person_year_year ON jp_person_year (year)`);

    // National defaults: every form recognised; hours by 45 minutes per JP in every mode; seminars and workshops by
    // the hour too; non-classroom forms by session (coaching, mentoring, communities: 1 JP per session, at most 10 a
    // year) or by day (secondment, internship: 8 JP per day). Evidence: a certificate for classroom forms, a document
    // for the rest. Agencies set their own versions from here.
    const [{ id }] = await q.query(
      `INSERT INTO jp_rule_set (agency_id, effective_from, minutes_per_jp, note)
       VALUES (NULL, '2000-01-01', '{"classroom":45,"online":45,"blended":45,"self_paced":45}', 'Ketentuan nasional bawaan')
       RETURNING id`,
    );
    await q.query(
      `INSERT INTO jp_rule (rule_set_id, jenis_diklat_id, channel, unit, jp_per_unit, cap_per_activity, cap_per_year, evidence)
       SELECT $1, d.id, d.channel, d.unit, d.per_unit::numeric, d.cap_activity::numeric, d.cap_year::numeric, d.evidence
         FROM (VALUES
           (1,'formal','hour',NULL,NULL,NULL,'certificate'), (2,'formal','hour',NULL,NULL,NULL,'certificate'),
           (3,'formal','hour',NULL,NULL,NULL,'certificate'), (4,'formal','hour',NULL,NULL,NULL,'certificate'),
           (5,'formal','hour',NULL,NULL,NULL,'certificate'), (6,'formal','hour',NULL,NULL,NULL,'certificate'),
           (7,'formal','hour',NULL,NULL,NULL,'certificate'), (8,'formal','hour',NULL,NULL,NULL,'certificate'),
           (9,'formal','hour',NULL,NULL,NULL,'certificate'), (10,'experiential','day',8,NULL,NULL,'certificate'),
           (11,'formal','hour',NULL,NULL,NULL,'certificate'), (12,'formal','hour',NULL,NULL,NULL,'certificate'),
           (13,'formal','hour',NULL,NULL,NULL,'certificate'), (14,'social','session',1,NULL,10,'document'),
           (15,'social','session',1,NULL,10,'document'), (16,'formal','hour',NULL,NULL,NULL,'none'),
           (17,'formal','hour',NULL,NULL,NULL,'certificate'), (18,'experiential','day',8,NULL,NULL,'document'),
           (19,'experiential','day',8,NULL,NULL,'document'), (20,'experiential','day',8,NULL,NULL,'document'),
           (21,'experiential','day',8,NULL,NULL,'document'), (22,'formal','hour',NULL,NULL,10,'document'),
           (23,'social','session',1,NULL,10,'document'), (24,'experiential','session',1,NULL,10,'document'),
           (25,'experiential','activity',2,NULL,10,'document')
         ) AS d(id, channel, unit, per_unit, cap_activity, cap_year, evidence)`,
      [id],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE jp_person_year`);
    await q.query(`DROP TABLE jp_ledger_line`);
    await q.query(`DROP TABLE jp_rule`);
    await q.query(`DROP TABLE jp_rule_set`);
  }
}
