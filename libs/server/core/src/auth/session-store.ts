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
  useFactory: (config: AppConfig) =>
    createRedis(config.redisUrl, {
      maxRetriesPerRequest: 1,
      commandTimeout: 2000,
      enableAutoPipelining: true,
      lazyConnect: true,
      disconnectTimeout: 200,
    }),
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

/** How often each process adds its request counts to the shared counters in Redis. */
export const RATE_FLUSH_MS = 200;

/**
 * Direct mode, one round trip per request: reads the session's generation floor (KEYS[2], when a token was presented)
 * and counts the request in the caller's fixed rate-limit window (KEYS[1], created with a TTL of one window).
 */
const CHECK_SCRIPT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local floor = false
if #KEYS > 1 then floor = redis.call('GET', KEYS[2]) end
return {n, floor}`;

/**
 * Raises each session's floor (never lowers it: an ended session stays ended), keeps it for ARGV[1] ms and announces
 * the raised floors on the channel ARGV[2] in the same atomic step, so no process can read the new floor without the
 * announcement being on its way to every subscriber.
 */
const RAISE_SCRIPT = `
local out = {}
for i, key in ipairs(KEYS) do
  local want = tonumber(ARGV[i + 2])
  local have = tonumber(redis.call('GET', key) or '-1')
  if want > have then redis.call('SET', key, want, 'PX', ARGV[1]) else redis.call('PEXPIRE', key, ARGV[1]) end
  out[#out + 1] = ARGV[2 + #KEYS + i] .. '=' .. math.max(want, have)
end
redis.call('PUBLISH', ARGV[2], table.concat(out, ','))
return #KEYS`;

/** Adds each process-local count to its shared counter (created with a TTL of one window); returns the totals. */
const FLUSH_SCRIPT = `
local out = {}
for i, key in ipairs(KEYS) do
  local n = redis.call('INCRBY', key, ARGV[i + 1])
  if n == tonumber(ARGV[i + 1]) then redis.call('PEXPIRE', key, ARGV[1]) end
  out[i] = n
end
return out`;

type ScriptedRedis = IORedis & {
  kompetenCheck(numKeys: number, ...args: Array<string | number>): Promise<[number, string | null]>;
  kompetenRaise(numKeys: number, ...args: Array<string | number>): Promise<number>;
  kompetenFlush(numKeys: number, ...args: Array<string | number>): Promise<number[]>;
};

export interface RequestCheck {
  /** Requests counted in the caller's current window, this one included. */
  count: number;
  /** Tokens of the session whose generation is below this are dead; null: none are. */
  floor: number | null;
  /** Seconds until the current window ends. */
  retryAfterSeconds: number;
}

interface Counter {
  /** The shared total in Redis as of this process's last flush (every process's flushed requests). */
  shared: number;
  /** Requests this process counted since its last flush. */
  pending: number;
}

const NO_FLOOR = -1;

const unavailable = () =>
  new DomainError(
    'unavailable',
    ErrorCode.SERVICE_UNAVAILABLE,
    'Layanan sesi sedang tidak tersedia. Coba lagi sebentar lagi.',
  );

/**
 * Where access-token revocation and request budgets live, shared by every API process (decision 0010, amended by 0020).
 * Redis is the truth: `<prefix>:auth:s:<sessionId>` holds a session's generation floor, `<prefix>:rl:<window>:<client>`
 * counts requests. A request costs no round trip while this process is *subscribed* to the floor announcements:
 * - floors are read from Redis once per session and process, then kept in memory and updated by the announcement
 *   every raise publishes atomically with its write (floors only rise, so a late read never lowers a known floor);
 * - requests are counted in memory and added to the shared counters every `RATE_FLUSH_MS`; the decision uses the last
 *   shared total plus this process's own requests since (exact for one process; across N processes a client may
 *   exceed its budget by what it sends to the others within one flush interval).
 * Whenever the subscription is not up (starting, Redis lost, reconnecting) the memory is dropped and every request
 * goes to Redis as before (one script call): a missed announcement can never leave a dead token alive, and Redis not
 * answering still fails closed (503).
 */
@Injectable()
export class SessionStore implements OnApplicationShutdown {
  private readonly redis: ScriptedRedis;
  private readonly channel: string;
  private subscriber: IORedis | null = null;
  /** True while the subscription is up and every announcement since the cache was emptied has been applied. */
  private live = false;
  /** Bumped whenever the cache is dropped: a read started before then is not cached. */
  private epoch = 0;
  /** Floors of sessions seen in this period and the last one (older ones are read again if they come back). */
  private floors = new Map<string, number>();
  private previousFloors = new Map<string, number>();
  private rotateAt = 0;
  private readonly reads = new Map<string, Promise<number>>();
  private readonly counters = new Map<string, Counter>();
  private flushTimer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  private closed = false;

  constructor(
    @Inject(REDIS) redis: IORedis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.redis = redis as ScriptedRedis;
    this.channel = `${config.queuePrefix}:auth:floors`;
    if (!('kompetenCheck' in this.redis)) {
      redis.defineCommand('kompetenCheck', { lua: CHECK_SCRIPT });
      redis.defineCommand('kompetenRaise', { lua: RAISE_SCRIPT });
      redis.defineCommand('kompetenFlush', { lua: FLUSH_SCRIPT });
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
    const retryAfterSeconds = Math.max(1, Math.ceil(((window + 1) * windowMs - now) / 1000));
    const counterKey = `${this.config.queuePrefix}:rl:${window}:${client}`;
    if (!this.subscriber) this.start();

    if (this.live) {
      const floor =
        sessionId === null ? NO_FLOOR : (this.knownFloor(sessionId, now) ?? (await this.readFloor(sessionId)));
      let counter = this.counters.get(counterKey);
      if (!counter) this.counters.set(counterKey, (counter = { shared: 0, pending: 0 }));
      counter.pending++;
      this.scheduleFlush();
      return { count: counter.shared + counter.pending, floor: floor === NO_FLOOR ? null : floor, retryAfterSeconds };
    }

    const keys = [counterKey, ...(sessionId ? [this.sessionKey(sessionId)] : [])];
    let reply: [number, string | null];
    try {
      reply = await this.redis.kompetenCheck(keys.length, ...keys, windowMs);
    } catch {
      throw unavailable();
    }
    const count = Number(reply[0]);
    // Remembered, so that once subscribed this process goes on from the shared total instead of from zero.
    const counter = this.counters.get(counterKey);
    if (counter) counter.shared = Math.max(counter.shared, count - counter.pending);
    else this.counters.set(counterKey, { shared: count, pending: 0 });
    return { count, floor: reply[1] === null ? null : Number(reply[1]), retryAfterSeconds };
  }

  /** A session this process just started has no floor: its first requests need no read. */
  noteNewSession(sessionId: string): void {
    if (this.live) this.remember(sessionId, NO_FLOOR);
  }

  /**
   * Kills the live access tokens of sessions: every token of a session whose generation is below its floor answers 401.
   * `SESSION_ENDED` ends a session; a refresh generation (its token count) only retires the tokens issued so far.
   * Kept a little longer than an access token lives, after which every token it could kill has expired anyway.
   */
  async raiseFloors(floors: Map<string, number>): Promise<void> {
    if (!floors.size) return;
    const ttlMs = (this.config.accessTokenTtlSeconds + 60) * 1000;
    const ids = [...floors.keys()];
    try {
      await this.redis.kompetenRaise(
        ids.length,
        ...ids.map((id) => this.sessionKey(id)),
        ttlMs,
        this.channel,
        ...floors.values(),
        ...ids,
      );
    } catch {
      throw unavailable();
    }
    for (const [id, floor] of floors) this.remember(id, floor);
  }

  /** Adds the counts of this process to the shared counters; the totals come back for the next decisions. */
  async flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    const batch = [...this.counters].filter(([, c]) => c.pending > 0).map(([key, c]) => ({ key, c, n: c.pending }));
    if (!batch.length) return;
    const windowMs = this.config.rateLimit.windowSeconds * 1000;
    this.flushing = this.redis
      .kompetenFlush(batch.length, ...batch.map((b) => b.key), windowMs, ...batch.map((b) => b.n))
      .then((totals) => {
        batch.forEach((b, i) => {
          b.c.pending -= b.n;
          b.c.shared = Number(totals[i]);
        });
      })
      // Kept pending; while Redis is away the subscription drops too and requests fail closed in direct mode.
      .catch(() => undefined)
      .finally(() => {
        this.flushing = null;
        this.dropPastWindows();
        // Requests counted while this flush was on its way go with the next one.
        if ([...this.counters.values()].some((c) => c.pending > 0)) this.scheduleFlush();
      });
    return this.flushing;
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    if (this.live && this.redis.status === 'ready') await this.flush();
    this.setLive(false);
    this.subscriber?.disconnect();
  }

  private scheduleFlush(): void {
    if (this.flushTimer || this.closed) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      void this.flush();
    }, RATE_FLUSH_MS);
    this.flushTimer.unref();
  }

  private dropPastWindows(): void {
    const current = Math.floor(Date.now() / (this.config.rateLimit.windowSeconds * 1000));
    const prefix = `${this.config.queuePrefix}:rl:`;
    for (const [key, c] of this.counters) {
      if (c.pending === 0 && Number(key.slice(prefix.length, key.indexOf(':', prefix.length))) < current)
        this.counters.delete(key);
    }
  }

  /** One read per session and process, shared by concurrent requests; cached only if no announcement was missed since. */
  private readFloor(sessionId: string): Promise<number> {
    let read = this.reads.get(sessionId);
    if (!read) {
      const epoch = this.epoch;
      read = this.redis
        .get(this.sessionKey(sessionId))
        .then((value) => {
          const floor = value === null ? NO_FLOOR : Number(value);
          if (epoch === this.epoch && this.live) return this.remember(sessionId, floor);
          return floor;
        })
        .catch(() => {
          throw unavailable();
        })
        .finally(() => this.reads.delete(sessionId));
      this.reads.set(sessionId, read);
    }
    return read;
  }

  /**
   * The cached floor of a session used recently. Memory holds the sessions of the last two periods of an access token's
   * life: a floor key in Redis outlives every token it can kill by no more than that, so a dropped entry read again is right.
   */
  private knownFloor(sessionId: string, now: number): number | undefined {
    if (now >= this.rotateAt) {
      this.previousFloors = this.floors;
      this.floors = new Map();
      this.rotateAt = now + (this.config.accessTokenTtlSeconds + 60) * 1000;
    }
    let floor = this.floors.get(sessionId);
    if (floor === undefined) {
      floor = this.previousFloors.get(sessionId);
      if (floor !== undefined) this.floors.set(sessionId, floor);
    }
    return floor;
  }

  /** Floors only rise: keeps the higher of what is known and what was just learnt. */
  private remember(sessionId: string, floor: number): number {
    const known = this.floors.get(sessionId) ?? this.previousFloors.get(sessionId);
    const next = known === undefined ? floor : Math.max(known, floor);
    this.floors.set(sessionId, next);
    return next;
  }

  private setLive(live: boolean): void {
    if (!live || !this.live) {
      this.epoch++;
      this.floors = new Map();
      this.previousFloors = new Map();
    }
    this.live = live;
  }

  /** True while requests are answered from memory (subscribed to floor announcements); false: one Redis call each. */
  get subscribed(): boolean {
    return this.live;
  }

  /** Starts listening for floor announcements (idempotent); the fast path opens once the subscription is confirmed. */
  start(): void {
    if (this.closed || this.subscriber) return;
    const sub = this.redis.duplicate({
      lazyConnect: true,
      autoResubscribe: false,
      enableAutoPipelining: false,
      maxRetriesPerRequest: 1,
    });
    this.subscriber = sub;
    sub.on('message', (_channel: string, message: string) => {
      if (!this.live) return;
      for (const part of message.split(',')) {
        const at = part.lastIndexOf('=');
        this.remember(part.slice(0, at), Number(part.slice(at + 1)));
      }
    });
    sub.on('ready', () => {
      sub.subscribe(this.channel).then(
        () => this.setLive(!this.closed),
        () => this.setLive(false),
      );
    });
    for (const event of ['close', 'reconnecting', 'end', 'error'] as const) sub.on(event, () => this.setLive(false));
    sub.connect().catch(() => this.setLive(false));
  }
}
