import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ErrorCode } from '@kompeten/shared-contracts';
import { RATE_FLUSH_MS } from '@kompeten/server-core';
import { type TestApi } from '@kompeten/server-testing';
import { bootApi, DEMO } from './app';

const WINDOW_SECONDS = 60;

/** Issue 12: a per-client request budget on every /api route, counted in Redis; /api/health stays exempt. */
describe('Per-client rate limit', () => {
  let api: TestApi;
  let port: number;

  /** A request from another client address (127.0.0.2), with no proxy header: its own budget. */
  const fromOtherAddress = (path: string, method = 'POST') =>
    new Promise<{ status: number; body: { code?: string } }>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          path,
          method,
          localAddress: '127.0.0.2',
          headers: { 'content-type': 'application/json' },
        },
        (res) => {
          let data = '';
          res.on('data', (chunk) => (data += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data ? JSON.parse(data) : {} }));
        },
      );
      req.on('error', reject);
      req.end('{}');
    });

  beforeAll(async () => {
    // A tiny budget for this file only (the defaults: 1,200 a minute per user, 3,000 per address).
    api = await bootApi({
      config: {
        RATE_LIMIT_PER_USER: '5',
        RATE_LIMIT_PER_ADDRESS: '4',
        RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS),
      },
    });
    const server = api.app.getHttpServer() as http.Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    // Start in a fresh window so the counts below never straddle two.
    const left = WINDOW_SECONDS * 1000 - (Date.now() % (WINDOW_SECONDS * 1000));
    if (left < 20_000) await new Promise((r) => setTimeout(r, left + 50));
  }, 60_000);
  afterAll(() => api.close());

  it('gives each signed-in user their own budget, answers 429 with Retry-After past it, and leaves other users alone', async () => {
    // Two logins: 2 of the address's 4 anonymous requests.
    const learner = { Authorization: `Bearer ${(await api.login(DEMO.learner)).accessToken}` };
    const supervisor = { Authorization: `Bearer ${(await api.login(DEMO.supervisor)).accessToken}` };
    for (let i = 0; i < 5; i++) expect((await api.http.get('/api/me').set(learner)).status).toBe(200);
    const limited = await api.http.get('/api/me').set(learner);
    expect({ status: limited.status, code: limited.body.code }).toEqual({ status: 429, code: ErrorCode.RATE_LIMITED });
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
    expect(limited.body.message).toMatch(/Terlalu banyak permintaan/);
    // Another user behind the same address is unaffected.
    expect((await api.http.get('/api/me').set(supervisor)).status).toBe(200);
    // The health check is never limited.
    for (let i = 0; i < 10; i++) expect((await api.http.get('/api/health')).status).toBe(200);
  });

  it('counts requests without a valid token per address; another address keeps its own budget', async () => {
    // The two logins above spent 2 of 4; bad tokens spend from the same budget as anonymous calls.
    expect((await api.http.post('/api/auth/refresh').send({})).status).toBe(401);
    expect((await api.http.get('/api/me').set('Authorization', 'Bearer forged.token.here')).status).toBe(401);
    const limited = await api.http.post('/api/auth/login').send({ username: DEMO.learner, password: DEMO.password });
    expect({ status: limited.status, code: limited.body.code }).toEqual({ status: 429, code: ErrorCode.RATE_LIMITED });
    expect(limited.headers['retry-after']).toMatch(/^\d+$/);

    const other = await fromOtherAddress('/api/auth/refresh');
    expect({ status: other.status, code: other.body.code }).toEqual({
      status: 401,
      code: ErrorCode.AUTH_INVALID_REFRESH_TOKEN,
    });
  });

  it('keeps its counters in Redis under the configured prefix, each with a TTL of at most one window', async () => {
    const redis = new (await import('ioredis')).default(api.config.redisUrl);
    try {
      // Each process adds its counts to the shared counters every RATE_FLUSH_MS (decision 0020).
      const deadline = Date.now() + 10 * RATE_FLUSH_MS;
      let keys = await redis.keys(`${api.config.queuePrefix}:rl:*`);
      while (keys.length < 4 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, RATE_FLUSH_MS / 4));
        keys = await redis.keys(`${api.config.queuePrefix}:rl:*`);
      }
      // Two users and two addresses.
      expect(keys.length).toBe(4);
      for (const key of keys) {
        const ttl = await redis.pttl(key);
        expect(ttl).toBeGreaterThan(0);
        expect(ttl).toBeLessThanOrEqual(WINDOW_SECONDS * 1000);
      }
    } finally {
      redis.disconnect();
    }
  });
});
