import { randomUUID } from 'node:crypto';
import { ErrorCode } from '@kompeten/shared-contracts';
import { type TestApi } from '@kompeten/server-testing';
import { bootApi } from './app';

type Schema = {
  $ref?: string;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  properties?: Record<string, Schema>;
  items?: Schema;
  type?: string;
  maximum?: number;
};
interface Parameter {
  name: string;
  in: string;
  schema?: Schema;
}
interface Operation {
  summary?: string;
  security?: Array<Record<string, string[]>>;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema>; securitySchemes?: Record<string, { type: string; scheme?: string }> };
}

/** Routes anyone may call without a token. */
const PUBLIC = new Set([
  'GET /api/health',
  'POST /api/auth/login',
  'POST /api/auth/refresh',
  'POST /api/auth/logout',
  'GET /api/employee-imports/template.csv',
  // Issue 12: the setup-link token is the credential.
  'POST /api/auth/setup-link/lookup',
  'POST /api/auth/setup-link/complete',
  // Issue 15: "Lupa kata sandi" is asked before signing in.
  'POST /api/auth/password-reset-requests',
  // Issue 17: the certificate verification page (the QR code) and the keys that verify credentials.
  'GET /api/public/certificates/{id}',
  'POST /api/public/certificates/{id}/check',
  'GET /api/public/certificate-keys/{keyId}',
  'GET /api/public/certificate-logos/{sha256}',
  // Issue 18: calendar feeds for calendar apps; the private feed's token is its credential (decision 0040).
  'GET /api/public/calendar/agencies/{agencyId}.ics',
  'GET /api/public/calendar/feeds/{token}.ics',
]);
const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** The OpenAPI document is the contract clients are generated from: it must list every real route, fully described. */
describe('OpenAPI document', () => {
  let api: TestApi;
  let doc: OpenApiDoc;
  let operations: Array<{ key: string; method: string; path: string; op: Operation }>;

  const resolve = (schema: Schema | undefined): Schema | undefined => {
    if (!schema?.$ref) return schema;
    return resolve(doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')]);
  };
  /** The properties an object schema ends up with, through $ref and allOf. */
  const propertiesOf = (schema: Schema | undefined): Record<string, Schema> => {
    const s = resolve(schema);
    if (!s) return {};
    return Object.assign({}, ...(s.allOf ?? []).map(propertiesOf), s.properties ?? {});
  };

  beforeAll(async () => {
    api = await bootApi({ seed: false });
    const res = await api.http.get('/api/docs-json');
    expect(res.status).toBe(200);
    doc = res.body as OpenApiDoc;
    operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([method]) => HTTP_METHODS.has(method))
        .map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, method, path, op })),
    );
  });
  afterAll(() => api.close());

  it('lists every route the server answers, with the same method, and nothing else', () => {
    // Express 5 keeps its routes in app.router.stack; middleware layers have no `route`,
    // and Nest's middleware bindings show up as routes accepting every method.
    const express = api.app.getHttpAdapter().getInstance() as {
      router: { stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }> };
    };
    const registered = express.router.stack
      .filter(
        (layer) => layer.route && layer.route.path.startsWith('/api/') && !layer.route.path.startsWith('/api/docs'),
      )
      .flatMap((layer) => {
        const route = layer.route as { path: string; methods: Record<string, boolean> };
        const methods = Object.keys(route.methods).filter((m) => route.methods[m] && m !== '_all');
        if (methods.length > HTTP_METHODS.size) return []; // a catch-all middleware binding, not an endpoint
        return methods.map((m) => `${m.toUpperCase()} ${route.path.replace(/:(\w+)/g, '{$1}')}`);
      });
    expect(registered.length).toBeGreaterThanOrEqual(20);
    expect([...new Set(registered)].sort()).toEqual(operations.map((o) => o.key).sort());
  });

  it('gives every operation a summary', () => {
    const missing = operations
      .filter(({ op }) => typeof op.summary !== 'string' || op.summary.trim().length < 5)
      .map((o) => o.key);
    expect(missing).toEqual([]);
  });

  it('declares bearer security on every non-public operation, and none on public ones', () => {
    expect(doc.components.securitySchemes?.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    const bearer = (op: Operation) => (op.security ?? []).some((s) => 'bearer' in s);
    expect(operations.filter((o) => !PUBLIC.has(o.key) && !bearer(o.op)).map((o) => o.key)).toEqual([]);
    expect(operations.filter((o) => PUBLIC.has(o.key) && bearer(o.op)).map((o) => o.key)).toEqual([]);
    // The public list names real operations.
    expect([...PUBLIC].filter((k) => !operations.some((o) => o.key === k))).toEqual([]);
  });

  it('matches what the server enforces: secured operations answer 401 without a token, public ones do not', async () => {
    const mismatches: string[] = [];
    for (const { key, method, path } of operations) {
      const url = path.replace(/\{[^}]+\}/g, () => randomUUID());
      const res = await api.http[method as 'get' | 'post' | 'put' | 'patch' | 'delete'](url).send(
        method === 'get' || method === 'delete' ? undefined : {},
      );
      const refused = res.status === 401 && res.body.code === ErrorCode.AUTH_UNAUTHENTICATED;
      if (PUBLIC.has(key) === refused || res.status >= 500)
        mismatches.push(`${key}: ${res.status} ${res.body?.code ?? ''}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('documents 401 on every operation that needs a token, and not on public reads that take no credentials', () => {
    // (login and refresh are public yet rightly answer 401 to wrong credentials.)
    const publicWith401 = operations
      .filter((o) => PUBLIC.has(o.key) && o.method === 'get' && o.op.responses['401'])
      .map((o) => o.key);
    const securedWithout401 = operations.filter((o) => !PUBLIC.has(o.key) && !o.op.responses['401']).map((o) => o.key);
    expect({ publicWith401, securedWithout401 }).toEqual({ publicWith401: [], securedWithout401: [] });
  });

  it('gives every 2xx response of a GET a schema', () => {
    const missing: string[] = [];
    for (const { key, method, op } of operations) {
      if (method !== 'get') continue;
      const ok = Object.entries(op.responses).filter(([status]) => /^2\d\d$/.test(status));
      if (ok.length === 0) missing.push(`${key}: no 2xx response`);
      for (const [status, response] of ok) {
        const media = Object.values(response.content ?? {});
        if (media.length === 0 || media.some((m) => !m.schema)) missing.push(`${key} ${status}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('documents page and pageSize (max 100) on every list', () => {
    const lists = operations.filter(
      ({ method, op }) =>
        method === 'get' &&
        Object.entries(op.responses).some(
          ([s, r]) => /^2/.test(s) && 'items' in propertiesOf(r.content?.['application/json']?.schema),
        ),
    );
    expect(lists.map((l) => l.key)).toEqual(
      expect.arrayContaining(['GET /api/employees', 'GET /api/agencies', 'GET /api/audit-logs']),
    );
    const problems: string[] = [];
    for (const { key, op } of lists) {
      const query = new Map((op.parameters ?? []).filter((p) => p.in === 'query').map((p) => [p.name, p]));
      if (!query.has('page')) problems.push(`${key}: no page`);
      if (!query.has('pageSize')) problems.push(`${key}: no pageSize`);
      else if (query.get('pageSize')?.schema?.maximum !== 100)
        problems.push(`${key}: pageSize maximum ${query.get('pageSize')?.schema?.maximum}`);
      const meta = propertiesOf(op.responses['200']?.content?.['application/json']?.schema);
      for (const field of ['items', 'total', 'page', 'pageSize'])
        if (!(field in meta)) problems.push(`${key}: response lacks ${field}`);
    }
    expect(problems).toEqual([]);
  });

  it('has no dangling schema references', () => {
    const refs = new Set<string>();
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) {
          if (k === '$ref' && typeof v === 'string') refs.add(v);
          else walk(v);
        }
      }
    };
    walk(doc);
    const dangling = [...refs].filter((r) => !doc.components.schemas[r.replace('#/components/schemas/', '')]);
    expect(dangling).toEqual([]);
  });

  it('serves the Swagger UI at /api/docs as HTML whose scripts and styles load under our CSP', async () => {
    const res = await api.http.get('/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('<title>Kompeten API</title>');
    expect(res.text).toContain('id="swagger-ui"');
    // script-src 'self': an inline script would be blocked, so every script must come from a file we serve.
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    const scripts = [...res.text.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((attrs) => !/\bsrc=/.test(attrs))).toEqual([]);
    const assets = [...res.text.matchAll(/<(?:script|link rel="stylesheet")[^>]*(?:src|href)="([^"]+)"/g)].map(
      (m) => new URL(m[1], 'http://x/api/docs').pathname,
    );
    expect(assets.length).toBeGreaterThanOrEqual(3);
    for (const asset of assets) {
      const a = await api.http.get(asset);
      expect({ asset, status: a.status }).toEqual({ asset, status: 200 });
    }
  });
});
