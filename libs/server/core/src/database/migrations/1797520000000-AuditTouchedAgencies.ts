import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * audit_log.touched_agency_ids: the agencies whose people an administrative write touched, besides the agency it is
 * filed under (issue 15): a province admin who moves a Mataram ASN or grants them a role writes an entry that Kota
 * Mataram's admin sees too. Existing employee entries are filled from the employee's agency before and after.
 */
export class AuditTouchedAgencies1797520000000 implements MigrationInterface {
  name = 'AuditTouchedAgencies1797520000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_log ADD COLUMN touched_agency_ids uuid[] NOT NULL DEFAULT '{}'`);
    await q.query(
      `UPDATE audit_log SET touched_agency_ids = ARRAY(
         SELECT DISTINCT x::uuid FROM unnest(ARRAY[before->>'agencyId', after->>'agencyId']) AS x
          WHERE x ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$')
        WHERE entity_type = 'employee'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_log DROP COLUMN touched_agency_ids`);
  }
}
