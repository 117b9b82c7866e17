import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The published read models of the domain libs (decision 0016): views with stable names and columns, each owned by
 * the lib that owns the table under it and declared in that lib's `src/read-models.ts`. Another lib joins a view
 * where one statement must read both libs' rows (hot paths, reports, lists); it never names the table itself.
 * Each view reads one table, so PostgreSQL inlines it and a statement costs what it did on the table. A migration
 * that changes a column a view shows recreates the view with the same columns (or changes it with its readers).
 */
const VIEWS = [
  'CREATE VIEW organisation_agency AS SELECT id, code, name, level, parent_id, time_zone FROM agency',
  'CREATE VIEW organisation_work_unit AS SELECT id, agency_id, parent_id, code, name, path, depth FROM work_unit',
  'CREATE VIEW identity_employee AS SELECT id, agency_id, unit_id, nip, employee_type, full_name, front_title, back_title, position_name, supervisor_id, active FROM employee',
  'CREATE VIEW identity_user_account AS SELECT id, employee_id, email FROM user_account',
  'CREATE VIEW learning_course AS SELECT id, agency_id, visibility, enrolment_mode, prerequisite_course_ids, status, current_version_id FROM course',
  'CREATE VIEW learning_course_version AS SELECT id, course_id, version_no, title, jp FROM course_version',
  'CREATE VIEW enrolment_state AS SELECT id, course_id, course_version_id, employee_id, agency_id, status FROM enrolment',
];

const nameOf = (create: string) => create.split(' ')[2];

export class PublishedReadModels1797000000000 implements MigrationInterface {
  name = 'PublishedReadModels1797000000000';

  async up(q: QueryRunner): Promise<void> {
    for (const create of VIEWS) await q.query(create);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const create of [...VIEWS].reverse()) await q.query(`DROP VIEW ${nameOf(create)}`);
  }
}
