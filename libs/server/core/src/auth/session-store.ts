import { Inject, Injectable, OnApplicationShutdown, type Provider } from '@nestjs/common';
import type IORedis from 'ioredis';
import { ErrorCode } from '@kompeten/shared-contracts';
import { APP_CONFIG, type AppConfig } from '../config/env';
import { DomainError } from '../errors/domain-error';
import { createRedis } from '../redis';

/** The API's one shared Redis client (session checks, rate limits, health). */
export const REDIS = Symbol('REDIS');

export const redisProvider: Provider = {
  provide: REDIS,
  inject: [APP_CONFIG],
  // One retry per command and a bounded wait: the guard fails closed (503) rather than hanging a request.
  // Auto-pipelining batches the guard's script calls of concurrent requests into one write.
  useFactory: (config: AppConfig) => createRedis(config.redisUrl, { maxRetriesPerRequest: 1, commandTimeout: 2000, enableAutoPipelining: true, lazyConnect: true, disconnectTimeout: 200 }),
};

@Injectable()
export class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: IORedis) {}
  async onApplicationShutdown(): Promise<void> {
    // QUIT when connected (a clean close, no timer left behind); otherwise drop the socket: a socket that never connected
    // gets no 'close' event, and ioredis's disconnect timer would keep a stopping process (or a Jest worker) alive.
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => this.redis.disconnect());
    else this.redis.disconnect();
  }
}

/** A generation floor that no token reaches: the session has ended. */
export const SESSION_ENDED = 2_147_483_647;

/**
 * One round trip per request: reads the session's generation floor (KEYS[2], when a token was presented) and counts the
 * request in the caller's fixed rate-limit window (KEYS[1], created with a TTL of one window).
 */
const CHECK_SCRIPT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local floor = false
if #KEYS > 1 then floor = redis.call('GET', KEYS[2]) end
return {n, floor}`;

/** Raises each session's floor (never lowers it: an ended session stays ended) and keeps it for ARGV[1] ms. */
const RAISE_SCRIPT = `
for i, key in ipairs(KEYS) do
  local want = tonumber(ARGV[i + 1])
  local have = tonumber(redis.call('GET', key) or '-1')
  if want > have then redis.call('SET', key, want, 'PX', ARGV[1]) else redis.call('PEXPIRE', key, ARGV[1]) end
end
return #KEYS`;

type ScriptedRedis = IORedis & {
  kompetenCheck(numKeys: number, ...args: Array<string | number>): Promise<[number, string | null]>;
  kompetenRaise(numKeys: number, ...args: Array<string | number>): Promise<number>;
};

export interface RequestCheck {
  /** Requests counted in the caller's current window, this one included. */
  count: number;
  /** Tokens of the session whose generation is below this are dead; null: none are. */
  floor: number | null;
  /** Seconds until the current window ends. */
  retryAfterSeconds: number;
}

const unavailable = () =>
  new DomainError('unavailable', ErrorCode.SERVICE_UNAVAILABLE, 'Layanan sesi sedang tidak tersedia. Coba lagi sebentar lagi.');

/**
 * Where access-token revocation and request budgets live, shared by every API process (decision 0010).
 * `<prefix>:auth:s:<sessionId>` holds the session's generation floor; `<prefix>:rl:<window>:<client>` counts requests.
 */
@Injectable()
export class SessionStore {
  private readonly redis: ScriptedRedis;

  constructor(
    @Inject(REDIS) redis: IORedis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.redis = redis as ScriptedRedis;
    if (!('kompetenCheck' in this.redis)) {
      redis.defineCommand('kompetenCheck', { lua: CHECK_SCRIPT });
      redis.defineCommand('kompetenRaise', { lua: RAISE_SCRIPT });
    }
  }

  private sessionKey(sessionId: string): string {
    return `${this.config.queuePrefix}:auth:s:${sessionId}`;
  }

  /** Counts a request of `client` (e.g. `u:<userId>` or `a:<address>`) and, with a session id, reads its floor. */
  async check(client: string, sessionId: string | null): Promise<RequestCheck> {
    const windowMs = this.config.rateLimit.windowSeconds * 1000;
    const now = Date.now();
    const window = Math.floor(now / windowMs);
    const keys = [`${this.config.queuePrefix}:rl:${window}:${client}`, ...(sessionId ? [this.sessionKey(sessionId)] : [])];
    let reply: [number, string | null];
    try {
      reply = await this.redis.kompetenCheck(keys.length, ...keys, windowMs);
    } catch {
      throw unavailable();
    }
    return { count: Number(reply[0]), floor: reply[1] === null ? null : Number(reply[1]), retryAfterSeconds: Math.max(1, Math.ceil(((window + 1) * windowMs - now) / 1000)) };
  }

  /**
   * Kills the live access tokens of sessions: every token of a session whose generation is below its floor answers 401.
   * `SESSION_ENDED` ends a session; a refresh generation (its token count) only retires the tokens issued so far.
   * Kept a little longer than an access token lives, after which every token it could kill has expired anyway.
   */
  async raiseFloors(floors: Map<string, number>): Promise<void> {
    if (!floors.size) return;
    const ttlMs = (this.config.accessTokenTtlSeconds + 60) * 1000;
    const keys = [...floors.keys()].map((id) => this.sessionKey(id));
    try {
      await this.redis.kompetenRaise(keys.length, ...keys, ttlMs, ...floors.values());
    } catch {
      throw unavailable();
    }
  }
}
