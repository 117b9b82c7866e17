import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { ErrorCode } from '@kompeten/shared-contracts';
import { idOf, type TestApi } from '@kompeten/server-testing';
import { bootApi, DEMO } from './app';

interface OpenApiOperation {
  requestBody?: { content?: Record<string, unknown> };
}
type OpenApiDoc = { paths: Record<string, Record<string, OpenApiOperation>> };

/** Bad input never answers 500: it answers 4xx in our error shape, naming the problem. */
describe('Bad input', () => {
  let api: TestApi;
  let adminAuth: { Authorization: string };
  let agencyAdminAuth: { Authorization: string };
  let mataramId: string;

  /** Every error answers our shape, and its correlation id is the one in the X-Request-Id header. */
  const expectError = (res: Response, status: number, code?: string) => {
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code: code ?? expect.any(String) });
    expect(res.body).toEqual({
      statusCode: status,
      code: expect.stringMatching(/^[A-Z]+\.[A-Z_]+$/),
      message: expect.any(String),
      correlationId: expect.any(String),
      ...(res.body.details !== undefined ? { details: res.body.details } : {}),
    });
    expect(res.body.correlationId.length).toBeGreaterThan(0);
    expect(res.headers['x-request-id']).toBe(res.body.correlationId);
  };

  beforeAll(async () => {
    api = await bootApi();
    adminAuth = await api.auth(DEMO.platformAdmin);
    agencyAdminAuth = await api.auth(DEMO.agencyAdmin);
    mataramId = await idOf(api.db, `SELECT id FROM agency WHERE code = 'kota-mataram'`);
  });
  afterAll(() => api.close());

  describe('request bodies', () => {
    it('answers 400 REQUEST.MALFORMED_JSON to broken JSON, in words, without the parser\u2019s internals', async () => {
      const res = await api.http
        .post('/api/auth/login')
        .set('Content-Type', 'application/json')
        .send('{"username": "198609262015051001",');
      expectError(res, 400, ErrorCode.MALFORMED_JSON);
      expect(res.body.message).toBe('Isi permintaan bukan JSON yang valid');
      const authed = await api.http
        .post('/api/agencies')
        .set(adminAuth)
        .set('Content-Type', 'application/json')
        .send("{code: 'x'}");
      expectError(authed, 400, ErrorCode.MALFORMED_JSON);
    });

    it('keeps the correlation id the client sent on a body the parser rejects', async () => {
      const res = await api.http
        .post('/api/auth/login')
        .set('Content-Type', 'application/json')
        .set('X-Request-Id', 'uji-korelasi-123')
        .send('{');
      expectError(res, 400, ErrorCode.MALFORMED_JSON);
      expect(res.body.correlationId).toBe('uji-korelasi-123');
    });

    it('names an unknown field', async () => {
      const res = await api.http
        .post('/api/auth/login')
        .send({ username: DEMO.learner, password: DEMO.password, isAdmin: true });
      expectError(res, 400, ErrorCode.VALIDATION_FAILED);
      expect(res.body.message).toContain('isAdmin');
      expect(res.body.details).toEqual(expect.arrayContaining([expect.stringContaining('isAdmin')]));
    });

    it('names a field of the wrong type', async () => {
      const login = await api.http.post('/api/auth/login').send({ username: 12345, password: DEMO.password });
      expectError(login, 400, ErrorCode.VALIDATION_FAILED);
      expect(login.body.message).toContain('username');

      const employeeId = await idOf(api.db, `SELECT id FROM employee WHERE nip = $1`, [DEMO.learner]);
      const patch = await api.http
        .patch(`/api/employees/${employeeId}`)
        .set(agencyAdminAuth)
        .send({ active: 'ya', fullName: ['a', 'b'] });
      expectError(patch, 400, ErrorCode.VALIDATION_FAILED);
      expect(patch.body.message).toContain('active');
      expect(patch.body.message).toContain('fullName');

      const nested = await api.http.post('/api/auth/login').send({ username: { $ne: null }, password: { $gt: '' } });
      expectError(nested, 400, ErrorCode.VALIDATION_FAILED);
    });

    it('lists every missing required field', async () => {
      const res = await api.http.post('/api/agencies').set(adminAuth).send({});
      expectError(res, 400, ErrorCode.VALIDATION_FAILED);
      for (const field of ['code', 'name', 'level', 'timeZone']) expect(res.body.message).toContain(field);
      expect(Array.isArray(res.body.details)).toBe(true);
    });

    it('answers 413 REQUEST.PAYLOAD_TOO_LARGE to a JSON body over 1 MB', async () => {
      const res = await api.http
        .post('/api/auth/login')
        .send({ username: DEMO.learner, password: 'x'.repeat(1024 * 1024 + 1) });
      expectError(res, 413, ErrorCode.PAYLOAD_TOO_LARGE);
      const authed = await api.http
        .post('/api/agencies')
        .set(adminAuth)
        .send({ code: 'besar', name: 'y'.repeat(1_100_000) });
      expectError(authed, 413, ErrorCode.PAYLOAD_TOO_LARGE);
    });

    it('answers 400 to a body nested deeper than any real request (validation would otherwise overflow the stack)', async () => {
      const res = await api.http
        .post('/api/auth/login')
        .set('Content-Type', 'application/json')
        .send('{"a":' + '['.repeat(5000) + ']'.repeat(5000) + '}');
      expectError(res, 400, ErrorCode.VALIDATION_FAILED);
      expect(res.body.message).toMatch(/bertingkat/);
      // A top-level array is refused before its depth is even looked at: no operation takes a list.
      expectError(
        await api.http
          .post('/api/auth/login')
          .set('Content-Type', 'application/json')
          .send('['.repeat(5000) + ']'.repeat(5000)),
        400,
        ErrorCode.VALIDATION_FAILED,
      );
      let deepObject = '1';
      for (let i = 0; i < 3000; i++) deepObject = `{"a":${deepObject}}`;
      expectError(
        await api.http
          .patch(`/api/agencies/${mataramId}`)
          .set(adminAuth)
          .set('Content-Type', 'application/json')
          .send(deepObject),
        400,
        ErrorCode.VALIDATION_FAILED,
      );
    });

    it('answers 400 to a body that claims gzip but is not', async () => {
      const res = await api.http
        .post('/api/auth/login')
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', 'gzip')
        .send('bukan gzip');
      expectError(res, 400);
    });

    it('answers 415 to a charset or encoding it cannot read', async () => {
      const charset = await api.http
        .post('/api/auth/login')
        .set('Content-Type', 'application/json; charset=latin9')
        .send('{"username":"a","password":"b"}');
      expectError(charset, 415);
      const encoding = await api.http
        .post('/api/auth/login')
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', 'zstd-x')
        .send('{}');
      expectError(encoding, 415);
    });

    it('accepts a body just under the limit and judges it on its content', async () => {
      const res = await api.http
        .post('/api/auth/login')
        .send({ username: DEMO.learner, password: 'x'.repeat(1000 * 1000) });
      expectError(res, 400, ErrorCode.VALIDATION_FAILED);
      expect(res.body.message).toContain('password');
    });
  });

  describe('POST /api/employees with a bad NIP', () => {
    const create = (nip: string, employeeType = 'PNS') =>
      api.http
        .post('/api/employees')
        .set(agencyAdminAuth)
        .send({ agencyId: mataramId, nip, employeeType, fullName: 'Baiq Nurul Aini' });

    it.each([
      ['too short', '19860926201505100', /18 digit/],
      ['letters', '19860926201505100A', /18 digit/],
      ['serial 000', '198609262015051000', /000/],
      ['no such birth date', '198602302015051001', /lahir/i],
      ['sex digit 3', '198609262015053001', /jenis kelamin.*1 .*2/i],
      ['TMT CPNS month 13', '198609262015131001', /TMT CPNS/],
    ])('answers 400 EMPLOYEE.INVALID_NIP with the reason (%s)', async (_label, nip, reason) => {
      const res = await create(nip);
      expectError(res, 400, ErrorCode.EMPLOYEE_INVALID_NIP);
      expect(res.body.message).toMatch(reason);
      expect(res.body.message).toContain(nip);
    });

    it('does not store anything for a bad NIP', async () => {
      await create('198609262015051000');
      const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM employee WHERE nip = '198609262015051000'`);
      expect(n).toBe(0);
    });
  });

  describe('path ids and paging', () => {
    it.each([
      ['GET', '/api/employees/123'],
      ['GET', '/api/employees/not-a-uuid/roles'],
      ['GET', '/api/agencies/abc'],
      ['GET', "/api/agencies/1' OR '1'='1/units"],
      ['PATCH', '/api/units/xyz'],
      ['GET', '/api/employee-imports/%20'],
      ['DELETE', '/api/role-assignments/0'],
    ])('answers 404 to %s %s (a non-UUID id cannot exist)', async (method, path) => {
      const res = await api.http[method.toLowerCase() as 'get' | 'patch' | 'delete'](path)
        .set(adminAuth)
        .send(method === 'PATCH' ? { name: 'Unit Baru' } : undefined);
      expectError(res, 404, ErrorCode.NOT_FOUND);
    });

    it('answers 404 to a well-formed UUID that does not exist', async () => {
      expectError(await api.http.get(`/api/employees/${randomUUID()}`).set(adminAuth), 404);
    });

    it.each([
      ['page=0', 'page'],
      ['page=-1', 'page'],
      ['page=abc', 'page'],
      ['page=1.5', 'page'],
      ['page=1&page=2', 'page'],
      ['pageSize=0', 'pageSize'],
      ['pageSize=1000', 'pageSize'],
      ['pageSize=', 'pageSize'],
      ['q=a&q=b', 'q'],
    ])('answers 400 naming the parameter to ?%s', async (query, param) => {
      for (const path of ['/api/employees', '/api/agencies', '/api/audit-logs']) {
        const res = await api.http.get(`${path}?${query}`).set(adminAuth);
        expectError(res, 400, ErrorCode.VALIDATION_FAILED);
        expect(res.body.message).toContain(param);
      }
    });

    it('pages normally within the limits', async () => {
      const res = await api.http.get('/api/employees?page=2&pageSize=100').set(adminAuth);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ page: 2, pageSize: 100, total: 300 });
      expect(res.body.items).toHaveLength(100);
    });

    it('answers 400, not 500, to a filter that is not a UUID', async () => {
      const res = await api.http.get('/api/employees?agencyId=kota-mataram').set(adminAuth);
      expectError(res, 400, ErrorCode.VALIDATION_FAILED);
      expect(res.body.message).toContain('agencyId');
    });
  });

  describe('unknown routes', () => {
    it.each([
      ['GET', '/api/tidak-ada'],
      ['POST', '/api/employees/bulk-delete'],
      ['PUT', '/api/agencies'],
    ])('answers 404 in our error shape to %s %s', async (method, path) => {
      const res = await api.http[method.toLowerCase() as 'get' | 'post' | 'put'](path).set(adminAuth);
      expectError(res, 404, ErrorCode.NOT_FOUND);
      expect(res.body.message).toContain(path);
    });

    it('answers 404 to an unknown route without a token too', async () => {
      expectError(await api.http.get('/api/tidak-ada'), 404, ErrorCode.NOT_FOUND);
    });
  });

  describe('every JSON operation in the OpenAPI document survives junk bodies', () => {
    /** Bodies a client could send by mistake or on purpose. */
    const JUNK: Array<[string, (req: ReturnType<TestApi['http']['post']>) => ReturnType<TestApi['http']['post']>]> = [
      ['an unknown field', (r) => r.send({ unexpected: 1 })],
      ['an empty array', (r) => r.send([])],
      ['an array of objects', (r) => r.send([{ unexpected: 1 }])],
      ['a JSON string', (r) => r.set('Content-Type', 'application/json').send('"teks"')],
      ['a JSON null', (r) => r.set('Content-Type', 'application/json').send('null')],
      ['plain text', (r) => r.set('Content-Type', 'text/plain').send('teks')],
      [
        'deeply nested arrays',
        (r) => r.set('Content-Type', 'application/json').send('['.repeat(5000) + ']'.repeat(5000)),
      ],
      ['a __proto__ key', (r) => r.set('Content-Type', 'application/json').send('{"__proto__": {"isAdmin": true}}')],
    ];

    it('answers < 500 for each, in our error shape', async () => {
      const doc = (await api.http.get('/api/docs-json')).body as OpenApiDoc;
      const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.entries(ops)
          .filter(([, op]) => op.requestBody?.content?.['application/json'])
          .map(([method, op]) => ({ method, path: path.replace(/\{[^}]+\}/g, () => randomUUID()), op })),
      );
      expect(operations.length).toBeGreaterThanOrEqual(10);
      const failures: string[] = [];
      for (const { method, path } of operations) {
        for (const [label, send] of JUNK) {
          const req = api.http[method as 'post' | 'put' | 'patch' | 'delete'](path).set(adminAuth);
          const res = await send(req);
          const wellFormed = typeof res.body?.code === 'string' && res.body.correlationId;
          if (res.status >= 500 || res.status < 400 || !wellFormed)
            failures.push(
              `${method.toUpperCase()} ${path} with ${label}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`,
            );
        }
      }
      expect(failures).toEqual([]);
    });
  });
});
