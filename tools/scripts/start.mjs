// `npm start`: builds Kompeten, makes sure PostgreSQL and Redis are there (embedded/local when unset),
// migrates and seeds the demo once, then runs the API (serving the web app) and the worker until Ctrl+C.
// Flags: --no-build (use the existing dist/), --no-seed. Env: PORT, DATABASE_URL, REDIS_URL, PUBLIC_URL, SEED_DEMO=false.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureJwtSecret, ensurePostgres, ensureRedis, log, ROOT } from './infra.mjs';
import { ensureDemoCourses } from './demo-courses.mjs';

const args = new Set(process.argv.slice(2));
const port = Number(process.env.PORT ?? 3000);
const API_MAIN = join(ROOT, 'dist/apps/api/apps/api/src/main.js');
const CLI = join(ROOT, 'dist/apps/api/apps/api/src/cli.js');
const WORKER_MAIN = join(ROOT, 'dist/apps/worker/apps/worker/src/main.js');

export const DEMO_LOGINS = [
  ['Platform admin', 'admin@kompeten.go.id'],
  ['Province admin (BPSDM NTB)', 'bpsdm@ntbprov.go.id'],
  ['Agency admin (BKPSDM Kota Mataram)', 'bkpsdm@mataramkota.go.id'],
  ['HR officer (Dinkes Kota Mataram)', 'pengelola@mataramkota.go.id'],
  ['Supervisor (Kepala Dinkes)', '197501012000031003'],
  ['Widyaiswara (BPSDM NTB)', '197803152005012002'],
  ['Learner, PNS (Kota Mataram)', '198609262015051001'],
  ['Learner, PPPK (Kota Mataram)', '199203152022011002'],
  ['Learner, WIB (Kab. Kendal)', '199004172019032005'],
];

function run(cmd, cmdArgs, env) {
  const r = spawnSync(cmd, cmdArgs, { cwd: ROOT, stdio: 'inherit', env });
  if (r.status !== 0) {
    console.error(`\n${cmd} ${cmdArgs.join(' ')} failed (exit ${r.status}).`);
    process.exit(r.status ?? 1);
  }
}

function prefixed(child, name) {
  for (const stream of [child.stdout, child.stderr]) {
    let buf = '';
    stream.on('data', (d) => {
      buf += d;
      const lines = buf.split('\n');
      buf = lines.pop();
      for (const l of lines) process.stdout.write(`\x1b[2m[${name}]\x1b[0m ${l}\n`);
    });
  }
}

async function waitForHealth(url, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const r = await fetch(url);
      if (r.ok) return true;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}

async function main() {
  const pg = await ensurePostgres();
  const redis = await ensureRedis();
  const env = {
    ...process.env,
    NODE_ENV: process.env.NODE_ENV ?? 'production',
    // Keep the console readable: warnings and errors only, unless LOG_LEVEL says otherwise.
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    TZ: 'UTC',
    PORT: String(port),
    DATABASE_URL: pg.url,
    REDIS_URL: redis.url,
    JWT_SECRET: ensureJwtSecret(),
    PUBLIC_URL: process.env.PUBLIC_URL ?? `http://localhost:${port}`,
    STORAGE_DIR: process.env.STORAGE_DIR ?? join(ROOT, '.data/storage'),
    WEB_DIST_DIR: process.env.WEB_DIST_DIR ?? join(ROOT, 'dist/apps/web'),
    WORKER_HEALTH_PORT: process.env.WORKER_HEALTH_PORT ?? String(port + 1),
    NX_DAEMON: 'false',
    NX_NO_CLOUD: 'true',
  };
  if (!args.has('--no-build') || !existsSync(API_MAIN)) {
    log('Building the API, worker and web app');
    run(process.execPath, [join(ROOT, 'node_modules/nx/dist/bin/nx.js'), 'run-many', '-t', 'build', '-p', 'api', 'worker', 'web', '--output-style=static'], env);
  }
  log('Migrating the database');
  run(process.execPath, [CLI, args.has('--no-seed') || process.env.SEED_DEMO === 'false' ? 'migrate' : 'seed'], env);

  const children = [];
  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    log('Stopping…');
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)));
    await redis.stop();
    await pg.stop();
    process.exit(code);
  };
  // A bounded old space: V8 otherwise sizes it from the machine's memory and lets garbage pile up to hundreds of MB
  // before a full collection (docs/performance.md, "Memory").
  const heapMb = Number(process.env.HEAP_LIMIT_MB ?? 256);
  for (const [name, main] of [['api', API_MAIN], ['worker', WORKER_MAIN]]) {
    const child = spawn(process.execPath, ['--enable-source-maps', `--max-old-space-size=${heapMb}`, main], { cwd: ROOT, env: { ...env, RUN_MIGRATIONS: 'false' }, stdio: ['ignore', 'pipe', 'pipe'] });
    prefixed(child, name);
    child.on('exit', (code) => {
      if (!stopping) {
        console.error(`The ${name} process stopped unexpectedly (exit ${code}).`);
        stop(1);
      }
    });
    children.push(child);
  }
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));

  if (!(await waitForHealth(`http://127.0.0.1:${port}/api/health`, 60_000))) {
    console.error('The API did not become healthy within 60 s.');
    return stop(1);
  }
  await ensureDemoCourses(`http://127.0.0.1:${port}`, log);
  const url = env.PUBLIC_URL;
  const width = Math.max(...DEMO_LOGINS.map(([r]) => r.length));
  console.log(`
\x1b[1mKompeten is running at ${url}\x1b[0m
  API docs: ${url}/api/docs   Health: ${url}/api/health   Worker health: http://127.0.0.1:${env.WORKER_HEALTH_PORT}/health
  Database: ${pg.embedded ? `embedded PostgreSQL (${pg.url.replace(/:[^:@]*@/, ':***@')})` : 'DATABASE_URL'}   Redis: ${redis.url}

Demo logins (password for all: Kompeten#2026):
${DEMO_LOGINS.map(([role, user]) => `  ${role.padEnd(width)}  ${user}`).join('\n')}

Press Ctrl+C to stop.
KOMPETEN_READY ${url}
`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
