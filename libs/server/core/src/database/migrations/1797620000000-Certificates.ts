import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issued certificates (issue 17, decision 0029): the content as signed, the signature and its key, the number from the
 * agency's sequence (unique, immutable), the rendered PDF's hash, and revocation. One valid certificate per source;
 * a re-issue revokes the old one and points back at it. Public keys are kept by id so old signatures keep verifying.
 */
export class Certificates1797620000000 implements MigrationInterface {
  name = 'Certificates1797620000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE certificate_key (
        key_id text PRIMARY KEY,
        algorithm text NOT NULL,
        public_key_pem text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE certificate (
        id uuid PRIMARY KEY,
        source_type text NOT NULL,
        source_id uuid NOT NULL,
        employee_id uuid NOT NULL CONSTRAINT certificate_employee_id_fkey REFERENCES employee(id),
        agency_id uuid NOT NULL CONSTRAINT certificate_agency_id_fkey REFERENCES agency(id),
        year int NOT NULL,
        seq int NOT NULL,
        number text NOT NULL,
        content jsonb NOT NULL,
        signature text NOT NULL,
        key_id text NOT NULL CONSTRAINT certificate_key_id_fkey REFERENCES certificate_key(key_id),
        pdf_sha256 text NOT NULL,
        status text NOT NULL DEFAULT 'valid',
        revoked_reason text,
        revoked_at timestamptz,
        replaces_id uuid CONSTRAINT certificate_replaces_id_fkey REFERENCES certificate(id),
        issued_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT certificate_status_check CHECK (status IN ('valid','revoked')),
        CONSTRAINT uq_certificate_number UNIQUE (number),
        CONSTRAINT uq_certificate_agency_year_seq UNIQUE (agency_id, year, seq)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_certificate_source_valid ON certificate (source_type, source_id) WHERE status = 'valid'`,
    );
    await q.query(`CREATE INDEX ix_certificate_employee_issued ON certificate (employee_id, issued_at)`);
    await q.query(`CREATE INDEX ix_certificate_agency_issued ON certificate (agency_id, issued_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE certificate`);
    await q.query(`DROP TABLE certificate_key`);
  }
}
