import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The kind of structural leadership training (SIASN latihanStrukturalId 1–8) a course of jenis diklat 1 is, so its
 * completions reach SIASN's riwayat diklat (`/diklat/save`, decision 0035). Null for every other course and for
 * existing ones.
 */
export class CourseLatihanStruktural1797680000000 implements MigrationInterface {
  name = 'CourseLatihanStruktural1797680000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE course ADD COLUMN latihan_struktural_id smallint`);
    await q.query(
      `ALTER TABLE course ADD CONSTRAINT course_latihan_struktural_id_check
         CHECK (latihan_struktural_id IS NULL OR (jenis_diklat_id = 1 AND latihan_struktural_id BETWEEN 1 AND 8))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE course DROP CONSTRAINT course_latihan_struktural_id_check`);
    await q.query(`ALTER TABLE course DROP COLUMN latihan_struktural_id`);
  }
}
