// A small keep-alive JSON client for the load generator (node:http, no dependencies) and latency bookkeeping.
import http from 'node:http';

export class HttpError extends Error {
  constructor(method, path, status, body) {
    super(`${method} ${path} → ${status}: ${String(body).slice(0, 300)}`);
    this.status = status;
    this.body = body;
  }
}

/**
 * One client = one connection pool (an http.Agent with `connections` sockets, keep-alive). Every request resolves to
 * { status, body, ms } and never rejects on an HTTP status; network errors resolve with status 0 and the error text.
 */
export class Client {
  constructor(baseUrl, { connections = 10, keepAlive = true, timeoutMs = 60_000 } = {}) {
    const u = new URL(baseUrl);
    this.host = u.hostname;
    this.port = Number(u.port || 80);
    this.timeoutMs = timeoutMs;
    this.agent = new http.Agent({
      keepAlive,
      maxSockets: connections,
      maxFreeSockets: connections,
      scheduling: 'fifo',
    });
  }

  request(method, path, { token, body } = {}) {
    const data = body === undefined ? null : Buffer.from(JSON.stringify(body));
    const headers = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (data) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = data.length;
    }
    const started = performance.now();
    return new Promise((resolve) => {
      const req = http.request(
        { host: this.host, port: this.port, path, method, headers, agent: this.agent },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode,
              body: Buffer.concat(chunks).toString('utf8'),
              ms: performance.now() - started,
            }),
          );
          res.on('error', (e) => resolve({ status: 0, body: String(e), ms: performance.now() - started }));
        },
      );
      req.setTimeout(this.timeoutMs, () => req.destroy(new Error(`timeout after ${this.timeoutMs} ms`)));
      req.on('error', (e) => resolve({ status: 0, body: String(e?.message ?? e), ms: performance.now() - started }));
      if (data) req.write(data);
      req.end();
    });
  }

  /** For setup steps: parsed JSON of a 2xx answer, or an HttpError. */
  async json(method, path, opts = {}) {
    const r = await this.request(method, path, opts);
    if (r.status < 200 || r.status >= 300) throw new HttpError(method, path, r.status, r.body);
    return r.body ? JSON.parse(r.body) : null;
  }

  close() {
    this.agent.destroy();
  }
}

/** Latencies (ms) by call name, plus errors with a few examples. */
export class Recorder {
  constructor() {
    this.calls = new Map();
    this.errors = 0;
    this.errorExamples = [];
    this.errorKinds = new Map();
  }

  add(name, ms) {
    let a = this.calls.get(name);
    if (!a) this.calls.set(name, (a = []));
    a.push(ms);
  }

  error(name, detail) {
    this.errors++;
    const kind = `${name}: ${String(detail).slice(0, 120)}`;
    this.errorKinds.set(kind, (this.errorKinds.get(kind) ?? 0) + 1);
    if (this.errorExamples.length < 5) this.errorExamples.push(`${name}: ${String(detail).slice(0, 400)}`);
  }

  all() {
    return [...this.calls.values()].flat();
  }

  summary() {
    const per = {};
    for (const [name, a] of this.calls) per[name] = stats(a);
    return {
      all: stats(this.all()),
      per,
      errors: this.errors,
      errorExamples: this.errorExamples,
      errorKinds: Object.fromEntries(this.errorKinds),
    };
  }
}

export function percentile(sorted, p) {
  if (!sorted.length) return null;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function stats(values) {
  const s = Float64Array.from(values).sort();
  const r = (x) => (x === null ? null : Math.round(x * 10) / 10);
  return {
    n: s.length,
    p50: r(percentile(s, 50)),
    p90: r(percentile(s, 90)),
    p99: r(percentile(s, 99)),
    max: r(s.length ? s[s.length - 1] : null),
  };
}

/** Runs `fn(item, index)` over items with at most `concurrency` in flight; returns results in order. */
export async function mapLimit(items, concurrency, fn) {
  const out = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  });
  await Promise.all(workers);
  return out;
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
