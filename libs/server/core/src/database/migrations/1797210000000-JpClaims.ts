import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * External-learning claims and what the ledger keeps to explain a credit (issue 16, decision 0022):
 * - `jp_rule_set.claim_verifier`: who verifies the claims of an agency whose rules these are (HR officer by default,
 *   or the direct supervisor);
 * - `jp_ledger_line.calculation`: how the JP of a line was computed (basis, unit, quantity, minutes per JP, the cap
 *   that applied), so "why 10 JP?" has an answer on the line itself;
 * - `jp_claim`: development done outside Kompeten, claimed by the ASN with its evidence, verified or rejected. Two
 *   partial unique indexes catch duplicates among claims that are not rejected: the same certificate number for the
 *   ASN, or the same organiser, title and dates (both kept normalised in `certificate_key` and `activity_key`).
 */
export class JpClaims1797210000000 implements MigrationInterface {
  name = 'JpClaims1797210000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE jp_rule_set ADD COLUMN claim_verifier text NOT NULL DEFAULT 'hr_officer'`);
    await q.query(
      `ALTER TABLE jp_rule_set ADD CONSTRAINT jp_rule_set_claim_verifier_check CHECK (claim_verifier IN ('hr_officer','supervisor'))`,
    );
    await q.query(`ALTER TABLE jp_ledger_line ADD COLUMN calculation jsonb`);
    await q.query(`
      CREATE TABLE jp_claim (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        employee_id uuid NOT NULL CONSTRAINT jp_claim_employee_id_fkey REFERENCES employee(id),
        agency_id uuid NOT NULL CONSTRAINT jp_claim_agency_id_fkey REFERENCES agency(id),
        jenis_diklat_id int NOT NULL,
        title text NOT NULL,
        organiser text NOT NULL,
        start_date date NOT NULL,
        end_date date NOT NULL,
        unit text NOT NULL,
        quantity numeric(6,2) NOT NULL,
        delivery_mode text NOT NULL,
        competency_kind text,
        certificate_number text,
        certificate_key text,
        activity_key text NOT NULL,
        evidence_key text,
        evidence_name text,
        evidence_mime text,
        evidence_size int,
        status text NOT NULL DEFAULT 'pending',
        verifier text NOT NULL,
        decided_by uuid,
        decided_at timestamptz,
        decision_reason text,
        ledger_line_id uuid CONSTRAINT jp_claim_ledger_line_id_fkey REFERENCES jp_ledger_line(id),
        credited_jp numeric(6,2),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT jp_claim_status_check CHECK (status IN ('pending','verified','rejected')),
        CONSTRAINT jp_claim_verifier_check CHECK (verifier IN ('hr_officer','supervisor')),
        CONSTRAINT jp_claim_unit_check CHECK (unit IN ('hour','session','day','activity')),
        CONSTRAINT jp_claim_delivery_mode_check CHECK (delivery_mode IN ('classroom','online','blended','self_paced')),
        CONSTRAINT jp_claim_dates_check CHECK (end_date >= start_date),
        CONSTRAINT jp_claim_quantity_check CHECK (quantity > 0),
        CONSTRAINT jp_claim_jenis_diklat_id_check CHECK (jenis_diklat_id BETWEEN 1 AND 25)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_jp_claim_certificate ON jp_claim (employee_id, certificate_key) WHERE certificate_key IS NOT NULL AND status <> 'rejected'`,
    );
    await q.query(
      `CREATE UNIQUE INDEX uq_jp_claim_activity ON jp_claim (employee_id, activity_key) WHERE status <> 'rejected'`,
    );
    await q.query(`CREATE INDEX ix_jp_claim_status_created ON jp_claim (status, created_at)`);
    await q.query(`CREATE INDEX ix_jp_claim_employee_created ON jp_claim (employee_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE jp_claim`);
    await q.query(`ALTER TABLE jp_ledger_line DROP COLUMN calculation`);
    await q.query(`ALTER TABLE jp_rule_set DROP CONSTRAINT jp_rule_set_claim_verifier_check`);
    await q.query(`ALTER TABLE jp_rule_set DROP COLUMN claim_verifier`);
  }
}
