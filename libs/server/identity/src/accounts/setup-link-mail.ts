import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { setMailTokenHash, setupLinkOwner } from './setup-link-store';

export interface MailableSetupLink {
  userId: string;
  purpose: 'setup' | 'reset';
  url: string;
  expiresAt: Date;
}

/** Who a setup link is for and whether it can still be used; null for an unknown id. */
export async function setupLinkRecipient(
  m: EntityManager,
  setupLinkId: string,
): Promise<{ userId: string; purpose: 'setup' | 'reset'; expiresAt: Date; open: boolean } | null> {
  const row = await setupLinkOwner(m, setupLinkId);
  return row
    ? { userId: row.user_id, purpose: row.purpose, expiresAt: new Date(row.expires_at), open: row.open }
    : null;
}

/**
 * Mints the token of the emailed copy of a setup link, at the moment the email is sent (decision 0032): only its hash
 * is stored, so no raw token rests in the outbox, the job, the email record or the logs. A new attempt mints a new
 * token (the older emailed one stops working); the token the officer was shown keeps working. Null when the link was
 * used, replaced or has expired: there is nothing to send.
 */
export async function mintSetupLinkForEmail(
  m: EntityManager,
  setupLinkId: string,
  publicUrl: string,
): Promise<MailableSetupLink | null> {
  const token = randomBytes(32).toString('base64url');
  const row = await setMailTokenHash(m, setupLinkId, createHash('sha256').update(token).digest('hex'));
  if (!row) return null;
  return {
    userId: row.user_id,
    purpose: row.purpose,
    url: `${publicUrl}/atur-kata-sandi/${token}`,
    expiresAt: new Date(row.expires_at),
  };
}
