import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A class's sessions (`training_class.sessions`, jsonb `[[startIso, endIso], …]`) as one tstzmultirange of [start, end). */
const SESSIONS_OF_CLASS = `(SELECT range_agg(tstzrange((s ->> 0)::timestamptz, (s ->> 1)::timestamptz))
                             FROM jsonb_array_elements(c.sessions) s)`;

/**
 * Nobody holds seats in two overlapping classes (issue 18, decision 0034 "Conflicts guarded by the database"):
 * `class_registration.held_sessions` is the class's sessions while the registration holds a seat (confirmed or pending
 * approval), NULL otherwise, and the exclusion constraint `class_registration_no_overlap` (btree_gist: uuid `=` with
 * multirange `&&`) refuses a second holding row of the same ASN whose sessions overlap. The registration statements
 * write the column; the application's read check stays as the friendly first answer.
 *
 * Backfill: every holding row gets its class's sessions, EXCEPT a row that overlaps an earlier holding row (by
 * created_at, id) of the same ASN — such an old double booking is grandfathered with a NULL column (the constraint
 * does not see it), so this migration never fails on old data. Only a later row is left out, so no two filled rows
 * overlap. The btree_gist extension is left installed on the way down (like pgcrypto and pg_trgm).
 */
export class ClassRegistrationNoOverlap1797740000000 implements MigrationInterface {
  name = 'ClassRegistrationNoOverlap1797740000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await q.query(`ALTER TABLE class_registration ADD COLUMN held_sessions tstzmultirange`);
    await q.query(`
      WITH h AS (
        SELECT r.id, r.employee_id, r.created_at, ${SESSIONS_OF_CLASS} AS held
          FROM class_registration r JOIN training_class c ON c.id = r.class_id
         WHERE r.status IN ('confirmed','pending_approval')
      )
      UPDATE class_registration r SET held_sessions = h.held
        FROM h
       WHERE r.id = h.id
         AND NOT EXISTS (SELECT 1 FROM h e
                          WHERE e.employee_id = h.employee_id AND (e.created_at, e.id) < (h.created_at, h.id)
                            AND e.held && h.held)`);
    await q.query(`
      ALTER TABLE class_registration ADD CONSTRAINT class_registration_no_overlap
        EXCLUDE USING gist (employee_id WITH =, held_sessions WITH &&) WHERE (held_sessions IS NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE class_registration DROP CONSTRAINT class_registration_no_overlap`);
    await q.query(`ALTER TABLE class_registration DROP COLUMN held_sessions`);
  }
}
