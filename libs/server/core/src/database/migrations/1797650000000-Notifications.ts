import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications and email (issue 17, decision 0032): in-app notifications unique per (kind, source, user); the email
 * delivery record unique per (kind, source, recipient) with status, attempts, last error, the SMTP message id, the next
 * attempt and a lease; email preferences per user and kind; and the emailed token of a password setup link (its hash).
 */
export class Notifications1797650000000 implements MigrationInterface {
  name = 'Notifications1797650000000';

  async up(q: QueryRunner): Promise<void> {
    const kinds = `'certificate_issued','enrolment_approved','enrolment_rejected','jp_claim_verified','jp_claim_rejected'`;
    await q.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL CONSTRAINT notification_user_id_fkey REFERENCES user_account(id) ON DELETE CASCADE,
        kind text NOT NULL CONSTRAINT notification_kind_check CHECK (kind IN (${kinds},'password_setup_link')),
        source_id uuid NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        link text,
        read_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_notification_kind_source_user ON notification (kind, source_id, user_id)`);
    await q.query(`CREATE INDEX ix_notification_user_created ON notification (user_id, created_at)`);
    await q.query(`CREATE INDEX ix_notification_user_unread ON notification (user_id) WHERE read_at IS NULL`);

    await q.query(`
      CREATE TABLE email_delivery (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        source_id uuid NOT NULL,
        user_id uuid CONSTRAINT email_delivery_user_id_fkey REFERENCES user_account(id) ON DELETE SET NULL,
        recipient text NOT NULL,
        subject text NOT NULL,
        body_text text NOT NULL,
        body_html text NOT NULL,
        status text NOT NULL DEFAULT 'pending'
          CONSTRAINT email_delivery_status_check CHECK (status IN ('pending','sent','failed','parked')),
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        message_id text,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        lease_until timestamptz,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_email_delivery_kind_source_recipient ON email_delivery (kind, source_id, recipient)`,
    );
    await q.query(`CREATE INDEX ix_email_delivery_status_due ON email_delivery (status, next_attempt_at)`);

    await q.query(`
      CREATE TABLE notification_preference (
        user_id uuid NOT NULL CONSTRAINT notification_preference_user_id_fkey REFERENCES user_account(id) ON DELETE CASCADE,
        kind text NOT NULL CONSTRAINT notification_preference_kind_check CHECK (kind IN (${kinds})),
        email boolean NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, kind)
      )`);

    await q.query(`ALTER TABLE account_setup_link ADD COLUMN mail_token_hash text`);
    await q.query(
      `CREATE UNIQUE INDEX uq_account_setup_link_mail_token ON account_setup_link (mail_token_hash) WHERE mail_token_hash IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX uq_account_setup_link_mail_token`);
    await q.query(`ALTER TABLE account_setup_link DROP COLUMN mail_token_hash`);
    await q.query(`DROP TABLE notification_preference`);
    await q.query(`DROP TABLE email_delivery`);
    await q.query(`DROP TABLE notification`);
  }
}
