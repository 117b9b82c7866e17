import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type IORedis from 'ioredis';
import { ErrorCode } from '@kompeten/shared-contracts';
import { APP_CONFIG, createRedis, DomainError, type AppConfig } from '@kompeten/server-core';

/**
 * Password-guess throttling shared by login and change-password (decision 0011). Every counter lives in Redis under
 * the config's queue prefix with a TTL, so all API processes share them; each step is one Lua script, so parallel
 * guesses cannot slip between a check and its count.
 *
 * Counters, keyed by the normalised username STRING (never by whether an account exists, so real and unknown names
 * behave identically) and by the source address:
 *  - pair (username, source): after `freeFailures` each try waits a doubling delay up to `delayMaxSeconds`: the
 *    attacker's own source gets the steep curve;
 *  - account (username, every source): after `accountFreeFailures` every source waits, but at most
 *    `accountDelayMaxSeconds`, so an attacker elsewhere can never keep the real user out for long;
 *  - source (every username): at most `sourceBudget` failures per `sourceWindowSeconds` (password spraying);
 *  - global: failed logins per minute; past `globalBudgetPerMinute`, one warn line per minute and a source that
 *    keeps failing waits `globalPenaltySeconds` after each failure (sources that do not fail are untouched).
 *
 * An attempt is counted when it is admitted (before the password is checked) and refunded when the password was
 * right: a burst of parallel guesses is admitted only as far as the curve allows. A refused attempt counts nothing.
 */

/** Checks every limit, then reserves the attempt in every counter. → [admitted 1|0, wait ms, reason]. */
const ADMIT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local free, base, pairCap = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local acctFree, acctCap, window = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
local srcBudget, srcWindow = tonumber(ARGV[7]), tonumber(ARGV[8])
local globalBudget, penalty = tonumber(ARGV[9]), tonumber(ARGV[10])
local function num(v) return tonumber(v) or 0 end
local function waitOf(key, freeN, cap)
  local f = redis.call('HMGET', key, 'n', 't')
  local n, last = num(f[1]), num(f[2])
  if n < freeN then return 0 end
  local d = base * math.pow(2, math.min(n - freeN, 40))
  if d > cap then d = cap end
  return last + d - now
end
local wait, reason = 0, ''
for i = 3, #KEYS, 2 do
  local w = waitOf(KEYS[i], free, pairCap)
  if w > wait then wait, reason = w, 'username-source' end
  w = waitOf(KEYS[i + 1], acctFree, acctCap)
  if w > wait then wait, reason = w, 'username' end
end
local s = redis.call('HMGET', KEYS[1], 'n', 'tf')
if num(s[1]) >= srcBudget then
  local w = redis.call('PTTL', KEYS[1])
  if w > wait then wait, reason = w, 'source' end
end
if num(redis.call('GET', KEYS[2])) > globalBudget and num(s[2]) > 0 then
  local w = num(s[2]) + penalty - now
  if w > wait then wait, reason = w, 'global' end
end
if wait > 0 then return {0, math.ceil(wait), reason} end
for i = 3, #KEYS do
  redis.call('HINCRBY', KEYS[i], 'n', 1)
  redis.call('HSET', KEYS[i], 't', now)
  redis.call('PEXPIRE', KEYS[i], window)
end
redis.call('HINCRBY', KEYS[1], 'n', 1)
if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], srcWindow) end
return {1, 0, ''}
`;

/** A wrong password: stamps the source and counts a global failure. → [failures this minute, alert 1|0]. */
const FAILED = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('HSET', KEYS[1], 'tf', now)
if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[1])) end
local g = redis.call('INCR', KEYS[2])
if g == 1 then redis.call('PEXPIRE', KEYS[2], 120000) end
local alert = 0
if g > tonumber(ARGV[2]) and redis.call('SET', KEYS[3], '1', 'NX', 'PX', 120000) then alert = 1 end
return {g, alert}
`;

/** The right password: forgets the (username, source) failures and gives back the reserved attempt. */
const SUCCEEDED = `
for i = 2, #KEYS, 2 do
  redis.call('DEL', KEYS[i])
  if redis.call('HINCRBY', KEYS[i + 1], 'n', -1) <= 0 then redis.call('DEL', KEYS[i + 1]) end
end
if redis.call('HINCRBY', KEYS[1], 'n', -1) < 0 then redis.call('HSET', KEYS[1], 'n', 0) end
if redis.call('PTTL', KEYS[1]) < 0 then redis.call('DEL', KEYS[1]) end
return 1
`;

type ThrottleRedis = IORedis & {
  loginAdmit(...args: Array<string | number>): Promise<[number, number, string]>;
  loginFailed(...args: Array<string | number>): Promise<[number, number]>;
  loginSucceeded(...args: Array<string | number>): Promise<number>;
};

/** An admitted attempt; report its outcome exactly once. */
export interface LoginTicket {
  readonly source: string;
  readonly keys: { source: string; pairs: Array<[pair: string, account: string]> };
}

/** Trimmed and lower-cased, as login looks names up: `NIP`, ` nip ` and `Email@X` are one username each. */
export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}

export const GLOBAL_BUDGET_EXCEEDED_EVENT = 'auth.failed_login_budget_exceeded';

@Injectable()
export class LoginThrottle implements OnApplicationShutdown {
  private readonly logger = new Logger('LoginThrottle');
  private readonly redis: ThrottleRedis;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    // A short disconnect timeout: a socket that never connected (Redis down) would otherwise keep a stopping process alive 2 s.
    const redis = createRedis(config.redisUrl, { maxRetriesPerRequest: 1, disconnectTimeout: 200 });
    redis.defineCommand('loginAdmit', { lua: ADMIT });
    redis.defineCommand('loginFailed', { lua: FAILED, numberOfKeys: 3 });
    redis.defineCommand('loginSucceeded', { lua: SUCCEEDED });
    this.redis = redis as ThrottleRedis;
  }

  async onApplicationShutdown(): Promise<void> {
    // QUIT when connected (a clean close, no timer left behind); otherwise drop the socket and stop reconnecting.
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => this.redis.disconnect());
    else this.redis.disconnect();
  }

  /**
   * Admits one password check for these usernames from this source, or throws 429 AUTH.LOGIN_THROTTLED.
   * The answer carries no unlock time and depends only on the strings and the source, never on the account.
   */
  async admit(usernames: string[], source: string, kind: 'login' | 'change-password' = 'login'): Promise<LoginTicket> {
    const c = this.config.loginThrottle;
    const src = source || 'unknown';
    const keys = {
      source: this.key('src', src),
      pairs: [...new Set(usernames.map(normaliseUsername))].map((u): [string, string] => [
        this.key('pair', hash(u), src),
        this.key('user', hash(u)),
      ]),
    };
    const [admitted] = await this.redis.loginAdmit(
      2 + keys.pairs.length * 2,
      keys.source,
      this.globalKey('count'),
      ...keys.pairs.flat(),
      c.freeFailures,
      c.delayBaseMs,
      c.delayMaxSeconds * 1000,
      c.accountFreeFailures,
      c.accountDelayMaxSeconds * 1000,
      c.failureWindowSeconds * 1000,
      c.sourceBudget,
      c.sourceWindowSeconds * 1000,
      c.globalBudgetPerMinute,
      c.globalPenaltySeconds * 1000,
    );
    if (admitted !== 1) throw throttled(kind);
    return { source: src, keys };
  }

  /** The password was wrong. */
  async failed(ticket: LoginTicket): Promise<void> {
    const c = this.config.loginThrottle;
    const minute = currentMinute();
    const [failures, alert] = await this.redis.loginFailed(
      ticket.keys.source,
      this.globalKey('count', minute),
      this.globalKey('alerted', minute),
      c.sourceWindowSeconds * 1000,
      c.globalBudgetPerMinute,
    );
    if (alert === 1) {
      // One line per minute across every API process (SET NX): stable fields an operator can alert on.
      this.logger.warn(
        {
          event: GLOBAL_BUDGET_EXCEEDED_EVENT,
          windowStart: new Date(minute * 60_000).toISOString(),
          failedLogins: failures,
          budgetPerMinute: c.globalBudgetPerMinute,
          penaltySeconds: c.globalPenaltySeconds,
        },
        'Failed-login budget exceeded: a platform-wide password-guessing attack is likely; sources that keep failing now wait after each failure',
      );
    }
  }

  /** The password was right (even if the account then turns out to be disabled). */
  async succeeded(ticket: LoginTicket): Promise<void> {
    await this.redis.loginSucceeded(1 + ticket.keys.pairs.length * 2, ticket.keys.source, ...ticket.keys.pairs.flat());
  }

  private key(...parts: string[]): string {
    return `${this.config.queuePrefix}:login:${parts.join(':')}`;
  }

  private globalKey(kind: 'count' | 'alerted', minute = currentMinute()): string {
    return this.key('global', kind, String(minute));
  }
}

const currentMinute = () => Math.floor(Date.now() / 60_000);
/** Usernames are hashed in keys: bounded length, and no NIP or email in Redis. */
const hash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 32);

function throttled(kind: 'login' | 'change-password'): DomainError {
  return new DomainError(
    'rate_limited',
    ErrorCode.AUTH_LOGIN_THROTTLED,
    kind === 'login'
      ? 'Terlalu banyak percobaan masuk yang gagal. Tunggu sebentar lalu coba lagi. Jika lupa kata sandi, minta tautan atur ulang kata sandi kepada pengelola kepegawaian instansi Anda.'
      : 'Terlalu banyak percobaan kata sandi yang salah. Tunggu sebentar lalu coba lagi.',
  );
}
