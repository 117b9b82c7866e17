import { createApp } from '../src/app.factory';
import request from 'supertest';
import { createTestDatabase, type TestApi, testConfig } from '@kompeten/server-testing';
import { bootApi } from './app';

describe('GET /api/health', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await bootApi({ seed: false });
  });
  afterAll(() => api.close());

  it('answers 200 with database and Redis up', async () => {
    const res = await api.http.get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', database: 'up', redis: 'up' });
    // Decision 0020: once the API has subscribed to session announcements, requests need no Redis call.
    const deadline = Date.now() + 2000;
    let checks = res.body.sessionChecks;
    while (checks !== 'subscribed' && Date.now() < deadline)
      checks = (await api.http.get('/api/health')).body.sessionChecks;
    expect(checks).toBe('subscribed');
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  // issue 13, "no open handles": each check raced a 2 s timer it never cleared, so a process (or a Jest worker) that
  // stopped right after a health call stayed alive for up to 2 s and was force-killed.
  it('leaves no timer behind once it has answered', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    await api.http.get('/api/health').expect(200);
    const before = timers();
    for (let i = 0; i < 5; i++) await api.http.get('/api/health').expect(200);
    expect(timers()).toBeLessThanOrEqual(before);
  });

  it('answers 503 when Redis is unreachable', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    const database = await createTestDatabase();
    const app = await createApp(testConfig(database.url, { REDIS_URL: 'redis://127.0.0.1:1' }), { logger: false });
    await app.init();
    try {
      const res = await request(app.getHttpServer()).get('/api/health');
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ status: 'error', database: 'up', redis: 'down', sessionChecks: 'direct' });
    } finally {
      await app.close();
      await database.drop();
    }
    // issue 13, "no open handles": closing the app left ioredis's 2 s disconnect timer for a socket that never
    // connected, so a test file ending here kept its Jest worker alive until it was force-killed.
    await new Promise((r) => setTimeout(r, 400));
    expect(timers()).toBeLessThanOrEqual(before);
  });
});
