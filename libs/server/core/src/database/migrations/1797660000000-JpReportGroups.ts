import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The province-level JP report aggregate (issue 16, decision 0033): active ASN per year grouped by agency, type,
 * position kind, rank, JP bucket and above the PPPK ceiling, rebuilt per year by an idempotent job; and when each
 * year was last built.
 */
export class JpReportGroups1797660000000 implements MigrationInterface {
  name = 'JpReportGroups1797660000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE jp_report_group (
        year int NOT NULL,
        agency_id uuid NOT NULL CONSTRAINT jp_report_group_agency_id_fkey REFERENCES agency(id) ON DELETE CASCADE,
        employee_type text NOT NULL,
        position_kind text NOT NULL,
        rank text NOT NULL,
        bucket smallint NOT NULL,
        above boolean NOT NULL,
        asn int NOT NULL,
        total_jp numeric NOT NULL,
        formal_jp numeric NOT NULL,
        social_jp numeric NOT NULL,
        experiential_jp numeric NOT NULL,
        monthly_jp numeric[] NOT NULL,
        PRIMARY KEY (year, agency_id, employee_type, position_kind, rank, bucket, above)
      )`);
    await q.query(`
      CREATE TABLE jp_report_build (
        year int PRIMARY KEY,
        built_at timestamptz NOT NULL,
        asn int NOT NULL,
        groups int NOT NULL,
        duration_ms int NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE jp_report_build');
    await q.query('DROP TABLE jp_report_group');
  }
}
