import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Certificate templates per agency and their logos (issue 17, decision 0030). A logo is kept by the SHA-256 of its
 * bytes and never changed, so a certificate whose content names the hash re-renders to the same bytes. Certificates
 * gain the course they are for.
 */
export class CertificateTemplates1797630000000 implements MigrationInterface {
  name = 'CertificateTemplates1797630000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE certificate_logo (
        sha256 text PRIMARY KEY,
        media_type text NOT NULL,
        byte_size int NOT NULL,
        bytes bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT certificate_logo_media_type_check CHECK (media_type IN ('image/png','image/jpeg')),
        CONSTRAINT certificate_logo_size_check CHECK (byte_size > 0 AND byte_size <= 524288)
      )`);
    await q.query(`
      CREATE TABLE certificate_template (
        agency_id uuid PRIMARY KEY CONSTRAINT certificate_template_agency_id_fkey REFERENCES agency(id),
        title text NOT NULL,
        awarded_to text NOT NULL,
        completed text NOT NULL,
        closing text,
        city text NOT NULL,
        signatory_name text NOT NULL,
        signatory_position text NOT NULL,
        signatory_nip text,
        pattern text NOT NULL,
        kode text NOT NULL,
        unit text NOT NULL,
        validity_months int,
        logo_sha256 text CONSTRAINT certificate_template_logo_sha256_fkey REFERENCES certificate_logo(sha256),
        updated_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT certificate_template_validity_check CHECK (validity_months IS NULL OR validity_months BETWEEN 1 AND 600)
      )`);
    // The course a certificate is for (null for other sources): the admin list filters by it.
    await q.query(`ALTER TABLE certificate ADD COLUMN course_id uuid`);
    await q.query(`CREATE INDEX ix_certificate_course ON certificate (course_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_certificate_course`);
    await q.query(`ALTER TABLE certificate DROP COLUMN course_id`);
    await q.query(`DROP TABLE certificate_template`);
    await q.query(`DROP TABLE certificate_logo`);
  }
}
