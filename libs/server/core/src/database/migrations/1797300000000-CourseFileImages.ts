import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * course_file.purpose gains `image`: a picture uploaded from the rich-text editor into a lesson text, a course
 * description, assignment instructions or a question prompt (issue 15, "A real editor"). JPEG/PNG/WebP/GIF up to 5 MB.
 */
export class CourseFileImages1797300000000 implements MigrationInterface {
  name = 'CourseFileImages1797300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE course_file DROP CONSTRAINT course_file_purpose_check`);
    await q.query(
      `ALTER TABLE course_file ADD CONSTRAINT course_file_purpose_check CHECK (purpose IN ('cover','video','document','file','assignment','image'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    // Pictures become downloadable files (`file` accepts the same image types), so the old constraint holds again.
    await q.query(`UPDATE course_file SET purpose = 'file' WHERE purpose = 'image'`);
    await q.query(`ALTER TABLE course_file DROP CONSTRAINT course_file_purpose_check`);
    await q.query(
      `ALTER TABLE course_file ADD CONSTRAINT course_file_purpose_check CHECK (purpose IN ('cover','video','document','file','assignment'))`,
    );
  }
}
