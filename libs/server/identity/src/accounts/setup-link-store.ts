import type { EntityManager } from 'typeorm';
import { returnedRows } from '@kompeten/server-core';

/**
 * Hand-written SQL for one-time password setup links (`account_setup_link`, issue 12): voiding older links, using
 * one, and reading a link by its token's hash with whom it is for. What a link may do is setup-link.service.ts.
 */

/** A link with the account's ASN name, NIP, agency and login email (for the page and the password rules). */
export interface SetupLinkRow {
  id: string;
  user_id: string;
  purpose: 'setup' | 'reset';
  expires_at: Date;
  used_at: Date | null;
  voided_at: Date | null;
  full_name: string | null;
  nip: string | null;
  email: string | null;
  agency_name: string | null;
  agency_id: string | null;
}

/** Voids every unused, unvoided link of the account (a new link replaces them). */
export async function voidOpenSetupLinks(m: EntityManager, userId: string): Promise<void> {
  await m.query(
    `UPDATE account_setup_link SET voided_at = now() WHERE user_id = $1 AND used_at IS NULL AND voided_at IS NULL`,
    [userId],
  );
}

/** Marks a link used (the caller holds its row lock from `selectSetupLink(…, lock = true)`). */
export async function markSetupLinkUsed(m: EntityManager, id: string): Promise<void> {
  await m.query(`UPDATE account_setup_link SET used_at = now() WHERE id = $1`, [id]);
}

/**
 * The link with this token hash, used or not; `lock` takes its row lock (only the link's, not the account's), so two
 * uses of one link run one after the other and the second sees it used.
 */
export async function selectSetupLink(
  m: EntityManager,
  tokenHash: string,
  lock: boolean,
): Promise<SetupLinkRow | undefined> {
  const [row]: SetupLinkRow[] = await m.query(
    `SELECT l.id, l.user_id, l.purpose, l.expires_at, l.used_at, l.voided_at, e.full_name, e.nip, ua.email, a.name AS agency_name, e.agency_id
         FROM account_setup_link l JOIN user_account ua ON ua.id = l.user_id
         LEFT JOIN employee e ON e.id = ua.employee_id LEFT JOIN organisation_agency a ON a.id = e.agency_id
        WHERE (l.token_hash = $1 OR l.mail_token_hash = $1) ${lock ? 'FOR UPDATE OF l' : ''}`,
    [tokenHash],
  );
  return row;
}

/** A link still open (not used, voided or expired) gets a new emailed token; false when it is no longer open. */
export async function setMailTokenHash(
  m: EntityManager,
  id: string,
  mailTokenHash: string,
): Promise<SetupLinkMailRow | null> {
  const result: unknown = await m.query(
    `UPDATE account_setup_link SET mail_token_hash = $2
      WHERE id = $1 AND used_at IS NULL AND voided_at IS NULL AND expires_at > now()
      RETURNING id, user_id, purpose, expires_at`,
    [id, mailTokenHash],
  );
  return returnedRows<SetupLinkMailRow>(result)[0] ?? null;
}

export interface SetupLinkMailRow {
  id: string;
  user_id: string;
  purpose: 'setup' | 'reset';
  expires_at: Date;
}

/** The account a link is for, whatever its state (the notification job checks it exists). */
export async function setupLinkOwner(
  m: EntityManager,
  id: string,
): Promise<{ user_id: string; purpose: 'setup' | 'reset'; expires_at: Date; open: boolean } | null> {
  const [row]: Array<{ user_id: string; purpose: 'setup' | 'reset'; expires_at: Date; open: boolean }> = await m.query(
    `SELECT user_id, purpose, expires_at, (used_at IS NULL AND voided_at IS NULL AND expires_at > now()) AS open
       FROM account_setup_link WHERE id = $1`,
    [id],
  );
  return row ?? null;
}
