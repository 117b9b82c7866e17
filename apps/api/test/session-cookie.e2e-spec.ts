import { ErrorCode, type LoginResponse } from '@kompeten/shared-contracts';
import { type TestApi } from '@kompeten/server-testing';
import { bootApi, DEMO } from './app';

/** Issue 12: the browser's refresh token lives in an HttpOnly cookie scoped to the auth routes, never in a script's reach. */
describe('Refresh token cookie', () => {
  let api: TestApi;
  let pool: string[];
  const fresh = () => {
    const nip = pool.shift();
    if (!nip) throw new Error('Out of fresh demo users');
    return nip;
  };
  /** The kompeten_refresh Set-Cookie header of a response. */
  const cookieOf = (res: { headers: Record<string, unknown> }): string | undefined =>
    ([] as string[])
      .concat((res.headers['set-cookie'] as string[] | undefined) ?? [])
      .find((c) => c.startsWith('kompeten_refresh='));
  const valueOf = (setCookie: string | undefined) => setCookie?.split(';')[0].slice('kompeten_refresh='.length) ?? '';
  const browserLogin = (nip: string) =>
    api.http.post('/api/auth/login').send({ username: nip, password: DEMO.password });
  const refreshWithCookie = (token: string) =>
    api.http.post('/api/auth/refresh').set('Cookie', `kompeten_refresh=${token}`).send({});

  beforeAll(async () => {
    api = await bootApi();
    const rows: Array<{ nip: string }> = await api.db.query(
      `SELECT e.nip FROM employee e JOIN user_account u ON u.employee_id = e.id WHERE u.active AND e.active ORDER BY e.nip DESC LIMIT 10`,
    );
    pool = rows.map((r) => r.nip);
  });
  afterAll(() => api.close());

  it('login sets an HttpOnly; Secure; SameSite=Strict cookie on /api/auth and keeps the token out of the body', async () => {
    const res = await browserLogin(fresh());
    expect(res.status).toBe(200);
    expect((res.body as LoginResponse).refreshToken).toBeUndefined();
    expect(res.body.accessToken).toEqual(expect.any(String));
    const cookie = cookieOf(res) as string;
    expect(cookie).toBeDefined();
    const attributes = cookie.split(';').map((a) => a.trim().toLowerCase());
    expect(attributes).toEqual(
      expect.arrayContaining(['httponly', 'secure', 'samesite=strict', 'path=/api/auth', 'max-age=2592000']),
    );
    expect(valueOf(cookie)).toMatch(/^[A-Za-z0-9_-]{40,}$/);
  });

  it('gives the refresh token in the body only to a client that asks for it', async () => {
    const res = await api.http
      .post('/api/auth/login')
      .send({ username: fresh(), password: DEMO.password, returnRefreshToken: true });
    expect(res.status).toBe(200);
    expect(res.body.refreshToken).toEqual(valueOf(cookieOf(res)));
    const bad = await api.http
      .post('/api/auth/login')
      .send({ username: fresh(), password: DEMO.password, returnRefreshToken: 'ya' });
    expect(bad.status).toBe(400);
  });

  it('refreshes from the cookie: rotates it, never puts it in the body, and a reused cookie ends the session', async () => {
    const login = await browserLogin(fresh());
    const first = valueOf(cookieOf(login));
    const res = await refreshWithCookie(first);
    expect(res.status).toBe(200);
    expect(res.body.refreshToken).toBeUndefined();
    const second = valueOf(cookieOf(res));
    expect(second).not.toBe(first);
    expect((await api.http.get('/api/me').set('Authorization', `Bearer ${res.body.accessToken}`)).status).toBe(200);

    const reused = await refreshWithCookie(first);
    expect({ status: reused.status, code: reused.body.code }).toEqual({
      status: 401,
      code: ErrorCode.AUTH_INVALID_REFRESH_TOKEN,
    });
    expect(cookieOf(reused)).toMatch(/Max-Age=0/);
    expect((await refreshWithCookie(second)).status).toBe(401);
    expect((await api.http.get('/api/me').set('Authorization', `Bearer ${res.body.accessToken}`)).status).toBe(401);
  });

  it('answers 401 (not 400) to a refresh with neither a cookie nor a body token', async () => {
    const res = await api.http.post('/api/auth/refresh').send({});
    expect({ status: res.status, code: res.body.code }).toEqual({
      status: 401,
      code: ErrorCode.AUTH_INVALID_REFRESH_TOKEN,
    });
  });

  it('logout reads the cookie, ends the session (its access token too) and clears the cookie', async () => {
    const login = await browserLogin(fresh());
    const token = valueOf(cookieOf(login));
    const res = await api.http.post('/api/auth/logout').set('Cookie', `kompeten_refresh=${token}`).send({});
    expect(res.status).toBe(204);
    expect(cookieOf(res)).toMatch(/^kompeten_refresh=;.*Max-Age=0/);
    expect((await refreshWithCookie(token)).status).toBe(401);
    expect((await api.http.get('/api/me').set('Authorization', `Bearer ${login.body.accessToken}`)).status).toBe(401);
    // Without any token: 400, and the cookie is cleared all the same.
    const again = await api.http.post('/api/auth/logout').send({});
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 400, code: ErrorCode.VALIDATION_FAILED });
    expect(cookieOf(again)).toMatch(/Max-Age=0/);
  });
});
