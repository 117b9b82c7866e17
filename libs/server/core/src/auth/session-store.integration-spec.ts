import { randomBytes, randomUUID } from 'node:crypto';
import IORedis from 'ioredis';
import { loadConfig, type AppConfig } from '../config/env';
import { DomainError } from '../errors/domain-error';
import { SESSION_ENDED, SessionStore } from './session-store';

/**
 * Decision 0020: the session store answers from memory while subscribed to floor announcements. Two stores with their
 * own Redis connections stand for two API processes; everything here runs against the real Redis.
 */
describe('SessionStore (two processes sharing one Redis)', () => {
  let config: AppConfig;
  const clients: IORedis[] = [];
  const stores: SessionStore[] = [];

  const node = (overrides: Record<string, string> = {}) => {
    const redis = new IORedis(config.redisUrl, {
      lazyConnect: true,
      maxRetriesPerRequest: 1,
      enableAutoPipelining: true,
    });
    const store = new SessionStore(redis, {
      ...config,
      ...(overrides.perUser ? { rateLimit: { ...config.rateLimit, perUser: Number(overrides.perUser) } } : {}),
    });
    clients.push(redis);
    stores.push(store);
    return { redis, store };
  };
  const until = async (what: () => boolean, ms = 2000) => {
    const end = Date.now() + ms;
    while (!what()) {
      if (Date.now() > end) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  /** Counts the commands a client sends (the real client; nothing is replaced). */
  const commandsOf = (redis: IORedis) => {
    const sent: string[] = [];
    const original = redis.sendCommand.bind(redis);
    redis.sendCommand = ((command: { name: string }, ...rest: unknown[]) => {
      sent.push(command.name);
      return (original as (...a: unknown[]) => unknown)(command, ...rest);
    }) as IORedis['sendCommand'];
    return sent;
  };

  beforeAll(() => {
    // Core cannot import the testing lib (it depends on core): the same shape of config, with a prefix of its own.
    config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/kompeten_test_unused',
      REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
      JWT_SECRET: randomBytes(32).toString('hex'),
      QUEUE_PREFIX: `kompeten-test-${process.env.KOMPETEN_TEST_RUN ?? 'adhoc'}-${randomBytes(4).toString('hex')}`,
    });
  });
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.onApplicationShutdown();
    for (const c of clients.splice(0)) c.disconnect();
  });
  afterAll(async () => {
    const redis = new IORedis(config.redisUrl);
    const keys = await redis.keys(`${config.queuePrefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('answers from memory once subscribed: one read per session, then no Redis call per request', async () => {
    const a = node();
    a.store.start();
    await until(() => a.store.subscribed);
    await a.redis.ping(); // connected: a command sent before the connection is up would be counted twice
    const sent = commandsOf(a.redis);
    const sid = randomUUID();
    for (let i = 0; i < 20; i++) expect((await a.store.check('u:1', sid)).floor).toBeNull();
    expect(sent.filter((c) => c === 'get')).toHaveLength(1);
    expect(sent.filter((c) => c !== 'get')).toEqual([]);
  });

  it('applies a floor raised by another process from its announcement, without reading Redis', async () => {
    const a = node();
    const b = node();
    a.store.start();
    b.store.start();
    await until(() => a.store.subscribed && b.store.subscribed);
    const sid = randomUUID();
    expect((await a.store.check('u:1', sid)).floor).toBeNull(); // cached on A: "no floor"
    await a.redis.ping();
    const sentByA = commandsOf(a.redis);
    await b.store.raiseFloors(new Map([[sid, 3]]));
    // The announcement left Redis with B's reply; A applies it as soon as its event loop reads its subscriber socket.
    await until(() => (a.store as unknown as { floors: Map<string, number> }).floors.get(sid) === 3, 200);
    expect((await a.store.check('u:1', sid)).floor).toBe(3);
    await b.store.raiseFloors(new Map([[sid, SESSION_ENDED]]));
    await until(() => (a.store as unknown as { floors: Map<string, number> }).floors.get(sid) === SESSION_ENDED, 200);
    expect((await a.store.check('u:1', sid)).floor).toBe(SESSION_ENDED);
    expect(sentByA.filter((c) => c === 'get' || c === 'evalsha')).toEqual([]);
    // Floors never go down, whatever order reads and announcements arrive in.
    await b.store.raiseFloors(new Map([[sid, 5]]));
    await new Promise((r) => setTimeout(r, 50));
    expect((await a.store.check('u:1', sid)).floor).toBe(SESSION_ENDED);
  });

  it('falls back to one Redis call per request while not subscribed, and fails closed when Redis is gone', async () => {
    const a = node();
    const sid = randomUUID();
    await a.store.raiseFloors(new Map([[sid, 2]]));
    expect(a.store.subscribed).toBe(false); // never started: direct mode
    const sent = commandsOf(a.redis);
    expect((await a.store.check('u:1', sid)).floor).toBe(2);
    expect(sent).toEqual(['evalsha']);

    const dead = new IORedis('redis://127.0.0.1:1', {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
      disconnectTimeout: 200,
    });
    clients.push(dead);
    const gone = new SessionStore(dead, config);
    stores.push(gone);
    gone.start();
    await new Promise((r) => setTimeout(r, 50));
    expect(gone.subscribed).toBe(false);
    await expect(gone.check('u:1', sid)).rejects.toBeInstanceOf(DomainError);
  });

  it('drops what it knows when the subscription is lost, so a missed announcement cannot keep a dead token alive', async () => {
    const a = node();
    const b = node();
    a.store.start();
    await until(() => a.store.subscribed);
    const sid = randomUUID();
    expect((await a.store.check('u:1', sid)).floor).toBeNull();
    // Cut A's subscription (as a network blip would) and end the session while A cannot hear it.
    const subscriber = (a.store as unknown as { subscriber: IORedis }).subscriber;
    subscriber.disconnect(true);
    await until(() => !a.store.subscribed);
    await b.store.raiseFloors(new Map([[sid, SESSION_ENDED]]));
    expect((await a.store.check('u:1', sid)).floor).toBe(SESSION_ENDED); // read from Redis, not the stale memory
    await until(() => a.store.subscribed); // reconnected and resubscribed
    expect((await a.store.check('u:1', sid)).floor).toBe(SESSION_ENDED);
  });

  it('goes on from the count it made in Redis before it subscribed (a budget does not restart at start-up)', async () => {
    const a = node();
    for (let i = 0; i < 3; i++) expect((await a.store.check('u:early', null)).count).toBe(i + 1); // direct: not started
    a.store.start();
    await until(() => a.store.subscribed);
    expect((await a.store.check('u:early', null)).count).toBe(4);
  });

  it('shares request budgets across processes through Redis (exact in one process, within one flush across several)', async () => {
    const a = node({ perUser: '10' });
    const b = node({ perUser: '10' });
    a.store.start();
    b.store.start();
    await until(() => a.store.subscribed && b.store.subscribed);
    let last = 0;
    for (let i = 0; i < 4; i++) last = (await a.store.check('u:shared', null)).count;
    expect(last).toBe(4);
    for (let i = 0; i < 3; i++) last = (await b.store.check('u:shared', null)).count;
    expect(last).toBe(3); // B has not heard of A's four yet
    await a.store.flush(); // shared total 4
    await b.store.flush(); // shared total 7: B now knows A's four
    expect((await b.store.check('u:shared', null)).count).toBe(8);
    // A learns B's requests with its next flush; then it refuses past the budget of 10 as one process would.
    expect((await a.store.check('u:shared', null)).count).toBe(5);
    await a.store.flush(); // 8: A's five and B's four less the one B has not flushed
    expect((await a.store.check('u:shared', null)).count).toBe(9);
    expect((await a.store.check('u:shared', null)).count).toBe(10);
    await Promise.all([a.store.flush(), b.store.flush()]);
    const redis = new IORedis(config.redisUrl);
    clients.push(redis);
    const [key] = await redis.keys(`${config.queuePrefix}:rl:*:u:shared`);
    expect(Number(await redis.get(key))).toBe(11);
    const ttl = await redis.pttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(config.rateLimit.windowSeconds * 1000);
  });
});
