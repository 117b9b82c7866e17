import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SESSION_ENDED, SessionStore } from '@kompeten/server-core';
import {
  liveFamilyGenerations,
  lockUserAccount,
  revokeFamilyRefreshTokens,
  revokeUserRefreshTokens,
} from './refresh-token-store';

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
    const families = await revokeUserRefreshTokens(m, userId, reason);
    await this.store.raiseFloors(new Map(families.map((familyId) => [familyId, SESSION_ENDED])));
  }

  /** Ends one session (a refresh-token family). */
  async endSession(m: EntityManager, familyId: string, reason: string): Promise<void> {
    await revokeFamilyRefreshTokens(m, familyId, reason);
    await this.store.raiseFloors(new Map([[familyId, SESSION_ENDED]]));
  }

  /**
   * Retires the access tokens a user holds now, keeping the sessions: the next request answers 401, the client refreshes
   * and gets a token with the user's current roles (used when a role is revoked).
   */
  async retireAccessTokens(m: EntityManager, userId: string): Promise<void> {
    await this.lockUser(m, userId, 'end');
    // A session's next token has generation = the number of tokens it issued so far; everything below dies.
    const rows = await liveFamilyGenerations(m, userId);
    await this.store.raiseFloors(new Map(rows.map((r) => [r.family_id, r.issued])));
  }

  /**
   * Serialises token issuing (`issue`, a shared lock: refreshes on two devices do not wait on each other) with
   * endings (`end`, exclusive) for one user.
   */
  async lockUser(m: EntityManager, userId: string, purpose: 'issue' | 'end'): Promise<void> {
    await lockUserAccount(m, userId, purpose);
  }
}
