import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { Me } from '@kompeten/shared-contracts';
import { APP_CONFIG, DomainError, type AppConfig } from '@kompeten/server-core';
import { AuthService } from './auth.service';
import { pageCookieKey, pageCookieOf } from './page-cookie';

/**
 * Turns a request's page cookie into a 60-second access token for the server's render of a signed-in page
 * (decision 0041). The token is for the server's own use: it must never be written into the page (the page cookie is
 * HttpOnly so that no script holds a credential).
 */
@Injectable()
export class PageSessionService {
  private readonly key: Buffer;

  constructor(
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.key = pageCookieKey(config.jwtSecret);
  }

  /**
   * The access token and user of the request's session, or null: no cookie, a malformed, forged or expired one, an
   * unknown or ended session, a disabled account or ASN. Touches the database only for a cookie whose signature holds.
   * Throws only when the database itself fails.
   */
  async forRequest(req: Request): Promise<{ accessToken: string; me: Me } | null> {
    const cookie = pageCookieOf(req, this.key);
    if (!cookie) return null;
    try {
      return await this.auth.pageAccess(cookie.familyId);
    } catch (e) {
      // An account gone between the checks (me() refuses it): no session, not an error.
      if (e instanceof DomainError) return null;
      throw e;
    }
  }
}
