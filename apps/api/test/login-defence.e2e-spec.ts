import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { LoginResponse } from '@kompeten/shared-contracts';
import { ErrorCode } from '@kompeten/shared-contracts';
import { GLOBAL_BUDGET_EXCEEDED_EVENT } from '@kompeten/server-identity';
import { type TestApi } from '@kompeten/server-testing';
import { bootApi, DEMO } from './app';

/**
 * Issue 12, "Lockout is not a weapon" and "Spraying is limited" (decision 0011): progressive delays per username and
 * per (username, source), a per-source spraying budget, a global failed-login budget with an alert line, TRUST_PROXY,
 * and change-password guesses counted with logins. Small thresholds keep it fast; sources are told apart through
 * X-Forwarded-For, which the main app trusts from loopback only (TRUST_PROXY=loopback).
 */
const SMALL = {
  LOGIN_FREE_FAILURES: '3',
  // Above the time one password check takes on a busy test machine, so "the next try at once" is really too early.
  LOGIN_DELAY_BASE_MS: '1000',
  LOGIN_DELAY_MAX_SECONDS: '600',
  LOGIN_ACCOUNT_FREE_FAILURES: '4',
  LOGIN_ACCOUNT_DELAY_MAX_SECONDS: '1',
  LOGIN_SOURCE_BUDGET: '12',
  LOGIN_SOURCE_WINDOW_SECONDS: '600',
};

type Res = { status: number; body: Record<string, unknown>; headers: Record<string, string> };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Login defence', () => {
  let api: TestApi;
  /** A second API process with the default TRUST_PROXY (none), sharing the main one's Redis counters. */
  let plain: TestApi;
  let pool: string[];
  const freshNip = () => {
    const nip = pool.shift();
    if (!nip) throw new Error('Out of fresh demo users');
    return nip;
  };
  const loginVia = (app: TestApi, username: string, password: string, forwardedFor?: string) => {
    const req = app.http.post('/api/auth/login');
    if (forwardedFor) req.set('X-Forwarded-For', forwardedFor);
    return req.send({ username, password }) as unknown as Promise<Res>;
  };
  const login = (username: string, password: string, from: string) => loginVia(api, username, password, from);
  /** What a client can observe of an answer, minus the per-request correlation id. */
  const seen = (res: Res) => ({
    status: res.status,
    code: res.body.code,
    message: res.body.message,
    details: res.body.details,
    retryAfter: res.headers['retry-after'],
  });

  beforeAll(async () => {
    const prefix = `kompeten-test-${randomBytes(4).toString('hex')}`;
    api = await bootApi({ config: { ...SMALL, TRUST_PROXY: 'loopback', QUEUE_PREFIX: prefix } });
    plain = await bootApi({ seed: false, config: { ...SMALL, QUEUE_PREFIX: prefix } });
    const demoNips = Object.values(DEMO).filter((v) => /^\d{18}$/.test(v));
    const rows: Array<{ nip: string }> = await api.db.query(
      `SELECT e.nip FROM employee e JOIN user_account u ON u.employee_id = e.id
        WHERE u.active AND e.nip <> ALL($1::text[]) ORDER BY e.nip LIMIT 20`,
      [demoNips],
    );
    pool = rows.map((r) => r.nip);
  });
  afterAll(async () => {
    await api?.close();
    await plain?.close();
  });

  it('answers a real and an unknown account identically under attack: same statuses, codes, messages, no unlock time', async () => {
    const real = freshNip();
    const unknown = '199001012015011997';
    const realSeen: unknown[] = [];
    const unknownSeen: unknown[] = [];
    for (let i = 0; i < 6; i++) {
      realSeen.push(seen(await login(real, `Salah#${i}aaaaa`, '10.0.0.1')));
      unknownSeen.push(seen(await login(unknown, `Salah#${i}aaaaa`, '10.0.0.2')));
    }
    // Even the right password of the real account gets the very same answer while throttled.
    realSeen.push(seen(await login(real, DEMO.password, '10.0.0.1')));
    unknownSeen.push(seen(await login(unknown, DEMO.password, '10.0.0.2')));
    expect(realSeen).toEqual(unknownSeen);
    expect(realSeen.map((s) => (s as { status: number }).status)).toEqual([401, 401, 401, 429, 429, 429, 429]);
    const throttled = realSeen[6] as ReturnType<typeof seen>;
    expect(throttled).toMatchObject({
      code: ErrorCode.AUTH_LOGIN_THROTTLED,
      details: undefined,
      retryAfter: undefined,
    });
    // The way in for a real user who is stuck: the setup link from their HR officer.
    expect(throttled.message).toMatch(/pengelola kepegawaian/);
    expect(JSON.stringify(throttled)).not.toMatch(/\d{4}-\d{2}-\d{2}T|menit|detik/);
  });

  it('gives the attacker\u2019s own source the steep curve, while the real user gets in from elsewhere within the small cap', async () => {
    const victim = freshNip();
    // Source A hammers as fast as it can until five guesses were checked (3 free, then after 1 s and 2 s).
    let checked = 0;
    while (checked < 5) {
      const res = await login(victim, `Tebak#${checked}bbbbb`, '10.0.1.1');
      if (res.status === 401) checked++;
      else {
        expect(res.body.code).toBe(ErrorCode.AUTH_LOGIN_THROTTLED);
        await sleep(100);
      }
    }
    // More sources join in: the username is past its threshold, so every source waits, but never more than 1 s.
    for (let i = 2; i <= 5; i++)
      expect([401, 429]).toContain((await login(victim, 'Tebak#lain1', `10.0.1.${i}`)).status);

    // The user, from their office: at most LOGIN_ACCOUNT_DELAY_MAX_SECONDS (1 s) after the attacker's last checked try.
    const started = Date.now();
    let res = await login(victim, DEMO.password, '10.0.2.1');
    while (res.status === 429 && Date.now() - started < 3000) {
      await sleep(100);
      res = await login(victim, DEMO.password, '10.0.2.1');
    }
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1500);
    expect((res.body as unknown as LoginResponse).user.employee?.nip).toBe(victim);

    // Meanwhile source A still waits (its next delay is 4 s), right password or not.
    expect(seen(await login(victim, DEMO.password, '10.0.1.1'))).toMatchObject({
      status: 429,
      code: ErrorCode.AUTH_LOGIN_THROTTLED,
    });
  });

  it('limits spraying: one source gets a budget of failures across all usernames, other sources are untouched', async () => {
    for (let i = 0; i < 12; i++) {
      expect((await login(`pegawai${i}@contoh.go.id`, 'Kompeten#2026', '10.0.3.1')).status).toBe(401);
    }
    const over = await login('pegawai12@contoh.go.id', 'Kompeten#2026', '10.0.3.1');
    expect(seen(over)).toMatchObject({ status: 429, code: ErrorCode.AUTH_LOGIN_THROTTLED });
    // Even a real user with the right password, from that source.
    const nip = freshNip();
    expect((await login(nip, DEMO.password, '10.0.3.1')).status).toBe(429);
    expect((await login(nip, DEMO.password, '10.0.3.2')).status).toBe(200);
  });

  it('honours X-Forwarded-For from a trusted proxy (TRUST_PROXY=loopback): each client address has its own counter', async () => {
    const username = 'dicoba@contoh.go.id';
    for (let i = 0; i < 3; i++) expect((await login(username, `Coba#${i}ccccc`, '10.0.4.1')).status).toBe(401);
    expect((await login(username, 'Coba#3ccccc', '10.0.4.1')).status).toBe(429);
    expect((await login(username, 'Coba#4ccccc', '10.0.4.2')).status).toBe(401);
  });

  it('ignores a forged X-Forwarded-For by default (no TRUST_PROXY): rotating it does not reset the throttle', async () => {
    const username = 'target@contoh.go.id';
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await loginVia(plain, username, `Palsu#${i}ddddd`, `203.0.113.${i + 1}`)).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429]);
  });

  it('shares its counters between API processes (Redis): failures on one process throttle the other', async () => {
    const username = 'bersama@contoh.go.id';
    // Without X-Forwarded-For both processes see the same loopback client.
    for (let i = 0; i < 3; i++) expect((await loginVia(api, username, `Dua#${i}eeeee`)).status).toBe(401);
    const res = await loginVia(plain, username, 'Dua#3eeeee');
    expect(seen(res)).toMatchObject({ status: 429, code: ErrorCode.AUTH_LOGIN_THROTTLED });
  });

  it('counts wrong current passwords in change-password toward the login throttle, so it is no guessing oracle', async () => {
    const nip = freshNip();
    const session = (await login(nip, DEMO.password, '10.0.6.1')).body as unknown as LoginResponse;
    const change = (currentPassword: string) =>
      api.http
        .post('/api/auth/change-password')
        .set('Authorization', `Bearer ${session.accessToken}`)
        .set('X-Forwarded-For', '10.0.6.1')
        .send({ currentPassword, newPassword: 'BerAKHLAK2026baru' }) as unknown as Promise<Res>;
    for (let i = 0; i < 3; i++)
      expect(seen(await change(`Tebak#${i}fffff`))).toMatchObject({ status: 400, code: ErrorCode.AUTH_WRONG_PASSWORD });
    expect(seen(await change('Tebak#3fffff'))).toMatchObject({ status: 429, code: ErrorCode.AUTH_LOGIN_THROTTLED });
    // Not even the right password is checked now, and login by NIP from that source waits too.
    expect(seen(await change(DEMO.password))).toMatchObject({ status: 429, code: ErrorCode.AUTH_LOGIN_THROTTLED });
    expect(seen(await login(nip, DEMO.password, '10.0.6.1'))).toMatchObject({
      status: 429,
      code: ErrorCode.AUTH_LOGIN_THROTTLED,
    });
    // After the delay the owner can change it.
    await sleep(1100);
    expect((await change(DEMO.password)).status).toBe(204);
  });
});

describe('Login defence: the global failed-login budget', () => {
  let api: TestApi;
  let warn: jest.SpyInstance;

  beforeAll(async () => {
    api = await bootApi({
      seed: false,
      config: {
        TRUST_PROXY: 'loopback',
        LOGIN_GLOBAL_BUDGET_PER_MINUTE: '5',
        LOGIN_GLOBAL_PENALTY_SECONDS: '30',
        LOGIN_FREE_FAILURES: '100',
        LOGIN_ACCOUNT_FREE_FAILURES: '100',
      },
    });
    warn = jest.spyOn(Logger.prototype, 'warn');
  });
  afterAll(async () => {
    warn?.mockRestore();
    await api?.close();
  });

  it('logs one alert line per minute, and then makes only sources that fail wait; others still get checked', async () => {
    // The budget counts per calendar minute: do not start just before one ends.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 50_000) await sleep(60_000 - intoMinute + 200);
    const login = (username: string, from: string) =>
      api.http.post('/api/auth/login').set('X-Forwarded-For', from).send({ username, password: 'Salah#12345' });
    const alerts = () =>
      warn.mock.calls.filter(
        ([fields]) => (fields as { event?: string } | undefined)?.event === GLOBAL_BUDGET_EXCEEDED_EVENT,
      );

    for (let i = 1; i <= 5; i++) expect((await login(`a${i}@contoh.go.id`, `10.0.5.${i}`)).status).toBe(401);
    expect(alerts()).toHaveLength(0);
    expect((await login('a6@contoh.go.id', '10.0.5.6')).status).toBe(401);
    expect(alerts()).toHaveLength(1);
    expect(alerts()[0][0]).toMatchObject({
      event: GLOBAL_BUDGET_EXCEEDED_EVENT,
      budgetPerMinute: 5,
      failedLogins: 6,
      windowStart: expect.any(String),
    });

    // Over the budget: a source that just failed waits; a source without failures is still checked (no blanket lockout).
    expect((await login('a7@contoh.go.id', '10.0.5.1')).status).toBe(429);
    expect((await login('a8@contoh.go.id', '10.0.5.7')).status).toBe(401);
    expect((await login('a9@contoh.go.id', '10.0.5.8')).status).toBe(401);
    // Still one line for this minute.
    expect(alerts()).toHaveLength(1);
  });
});
