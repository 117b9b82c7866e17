// Runs Kompeten for the bench exactly as `npm start` does (tools/scripts/start.mjs --no-build) from a private copy of
// the production build, finds the API and worker processes, and samples their CPU and memory from /proc.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';

export const ROOT = new URL('../../..', import.meta.url).pathname.replace(/\/$/, '');
export const BENCH_TMP = join(ROOT, 'tmp/bench');
/** Several benches may run at once (each `npm test` runs the quick one): everything a run owns carries this id. */
export const RUN_ID = randomBytes(3).toString('hex');
const SNAPSHOT = join(BENCH_TMP, `run-${RUN_ID}`);
const BUILD_MARKERS = [
  'apps/api/apps/api/src/main.js',
  'apps/api/apps/api/src/cli.js',
  'apps/worker/apps/worker/src/main.js',
  'apps/api/libs/server/assessment/src/index.js',
  'apps/api/libs/server/enrolment/src/index.js',
  'apps/api/libs/server/learning/src/index.js',
];

export const log = (msg) => console.log(`\x1b[35m[bench]\x1b[0m ${msg}`);

export const ADMIN_PG = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/**
 * The command-line connection to the bench's PostgreSQL for psql and pgbench: host (a socket directory in ?host= wins,
 * as it does for node-postgres), port and user, and an environment with the password and, when `durable`, the app's
 * synchronous_commit=on.
 */
export function pgCommandLine({ durable = false } = {}) {
  const admin = new URL(ADMIN_PG);
  const args = [
    '-h',
    admin.searchParams.get('host') || admin.hostname,
    '-p',
    admin.port || '5432',
    '-U',
    decodeURIComponent(admin.username || 'postgres'),
  ];
  const env = { ...process.env, ...(durable ? { PGOPTIONS: '-c synchronous_commit=on' } : {}) };
  if (admin.password) env.PGPASSWORD = decodeURIComponent(admin.password);
  return { args, env };
}

/** What a pgbench run printed: transactions per second (without connecting), processed, failed, mean latency. */
export function pgbenchFigures(stdout) {
  return {
    perSecond: Number(
      stdout.match(/tps = ([\d.]+) \(without initial connection time\)/)?.[1] ?? stdout.match(/tps = ([\d.]+)/)?.[1],
    ),
    processed: Number(stdout.match(/number of transactions actually processed: (\d+)/)?.[1]),
    failed: Number(stdout.match(/number of failed transactions: (\d+)/)?.[1] ?? 0),
    latencyMs: Number(stdout.match(/latency average = ([\d.]+) ms/)?.[1]),
  };
}

export const dbUrl = (name) => {
  const u = new URL(ADMIN_PG);
  u.pathname = `/${name}`;
  return u.toString();
};

export async function withAdmin(fn) {
  const c = new pg.Client({ connectionString: ADMIN_PG });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export async function freshDatabase(name) {
  await withAdmin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${name}`);
  });
}

export async function dropDatabase(name) {
  await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

const buildComplete = (dist) => BUILD_MARKERS.every((m) => existsSync(join(dist, m)));

/**
 * Copies the production build (dist/apps/api, dist/apps/worker) and the start scripts into tmp/bench/root, so a rebuild
 * of dist/ by someone else during the run cannot pull files from under the running API. Builds first when dist/ is
 * missing or incomplete. start.mjs resolves everything from its own location, so the copy starts exactly like npm start.
 */
export function snapshotBuild({ build = false } = {}) {
  const dist = join(ROOT, 'dist');
  for (let tries = 0; ; tries++) {
    if (build || !buildComplete(dist)) {
      log(build ? 'Building (--build)' : 'dist/ is missing or incomplete: building api and worker');
      const r = spawnSync(
        process.execPath,
        [
          join(ROOT, 'node_modules/nx/dist/bin/nx.js'),
          'run-many',
          '-t',
          'build',
          '-p',
          'api',
          'worker',
          '--output-style=static',
        ],
        {
          cwd: ROOT,
          stdio: 'inherit',
          env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
        },
      );
      if (r.status !== 0) throw new Error('The build failed');
      build = false;
    }
    rmSync(SNAPSHOT, { recursive: true, force: true });
    mkdirSync(join(SNAPSHOT, 'dist/apps'), { recursive: true });
    try {
      for (const app of ['api', 'worker'])
        cpSync(join(dist, 'apps', app), join(SNAPSHOT, 'dist/apps', app), { recursive: true });
      cpSync(join(ROOT, 'tools/scripts'), join(SNAPSHOT, 'tools/scripts'), { recursive: true });
    } catch (e) {
      if (tries < 3) continue; // dist/ was being rebuilt while we copied: try again
      throw e;
    }
    if (buildComplete(join(SNAPSHOT, 'dist'))) return SNAPSHOT;
    if (tries >= 3) throw new Error('Could not take a complete copy of dist/ (is it being rebuilt in a loop?)');
  }
}

/** Removes this run's copy of the build. */
export function removeSnapshot() {
  rmSync(SNAPSHOT, { recursive: true, force: true });
}

const portFree = (port) =>
  new Promise((resolve) => {
    const srv = createServer()
      .once('error', () => resolve(false))
      .listen(port, '0.0.0.0', () => srv.close(() => resolve(true)));
  });

/** A free port whose successor is free too (the worker's health endpoint listens on PORT+1). */
export async function freePortPair(preferred) {
  for (let port = preferred; port < preferred + 200; port += 2)
    if ((await portFree(port)) && (await portFree(port + 1))) return port;
  throw new Error(`No two free ports from ${preferred}`);
}

export function gitInfo() {
  const run = (args) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' }).stdout?.trim() ?? '';
  const dirty = run(['status', '--porcelain']).split('\n').filter(Boolean);
  return { commit: run(['rev-parse', '--short', 'HEAD']), dirtyFiles: dirty.length };
}

/** Direct children of a pid (from /proc/<pid>/stat of every process). */
function childrenOf(pid) {
  const out = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) out.push(Number(d));
    } catch {
      /* gone */
    }
  }
  return out;
}

const cmdline = (pid) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
};

/**
 * Starts the platform: `node <snapshot>/tools/scripts/start.mjs --no-build` with the bench database, its own queue
 * prefix and JWT secret. Resolves once start.mjs prints KOMPETEN_READY, with the pids of the API and the worker.
 */
export async function startPlatform({
  root,
  port,
  database,
  jwtSecret,
  queuePrefix,
  nodeOptions,
  extraEnv = {},
  logFile,
}) {
  const env = {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: dbUrl(database),
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    JWT_SECRET: jwtSecret,
    QUEUE_PREFIX: queuePrefix,
    SEED_DEMO: 'true',
    STORAGE_DIR: join(SNAPSHOT, 'storage'),
    LOG_LEVEL: 'warn',
    SEED_DEMO_COURSES: 'false', // the bench authors its own course; the demo catalog would only add start-up time
    // The bench drives thousands of requests a second from 127.0.0.1 and a few users in closed loops, on purpose: far past
    // any real client's budget. Every request still pays for the count (decision 0010); the limits just never bite.
    RATE_LIMIT_PER_USER: '100000000',
    RATE_LIMIT_PER_ADDRESS: '100000000',
    ...extraEnv,
  };
  delete env.NODE_OPTIONS;
  if (nodeOptions) env.NODE_OPTIONS = nodeOptions;
  const started = Date.now();
  const child = spawn(process.execPath, [join(root, 'tools/scripts/start.mjs'), '--no-build'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines = [];
  const out = logFile ? createWriteStream(logFile) : null;
  const keep = (d) => {
    out?.write(d);
    for (const l of String(d).split('\n')) if (l.trim()) lines.push(l);
    if (lines.length > 400) lines.splice(0, lines.length - 400);
  };
  const ready = new Promise((resolve, reject) => {
    let buf = '';
    child.stdout.on('data', (d) => {
      keep(d);
      buf += d;
      if (buf.includes('KOMPETEN_READY')) resolve();
      if (buf.length > 100_000) buf = buf.slice(-1000);
    });
    child.stderr.on('data', keep);
    child.once('exit', (code) =>
      reject(new Error(`start.mjs exited (${code}) before the platform was ready:\n${lines.slice(-40).join('\n')}`)),
    );
    setTimeout(
      () => reject(new Error(`The platform was not ready within 180 s:\n${lines.slice(-40).join('\n')}`)),
      180_000,
    ).unref();
  });
  await ready;
  const kids = childrenOf(child.pid);
  const api = kids.find((p) => cmdline(p).includes('apps/api/src/main.js'));
  const worker = kids.find((p) => cmdline(p).includes('apps/worker/src/main.js'));
  if (!api || !worker) throw new Error(`Could not find the API and worker processes under start.mjs (${child.pid})`);
  return {
    child,
    api,
    worker,
    startSeconds: (Date.now() - started) / 1000,
    lines,
    logFile,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const t = setTimeout(() => {
        for (const p of [api, worker]) {
          try {
            process.kill(p, 'SIGKILL');
          } catch {
            /* gone */
          }
        }
        child.kill('SIGKILL');
      }, 20_000);
      await exited;
      clearTimeout(t);
    },
  };
}

// ---- /proc sampling ------------------------------------------------------------------------------

const TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim() || 100);

/** PostgreSQL backends serving `database`: their process title is "postgres: <cluster>: <user> <database> <client> …". */
function pgBackendPids(database) {
  const out = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    const c = cmdline(Number(d));
    if (c.startsWith('postgres: ') && c.includes(` ${database} `)) out.push(Number(d));
  }
  return out;
}

/** Listen-queue overflows of the whole machine (TcpExt ListenOverflows, ListenDrops): connections the kernel dropped. */
function listenDrops() {
  try {
    const lines = readFileSync('/proc/net/netstat', 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('TcpExt:'));
    const [names, values] = lines.map((l) => l.trim().split(/\s+/));
    const get = (k) => Number(values[names.indexOf(k)] ?? 0);
    return get('ListenOverflows') + get('ListenDrops');
  } catch {
    return 0;
  }
}

function ctxSwitches(pid) {
  try {
    const st = readFileSync(`/proc/${pid}/status`, 'utf8');
    return {
      voluntary: Number(st.match(/^voluntary_ctxt_switches:\s+(\d+)/m)?.[1] ?? 0),
      involuntary: Number(st.match(/^nonvoluntary_ctxt_switches:\s+(\d+)/m)?.[1] ?? 0),
    };
  } catch {
    return { voluntary: 0, involuntary: 0 };
  }
}

function procSample(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k) => Number(status.match(new RegExp(`^${k}:\\s+(\\d+)`, 'm'))?.[1] ?? 0);
    return { ticks: Number(f[11]) + Number(f[12]), sysTicks: Number(f[12]), rssKb: kb('VmRSS'), hwmKb: kb('VmHWM') };
  } catch {
    return null;
  }
}

function machineSample() {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = cpu[3] + cpu[4];
  return { total: cpu.reduce((a, b) => a + b, 0), idle };
}

/**
 * Samples every 250 ms: CPU ticks and RSS of the API and worker, CPU of the PostgreSQL backends serving the bench
 * database (found by process title, so backends the pool opens and closes in between are counted), of this load
 * generator, and the whole machine's busy share; every second, what those backends are doing (pg_stat_activity state /
 * wait events); and, when the API runs with the bench preload, its V8 heap figures. `window(mark)` returns what
 * happened since `mark()`.
 */
export class Sampler {
  constructor({ api, worker, database, memFile = null }) {
    this.pids = { api, worker };
    this.database = database;
    this.memFile = memFile;
    this.samples = [];
    this.activity = new Map();
    this.peakRssKb = { api: 0, worker: 0 };
    this.pgTicks = new Map();
    this.pgTotal = 0;
    this.peakMem = null;
  }

  async start() {
    this.pg = new pg.Client({ connectionString: dbUrl(this.database) });
    await this.pg.connect();
    this.tick();
    this.timer = setInterval(() => this.tick(), 250);
    this.pgTimer = setInterval(() => this.pgTick().catch(() => {}), 1000);
  }

  async pgTick() {
    if (this.pgBusy) return;
    this.pgBusy = true;
    try {
      const { rows } = await this.pg.query(
        `SELECT state, coalesce(wait_event_type, '') AS wet, coalesce(wait_event, '') AS we FROM pg_stat_activity
          WHERE datname = $1 AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
        [this.database],
      );
      for (const r of rows) {
        const key = r.state === 'active' ? `active${r.wet ? ` (${r.wet}:${r.we})` : ''}` : (r.state ?? 'unknown');
        this.activity.set(key, (this.activity.get(key) ?? 0) + 1);
      }
    } finally {
      this.pgBusy = false;
    }
  }

  /** Adds the CPU every bench-database backend used since the last look (a new backend: all of its CPU). */
  pgDelta() {
    const seen = new Map();
    for (const p of pgBackendPids(this.database)) {
      const s = procSample(p);
      if (!s) continue;
      seen.set(p, s.ticks);
      this.pgTotal += s.ticks - (this.pgTicks.get(p) ?? (this.pgStarted ? 0 : s.ticks));
    }
    this.pgStarted = true;
    this.pgTicks = seen;
    return this.pgTotal;
  }

  readMem() {
    if (!this.memFile) return null;
    try {
      const m = JSON.parse(readFileSync(this.memFile, 'utf8'));
      if (!this.peakMem || m.rss > this.peakMem.rss) this.peakMem = m;
      return m;
    } catch {
      return null;
    }
  }

  tick() {
    const now = performance.now();
    const api = procSample(this.pids.api);
    const worker = procSample(this.pids.worker);
    const self = process.cpuUsage();
    const s = {
      t: now,
      api,
      worker,
      pgTicks: this.pgDelta(),
      selfUs: self.user + self.system,
      machine: machineSample(),
      apiCtx: ctxSwitches(this.pids.api),
      listenDrops: listenDrops(),
      mem: this.readMem(),
    };
    if (api) this.peakRssKb.api = Math.max(this.peakRssKb.api, api.rssKb);
    if (worker) this.peakRssKb.worker = Math.max(this.peakRssKb.worker, worker.rssKb);
    this.samples.push(s);
    if (this.samples.length > 20_000) this.samples.splice(0, 10_000);
  }

  mark() {
    this.tick();
    this.activity = new Map();
    return { index: this.samples.length - 1 };
  }

  window(mark) {
    this.tick();
    const a = this.samples[mark.index];
    const b = this.samples[this.samples.length - 1];
    const secs = (b.t - a.t) / 1000;
    const within = this.samples.slice(mark.index);
    const maxRss = (k) => Math.max(0, ...within.map((x) => x[k]?.rssKb ?? 0));
    const cores = (k) => (a[k] && b[k] ? (b[k].ticks - a[k].ticks) / TICKS / secs : null);
    const mems = within.map((x) => x.mem).filter(Boolean);
    const peakMem = mems.length ? mems.reduce((m, x) => (x.rss > m.rss ? x : m)) : null;
    const machineBusy = 1 - (b.machine.idle - a.machine.idle) / Math.max(1, b.machine.total - a.machine.total);
    return {
      seconds: secs,
      api: {
        cpuCores: cores('api'),
        peakRssMb: maxRss('api') / 1024,
        hwmMb: (b.api?.hwmKb ?? 0) / 1024,
        kernelShare:
          a.api && b.api && b.api.ticks > a.api.ticks
            ? (b.api.sysTicks - a.api.sysTicks) / (b.api.ticks - a.api.ticks)
            : null,
        contextSwitches: {
          voluntary: b.apiCtx.voluntary - a.apiCtx.voluntary,
          involuntary: b.apiCtx.involuntary - a.apiCtx.involuntary,
        },
        heapAtPeakMb: peakMem
          ? {
              rss: peakMem.rss / 2 ** 20,
              heapTotal: peakMem.heapTotal / 2 ** 20,
              heapUsed: peakMem.heapUsed / 2 ** 20,
              external: peakMem.external / 2 ** 20,
              arrayBuffers: peakMem.arrayBuffers / 2 ** 20,
            }
          : null,
      },
      worker: { cpuCores: cores('worker'), peakRssMb: maxRss('worker') / 1024, hwmMb: (b.worker?.hwmKb ?? 0) / 1024 },
      postgres: {
        cpuCores: (b.pgTicks - a.pgTicks) / TICKS / secs,
        activity: Object.fromEntries([...this.activity].sort((x, y) => y[1] - x[1])),
      },
      loadgen: { cpuCores: (b.selfUs - a.selfUs) / 1e6 / secs },
      machine: { busyShare: machineBusy, cores: Number(spawnSync('nproc', { encoding: 'utf8' }).stdout.trim() || 1) },
      listenDrops: b.listenDrops - a.listenDrops,
    };
  }

  async stop() {
    clearInterval(this.timer);
    clearInterval(this.pgTimer);
    await this.pg?.end().catch(() => {});
  }
}
