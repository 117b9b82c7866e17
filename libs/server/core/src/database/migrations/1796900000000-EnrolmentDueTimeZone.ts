import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The zone a due date was set in (decision 0015): a due date is a local day of the agency that set it, so the instant
 * (due_at, UTC) is kept with that zone to state it back as it was meant ("31 Dec 2026, WITA"). Existing due dates get
 * the zone of the assigner's agency, else of the learner's.
 */
export class EnrolmentDueTimeZone1796900000000 implements MigrationInterface {
  name = 'EnrolmentDueTimeZone1796900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE enrolment ADD COLUMN due_time_zone text`);
    await q.query(
      `UPDATE enrolment en
          SET due_time_zone = coalesce(
                (SELECT a.time_zone FROM user_account ua JOIN employee e ON e.id = ua.employee_id JOIN agency a ON a.id = e.agency_id WHERE ua.id = en.assigned_by),
                (SELECT a.time_zone FROM agency a WHERE a.id = en.agency_id))
        WHERE en.due_at IS NOT NULL`,
    );
    await q.query(
      `ALTER TABLE enrolment ADD CONSTRAINT enrolment_due_time_zone_check
         CHECK ((due_at IS NULL AND due_time_zone IS NULL) OR (due_at IS NOT NULL AND coalesce(due_time_zone IN ('Asia/Jakarta','Asia/Makassar','Asia/Jayapura'), false)))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE enrolment DROP CONSTRAINT enrolment_due_time_zone_check`);
    await q.query(`ALTER TABLE enrolment DROP COLUMN due_time_zone`);
  }
}
