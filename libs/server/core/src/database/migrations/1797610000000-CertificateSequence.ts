import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Certificate numbering (issue 17, DOMAIN.md §7): one sequence per agency and year, advanced in the transaction that
 * issues the certificate, so a rolled-back issue leaves no gap and two issues never share a number.
 */
export class CertificateSequence1797610000000 implements MigrationInterface {
  name = 'CertificateSequence1797610000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE certificate_sequence (
        agency_id uuid NOT NULL CONSTRAINT certificate_sequence_agency_id_fkey REFERENCES agency(id),
        year int NOT NULL,
        last_value int NOT NULL,
        CONSTRAINT certificate_sequence_last_value_check CHECK (last_value > 0),
        PRIMARY KEY (agency_id, year)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE certificate_sequence`);
  }
}
