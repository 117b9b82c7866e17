import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The SIASN push state (issue 17, decision 0028): one row per completion to deliver, unique on its source, with its
 * status, attempts, last error, when to try again, a lease so two workers never push it at once, and SIASN's ids.
 */
export class SiasnPush1797600000000 implements MigrationInterface {
  name = 'SiasnPush1797600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE siasn_push (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        source_type text NOT NULL,
        source_id uuid NOT NULL,
        employee_id uuid NOT NULL CONSTRAINT siasn_push_employee_id_fkey REFERENCES employee(id),
        agency_id uuid NOT NULL CONSTRAINT siasn_push_agency_id_fkey REFERENCES agency(id),
        nip text NOT NULL,
        instansi_id text NOT NULL,
        completion jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending'
          CONSTRAINT siasn_push_status_check CHECK (status IN ('pending','sent','acknowledged','failed','parked')),
        attempts int NOT NULL DEFAULT 0,
        uncertain boolean NOT NULL DEFAULT false,
        last_error text,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        lease_until timestamptz,
        pns_orang_id text,
        siasn_record_id text,
        adopted boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        acknowledged_at timestamptz,
        CONSTRAINT uq_siasn_push_source UNIQUE (source_type, source_id)
      )`);
    await q.query(`CREATE INDEX ix_siasn_push_status_due ON siasn_push (status, next_attempt_at)`);
    await q.query(`CREATE INDEX ix_siasn_push_agency_status ON siasn_push (agency_id, status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE siasn_push`);
  }
}
