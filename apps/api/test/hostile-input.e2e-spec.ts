import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { ErrorCode } from '@kompeten/shared-contracts';
import { idOf, type TestApi } from '@kompeten/server-testing';
import { bootApi, DEMO } from './app';

/**
 * Issue 12, "Hostile input and load": one request cannot stall the platform, control characters answer 400 and
 * never 500, and API answers carry the headers that keep personal data out of caches.
 */
describe('Hostile input', () => {
  let api: TestApi;
  let base: string;
  let admin: string;
  let mataramId: string;
  let learnerEmployeeId: string;

  const call = async (
    method: string,
    path: string,
    o: { token?: string; body?: string; headers?: Record<string, string> } = {},
  ) => {
    const started = performance.now();
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(o.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(o.token ? { Authorization: `Bearer ${o.token}` } : {}),
        ...o.headers,
      },
      body: o.body,
    });
    const text = await res.text();
    return {
      status: res.status,
      headers: res.headers,
      body: text ? (JSON.parse(text) as { code?: string; message?: string }) : null,
      ms: performance.now() - started,
    };
  };

  beforeAll(async () => {
    api = await bootApi();
    await api.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
    admin = (await api.login(DEMO.platformAdmin)).accessToken;
    mataramId = await idOf(api.db, `SELECT id FROM agency WHERE code = 'kota-mataram'`);
    learnerEmployeeId = await idOf(api.db, `SELECT id FROM employee WHERE nip = $1`, [DEMO.learner]);
    await call('GET', '/api/health'); // warm the connection pools
  });
  afterAll(() => api.close());

  describe('one request cannot stall the platform', () => {
    const hundredThousand = `[${Array(100_000).fill('{}').join(',')}]`;
    // Short keys keep the body under the 1 MB limit, so the shape check (not the size limit) has to refuse it.
    const manyKeys = `{${Array.from({ length: 100_000 }, (_, i) => `"${i.toString(36)}":0`).join(',')}}`;
    const deep = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;

    /**
     * The hostile client runs in its own process, so the time measured is the API's, not the test's own work of
     * building and sending a megabyte. It sends each body together with a GET /api/health and reports both times.
     */
    const CLIENT = `
      const [base, plan] = [process.argv[1], JSON.parse(process.argv[2])];
      const hundredThousand = '[' + Array(100000).fill('{}').join(',') + ']';
      const bodies = {
        array: hundredThousand,
        property: '{"employeeIds":' + hundredThousand + '}',
        keys: '{' + Array.from({ length: 100000 }, (_, i) => '"' + i.toString(36) + '":0').join(',') + '}',
        deep: '{"a":'.repeat(20000) + '1' + '}'.repeat(20000),
        nested: '{"a":[' + Array(100).fill('[' + Array(1000).fill('[]').join(',') + ']').join(',') + ']}',
      };
      const timed = async (url, init) => { const t = performance.now(); const r = await fetch(url, init); const text = await r.text(); return { status: r.status, code: text ? JSON.parse(text).code : undefined, ms: performance.now() - t }; };
      (async () => {
        const out = [];
        await timed(base + '/api/health');
        for (const c of plan) {
          const body = Buffer.from(bodies[c.body]);
          const headers = { 'Content-Type': 'application/json', ...(c.token ? { Authorization: 'Bearer ' + c.token } : {}) };
          for (let round = 0; round < 5; round++) {
            // The same pair with a small body first: what this machine takes right now without the hostile body.
            const [plain, healthAlone] = await Promise.all([timed(base + c.path, { method: c.method, headers, body: '{}' }), timed(base + '/api/health')]);
            const [hostile, health] = await Promise.all([timed(base + c.path, { method: c.method, headers, body }), timed(base + '/api/health')]);
            out.push({ ...c, token: !!c.token, round, hostile, health, plain, healthAlone });
          }
        }
        process.stdout.write(JSON.stringify(out));
      })().catch((e) => { console.error(e); process.exit(1); });`;

    interface Timed {
      status: number;
      code?: string;
      ms: number;
    }
    interface Round {
      body: string;
      method: string;
      path: string;
      token: boolean;
      hostile: Timed;
      health: Timed;
      plain: Timed;
      healthAlone: Timed;
    }
    const runClient = (plan: Array<{ body: string; method: string; path: string; token?: string }>) =>
      new Promise<Round[]>((resolvePromise, reject) => {
        execFile(
          process.execPath,
          ['-e', CLIENT, base, JSON.stringify(plan)],
          { maxBuffer: 10 * 1024 * 1024 },
          (err, stdout, stderr) =>
            err ? reject(new Error(`${err.message}\n${stderr}`)) : resolvePromise(JSON.parse(stdout) as Round[]),
        );
      });

    it.each([
      ['100,000 empty objects in a top-level array', 'array'],
      ['100,000 empty objects in a property', 'property'],
      ['an object of 100,000 keys', 'keys'],
      ['20,000 levels of nesting', 'deep'],
      ['100 arrays of 1,000 arrays', 'nested'],
    ])(
      'answers %s with 400 on every route, with or without a token, without ever parsing it, while /api/health answers',
      async (_label, body) => {
        const routes: Array<[string, string, string | undefined]> = [
          ['POST', '/api/auth/login', undefined],
          ['POST', '/api/agencies', undefined],
          ['POST', '/api/agencies', admin],
          ['PATCH', `/api/employees/${learnerEmployeeId}`, admin],
          ['POST', `/api/courses/${randomUUID()}/assignments`, admin],
          ['PUT', `/api/attempts/${randomUUID()}/answers`, admin],
        ];
        // The API runs in this process: a hostile body that reached JSON.parse (the 1.6–2 s stall of the report was
        // JSON.parse and class-transformer building 100,000 objects) would show up here. Refusing it in the byte loop
        // before the parser is what bounds its cost; how long that takes is a speed goal, measured by `npm run bench`
        // on a quiet machine, not asserted in a test on a shared one.
        const parse = jest.spyOn(JSON, 'parse');
        let rounds: Round[];
        try {
          rounds = await runClient(routes.map(([method, path, token]) => ({ body, method, path, token })));
        } finally {
          parse.mockRestore();
        }
        const parsedHostile = parse.mock.calls.filter(
          ([text]) => typeof text === 'string' && text.length > 35_000 && !text.startsWith('[{"body"'),
        );
        expect(parsedHostile.length).toBe(0);
        for (const [method, path, token] of routes) {
          const mine = rounds.filter((r) => r.method === method && r.path === path && r.token === !!token);
          const route = `${method} ${path} ${token ? 'with' : 'without'} a token`;
          expect(mine).toHaveLength(5);
          expect(
            mine.map((r) => ({ route, status: r.hostile.status, code: r.hostile.code, health: r.health.status })),
          ).toEqual(mine.map(() => ({ route, status: 400, code: ErrorCode.VALIDATION_FAILED, health: 200 })));
        }
      },
    );

    it('names the problem', async () => {
      expect((await call('POST', '/api/auth/login', { body: '[{}]' })).body?.message).toBe(
        'Isi permintaan harus objek JSON, bukan daftar',
      );
      expect((await call('POST', '/api/auth/login', { body: ' \n [' })).body?.message).toBe(
        'Isi permintaan harus objek JSON, bukan daftar',
      );
      expect((await call('POST', '/api/auth/login', { body: `{"a":${hundredThousand}}` })).body?.message).toBe(
        'Isi permintaan memuat terlalu banyak nilai (maks. 20.000)',
      );
      expect((await call('POST', '/api/auth/login', { body: manyKeys })).body?.message).toBe(
        'Isi permintaan memuat terlalu banyak nilai (maks. 20.000)',
      );
      expect(
        (await call('POST', '/api/auth/login', { body: JSON.stringify({ a: Array(5_001).fill(0) }) })).body?.message,
      ).toBe('Daftar pada isi permintaan terlalu panjang (maks. 5.000 butir)');
      const wideObject = JSON.stringify({ a: Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`k${i}`, 0])) });
      expect((await call('POST', '/api/auth/login', { body: wideObject })).body?.message).toBe(
        'Objek pada isi permintaan memuat terlalu banyak kolom (maks. 200)',
      );
      expect((await call('POST', '/api/auth/login', { body: deep })).body?.message).toMatch(/terlalu bertingkat/);
      const wide = JSON.stringify({ a: Array.from({ length: 5 }, () => Array(4_500).fill(0)) });
      expect((await call('POST', '/api/auth/login', { body: wide })).body?.message).toMatch(/terlalu banyak nilai/);
    });

    it('still accepts the largest real body: an assignment of 5,000 employees reaches validation and the service', async () => {
      const employeeIds = Array.from({ length: 5_000 }, () => randomUUID());
      const res = await call('POST', `/api/courses/${randomUUID()}/assignments`, {
        token: admin,
        body: JSON.stringify({ employeeIds }),
      });
      // Past the shape check and validation: the unknown course answers 404.
      expect({ status: res.status, message: res.body?.message }).toEqual({
        status: 404,
        message: expect.not.stringMatching(/terlalu|daftar/i),
      });
      // One over the DTO's cap is refused by validation, naming the field.
      const over = await call('POST', `/api/courses/${randomUUID()}/assignments`, {
        token: admin,
        body: JSON.stringify({ employeeIds: [...employeeIds, randomUUID()] }),
      });
      expect(over.status).toBe(400);
    });
  });

  describe('control characters answer 400, never 500', () => {
    it.each([
      [
        'NUL in the login username',
        'POST',
        '/api/auth/login',
        { username: 'admin\u0000@kompeten.go.id', password: 'rahasia' },
      ],
      ['NUL in the login password', 'POST', '/api/auth/login', { username: DEMO.learner, password: 'a\u0000' }],
      ['NUL in a refresh token', 'POST', '/api/auth/refresh', { refreshToken: 'x\u0000y' }],
      ['an escape character in a key', 'POST', '/api/auth/login', { ['user\u001bname']: 'a', password: 'b' }],
      [
        'a bell in a nested string',
        'POST',
        '/api/agencies',
        { code: 'x', name: 'Dinas', level: 'kota', timeZone: 'Asia/Makassar', extra: [{ v: 'a\u0007' }] },
      ],
    ])('%s', async (_label, method, path, body) => {
      for (const token of [undefined, admin]) {
        const res = await call(method, path, { token, body: JSON.stringify(body) });
        expect({ status: res.status, code: res.body?.code }).toEqual({
          status: 400,
          code: ErrorCode.VALIDATION_FAILED,
        });
        expect(res.body?.message).toMatch(/karakter kontrol/);
      }
    });

    it.each([
      ['a NUL in a query parameter', '/api/employees?q=a%00b'],
      ['a NUL in an unknown query parameter', '/api/employees?x=%00'],
      ['a NUL in a path segment', '/api/employees/%00'],
      ['a NUL inside a path id', `/api/agencies/${'0'.repeat(8)}%00-0000-4000-8000-000000000000`],
      ['a lower-case escaped control character', '/api/employees?q=%1b'],
    ])('answers 400 to %s', async (_label, path) => {
      const res = await call('GET', path, { token: admin });
      expect({ status: res.status, code: res.body?.code }).toEqual({ status: 400, code: ErrorCode.VALIDATION_FAILED });
    });

    it('keeps tab and line breaks: they are text, not attacks', async () => {
      // A password with a tab is judged as a password (wrong), not as input to refuse.
      const login = await call('POST', '/api/auth/login', {
        body: JSON.stringify({ username: DEMO.learner, password: 'salah\tsandi\r\n' }),
      });
      expect(login.status).toBe(401);
      const rename = await call('PATCH', `/api/agencies/${mataramId}`, {
        token: admin,
        body: JSON.stringify({ name: 'Pemerintah Kota Mataram\t' }),
      });
      expect(rename.status).toBeLessThan(300);
      const search = await call('GET', '/api/employees?q=Budi%09Santoso', { token: admin });
      expect(search.status).toBe(200);
    });
  });

  describe('headers', () => {
    it('marks API answers no-store and sends a Permissions-Policy that keeps the camera for our own pages', async () => {
      for (const [path, token] of [
        ['/api/me', admin],
        ['/api/employees', admin],
        ['/api/tidak-ada', undefined],
        ['/api/health', undefined],
      ] as const) {
        const res = await call('GET', path, { token });
        expect({ path, cacheControl: res.headers.get('cache-control') }).toEqual({ path, cacheControl: 'no-store' });
        expect(res.headers.get('permissions-policy')).toContain('camera=(self)');
        expect(res.headers.get('permissions-policy')).toContain('microphone=()');
        expect(res.headers.get('permissions-policy')).toContain('geolocation=()');
      }
      // Errors raised before routing (the body checks) carry the same headers.
      const refused = await call('POST', '/api/auth/login', { body: '[]' });
      expect(refused.headers.get('cache-control')).toBe('no-store');
      expect(refused.headers.get('x-content-type-options')).toBe('nosniff');
    });

    it('sends no HSTS while PUBLIC_URL is plain http', async () => {
      expect(api.config.publicUrl.startsWith('http://')).toBe(true);
      expect((await call('GET', '/api/health')).headers.get('strict-transport-security')).toBeNull();
    });

    it('sends HSTS when PUBLIC_URL is https', async () => {
      const secure = await bootApi({ seed: false, config: { PUBLIC_URL: 'https://kompeten.ntbprov.go.id' } });
      try {
        const res = await secure.http.get('/api/health');
        expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      } finally {
        await secure.close();
      }
    });

    it('answers an unmatched route with a 404 naming the method and the path, without the query', async () => {
      for (const method of ['GET', 'POST', 'DELETE', 'PATCH']) {
        const res = await call(method, '/api/tidak-ada?token=rahasia', { token: admin });
        expect({ status: res.status, code: res.body?.code, message: res.body?.message }).toEqual({
          status: 404,
          code: ErrorCode.NOT_FOUND,
          message: `Rute tidak ditemukan: ${method} /api/tidak-ada`,
        });
      }
    });

    it('answers OPTIONS (a cross-origin preflight) with 204 and no CORS permission, on known and unknown routes', async () => {
      for (const path of ['/api/employees', '/api/auth/login', '/api/tidak-ada']) {
        const res = await call('OPTIONS', path, {
          headers: { Origin: 'https://penyerang.example', 'Access-Control-Request-Method': 'POST' },
        });
        expect({ path, status: res.status }).toEqual({ path, status: 204 });
        expect(res.headers.get('access-control-allow-origin')).toBeNull();
        expect(res.headers.get('cache-control')).toBe('no-store');
      }
    });
  });
});
