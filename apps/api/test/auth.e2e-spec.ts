import { JwtService } from '@nestjs/jwt';
import type { LoginResponse } from '@kompeten/shared-contracts';
import { ErrorCode } from '@kompeten/shared-contracts';
import { type TestApi } from '@kompeten/server-testing';
import { bootApi, DEMO } from './app';

/** Authentication over HTTP: login, throttling, refresh rotation, logout, change-password and the access-token guard. */
describe('Authentication API', () => {
  let api: TestApi;
  /** Generated ASN with accounts, handed out one per test so throttles never leak between tests. */
  let pool: string[];
  const freshNip = () => {
    const nip = pool.shift();
    if (!nip) throw new Error('Out of fresh demo users');
    return nip;
  };

  // A non-browser client: asks for the refresh token in the body (browsers get only the cookie, see session-cookie.e2e-spec).
  const login = (username: string, password: string = DEMO.password) =>
    api.http.post('/api/auth/login').send({ username, password, returnRefreshToken: true });
  const refresh = (refreshToken: string | undefined) => api.http.post('/api/auth/refresh').send({ refreshToken });
  const expectError = (res: { status: number; body: Record<string, unknown> }, status: number, code: string) => {
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(res.body).toMatchObject({
      statusCode: status,
      message: expect.any(String),
      correlationId: expect.any(String),
    });
  };

  beforeAll(async () => {
    api = await bootApi();
    const demoNips = Object.values(DEMO).filter((v) => /^\d{18}$/.test(v));
    const rows: Array<{ nip: string }> = await api.db.query(
      `SELECT e.nip FROM employee e JOIN user_account u ON u.employee_id = e.id
        WHERE u.active AND e.nip <> ALL($1::text[]) ORDER BY e.nip LIMIT 40`,
      [demoNips],
    );
    pool = rows.map((r) => r.nip);
  });
  afterAll(() => api.close());

  describe('login', () => {
    it('signs in by NIP and answers tokens and the user with roles', async () => {
      const res = await login(DEMO.learner);
      expect(res.status).toBe(200);
      const body = res.body as LoginResponse;
      expect(body).toMatchObject({
        tokenType: 'Bearer',
        accessToken: expect.any(String),
        refreshToken: expect.any(String),
        expiresIn: 900,
      });
      expect(body.user.employee?.nip).toBe(DEMO.learner);
      expect(body.user.roles.map((r) => r.role)).toContain('learner');

      const me = await api.http.get('/api/me').set('Authorization', `Bearer ${body.accessToken}`);
      expect(me.status).toBe(200);
      expect(me.body.userId).toBe(body.user.userId);
    });

    it('signs in by email, ignoring case and surrounding spaces', async () => {
      const res = await login(`  ${DEMO.agencyAdmin.toUpperCase()} `);
      expect(res.status).toBe(200);
      expect(res.body.user.email).toBe(DEMO.agencyAdmin);
      expect(res.body.user.roles.map((r: { role: string }) => r.role)).toContain('agency_admin');
    });

    it('refuses a wrong password with 401 and the same message as for an unknown user', async () => {
      const wrong = await login(freshNip(), 'Salah#12345');
      expectError(wrong, 401, ErrorCode.AUTH_INVALID_CREDENTIALS);
      const unknownNip = await login('199001012015011999', 'Salah#12345');
      expectError(unknownNip, 401, ErrorCode.AUTH_INVALID_CREDENTIALS);
      const unknownEmail = await login('tidak.ada@mataramkota.go.id', 'Salah#12345');
      expectError(unknownEmail, 401, ErrorCode.AUTH_INVALID_CREDENTIALS);
      expect(unknownNip.body.message).toBe(wrong.body.message);
      expect(unknownEmail.body.message).toBe(wrong.body.message);
    });

    it('tells a disabled account only to someone who knows its password', async () => {
      const nip = freshNip();
      await api.db.query(
        `UPDATE user_account SET active = false WHERE employee_id = (SELECT id FROM employee WHERE nip = $1)`,
        [nip],
      );
      const guess = await login(nip, 'Salah#12345');
      expectError(guess, 401, ErrorCode.AUTH_INVALID_CREDENTIALS);
      const right = await login(nip);
      expectError(right, 403, ErrorCode.AUTH_ACCOUNT_DISABLED);
      expect(right.body.accessToken).toBeUndefined();
    });

    // Before issue 12, five wrong passwords locked a real account for 15 minutes (423 with the unlock time, only for real
    // accounts). Now each further guess waits an increasing delay; the full defence is in login-defence.e2e-spec.ts.
    it('after 5 wrong passwords makes the next try wait (429, no unlock time), the same for an unknown name, and lets the user in after the delay', async () => {
      const nip = freshNip();
      const unknown = '199001012015011998';
      for (let i = 1; i <= 5; i++) {
        expectError(await login(nip, `Salah#${i}xxxxx`), 401, ErrorCode.AUTH_INVALID_CREDENTIALS);
        expectError(await login(unknown, `Salah#${i}xxxxx`), 401, ErrorCode.AUTH_INVALID_CREDENTIALS);
      }
      const real = await login(nip);
      const ghost = await login(unknown);
      expectError(real, 429, ErrorCode.AUTH_LOGIN_THROTTLED);
      expectError(ghost, 429, ErrorCode.AUTH_LOGIN_THROTTLED);
      expect(real.body.accessToken).toBeUndefined();
      expect(real.body.message).toBe(ghost.body.message);
      expect(real.body.details).toBeUndefined();
      expect(real.headers['retry-after']).toBeUndefined();
      // The first delay is one second (LOGIN_DELAY_BASE_MS), not a 15-minute lockout.
      await new Promise((r) => setTimeout(r, 1100));
      expect((await login(nip)).status).toBe(200);
      // The right password reset this address's count: one more wrong password is a plain 401.
      expectError(await login(nip, 'Salah#again1'), 401, ErrorCode.AUTH_INVALID_CREDENTIALS);
    });

    it('counts wrong passwords sent in parallel, so guessing concurrently gets no more than 5 checks', async () => {
      const nip = freshNip();
      const results = await Promise.all(Array.from({ length: 9 }, (_, i) => login(nip, `Salah#${i}yyyyy`)));
      expect(results.map((r) => r.status).sort()).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429]);
      expectError(await login(nip), 429, ErrorCode.AUTH_LOGIN_THROTTLED);
    });

    it('throttles one username without blocking other usernames from the same address', async () => {
      const username = 'penebak@contoh.go.id';
      for (let i = 0; i < 5; i++)
        expectError(await login(username, `Tebakan#${i}`), 401, ErrorCode.AUTH_INVALID_CREDENTIALS);
      expectError(await login(username, 'Tebakan#5'), 429, ErrorCode.AUTH_LOGIN_THROTTLED);
      // Same username in another case is the same username.
      expectError(await login(`  ${username.toUpperCase()}`, 'Tebakan#6'), 429, ErrorCode.AUTH_LOGIN_THROTTLED);
      // A colleague behind the same address still signs in.
      expect((await login(freshNip())).status).toBe(200);
    });

    it('answers 400 (not 401 or 500) when username or password is missing', async () => {
      const res = await api.http.post('/api/auth/login').send({ username: DEMO.learner });
      expectError(res, 400, ErrorCode.VALIDATION_FAILED);
      expect(res.body.message).toMatch(/password/);
    });
  });

  describe('refresh tokens', () => {
    it('rotates: the new token works, the old one is refused, and reusing it ends the whole session', async () => {
      const first = (await login(freshNip())).body as LoginResponse;
      const r1 = await refresh(first.refreshToken);
      expect(r1.status).toBe(200);
      const second = r1.body as LoginResponse;
      expect(second.refreshToken).not.toBe(first.refreshToken);
      expect(second.user.userId).toBe(first.user.userId);
      expect((await api.http.get('/api/me').set('Authorization', `Bearer ${second.accessToken}`)).status).toBe(200);

      // Replaying the old token: refused, and taken as theft, so the token issued from it dies too.
      expectError(await refresh(first.refreshToken), 401, ErrorCode.AUTH_INVALID_REFRESH_TOKEN);
      expectError(await refresh(second.refreshToken), 401, ErrorCode.AUTH_INVALID_REFRESH_TOKEN);
    });

    it('reuse detection ends only the stolen session, not the user\u2019s other devices', async () => {
      const nip = freshNip();
      const phone = (await login(nip)).body as LoginResponse;
      const laptop = (await login(nip)).body as LoginResponse;
      const rotated = await refresh(phone.refreshToken);
      expect(rotated.status).toBe(200);
      expectError(await refresh(phone.refreshToken), 401, ErrorCode.AUTH_INVALID_REFRESH_TOKEN);
      expect((await refresh(laptop.refreshToken)).status).toBe(200);
    });

    it('refuses an unknown refresh token with 401', async () => {
      expectError(await refresh('bukan-token-yang-pernah-diterbitkan'), 401, ErrorCode.AUTH_INVALID_REFRESH_TOKEN);
    });

    it('gives exactly one success when one refresh token is used twice at the same time', async () => {
      const session = (await login(freshNip())).body as LoginResponse;
      const results = await Promise.all([refresh(session.refreshToken), refresh(session.refreshToken)]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
      const loser = results.find((r) => r.status === 401);
      expect(loser?.body.code).toBe(ErrorCode.AUTH_INVALID_REFRESH_TOKEN);
      const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM refresh_token WHERE user_id = $1`, [
        session.user.userId,
      ]);
      expect(n).toBe(2); // the login's token and exactly one successor
    });
  });

  describe('logout', () => {
    it('revokes the session and answers 204 every time', async () => {
      const session = (await login(freshNip())).body as LoginResponse;
      const first = await api.http.post('/api/auth/logout').send({ refreshToken: session.refreshToken });
      expect(first.status).toBe(204);
      const again = await api.http.post('/api/auth/logout').send({ refreshToken: session.refreshToken });
      expect(again.status).toBe(204);
      expectError(await refresh(session.refreshToken), 401, ErrorCode.AUTH_INVALID_REFRESH_TOKEN);
    });

    it('also ends tokens already rotated out of the same session', async () => {
      const session = (await login(freshNip())).body as LoginResponse;
      const next = (await refresh(session.refreshToken)).body as LoginResponse;
      expect((await api.http.post('/api/auth/logout').send({ refreshToken: session.refreshToken })).status).toBe(204);
      expectError(await refresh(next.refreshToken), 401, ErrorCode.AUTH_INVALID_REFRESH_TOKEN);
    });

    it('answers 204 for a token it never issued', async () => {
      expect((await api.http.post('/api/auth/logout').send({ refreshToken: 'tidak-dikenal' })).status).toBe(204);
    });
  });

  describe('change password', () => {
    const NEW_PASSWORD = 'BerAKHLAK2026baru';

    it('checks the current password, rejects weak ones, then switches and ends the old sessions', async () => {
      const nip = freshNip();
      const session = (await login(nip)).body as LoginResponse;
      const other = (await login(nip)).body as LoginResponse;
      const auth = { Authorization: `Bearer ${session.accessToken}` };
      const change = (currentPassword: string, newPassword: string) =>
        api.http.post('/api/auth/change-password').set(auth).send({ currentPassword, newPassword });

      expectError(await change('BukanSandiSaya1', NEW_PASSWORD), 400, ErrorCode.AUTH_WRONG_PASSWORD);
      const weak = await change(DEMO.password, 'pendek1');
      expectError(weak, 400, ErrorCode.AUTH_WEAK_PASSWORD);
      expect(weak.body.message).toMatch(/10 karakter/);
      expectError(await change(DEMO.password, 'hanyahurufsaja'), 400, ErrorCode.AUTH_WEAK_PASSWORD);
      // Nothing changed yet.
      expect((await login(nip)).status).toBe(200);

      expect((await change(DEMO.password, NEW_PASSWORD)).status).toBe(204);
      expectError(await login(nip, DEMO.password), 401, ErrorCode.AUTH_INVALID_CREDENTIALS);
      expect((await login(nip, NEW_PASSWORD)).status).toBe(200);
      expectError(await refresh(session.refreshToken), 401, ErrorCode.AUTH_INVALID_REFRESH_TOKEN);
      expectError(await refresh(other.refreshToken), 401, ErrorCode.AUTH_INVALID_REFRESH_TOKEN);
    });

    it('needs an access token', async () => {
      const res = await api.http
        .post('/api/auth/change-password')
        .send({ currentPassword: DEMO.password, newPassword: NEW_PASSWORD });
      expectError(res, 401, ErrorCode.AUTH_UNAUTHENTICATED);
    });
  });

  describe('access token guard on /api/me', () => {
    const me = (authorization?: string) => {
      const req = api.http.get('/api/me');
      return authorization === undefined ? req : req.set('Authorization', authorization);
    };

    it('answers 401 without a token', async () => {
      expectError(await me(), 401, ErrorCode.AUTH_UNAUTHENTICATED);
    });

    it('answers 401 for a garbage token and for a non-Bearer scheme', async () => {
      expectError(await me('Bearer not.a.jwt'), 401, ErrorCode.AUTH_UNAUTHENTICATED);
      expectError(await me('Bearer '), 401, ErrorCode.AUTH_UNAUTHENTICATED);
      const { accessToken } = await api.login(DEMO.learner);
      expectError(await me(`Basic ${accessToken}`), 401, ErrorCode.AUTH_UNAUTHENTICATED);
    });

    it('answers 401 for an expired token', async () => {
      const session = await api.login(DEMO.learner);
      const jwt = api.app.get(JwtService);
      const claims = jwt.decode(session.accessToken) as Record<string, unknown>;
      const now = Math.floor(Date.now() / 1000);
      const expired = jwt.sign({
        sub: claims.sub,
        emp: claims.emp,
        roles: claims.roles,
        typ: 'access',
        iat: now - 3600,
        exp: now - 60,
      });
      const res = await me(`Bearer ${expired}`);
      expectError(res, 401, ErrorCode.AUTH_UNAUTHENTICATED);
      expect(res.body.message).toMatch(/kedaluwarsa/);
    });

    it('answers 401 for a token signed with another key', async () => {
      const forged = new JwtService({
        secret: 'bukan-rahasia-server-ini-bukan-rahasia-server-ini',
        signOptions: { algorithm: 'HS256', issuer: 'kompeten', expiresIn: 900 },
      });
      const token = forged.sign({
        sub: '00000000-0000-4000-8000-000000000000',
        emp: null,
        roles: [['platform_admin', '00000000-0000-4000-8000-000000000000', null]],
        typ: 'access',
      });
      expectError(await me(`Bearer ${token}`), 401, ErrorCode.AUTH_UNAUTHENTICATED);
    });

    it('refuses a refresh token used as an access token', async () => {
      const session = await api.login(DEMO.learner);
      expectError(await me(`Bearer ${session.refreshToken}`), 401, ErrorCode.AUTH_UNAUTHENTICATED);
      // Even a correctly signed JWT is refused unless it is an access token.
      const jwt = api.app.get(JwtService);
      const claims = jwt.decode(session.accessToken) as Record<string, unknown>;
      const notAccess = jwt.sign(
        { sub: claims.sub, emp: claims.emp, roles: claims.roles, typ: 'refresh' },
        { expiresIn: 900 },
      );
      expectError(await me(`Bearer ${notAccess}`), 401, ErrorCode.AUTH_UNAUTHENTICATED);
    });
  });
});
