import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The SIASN push in the running platform (issue 17, decision 0031): the certificate behind each push and the upload of
 * its PDF to the acknowledged record (own status, attempts, error, lease), per-agency credentials with their secrets
 * encrypted (AES-256-GCM), reconciliation runs and their differences, and official IP ASN scores read from SIASN.
 */
export class SiasnPlatform1797640000000 implements MigrationInterface {
  name = 'SiasnPlatform1797640000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE siasn_push
        ADD COLUMN certificate_id uuid,
        ADD COLUMN person_name text,
        ADD COLUMN document_status text
          CONSTRAINT siasn_push_document_status_check CHECK (document_status IN ('pending','uploaded','failed','parked')),
        ADD COLUMN document_attempts int NOT NULL DEFAULT 0,
        ADD COLUMN document_error text,
        ADD COLUMN document_next_at timestamptz,
        ADD COLUMN document_lease_until timestamptz,
        ADD COLUMN document_uploaded_at timestamptz`);
    await q.query(
      `CREATE INDEX ix_siasn_push_document_due ON siasn_push (document_status, document_next_at)
        WHERE document_status IN ('pending','failed')`,
    );
    await q.query(`
      CREATE TABLE siasn_credential (
        agency_id uuid PRIMARY KEY CONSTRAINT siasn_credential_agency_id_fkey REFERENCES agency(id),
        base_url text NOT NULL,
        apim_token_url text NOT NULL,
        sso_token_url text NOT NULL,
        sso_client_id text NOT NULL,
        sso_username text NOT NULL,
        apim_key_enc text NOT NULL,
        apim_secret_enc text NOT NULL,
        sso_password_enc text NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        updated_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE siasn_reconciliation_run (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL CONSTRAINT siasn_reconciliation_run_agency_id_fkey REFERENCES agency(id),
        status text NOT NULL DEFAULT 'requested'
          CONSTRAINT siasn_reconciliation_run_status_check CHECK (status IN ('requested','running','done','failed')),
        requested_by uuid,
        requested_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        lease_until timestamptz,
        finished_at timestamptz,
        checked int NOT NULL DEFAULT 0,
        differences int NOT NULL DEFAULT 0,
        error text
      )`);
    await q.query(
      `CREATE INDEX ix_siasn_reconciliation_run_agency ON siasn_reconciliation_run (agency_id, requested_at)`,
    );
    await q.query(
      `CREATE UNIQUE INDEX uq_siasn_reconciliation_run_open ON siasn_reconciliation_run (agency_id)
        WHERE status IN ('requested','running')`,
    );
    await q.query(`
      CREATE TABLE siasn_reconciliation_item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        run_id uuid NOT NULL CONSTRAINT siasn_reconciliation_item_run_id_fkey
          REFERENCES siasn_reconciliation_run(id) ON DELETE CASCADE,
        push_id uuid NOT NULL CONSTRAINT siasn_reconciliation_item_push_id_fkey REFERENCES siasn_push(id),
        nip text NOT NULL,
        certificate_number text NOT NULL,
        kind text NOT NULL CONSTRAINT siasn_reconciliation_item_kind_check
          CHECK (kind IN ('missing_at_siasn','different','record_id_mismatch','unreadable')),
        detail text NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_siasn_reconciliation_item_run ON siasn_reconciliation_item (run_id)`);
    await q.query(`
      CREATE TABLE siasn_ip_asn (
        employee_id uuid PRIMARY KEY CONSTRAINT siasn_ip_asn_employee_id_fkey REFERENCES employee(id),
        nip text NOT NULL,
        score jsonb,
        error text,
        fetched_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE siasn_ip_asn`);
    await q.query(`DROP TABLE siasn_reconciliation_item`);
    await q.query(`DROP TABLE siasn_reconciliation_run`);
    await q.query(`DROP TABLE siasn_credential`);
    await q.query(`DROP INDEX ix_siasn_push_document_due`);
    await q.query(`
      ALTER TABLE siasn_push DROP COLUMN certificate_id, DROP COLUMN person_name, DROP COLUMN document_status,
        DROP COLUMN document_attempts, DROP COLUMN document_error, DROP COLUMN document_next_at,
        DROP COLUMN document_lease_until, DROP COLUMN document_uploaded_at`);
  }
}
