import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12 (accounts): admins never choose or learn a password.
 * - account_setup_link: one-time, expiring links that let the ASN set their own password (only a SHA-256 of the token is kept).
 * - account_event: what happened to an account (resets, links, email changes), shown to its owner on their profile.
 * - user_account.pending_email: a login email an admin (or the user) asked for, used for sign-in only once the user confirms it.
 */
export class AccountSetupLinks1796300000000 implements MigrationInterface {
  name = 'AccountSetupLinks1796300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE account_setup_link (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL CONSTRAINT account_setup_link_user_id_fkey REFERENCES user_account(id) ON DELETE CASCADE,
      token_hash text NOT NULL,
      purpose text NOT NULL CONSTRAINT account_setup_link_purpose_check CHECK (purpose IN ('setup', 'reset')),
      created_by uuid CONSTRAINT account_setup_link_created_by_fkey REFERENCES user_account(id) ON DELETE SET NULL,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      voided_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE UNIQUE INDEX uq_account_setup_link_token ON account_setup_link (token_hash)`);
    await q.query(`CREATE INDEX ix_account_setup_link_user ON account_setup_link (user_id)`);

    await q.query(`CREATE TABLE account_event (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL CONSTRAINT account_event_user_id_fkey REFERENCES user_account(id) ON DELETE CASCADE,
      kind text NOT NULL,
      actor_user_id uuid CONSTRAINT account_event_actor_user_id_fkey REFERENCES user_account(id) ON DELETE SET NULL,
      actor_role text,
      actor_agency_id uuid CONSTRAINT account_event_actor_agency_id_fkey REFERENCES agency(id),
      details jsonb,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX ix_account_event_user_created ON account_event (user_id, created_at)`);

    await q.query(
      `ALTER TABLE user_account ADD COLUMN pending_email text CONSTRAINT user_account_pending_email_check CHECK (pending_email = lower(pending_email))`,
    );
    await q.query(`ALTER TABLE user_account ADD COLUMN pending_email_set_at timestamptz`);
    await q.query(
      `ALTER TABLE user_account ADD COLUMN pending_email_set_by uuid CONSTRAINT user_account_pending_email_set_by_fkey REFERENCES user_account(id) ON DELETE SET NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE user_account DROP COLUMN pending_email_set_by`);
    await q.query(`ALTER TABLE user_account DROP COLUMN pending_email_set_at`);
    await q.query(`ALTER TABLE user_account DROP COLUMN pending_email`);
    await q.query(`DROP TABLE account_event`);
    await q.query(`DROP TABLE account_setup_link`);
  }
}
