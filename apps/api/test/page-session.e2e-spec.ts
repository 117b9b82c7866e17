import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { ErrorCode } from '@kompeten/shared-contracts';
import type { AccessTokenClaims } from '@kompeten/server-core';
import {
  PAGE_COOKIE,
  pageCookieKey,
  pageCookieValue,
  PageSessionService,
  SessionService,
} from '@kompeten/server-identity';
import { type TestApi } from '@kompeten/server-testing';
import { bootApi, DEMO } from './app';

/**
 * Decision 0041: the read-only `kompeten_page` cookie (Path=/) lets the server render signed-in pages. Login and refresh
 * set it next to the refresh cookie, logout and a dead refresh clear it, and PageSessionService trades it for a
 * 60-second access token only while the session lives — without issuing a refresh token or changing a row.
 */
/** The JSON a sign-in or refresh answers: no session id, no refresh token unless asked for. */
const LOGIN_RESPONSE_KEYS = ['accessToken', 'expiresIn', 'refreshExpiresIn', 'tokenType', 'user'];

describe('Page cookie and page sessions', () => {
  let api: TestApi;
  let pages: PageSessionService;
  let jwt: JwtService;
  let pool: string[];
  const fresh = () => {
    const nip = pool.shift();
    if (!nip) throw new Error('Out of fresh demo users');
    return nip;
  };

  type Res = { status: number; headers: Record<string, unknown>; body: Record<string, unknown> };
  const setCookie = (res: Res, name: string): string | undefined =>
    ([] as string[])
      .concat((res.headers['set-cookie'] as string[] | undefined) ?? [])
      .find((c) => c.startsWith(`${name}=`));
  const valueOf = (header: string | undefined, name: string) => header?.split(';')[0].slice(name.length + 1) ?? '';
  const attributesOf = (header: string | undefined) =>
    (header ?? '')
      .split(';')
      .slice(1)
      .map((a) => a.trim().toLowerCase())
      .sort();
  const pageCookie = (res: Res) => valueOf(setCookie(res, PAGE_COOKIE), PAGE_COOKIE);
  const refreshCookie = (res: Res) => valueOf(setCookie(res, 'kompeten_refresh'), 'kompeten_refresh');

  const browserLogin = async (nip: string) => {
    const res = await api.http.post('/api/auth/login').send({ username: nip, password: DEMO.password });
    expect(res.status).toBe(200);
    return res;
  };
  const refreshWithCookie = (token: string) =>
    api.http.post('/api/auth/refresh').set('Cookie', `kompeten_refresh=${token}`).send({});
  const logoutWithCookie = (token: string) =>
    api.http.post('/api/auth/logout').set('Cookie', `kompeten_refresh=${token}`).send({});
  const me = (token: string) => api.http.get('/api/me').set('Authorization', `Bearer ${token}`);
  /** What the server's render sees: a plain page GET carrying the browser's cookies. */
  const pageRequest = (cookie: string | undefined) =>
    ({ method: 'GET', url: '/katalog', headers: cookie === undefined ? {} : { cookie } }) as unknown as Request;
  const forCookie = (value: string) => pages.forRequest(pageRequest(`kompeten_refresh=x; ${PAGE_COOKIE}=${value}`));
  const claimsOf = (token: string) => jwt.decode<AccessTokenClaims & { iat: number; exp: number }>(token);
  const familyRows = (familyId: string) =>
    api.db.query(
      `SELECT id, token_hash, revoked_at, revoked_reason, expires_at FROM refresh_token WHERE family_id = $1 ORDER BY id`,
      [familyId],
    );

  beforeAll(async () => {
    api = await bootApi();
    pages = api.app.get(PageSessionService, { strict: false });
    jwt = api.app.get(JwtService, { strict: false });
    const demoNips = Object.values(DEMO).filter((v) => /^\d{18}$/.test(v));
    const rows: Array<{ nip: string }> = await api.db.query(
      `SELECT e.nip FROM employee e JOIN user_account u ON u.employee_id = e.id
        WHERE u.active AND e.active AND e.nip <> ALL($1::text[]) ORDER BY e.nip DESC LIMIT 20`,
      [demoNips],
    );
    pool = rows.map((r) => r.nip);
  });
  afterAll(() => api.close());

  describe('the cookie', () => {
    it('login sets it on Path=/ (HttpOnly, Secure, SameSite=Strict, the refresh lifetime) and leaves the body as it was', async () => {
      const res = await browserLogin(fresh());
      const page = setCookie(res, PAGE_COOKIE);
      expect(attributesOf(page)).toEqual(['httponly', 'max-age=2592000', 'path=/', 'samesite=strict', 'secure']);
      expect(attributesOf(setCookie(res, 'kompeten_refresh'))).toEqual([
        'httponly',
        'max-age=2592000',
        'path=/api/auth',
        'samesite=strict',
        'secure',
      ]);
      // The session's id, as the access token's `sid` claim names it, with a 30-day expiry and a signature.
      const [familyId, expires, signature] = pageCookie(res).split('.');
      expect(familyId).toBe(claimsOf(res.body.accessToken as string).sid);
      expect(Number(expires) - Math.floor(Date.now() / 1000)).toBeGreaterThan(2_592_000 - 60);
      expect(signature).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Object.keys(res.body).sort()).toEqual(LOGIN_RESPONSE_KEYS);
      expect(JSON.stringify(res.body)).not.toContain(familyId);

      // A client that asks for the refresh token in the body gets exactly that added, still without the session id.
      const asked = await api.http
        .post('/api/auth/login')
        .send({ username: fresh(), password: DEMO.password, returnRefreshToken: true });
      expect(Object.keys(asked.body)).toEqual([
        'accessToken',
        'refreshToken',
        'tokenType',
        'expiresIn',
        'refreshExpiresIn',
        'user',
      ]);
      expect(setCookie(asked, PAGE_COOKIE)).toBeDefined();
    });

    it('refresh sets it again for the same session, and the body still has no session id', async () => {
      const login = await browserLogin(fresh());
      const res = await refreshWithCookie(refreshCookie(login));
      expect(res.status).toBe(200);
      const page = setCookie(res, PAGE_COOKIE);
      expect(attributesOf(page)).toEqual(['httponly', 'max-age=2592000', 'path=/', 'samesite=strict', 'secure']);
      const familyId = pageCookie(login).split('.')[0];
      expect(pageCookie(res).split('.')[0]).toBe(familyId);
      expect(Number(pageCookie(res).split('.')[1])).toBeGreaterThanOrEqual(Number(pageCookie(login).split('.')[1]));
      expect(Object.keys(res.body).sort()).toEqual(LOGIN_RESPONSE_KEYS);

      const inBody = await api.http.post('/api/auth/refresh').send({ refreshToken: refreshCookie(res) });
      expect(inBody.status).toBe(200);
      expect(Object.keys(inBody.body).sort()).toEqual([
        'accessToken',
        'expiresIn',
        'refreshExpiresIn',
        'refreshToken',
        'tokenType',
        'user',
      ]);
      expect(pageCookie(inBody).split('.')[0]).toBe(familyId);
    });

    it('logout clears it with the same attributes', async () => {
      const login = await browserLogin(fresh());
      const res = await logoutWithCookie(refreshCookie(login));
      expect(res.status).toBe(204);
      const cleared = setCookie(res, PAGE_COOKIE);
      expect(valueOf(cleared, PAGE_COOKIE)).toBe('');
      expect(attributesOf(cleared)).toEqual([
        'expires=thu, 01 jan 1970 00:00:00 gmt',
        'httponly',
        'max-age=0',
        'path=/',
        'samesite=strict',
        'secure',
      ]);
      // Without any token (400) both cookies are cleared all the same.
      const bare = await api.http.post('/api/auth/logout').send({});
      expect(bare.status).toBe(400);
      expect(setCookie(bare, PAGE_COOKIE)).toMatch(/^kompeten_page=;.*Max-Age=0/);
    });

    it('a refresh that fails with a dead cookie clears it', async () => {
      const login = await browserLogin(fresh());
      expect((await refreshWithCookie(refreshCookie(login))).status).toBe(200);
      const reused = await refreshWithCookie(refreshCookie(login));
      expect({ status: reused.status, code: reused.body.code }).toEqual({
        status: 401,
        code: ErrorCode.AUTH_INVALID_REFRESH_TOKEN,
      });
      expect(setCookie(reused, PAGE_COOKIE)).toMatch(/^kompeten_page=; Max-Age=0;.*Path=\//);
    });

    it('is no credential for /api: not for a route, not for refresh, not for logout', async () => {
      const login = await browserLogin(fresh());
      const page = `${PAGE_COOKIE}=${pageCookie(login)}`;
      const meWithCookie = await api.http.get('/api/me').set('Cookie', page);
      expect({ status: meWithCookie.status, code: meWithCookie.body.code }).toEqual({
        status: 401,
        code: ErrorCode.AUTH_UNAUTHENTICATED,
      });
      expect(
        (await api.http.get('/api/me').set('Cookie', `${page}; kompeten_refresh=${refreshCookie(login)}`)).status,
      ).toBe(401);
      expect((await api.http.get('/api/me').set('Authorization', `Bearer ${pageCookie(login)}`)).status).toBe(401);
      const refresh = await api.http.post('/api/auth/refresh').set('Cookie', page).send({});
      expect({ status: refresh.status, code: refresh.body.code }).toEqual({
        status: 401,
        code: ErrorCode.AUTH_INVALID_REFRESH_TOKEN,
      });
      const logout = await api.http.post('/api/auth/logout').set('Cookie', page).send({});
      expect({ status: logout.status, code: logout.body.code }).toEqual({
        status: 400,
        code: ErrorCode.VALIDATION_FAILED,
      });
      // The session goes on: the cookie sent alone ended nothing.
      expect(await forCookie(pageCookie(login))).not.toBeNull();
    });
  });

  describe('PageSessionService.forRequest', () => {
    it('answers a 60-second access token of the cookie\u2019s session that works on /api/me, and changes no row', async () => {
      const nip = fresh();
      const login = await browserLogin(nip);
      const familyId = pageCookie(login).split('.')[0];
      const before = await familyRows(familyId);
      const [{ last_login_at: lastLogin }] = await api.db.query(
        `SELECT last_login_at FROM user_account WHERE id = $1`,
        [(login.body.user as { userId: string }).userId],
      );

      const page = await pages.forRequest(pageRequest(`a=b; ${PAGE_COOKIE}=${pageCookie(login)}`));
      expect(page).not.toBeNull();
      const { accessToken, me: user } = page as NonNullable<typeof page>;
      expect(user.employee?.nip).toBe(nip);
      expect(user).toEqual(login.body.user);
      const res = await me(accessToken);
      expect(res.status).toBe(200);
      expect(res.body.userId).toBe(user.userId);
      expect(res.body.employee.nip).toBe(nip);

      // Claims as a refresh would mint them (the session's next generation), but living 60 seconds.
      const loginClaims = claimsOf(login.body.accessToken as string);
      const claims = claimsOf(accessToken);
      expect(claims).toMatchObject({
        sub: loginClaims.sub,
        emp: loginClaims.emp,
        roles: loginClaims.roles,
        typ: 'access',
        sid: familyId,
        gen: 1,
        lng: loginClaims.lng,
      });
      expect(claims.exp - claims.iat).toBe(60);

      // Read-only: no refresh token issued, none rotated, the account untouched.
      expect(await familyRows(familyId)).toEqual(before);
      const [{ last_login_at: lastLoginAfter }] = await api.db.query(
        `SELECT last_login_at FROM user_account WHERE id = $1`,
        [user.userId],
      );
      expect(lastLoginAfter).toEqual(lastLogin);
      // The browser's own session goes on.
      expect((await refreshWithCookie(refreshCookie(login))).status).toBe(200);
    });

    it('follows the session through refreshes and a retirement of its tokens (a revoked role)', async () => {
      const login = await browserLogin(fresh());
      const cookie = pageCookie(login);
      const refreshed = await refreshWithCookie(refreshCookie(login));
      // The cookie set at login still names the session after a refresh.
      const page = await forCookie(cookie);
      expect(claimsOf(page?.accessToken as string).gen).toBe(2);
      expect((await me(page?.accessToken as string)).status).toBe(200);

      // A role is revoked: the session's tokens are retired (floor = the session's token count).
      const userId = page?.me.userId as string;
      expect(page?.me.roles.length).toBeGreaterThan(0);
      await api.db.query(`DELETE FROM role_assignment WHERE user_id = $1`, [userId]);
      const sessions = api.app.get(SessionService, { strict: false });
      await api.db.transaction((m) => sessions.retireAccessTokens(m, userId));
      expect((await me(refreshed.body.accessToken as string)).status).toBe(401);
      // A page token minted before has the generation a refresh would get, which the floor does not reach: it lives out
      // its 60 seconds with the old roles (the known cost of issuing no refresh token; it serves one render).
      expect((await me(page?.accessToken as string)).status).toBe(200);
      // One minted afterwards carries the current roles and is accepted, as a refresh's would be.
      const after = await forCookie(cookie);
      expect(after?.me.roles).toEqual([]);
      expect(claimsOf(after?.accessToken as string).roles).toEqual([]);
      expect((await me(after?.accessToken as string)).status).toBe(200);
    });

    it('answers null after logout, and the page token it gave stops working at once', async () => {
      const login = await browserLogin(fresh());
      const page = await forCookie(pageCookie(login));
      expect((await me(page?.accessToken as string)).status).toBe(200);
      expect((await logoutWithCookie(refreshCookie(login))).status).toBe(204);
      expect(await forCookie(pageCookie(login))).toBeNull();
      const res = await me(page?.accessToken as string);
      expect({ status: res.status, code: res.body.code }).toEqual({
        status: 401,
        code: ErrorCode.AUTH_UNAUTHENTICATED,
      });
    });

    it('answers null once reuse detection ended the session, and the page token it gave dies with it', async () => {
      const login = await browserLogin(fresh());
      const refreshed = await refreshWithCookie(refreshCookie(login));
      const page = await forCookie(pageCookie(refreshed));
      expect((await me(page?.accessToken as string)).status).toBe(200);
      expect((await refreshWithCookie(refreshCookie(login))).status).toBe(401);
      expect(await forCookie(pageCookie(refreshed))).toBeNull();
      expect(await forCookie(pageCookie(login))).toBeNull();
      expect((await me(page?.accessToken as string)).status).toBe(401);
    });

    it('answers null when the session\u2019s refresh token expired, though the cookie has not', async () => {
      const login = await browserLogin(fresh());
      const familyId = pageCookie(login).split('.')[0];
      await api.db.query(`UPDATE refresh_token SET expires_at = now() - interval '1 second' WHERE family_id = $1`, [
        familyId,
      ]);
      expect(await forCookie(pageCookie(login))).toBeNull();
    });

    it('answers null for a disabled account and for an inactive ASN', async () => {
      const disabled = await browserLogin(fresh());
      expect(await forCookie(pageCookie(disabled))).not.toBeNull();
      await api.db.query(`UPDATE user_account SET active = false WHERE id = $1`, [
        (disabled.body.user as { userId: string }).userId,
      ]);
      expect(await forCookie(pageCookie(disabled))).toBeNull();

      const nip = fresh();
      const retired = await browserLogin(nip);
      await api.db.query(`UPDATE employee SET active = false WHERE nip = $1`, [nip]);
      expect(await forCookie(pageCookie(retired))).toBeNull();
    });

    it('answers null for a forged, altered, expired or foreign cookie, and for none', async () => {
      const login = await browserLogin(fresh());
      const good = pageCookie(login);
      const [familyId, expires, signature] = good.split('.');
      const key = pageCookieKey(api.config.jwtSecret);
      const flipped = signature.slice(0, 5) + (signature[5] === 'A' ? 'B' : 'A') + signature.slice(6);
      const past = Math.floor(Date.now() / 1000) - 1;

      expect(await pages.forRequest(pageRequest(undefined))).toBeNull();
      expect(await pages.forRequest(pageRequest(`kompeten_refresh=${refreshCookie(login)}`))).toBeNull();
      expect(await forCookie(`${familyId}.${expires}.${flipped}`)).toBeNull();
      expect(await forCookie(`${familyId}.${Number(expires) + 86_400}.${signature}`)).toBeNull();
      expect(await forCookie(pageCookieValue(pageCookieKey('another-secret'), familyId, Number(expires)))).toBeNull();
      // Signed with the raw JWT secret instead of the derived key.
      expect(await forCookie(pageCookieValue(Buffer.from(api.config.jwtSecret), familyId, Number(expires)))).toBeNull();
      // Validly signed but expired.
      expect(await forCookie(pageCookieValue(key, familyId, past))).toBeNull();
      // Other formats: the refresh token, the access token, the id alone, garbage.
      expect(await forCookie(refreshCookie(login))).toBeNull();
      expect(await forCookie(login.body.accessToken as string)).toBeNull();
      expect(await forCookie(familyId)).toBeNull();
      expect(await forCookie(`${familyId}.${expires}`)).toBeNull();
      expect(await forCookie('%00%27;DROP TABLE refresh_token;--')).toBeNull();
      // Validly signed for a session that never existed.
      expect(await forCookie(pageCookieValue(key, '00000000-0000-4000-8000-000000000000', Number(expires)))).toBeNull();
      // The good one still works.
      expect(await forCookie(good)).not.toBeNull();
    });

    it('does no database work without a cookie or with a wrong signature', async () => {
      const login = await browserLogin(fresh());
      const good = pageCookie(login);
      const [familyId, expires] = good.split('.');
      const dataSource = api.app.get(DataSource, { strict: false });
      const runners = jest.spyOn(dataSource, 'createQueryRunner');
      try {
        expect(await pages.forRequest(pageRequest(undefined))).toBeNull();
        expect(await pages.forRequest(pageRequest('a=b'))).toBeNull();
        expect(await forCookie(`${familyId}.${expires}.${'A'.repeat(43)}`)).toBeNull();
        expect(await forCookie(pageCookieValue(pageCookieKey(api.config.jwtSecret), familyId, 1))).toBeNull();
        expect(runners).not.toHaveBeenCalled();
        expect(await forCookie(good)).not.toBeNull();
        expect(runners).toHaveBeenCalled();
      } finally {
        runners.mockRestore();
      }
    });
  });
});
