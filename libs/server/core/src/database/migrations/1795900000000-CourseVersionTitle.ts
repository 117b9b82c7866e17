import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * course_version.title: the published title as a plain column. Reading `snapshot->>'title'` de-TOASTs and decompresses
 * the whole snapshot (every lesson and quiz of the course) for one short string, on every course page, enrolment view
 * and catalog row. Snapshots never change after insert, so a BEFORE INSERT trigger keeps the column right for every
 * writer (the publish workflow, tests, data loads) without each of them having to remember it.
 */
export class CourseVersionTitle1795900000000 implements MigrationInterface {
  name = 'CourseVersionTitle1795900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE course_version ADD COLUMN title text NOT NULL DEFAULT ''`);
    await q.query(`UPDATE course_version SET title = coalesce(snapshot->>'title', '')`);
    await q.query(`CREATE FUNCTION course_version_title() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.title := coalesce(NEW.snapshot->>'title', '');
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER course_version_title BEFORE INSERT OR UPDATE OF snapshot ON course_version
      FOR EACH ROW EXECUTE FUNCTION course_version_title()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER course_version_title ON course_version`);
    await q.query(`DROP FUNCTION course_version_title()`);
    await q.query(`ALTER TABLE course_version DROP COLUMN title`);
  }
}
