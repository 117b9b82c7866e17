import { isIP } from 'node:net';

/**
 * Express `trust proxy`: `false` (no proxy: the socket address is the client), a hop count, or the addresses/CIDRs
 * (and Express names such as `loopback`) of the proxies allowed to set X-Forwarded-For.
 */
export type TrustProxy = false | number | string[];

const EXPRESS_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(entry: string): boolean {
  if (EXPRESS_NAMES.has(entry)) return true;
  const [address, bits, extra] = entry.split('/');
  if (extra !== undefined || !address) return false;
  const version = isIP(address);
  if (!version) return false;
  if (bits === undefined) return true;
  if (!/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (version === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY → Express `trust proxy`. Unset or empty: trust no proxy. `true`/`*` are refused on purpose: trusting every
 * peer lets any client choose its own address and so dodge every per-source limit.
 */
export function parseTrustProxy(raw: string | undefined, problems: string[]): TrustProxy {
  const value = raw?.trim() ?? '';
  if (value === '' || value === 'false' || value === 'none') return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 10) problems.push('TRUST_PROXY as a hop count must be at most 10');
    return hops === 0 ? false : hops;
  }
  const entries = value
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  const bad = entries.filter((e) => !isAddressOrRange(e));
  if (bad.length || entries.length === 0) {
    problems.push(
      `TRUST_PROXY must be a hop count or a comma-separated list of proxy addresses/CIDRs or loopback, linklocal, uniquelocal (not: ${bad.join(', ') || value})`,
    );
    return false;
  }
  return entries;
}

/** Login throttling (decision 0011). Counters live in Redis, shared by every API process. */
export interface LoginThrottleConfig {
  /** Failures of one username from one source before each further try waits (doubling from delayBaseMs). */
  freeFailures: number;
  delayBaseMs: number;
  /** The steep curve's ceiling: what the attacker's own source may have to wait. */
  delayMaxSeconds: number;
  /** Failures of one username from all sources before every source waits... */
  accountFreeFailures: number;
  /** ...but never longer than this, so nobody can keep the real user out from elsewhere. */
  accountDelayMaxSeconds: number;
  /** How long username counters remember failures after the last one. */
  failureWindowSeconds: number;
  /** Failures one source may make across all usernames in sourceWindowSeconds (spraying). */
  sourceBudget: number;
  sourceWindowSeconds: number;
  /** Failed logins per minute on the whole platform before the alert line and the stricter penalty. */
  globalBudgetPerMinute: number;
  /** While over the global budget, a source that failed waits this long after each failure. */
  globalPenaltySeconds: number;
}

export const LOGIN_THROTTLE_DEFAULTS: LoginThrottleConfig = {
  freeFailures: 5,
  delayBaseMs: 1000,
  delayMaxSeconds: 15 * 60,
  accountFreeFailures: 10,
  accountDelayMaxSeconds: 5,
  failureWindowSeconds: 3600,
  sourceBudget: 200,
  sourceWindowSeconds: 15 * 60,
  globalBudgetPerMinute: 300,
  globalPenaltySeconds: 30,
};
