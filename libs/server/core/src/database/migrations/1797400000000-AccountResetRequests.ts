import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15 (forgot password without email): an ASN who forgot their password asks for a reset from the login page;
 * their agency's HR officer sees the request and issues the one-time setup link (decision 0024).
 * - account_reset_request: at most one pending request per account (a partial unique index), resolved when a setup
 *   link is issued for the account by any path.
 */
export class AccountResetRequests1797400000000 implements MigrationInterface {
  name = 'AccountResetRequests1797400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE account_reset_request (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL CONSTRAINT account_reset_request_user_id_fkey REFERENCES user_account(id) ON DELETE CASCADE,
      status text NOT NULL DEFAULT 'pending' CONSTRAINT account_reset_request_status_check CHECK (status IN ('pending', 'resolved')),
      resolved_by uuid CONSTRAINT account_reset_request_resolved_by_fkey REFERENCES user_account(id) ON DELETE SET NULL,
      resolved_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_account_reset_request_pending ON account_reset_request (user_id) WHERE status = 'pending'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE account_reset_request`);
  }
}
