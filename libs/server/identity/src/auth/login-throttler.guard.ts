import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';

/**
 * Rate limit for login: per client address AND username, so one office behind a shared NAT
 * (common in regional government) does not lock its colleagues out.
 */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const body = (req['body'] ?? {}) as { username?: unknown };
    const username = typeof body.username === 'string' ? body.username.trim().toLowerCase() : '';
    return `${String(req['ip'] ?? '')}|${username}`;
  }
}
