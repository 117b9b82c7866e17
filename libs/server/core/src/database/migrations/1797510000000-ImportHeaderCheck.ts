import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * employee_import gains the English wording of a file-level failure (`message_en`, decision 0026) and the header
 * check (`header_check`: required columns missing and columns not recognised), so the screen explains a wrong header
 * as a wrong header rather than as row errors (issue 15).
 */
export class ImportHeaderCheck1797510000000 implements MigrationInterface {
  name = 'ImportHeaderCheck1797510000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE employee_import ADD COLUMN message_en text`);
    await q.query(`ALTER TABLE employee_import ADD COLUMN header_check jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE employee_import DROP COLUMN header_check`);
    await q.query(`ALTER TABLE employee_import DROP COLUMN message_en`);
  }
}
