import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * PLACEHOLDER (issue 12, "accounts"): the real SessionService, which also revokes access tokens at once, is written by
 * "sessions" in parallel; this one has exactly its shape and only revokes refresh tokens in SQL. The integrator keeps theirs.
 */
@Injectable()
export class SessionService {
  /** Ends every session of a user (password reset, deactivation, ...). */
  async endUserSessions(m: EntityManager, userId: string, reason: string): Promise<void> {
    await m.query(`UPDATE refresh_token SET revoked_at = now(), revoked_reason = $2 WHERE user_id = $1 AND revoked_at IS NULL`, [userId, reason]);
  }

  /** Ends one session (a refresh-token family). */
  async endSession(m: EntityManager, familyId: string, reason: string): Promise<void> {
    await m.query(`UPDATE refresh_token SET revoked_at = now(), revoked_reason = $2 WHERE family_id = $1 AND revoked_at IS NULL`, [familyId, reason]);
  }
}
