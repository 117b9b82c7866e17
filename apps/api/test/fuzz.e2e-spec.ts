import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createDraftCourse, seedPublishedCourse, type TestApi } from '@kompeten/server-testing';
import { bootApi, DEMO } from './app';

/**
 * OpenAPI-driven fuzzing (issue 12): every operation of /api/docs-json gets no token, forged tokens, malformed and
 * mistyped bodies, control characters in strings, query parameters and path segments, huge and top-level arrays.
 * Two rules hold for every answer: never 5xx, and never 2xx without a valid token on a secured operation; every
 * 4xx answers our error shape. Seeded, so a failure names an operation and a case that can be replayed.
 */

type Schema = {
  $ref?: string;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  nullable?: boolean;
};
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  security?: Array<Record<string, string[]>>;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}
interface Op {
  key: string;
  method: string;
  path: string;
  op: Operation;
  secured: boolean;
  jsonBody?: Schema;
  multipart?: Schema;
}
interface Answer {
  status: number;
  body: unknown;
  text: string;
}

const SEED = 0x4b6f6d70; // "Komp"
const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);
/** Operations that end the caller's session: their "valid token" cases use a throwaway login, never the shared one. */
/** Operations a learner performs on their own enrolments and attempts. */
const LEARNER_PATHS = /^\/api\/(enrolments|attempts|me)\b/;
const SESSION_ENDING = new Set(['POST /api/auth/logout', 'POST /api/auth/change-password']);

/** mulberry32: a small deterministic generator, so every run sends the same requests. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(next() * 16).toString(16)).join('');
  return {
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(next() * 4)]}${hex(3)}-${hex(12)}`,
  };
}

const b64url = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
const jwt = (header: object, payload: object, secret: string | null) => {
  const unsigned = `${b64url(header)}.${b64url(payload)}`;
  return `${unsigned}.${secret === null ? '' : createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
};

// Some 3,000 requests: about 20 s of CPU, but minutes of wall time when the machine is shared; the bound is checked below.
jest.setTimeout(180_000);

describe('OpenAPI fuzzing: no 5xx, no unauthenticated 2xx', () => {
  let api: TestApi;
  let base: string;
  let ops: Op[];
  let doc: OpenApiDoc;
  const tokens: Record<'admin' | 'learner', string> = { admin: '', learner: '' };
  /** Real ids of the seeded world by the path segment before the parameter, so cases reach past the 404s. */
  const realIds = new Map<string, string>();
  const rng = prng(SEED);
  let requests = 0;

  const resolve = (s: Schema | undefined): Schema | undefined =>
    s?.$ref ? resolve(doc.components.schemas[s.$ref.replace('#/components/schemas/', '')]) : s;
  const propertiesOf = (s: Schema | undefined): Record<string, Schema> => {
    const r = resolve(s);
    if (!r) return {};
    return Object.assign({}, ...(r.allOf ?? []).map(propertiesOf), r.properties ?? {});
  };
  /** A plausible value for a schema: its example, its first enum value, or one of its type. */
  const sample = (s: Schema | undefined, depth = 0): unknown => {
    const r = resolve(s);
    if (!r || depth > 4) return 'uji';
    if (r.example !== undefined) return r.example;
    if (r.enum?.length) return r.enum[0];
    const alt = r.oneOf ?? r.anyOf;
    if (alt?.length) return sample(alt[0], depth + 1);
    if (r.type === 'array') return [sample(r.items, depth + 1)];
    if (r.type === 'integer' || r.type === 'number') return 1;
    if (r.type === 'boolean') return true;
    if (r.type === 'string')
      return r.format === 'uuid'
        ? rng.uuid()
        : r.format === 'date-time'
          ? '2026-05-01T08:00:00.000Z'
          : r.format === 'date'
            ? '2026-05-01'
            : 'Uji Kompeten';
    const props = propertiesOf(r);
    return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, sample(v, depth + 1)]));
  };

  const pathFor = (o: Op, override: Record<string, string> = {}, real = true) =>
    o.path.replace(/\{(\w+)\}/g, (_m, name: string, offset: number) => {
      if (override[name] !== undefined) return override[name];
      const segment = o.path.slice(0, offset).split('/').filter(Boolean).pop() ?? '';
      return (real && realIds.get(segment)) || rng.uuid();
    });

  async function send(
    method: string,
    path: string,
    init: { token?: string | null; body?: string | FormData; contentType?: string } = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (init.token) headers.Authorization = `Bearer ${init.token}`;
    if (init.contentType) headers['Content-Type'] = init.contentType;
    requests++;
    const res = await fetch(`${base}${path}`, { method: method.toUpperCase(), headers, body: init.body });
    const text = await res.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = null;
    }
    return { status: res.status, body, text };
  }

  /** The two rules, plus the error shape on every 4xx; returns a failure line or null. */
  function judge(o: Op, label: string, a: Answer, authenticated: boolean): string | null {
    const where = `${o.key} [${label}] → ${a.status} ${a.text.slice(0, 160)}`;
    if (a.status >= 500) return where;
    if (!authenticated && o.secured && a.status < 300) return `${where} (unauthenticated success)`;
    if (a.status >= 400) {
      const b = a.body as { code?: unknown; message?: unknown; correlationId?: unknown } | null;
      if (!b || typeof b.code !== 'string' || typeof b.message !== 'string' || typeof b.correlationId !== 'string')
        return `${where} (not our error shape)`;
    }
    return null;
  }

  beforeAll(async () => {
    api = await bootApi();
    await api.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
    tokens.admin = (await api.login(DEMO.platformAdmin)).accessToken;
    tokens.learner = (await api.login(DEMO.learner)).accessToken;

    // A draft course (for authoring routes) and a published one the learner is enrolled in (for learning routes).
    const draftId = (await createDraftCourse(api.db, { authorNips: [DEMO.widyaiswara] })).courseId;
    const published = await seedPublishedCourse(api.db);
    const enrolment = await send('post', `/api/courses/${published.courseId}/enrolments`, {
      token: tokens.learner,
      body: '{}',
      contentType: 'application/json',
    });
    const one = async (sql: string, params: unknown[] = []) =>
      ((await api.db.query(sql, params))[0]?.id as string | undefined) ?? undefined;
    const ids: Record<string, string | undefined> = {
      agencies: await one(`SELECT id FROM agency WHERE code = 'kota-mataram'`),
      employees: await one(`SELECT id FROM employee WHERE nip = $1`, [DEMO.learner]),
      units: await one(`SELECT id FROM work_unit LIMIT 1`),
      courses: draftId,
      catalog: published.courseId,
      enrolments: (enrolment.body as { id?: string } | null)?.id ?? (await one(`SELECT id FROM enrolment LIMIT 1`)),
      lessons: Object.values(published.lesson)[0],
    };
    for (const [segment, id] of Object.entries(ids)) if (id) realIds.set(segment, id);

    doc = (await send('get', '/api/docs-json')).body as OpenApiDoc;
    ops = Object.entries(doc.paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod)
        .filter(([method]) => HTTP_METHODS.has(method))
        .map(([method, op]) => ({
          key: `${method.toUpperCase()} ${path}`,
          method,
          path,
          op,
          secured: (op.security ?? []).some((s) => 'bearer' in s),
          jsonBody: op.requestBody?.content?.['application/json']?.schema,
          multipart: op.requestBody?.content?.['multipart/form-data']?.schema,
        })),
    );
  });
  afterAll(() => api?.close());

  it('reads every operation from the OpenAPI document', () => {
    expect(ops.length).toBeGreaterThanOrEqual(80);
    expect(ops.filter((o) => o.jsonBody).length).toBeGreaterThanOrEqual(30);
  });

  it('answers no token and forged tokens with 401 on every secured operation, and never 5xx', async () => {
    const claims = JSON.parse(Buffer.from(tokens.admin.split('.')[1], 'base64url').toString()) as Record<
      string,
      unknown
    >;
    const now = Math.floor(Date.now() / 1000);
    const forged: Array<[string, string | null]> = [
      ['no token', null],
      ['garbage token', 'bukan.token.jwt'],
      ['alg none with admin claims', jwt({ alg: 'none', typ: 'JWT' }, claims, null)],
      [
        'admin claims signed with another secret',
        jwt({ alg: 'HS256', typ: 'JWT' }, claims, 'rahasia-lain-yang-cukup-panjang-untuk-hs256'),
      ],
      [
        'expired token signed with the real secret',
        jwt({ alg: 'HS256', typ: 'JWT' }, { ...claims, iat: now - 7200, exp: now - 3600 }, api.config.jwtSecret),
      ],
      [
        'refresh-typed token signed with the real secret',
        jwt({ alg: 'HS256', typ: 'JWT' }, { ...claims, typ: 'refresh' }, api.config.jwtSecret),
      ],
    ];
    const failures: string[] = [];
    for (const o of ops) {
      for (const [label, token] of forged) {
        const body = o.jsonBody ? JSON.stringify(sample(o.jsonBody)) : undefined;
        // Random ids in the path: a forged token that got through must not be able to touch real rows.
        const a = await send(o.method, pathFor(o, {}, false), {
          token,
          body,
          contentType: body ? 'application/json' : undefined,
        });
        const failure = judge(o, label, a, false);
        if (failure) failures.push(failure);
        else if (o.secured) expect({ op: o.key, label, status: a.status }).toEqual({ op: o.key, label, status: 401 });
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers malformed, mistyped, oversized and control-character bodies with 4xx on every JSON operation', async () => {
    const failures: string[] = [];
    const wrongValues: unknown[] = [
      12345,
      -1,
      1e308,
      true,
      {},
      [],
      null,
      'teks',
      [{}],
      { $ne: null },
      'x'.repeat(10_000),
    ];
    const hugeArray = `[${Array(100_000).fill('{}').join(',')}]`;
    for (const o of ops.filter((x) => x.jsonBody)) {
      if (SESSION_ENDING.has(o.key)) continue; // covered below with a throwaway session
      // Bodies are validated before any role check, so one caller per operation: the learner where learners act.
      for (const who of [LEARNER_PATHS.test(o.path) ? 'learner' : 'admin'] as const) {
        const token = tokens[who];
        const path = pathFor(o);
        const valid = sample(o.jsonBody) as Record<string, unknown>;
        const cases: Array<[string, string]> = [
          ['malformed JSON', '{"a":'],
          ['top-level array', '[{}]'],
          ['unknown property', JSON.stringify({ ...valid, tidakDikenal: 1 })],
        ];
        // The huge bodies are refused before authentication, whoever sends them.
        cases.push(
          ['100,000-element top-level array', hugeArray],
          ['100,000-element nested array', `{"items":${hugeArray}}`],
        );
        for (const [prop, schema] of Object.entries(propertiesOf(o.jsonBody))) {
          const r = resolve(schema);
          // null for every property, not only when the random pick lands on it: `@IsOptional()` lets null through to
          // a NOT NULL column unless the field is declared nullable or omittable (IsOmittable).
          cases.push([`${prop} = null`, JSON.stringify({ ...valid, [prop]: null })]);
          cases.push([`${prop} = NUL string`, JSON.stringify({ ...valid, [prop]: 'a\u0000b' })]);
          cases.push([`${prop} = other control character`, JSON.stringify({ ...valid, [prop]: 'a\u0001\u001bb' })]);
          cases.push([
            `${prop} = ${rng.pick(['wrong type', 'odd value'])}`,
            JSON.stringify({ ...valid, [prop]: rng.pick(wrongValues) }),
          ]);
          if (r?.type === 'array') {
            cases.push([
              `${prop} = 5,001 items`,
              JSON.stringify({ ...valid, [prop]: Array(5001).fill(sample(r.items)) }),
            ]);
            cases.push([`${prop} = NUL item`, JSON.stringify({ ...valid, [prop]: ['a\u0000'] })]);
          }
          if (r?.type === 'string' && r.format === 'uuid')
            cases.push([`${prop} = not a uuid`, JSON.stringify({ ...valid, [prop]: "1' OR '1'='1" })]);
        }
        for (const [label, body] of cases) {
          const a = await send(o.method, path, { token, body, contentType: 'application/json' });
          const failure = judge(o, `${who}: ${label}`, a, true);
          if (failure) failures.push(failure);
          // Control characters are refused outright, whatever the operation.
          if (/NUL|control/.test(label) && a.status < 400)
            failures.push(`${o.key} [${who}: ${label}] accepted a control character: ${a.status}`);
          if (/100,000|top-level/.test(label) && a.status !== 400)
            failures.push(`${o.key} [${who}: ${label}] → ${a.status}, expected 400`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers control characters and junk in path segments and query parameters with 4xx on every operation', async () => {
    const failures: string[] = [];
    for (const o of ops) {
      if (SESSION_ENDING.has(o.key)) continue;
      // Operations that change state without a body get random ids: a query case must never act on a real row.
      const real = o.method === 'get' || !!o.jsonBody || !!o.multipart;
      const body = o.jsonBody ? JSON.stringify(sample(o.jsonBody)) : undefined;
      const contentType = body ? 'application/json' : undefined;
      const cases: Array<[string, string, boolean]> = [];
      for (const p of (o.op.parameters ?? []).filter((x) => x.in === 'path')) {
        cases.push([`path ${p.name} = NUL`, pathFor(o, { [p.name]: '%00' }, real), true]);
        cases.push([`path ${p.name} = escape character`, pathFor(o, { [p.name]: 'a%1Bb' }, real), true]);
        cases.push([`path ${p.name} = not a uuid`, pathFor(o, { [p.name]: 'bukan-uuid' }, real), false]);
        cases.push([`path ${p.name} = broken percent-encoding`, pathFor(o, { [p.name]: '%E0%A4%A' }, real), false]);
      }
      for (const p of (o.op.parameters ?? []).filter((x) => x.in === 'query')) {
        const path = pathFor(o, {}, real);
        cases.push([`query ${p.name} = NUL`, `${path}?${p.name}=a%00b`, true]);
        cases.push([`query ${p.name} = control character`, `${path}?${p.name}=%07`, true]);
        cases.push([`query ${p.name} repeated`, `${path}?${p.name}=1&${p.name}=2`, false]);
        cases.push([`query ${p.name} = ${'long text'}`, `${path}?${p.name}=${'x'.repeat(4000)}`, false]);
        cases.push([
          `query ${p.name} = odd value`,
          `${path}?${p.name}=${encodeURIComponent(String(rng.pick(['-1', '1e999', '[]', '{}', "' OR 1=1 --", '99999999999999999999'])))}`,
          false,
        ]);
      }
      cases.push(['unknown query parameter with NUL', `${pathFor(o, {}, real)}?tidakDikenal=%00`, true]);
      for (const [label, path, mustRefuse] of cases) {
        const a = await send(o.method, path, { token: tokens.admin, body, contentType });
        const failure = judge(o, label, a, true);
        if (failure) failures.push(failure);
        else if (mustRefuse && a.status !== 400) failures.push(`${o.key} [${label}] → ${a.status}, expected 400`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers control characters in multipart fields and files with 4xx', async () => {
    const failures: string[] = [];
    for (const o of ops.filter((x) => x.multipart)) {
      const props = propertiesOf(o.multipart);
      const fileField = Object.entries(props).find(([, s]) => resolve(s)?.format === 'binary')?.[0] ?? 'file';
      const textFields = Object.keys(props).filter((k) => k !== fileField);
      const form = (fields: Record<string, string>, file?: { name: string; content: string; type: string }) => {
        const f = new FormData();
        for (const [k, v] of Object.entries(fields)) f.append(k, v);
        if (file) f.append(fileField, new Blob([file.content], { type: file.type }), file.name);
        return f;
      };
      const base = Object.fromEntries(textFields.map((k) => [k, String(sample(props[k]))]));
      const cases: Array<[string, FormData]> = [
        ['no file', form(base)],
        [
          'CSV file with NUL bytes',
          form(base, { name: 'pegawai.csv', content: 'nip,nama\n1986\u0000,Budi\u0000\n', type: 'text/csv' }),
        ],
        [
          'file name with a control character',
          form(base, { name: 'a\u0001b.pdf', content: '%PDF-1.4\n', type: 'application/pdf' }),
        ],
        ...textFields.map((k): [string, FormData] => [
          `${k} = NUL`,
          form({ ...base, [k]: 'a\u0000b' }, { name: 'a.pdf', content: '%PDF-1.4\n', type: 'application/pdf' }),
        ]),
      ];
      for (const [label, body] of cases) {
        for (const token of [null, tokens.admin, tokens.learner]) {
          const a = await send(o.method, pathFor(o, {}, token !== null), { token, body });
          const failure = judge(o, `${token ? 'token' : 'no token'}: ${label}`, a, token !== null);
          if (failure) failures.push(failure);
          if (token && label.includes(' = NUL') && a.status < 400)
            failures.push(`${o.key} [${label}] accepted a control character: ${a.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('fuzzes the session-ending operations on a throwaway session', async () => {
    const failures: string[] = [];
    for (const o of ops.filter((x) => SESSION_ENDING.has(x.key))) {
      const session = await api.login(DEMO.supervisor);
      const valid = sample(o.jsonBody) as Record<string, unknown>;
      const cases: Array<[string, string]> = [
        ['malformed JSON', '{'],
        ['top-level array', '[]'],
        ...Object.keys(propertiesOf(o.jsonBody)).flatMap((prop): Array<[string, string]> => [
          [`${prop} = NUL string`, JSON.stringify({ ...valid, [prop]: 'a\u0000b' })],
          [`${prop} = wrong type`, JSON.stringify({ ...valid, [prop]: { $gt: '' } })],
        ]),
      ];
      for (const [label, body] of cases) {
        const a = await send(o.method, o.path, { token: session.accessToken, body, contentType: 'application/json' });
        const failure = judge(o, label, a, true);
        if (failure) failures.push(failure);
        else if (a.status !== 400) failures.push(`${o.key} [${label}] → ${a.status}, expected 400`);
      }
    }
    expect(failures).toEqual([]);
    // Bounded: the whole step stays well under two minutes on two shared cores.
    expect(requests).toBeLessThan(20_000);
  });
});
