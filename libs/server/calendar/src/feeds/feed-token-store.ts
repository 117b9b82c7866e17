import type { DataSource, EntityManager } from 'typeorm';
import { returnedRows } from '@kompeten/server-core';

/** SQL of the learners' private feed tokens (decision 0040). Only the SHA-256 of a token is ever stored or looked up. */

/** Revokes the ASN's live token (if any) and stores the new one's hash, in the caller's transaction. */
export async function replaceFeedToken(
  m: EntityManager,
  t: { employeeId: string; tokenHash: string; createdBy: string },
): Promise<{ id: string; created_at: Date }> {
  await m.query(`UPDATE calendar_feed_token SET revoked_at = now() WHERE employee_id = $1 AND revoked_at IS NULL`, [
    t.employeeId,
  ]);
  const [row]: Array<{ id: string; created_at: Date }> = await m.query(
    `INSERT INTO calendar_feed_token (employee_id, token_hash, created_by) VALUES ($1, $2, $3) RETURNING id, created_at`,
    [t.employeeId, t.tokenHash, t.createdBy],
  );
  return row;
}

/** Revokes the ASN's live token; the number revoked (0 or 1). */
export async function revokeFeedToken(m: DataSource | EntityManager, employeeId: string): Promise<number> {
  const result: unknown = await m.query(
    `UPDATE calendar_feed_token SET revoked_at = now() WHERE employee_id = $1 AND revoked_at IS NULL RETURNING id`,
    [employeeId],
  );
  return returnedRows<{ id: string }>(result).length;
}

/** The ASN's live token (when it was issued), or undefined. */
export async function liveFeedToken(
  m: DataSource | EntityManager,
  employeeId: string,
): Promise<{ created_at: Date } | undefined> {
  const [row]: Array<{ created_at: Date }> = await m.query(
    `SELECT created_at FROM calendar_feed_token WHERE employee_id = $1 AND revoked_at IS NULL`,
    [employeeId],
  );
  return row;
}

/** The ASN a live token's hash opens the feed of, or undefined (unknown or revoked). */
export async function feedOwner(m: DataSource | EntityManager, tokenHash: string): Promise<string | undefined> {
  const [row]: Array<{ employee_id: string }> = await m.query(
    `SELECT employee_id FROM calendar_feed_token WHERE token_hash = $1 AND revoked_at IS NULL`,
    [tokenHash],
  );
  return row?.employee_id;
}
