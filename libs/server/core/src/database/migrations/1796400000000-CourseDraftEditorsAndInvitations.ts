import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Four eyes and cross-agency co-authoring (issue 12, decision 0013).
 * - course_draft_editor: every user who changed any part of a course's draft (course fields, outline, lessons, files,
 *   quizzes, questions) since its last publication. Publishing refuses them and then empties the set.
 * - course_author_invitation: a course owner invites an ASN of another agency by NIP; the invitee's agency admin
 *   accepts or declines. employee_id/agency_id stay NULL when the NIP matches nobody: the inviter learns nothing.
 */
export class CourseDraftEditorsAndInvitations1796400000000 implements MigrationInterface {
  name = 'CourseDraftEditorsAndInvitations1796400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE course_draft_editor (
      course_id uuid NOT NULL CONSTRAINT course_draft_editor_course_id_fkey REFERENCES course(id),
      user_id uuid NOT NULL CONSTRAINT course_draft_editor_user_id_fkey REFERENCES user_account(id),
      first_edited_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (course_id, user_id)
    )`);

    await q.query(`CREATE TABLE course_author_invitation (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      course_id uuid NOT NULL CONSTRAINT course_author_invitation_course_id_fkey REFERENCES course(id),
      nip text NOT NULL,
      employee_id uuid CONSTRAINT course_author_invitation_employee_id_fkey REFERENCES employee(id),
      agency_id uuid CONSTRAINT course_author_invitation_agency_id_fkey REFERENCES agency(id),
      status text NOT NULL DEFAULT 'pending' CONSTRAINT course_author_invitation_status_check CHECK (status IN ('pending','accepted','declined')),
      invited_by uuid NOT NULL CONSTRAINT course_author_invitation_invited_by_fkey REFERENCES user_account(id),
      decided_by uuid CONSTRAINT course_author_invitation_decided_by_fkey REFERENCES user_account(id),
      decided_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_course_author_invitation_pending ON course_author_invitation (course_id, nip) WHERE status = 'pending'`,
    );
    await q.query(
      `CREATE INDEX ix_course_author_invitation_agency ON course_author_invitation (agency_id, status, created_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE course_author_invitation`);
    await q.query(`DROP TABLE course_draft_editor`);
  }
}
