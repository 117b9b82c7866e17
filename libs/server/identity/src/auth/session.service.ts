import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SESSION_ENDED, SessionStore } from '@kompeten/server-core';

/**
 * Ends sessions: revokes their refresh tokens in PostgreSQL (in the caller's transaction) and kills their live access
 * tokens in Redis, so the next request with one answers 401 in every API process (decision 0010). The Redis write
 * happens inside the transaction: if Redis does not answer, the whole change rolls back (503) instead of leaving
 * tokens alive.
 *
 * Any transaction that issues tokens for a user takes `lockUser(m, id, 'issue')` first (refresh does), so an ending
 * never misses a token issued concurrently.
 */
@Injectable()
export class SessionService {
  constructor(@Inject(SessionStore) private readonly store: SessionStore) {}

  /** Ends every session of a user: revokes refresh tokens (in `m`'s transaction) and kills live access tokens. */
  async endUserSessions(m: EntityManager, userId: string, reason: string): Promise<void> {
    await this.lockUser(m, userId, 'end');
    const rows: Array<{ family_id: string }> = await m.query(
      `UPDATE refresh_token SET revoked_at = now(), revoked_reason = $2 WHERE user_id = $1 AND revoked_at IS NULL RETURNING family_id`,
      [userId, reason],
    );
    await this.store.raiseFloors(
      new Map(returned<{ family_id: string }>(rows).map((r) => [r.family_id, SESSION_ENDED])),
    );
  }

  /** Ends one session (a refresh-token family). */
  async endSession(m: EntityManager, familyId: string, reason: string): Promise<void> {
    await m.query(
      `UPDATE refresh_token SET revoked_at = now(), revoked_reason = $2 WHERE family_id = $1 AND revoked_at IS NULL`,
      [familyId, reason],
    );
    await this.store.raiseFloors(new Map([[familyId, SESSION_ENDED]]));
  }

  /**
   * Retires the access tokens a user holds now, keeping the sessions: the next request answers 401, the client refreshes
   * and gets a token with the user's current roles (used when a role is revoked).
   */
  async retireAccessTokens(m: EntityManager, userId: string): Promise<void> {
    await this.lockUser(m, userId, 'end');
    // A session's next token has generation = the number of tokens it issued so far; everything below dies.
    const rows: Array<{ family_id: string; issued: number }> = await m.query(
      `SELECT family_id, count(*)::int AS issued FROM refresh_token
        WHERE family_id IN (SELECT family_id FROM refresh_token WHERE user_id = $1 AND revoked_at IS NULL)
        GROUP BY family_id`,
      [userId],
    );
    await this.store.raiseFloors(new Map(rows.map((r) => [r.family_id, r.issued])));
  }

  /**
   * Serialises token issuing (`issue`, a shared lock: refreshes on two devices do not wait on each other) with
   * endings (`end`, exclusive) for one user.
   */
  async lockUser(m: EntityManager, userId: string, purpose: 'issue' | 'end'): Promise<void> {
    await m.query(`SELECT 1 FROM user_account WHERE id = $1 ${purpose === 'end' ? 'FOR UPDATE' : 'FOR SHARE'}`, [
      userId,
    ]);
  }
}

/** TypeORM answers an UPDATE … RETURNING with [rows, count]. */
function returned<T>(result: unknown): T[] {
  return Array.isArray(result) && Array.isArray(result[0]) ? (result[0] as T[]) : ((result as T[]) ?? []);
}
