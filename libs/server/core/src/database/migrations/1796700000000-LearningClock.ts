import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The server's clock for learning records (docs/learning.md, "Time and video the server credits"):
 * - enrolment.last_progress_at: when the learner's last player event was credited; time credited by the next event is
 *   bounded by the wall-clock time since then.
 * - lesson_progress.watched_at: when a video lesson's watched share was last credited; the share may only advance as
 *   fast as the video plays since then.
 */
export class LearningClock1796700000000 implements MigrationInterface {
  name = 'LearningClock1796700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE enrolment ADD COLUMN last_progress_at timestamptz`);
    await q.query(`ALTER TABLE lesson_progress ADD COLUMN watched_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE lesson_progress DROP COLUMN watched_at`);
    await q.query(`ALTER TABLE enrolment DROP COLUMN last_progress_at`);
  }
}
