import type { EntityManager } from 'typeorm';
import { returnedRows } from '@kompeten/server-core';

/**
 * Hand-written SQL for sessions: this lib's `refresh_token` rows (one per issued refresh token, grouped by family = one
 * session, decision 0010) and the account row lock that serialises issuing tokens with ending sessions. Every function
 * takes the caller's manager, so it runs in the caller's transaction; when a session ends and what it means is
 * session.service.ts and auth.service.ts.
 */

/** Whose a refresh token is, by its hash: a row even when the token was rotated or revoked (reuse detection needs it). */
export interface RefreshTokenOwnerRow {
  user_id: string;
  family_id: string;
}

/** The owner and session of a refresh token (read before taking the user lock, so refresh knows whose lock to take). */
export async function selectRefreshTokenOwner(
  m: EntityManager,
  tokenHash: string,
): Promise<RefreshTokenOwnerRow | undefined> {
  const [owner]: RefreshTokenOwnerRow[] = await m.query(
    `SELECT user_id, family_id FROM refresh_token WHERE token_hash = $1`,
    [tokenHash],
  );
  return owner;
}

/** The session (family) a refresh token belongs to, for logout; none for an unknown token. */
export async function selectRefreshTokenFamily(m: EntityManager, tokenHash: string): Promise<string | undefined> {
  const [row]: Array<{ family_id: string }> = await m.query(
    `SELECT family_id FROM refresh_token WHERE token_hash = $1`,
    [tokenHash],
  );
  return row?.family_id;
}

/**
 * Uses a refresh token once: revokes it as `rotated` only if it is live (not revoked, not expired), in one statement,
 * so two refreshes racing with the same token never both win. None when it was not live.
 */
export async function rotateRefreshToken(
  m: EntityManager,
  tokenHash: string,
): Promise<RefreshTokenOwnerRow | undefined> {
  const rotated: unknown = await m.query(
    `UPDATE refresh_token SET revoked_at = now(), revoked_reason = 'rotated'
          WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()
          RETURNING user_id, family_id`,
    [tokenHash],
  );
  return returnedRows<RefreshTokenOwnerRow>(rotated)[0];
}

/**
 * The user of a session that is still going: one with a live refresh token (not revoked, not expired). None for an
 * unknown or ended session. Read-only (the page cookie's check, decision 0041).
 */
export async function selectLiveFamilyOwner(m: EntityManager, familyId: string): Promise<string | undefined> {
  const [row]: Array<{ user_id: string }> = await m.query(
    `SELECT user_id FROM refresh_token WHERE family_id = $1 AND revoked_at IS NULL AND expires_at > now() LIMIT 1`,
    [familyId],
  );
  return row?.user_id;
}

/** How many tokens a session has issued so far: the generation of its next access token (SessionService floors). */
export async function countFamilyTokens(m: EntityManager, familyId: string): Promise<number> {
  return (
    await m.query<Array<{ gen: number }>>(`SELECT count(*)::int AS gen FROM refresh_token WHERE family_id = $1`, [
      familyId,
    ])
  )[0].gen;
}

/** A new refresh token (only its SHA-256 is stored); the expiry is computed by the database's clock. */
export async function insertRefreshToken(
  m: EntityManager,
  t: { userId: string; familyId: string; tokenHash: string; ttlSeconds: number },
): Promise<void> {
  await m.query(
    `INSERT INTO refresh_token (user_id, family_id, token_hash, expires_at) VALUES ($1, $2, $3, now() + make_interval(secs => $4))`,
    [t.userId, t.familyId, t.tokenHash, t.ttlSeconds],
  );
}

/** Revokes every live refresh token of a user; answers the sessions (families) it ended, to kill their access tokens. */
export async function revokeUserRefreshTokens(m: EntityManager, userId: string, reason: string): Promise<string[]> {
  const rows: unknown = await m.query(
    `UPDATE refresh_token SET revoked_at = now(), revoked_reason = $2 WHERE user_id = $1 AND revoked_at IS NULL RETURNING family_id`,
    [userId, reason],
  );
  return returnedRows<{ family_id: string }>(rows).map((r) => r.family_id);
}

/** Revokes the live refresh tokens of one session (family). */
export async function revokeFamilyRefreshTokens(m: EntityManager, familyId: string, reason: string): Promise<void> {
  await m.query(
    `UPDATE refresh_token SET revoked_at = now(), revoked_reason = $2 WHERE family_id = $1 AND revoked_at IS NULL`,
    [familyId, reason],
  );
}

/**
 * The user's live sessions with the number of tokens each has issued: every access token below that generation dies
 * when the floor is raised to it. Counts all of a family's tokens (revoked ones too), hence the subquery.
 */
export async function liveFamilyGenerations(
  m: EntityManager,
  userId: string,
): Promise<Array<{ family_id: string; issued: number }>> {
  return m.query(
    `SELECT family_id, count(*)::int AS issued FROM refresh_token
        WHERE family_id IN (SELECT family_id FROM refresh_token WHERE user_id = $1 AND revoked_at IS NULL)
        GROUP BY family_id`,
    [userId],
  );
}

/**
 * Locks the user's account row: shared (`issue`: refreshes on two devices do not wait on each other) or exclusive
 * (`end`), so an ending of sessions never misses a token issued concurrently.
 */
export async function lockUserAccount(m: EntityManager, userId: string, purpose: 'issue' | 'end'): Promise<void> {
  await m.query(`SELECT 1 FROM user_account WHERE id = $1 ${purpose === 'end' ? 'FOR UPDATE' : 'FOR SHARE'}`, [userId]);
}
