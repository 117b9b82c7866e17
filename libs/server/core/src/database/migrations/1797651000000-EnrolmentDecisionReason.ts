import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Why an enrolment request was rejected (issue 17): optional, told to the learner in their notification. */
export class EnrolmentDecisionReason1797651000000 implements MigrationInterface {
  name = 'EnrolmentDecisionReason1797651000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE enrolment ADD COLUMN decision_reason text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE enrolment DROP COLUMN decision_reason`);
  }
}
