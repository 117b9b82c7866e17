import request from 'supertest';
import { ErrorCode, type LoginResponse } from '@kompeten/shared-contracts';
import { createApp } from '../src/app.factory';
import { spawnApiProcess, type ApiProcess } from './processes/spawn-api';
import { type TestApi } from '@kompeten/server-testing';
import { bootApi, DEMO } from './app';

/**
 * Issue 12, "Revocation is immediate": after logout, password change, refresh-token reuse, role revocation and
 * deactivation, the old access token answers 401 on the very next request — in another API process. Process A is this
 * test's app; process B is a separate OS process (spawn-api.ts) sharing only PostgreSQL, Redis and the JWT secret.
 * Before the fix every such token kept working on B (and on A) until it expired, up to 15 minutes.
 */
describe('Session revocation across API processes', () => {
  let api: TestApi;
  let b: ApiProcess;
  let pool: Array<{ id: string; nip: string }>;
  let agencyId: string;
  const fresh = () => {
    const next = pool.shift();
    if (!next) throw new Error('Out of fresh demo users');
    return next;
  };

  const onA = () => api.http;
  const onB = () => request(b.url);
  const login = async (host: () => ReturnType<typeof request>, username: string, password: string = DEMO.password) => {
    const res = await host().post('/api/auth/login').send({ username, password, returnRefreshToken: true });
    expect(res.status).toBe(200);
    return res.body as LoginResponse & { refreshToken: string };
  };
  const me = (host: () => ReturnType<typeof request>, token: string) =>
    host().get('/api/me').set('Authorization', `Bearer ${token}`);
  const expectRevoked = async (token: string) => {
    const res = await me(onB, token);
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 401, code: ErrorCode.AUTH_UNAUTHENTICATED });
  };

  beforeAll(async () => {
    api = await bootApi();
    b = await spawnApiProcess(api.config);
    // Decision 0020: both processes answer session checks from memory kept current by Redis announcements — the path
    // under test. Wait until each has subscribed (until then each request reads Redis directly).
    for (const host of [onA, onB]) {
      const deadline = Date.now() + 5000;
      while ((await host().get('/api/health')).body.sessionChecks !== 'subscribed') {
        if (Date.now() > deadline) throw new Error('API did not subscribe to session announcements');
        await new Promise((r) => setTimeout(r, 20));
      }
    }
    const admin = await api.login(DEMO.agencyAdmin);
    agencyId = admin.user.roles.find((r) => r.role === 'agency_admin')?.agencyId as string;
    const demoNips = Object.values(DEMO).filter((v) => /^\d{18}$/.test(v));
    pool = await api.db.query(
      `SELECT e.id, e.nip FROM employee e JOIN user_account u ON u.employee_id = e.id
        WHERE u.active AND e.active AND e.agency_id = $1 AND e.nip <> ALL($2::text[]) ORDER BY e.nip LIMIT 10`,
      [agencyId, demoNips],
    );
  }, 120_000);
  afterAll(async () => {
    await b?.stop();
    await api?.close();
  });

  it('runs the second API as its own OS process', () => {
    expect(b.pid).not.toBe(process.pid);
  });

  it('logout on A: the session’s access token answers 401 on B at once', async () => {
    const { nip } = fresh();
    const session = await login(onB, nip);
    const other = await login(onB, nip);
    expect((await me(onB, session.accessToken)).status).toBe(200);
    expect((await onA().post('/api/auth/logout').send({ refreshToken: session.refreshToken })).status).toBe(204);
    await expectRevoked(session.accessToken);
    expect((await me(onA, session.accessToken)).status).toBe(401);
    // Only that session ends: the same user's other device keeps working.
    expect((await me(onB, other.accessToken)).status).toBe(200);
  });

  it('password change on A: every access token of the user answers 401 on B', async () => {
    const { nip } = fresh();
    const phone = await login(onB, nip);
    const laptop = await login(onA, nip);
    const changed = await onA()
      .post('/api/auth/change-password')
      .set('Authorization', `Bearer ${laptop.accessToken}`)
      .send({ currentPassword: DEMO.password, newPassword: 'BerAKHLAK2026baru' });
    expect(changed.status).toBe(204);
    await expectRevoked(phone.accessToken);
    await expectRevoked(laptop.accessToken);
    // Signing in again with the new password gives a working token (the revocation does not hit new sessions).
    const again = await login(onA, nip, 'BerAKHLAK2026baru');
    expect((await me(onB, again.accessToken)).status).toBe(200);
  });

  it('refresh-token reuse on A: the stolen session’s access tokens answer 401 on B, both the old and the rotated one', async () => {
    const { nip } = fresh();
    const victim = await login(onB, nip);
    const rotated = (await onA().post('/api/auth/refresh').send({ refreshToken: victim.refreshToken }))
      .body as LoginResponse;
    expect((await me(onB, rotated.accessToken)).status).toBe(200);
    // Someone presents the already used token: the whole session ends.
    expect((await onA().post('/api/auth/refresh').send({ refreshToken: victim.refreshToken })).status).toBe(401);
    await expectRevoked(victim.accessToken);
    await expectRevoked(rotated.accessToken);
  });

  it('role revocation on A: the old token answers 401 on B; a refresh gives a token without the role', async () => {
    const employee = fresh();
    const admin = await api.auth(DEMO.agencyAdmin);
    const granted = await onA()
      .post(`/api/employees/${employee.id}/roles`)
      .set(admin)
      .send({ role: 'hr_officer', agencyId });
    expect(granted.status).toBe(200);
    const hr = await login(onB, employee.nip);
    expect(hr.user.roles.map((r) => r.role)).toContain('hr_officer');
    expect((await onB().get('/api/employees').set('Authorization', `Bearer ${hr.accessToken}`)).status).toBe(200);

    expect((await onA().delete(`/api/role-assignments/${granted.body.id}`).set(admin)).status).toBe(204);
    await expectRevoked(hr.accessToken);
    const renewed = await onB().post('/api/auth/refresh').send({ refreshToken: hr.refreshToken });
    expect(renewed.status).toBe(200);
    const body = renewed.body as LoginResponse;
    expect(body.user.roles.map((r) => r.role)).not.toContain('hr_officer');
    const list = await onB().get('/api/employees').set('Authorization', `Bearer ${body.accessToken}`);
    expect(list.status === 403 || (list.status === 200 && list.body.total === 1)).toBe(true);
  });

  it('deactivation of the ASN on A: their access token answers 401 on B and the session cannot be refreshed', async () => {
    const employee = fresh();
    const learner = await login(onB, employee.nip);
    expect((await me(onB, learner.accessToken)).status).toBe(200);
    const admin = await api.auth(DEMO.agencyAdmin);
    expect((await onA().patch(`/api/employees/${employee.id}`).set(admin).send({ active: false })).status).toBe(200);
    await expectRevoked(learner.accessToken);
    expect((await onB().post('/api/auth/refresh').send({ refreshToken: learner.refreshToken })).status).toBe(401);
  });

  it('keeps the check out of process memory: a token revoked on B is refused on A too', async () => {
    const { nip } = fresh();
    const session = await login(onA, nip);
    expect((await onB().post('/api/auth/logout').send({ refreshToken: session.refreshToken })).status).toBe(204);
    expect((await me(onA, session.accessToken)).status).toBe(401);
  });

  it('refuses a token without a session id (issued before sessions were tracked) with 401', async () => {
    const { JwtService } = await import('@nestjs/jwt');
    const jwt = api.app.get(JwtService);
    const session = await api.login(DEMO.learner);
    const claims = jwt.decode(session.accessToken) as Record<string, unknown>;
    const legacy = jwt.sign(
      { sub: claims.sub, emp: claims.emp, roles: claims.roles, typ: 'access' },
      { expiresIn: 900 },
    );
    await expectRevoked(legacy);
  });

  it('fails closed when Redis does not answer: 503 SERVER.UNAVAILABLE, never a pass and never a 500', async () => {
    const { accessToken } = await api.login(DEMO.learner);
    const broken = await createApp({ ...api.config, redisUrl: 'redis://127.0.0.1:1' }, { logger: false });
    await broken.init();
    try {
      const started = Date.now();
      const res = await request(broken.getHttpServer()).get('/api/me').set('Authorization', `Bearer ${accessToken}`);
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 503, code: ErrorCode.SERVICE_UNAVAILABLE });
      expect(Date.now() - started).toBeLessThan(5000);
      const login = await request(broken.getHttpServer())
        .post('/api/auth/login')
        .send({ username: DEMO.learner, password: DEMO.password });
      expect(login.status).toBe(503);
    } finally {
      await broken.close();
    }
  });
});
