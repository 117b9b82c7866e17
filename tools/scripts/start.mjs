// `npm start`: builds Kompeten, makes sure PostgreSQL and Redis are there (embedded/local when unset),
// migrates and seeds the demo once, then runs the API (serving the web app) and the worker until Ctrl+C / SIGTERM.
// A worker that dies is restarted with back-off (the API keeps answering); SIGTERM or SIGINT stops the API, the worker,
// and the embedded PostgreSQL and redis-server when this command started them.
// Flags: --no-build (use the existing dist/), --no-seed. Env: PORT, DATABASE_URL, REDIS_URL, PUBLIC_URL, SEED_DEMO=false,
// SMTP_URL (unset: the local mail capture takes email on PORT+3 and shows it on http://127.0.0.1:PORT+4/).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  ensureJwtSecret,
  ensureSiasnCredentialsKey,
  ensurePostgres,
  ensureRedis,
  log,
  queuePrefix,
  ROOT,
} from './infra.mjs';
import { ensureDemoCourses } from './demo-courses.mjs';

const args = new Set(process.argv.slice(2));

/**
 * The variables this script itself reads, checked before anything starts (the API and worker validate the rest, with
 * the same messages, in libs/server/core/src/config/env.ts). Exits 78 (configuration error) naming each bad variable.
 */
function validateStartEnv(env) {
  const problems = [];
  if (env.HEAP_LIMIT_MB !== undefined && env.HEAP_LIMIT_MB !== '' && !/^\d{2,5}$/.test(env.HEAP_LIMIT_MB)) {
    problems.push('HEAP_LIMIT_MB must be a whole number of megabytes, e.g. 256');
  }
  if (
    env.PORT !== undefined &&
    env.PORT !== '' &&
    !(/^\d+$/.test(env.PORT) && Number(env.PORT) >= 1 && Number(env.PORT) <= 65531)
  ) {
    problems.push(
      'PORT must be a whole number (1-65531; the worker health endpoint uses PORT+1, the local simulators PORT+2 to PORT+4)',
    );
  }
  for (const name of ['SEED_DEMO', 'SEED_DEMO_COURSES']) {
    if (env[name] !== undefined && env[name] !== '' && !['true', 'false'].includes(env[name]))
      problems.push(`${name} must be true or false`);
  }
  // The secret kept in .data/jwt-secret is a convenience for trying the platform on one machine. An operator who says
  // NODE_ENV=production must give JWT_SECRET (the API refuses published defaults and placeholders itself).
  if (env.NODE_ENV === 'production' && !env.JWT_SECRET) {
    problems.push(
      'JWT_SECRET is required when NODE_ENV=production (at least 32 random characters, e.g. `openssl rand -base64 48`); the generated .data/jwt-secret is used only when NODE_ENV is unset (trying Kompeten on one machine)',
    );
  }
  if (problems.length) {
    console.error(`Kompeten refuses to start. Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(78);
  }
}
validateStartEnv(process.env);

const port = Number(process.env.PORT || 3000);
const seedDemo = process.env.SEED_DEMO !== 'false';
const API_MAIN = join(ROOT, 'dist/apps/api/apps/api/src/main.js');
const CLI = join(ROOT, 'dist/apps/api/apps/api/src/cli.js');
const WORKER_MAIN = join(ROOT, 'dist/apps/worker/apps/worker/src/main.js');
const SIASN_SIM_MAIN = join(ROOT, 'dist/apps/siasn-sim/apps/siasn-sim/src/main.js');
const MAIL_CAPTURE_MAIN = join(ROOT, 'dist/apps/mail-capture/apps/mail-capture/src/main.js');

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

/** Runs a step (build, migrate) as a child this command stops on SIGTERM; a failure stops everything started so far. */
async function run(cmd, cmdArgs, env) {
  const child = spawn(cmd, cmdArgs, { cwd: ROOT, stdio: 'inherit', env });
  children.add(child);
  const code = await new Promise((r) => child.once('exit', (c, sig) => r(c ?? (sig ? 1 : 0))));
  children.delete(child);
  if (code !== 0 && !stopping) {
    console.error(`\n${cmd} ${cmdArgs.join(' ')} failed (exit ${code}).`);
    await stop(code);
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

/** How long to wait before restarting a process that died for the n-th time in a row: 1 s, 2 s, 4 s … at most 30 s. */
export const backoffMs = (n) => Math.min(30_000, 1000 * 2 ** Math.max(0, n - 1));

const cleanups = [];
const children = new Set();
let stopping = false;

/** Stops every process this command started, last started first, then exits. Safe to call more than once. */
async function stop(code) {
  if (stopping) return;
  stopping = true;
  log('Stopping…');
  await Promise.all(
    [...children].map((c) => {
      if (c.exitCode !== null || c.signalCode !== null) return null;
      const exited = new Promise((r) => c.once('exit', r));
      c.kill('SIGTERM');
      // A process that ignores SIGTERM for 15 s is killed: nothing is left running.
      const t = setTimeout(() => c.kill('SIGKILL'), 15_000);
      return exited.then(() => clearTimeout(t));
    }),
  );
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch (e) {
      console.error(e instanceof Error ? e.message : e);
    }
  }
  log('Stopped.');
  process.exit(code);
}
// Installed before anything starts, so a SIGTERM during the build or the migration also stops PostgreSQL and Redis.
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
process.on('SIGHUP', () => stop(0));

/**
 * Runs `main` as a child. `restart: true` (the worker): when it dies it is started again after a growing pause, logged,
 * and the pause resets after a minute of good running. `restart: false` (the API): its death stops the platform, since
 * nothing would answer anyway and a process manager above us should see the failure.
 */
function supervise(name, main, env, heapMb, restart) {
  let failures = 0;
  const launch = () => {
    const child = spawn(process.execPath, ['--enable-source-maps', `--max-old-space-size=${heapMb}`, main], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const startedAt = Date.now();
    children.add(child);
    prefixed(child, name);
    child.on('exit', (code, signal) => {
      children.delete(child);
      if (stopping) return;
      const how = signal ? `signal ${signal}` : `exit ${code}`;
      if (!restart) {
        console.error(`The ${name} process stopped unexpectedly (${how}).`);
        stop(1);
        return;
      }
      failures = Date.now() - startedAt > 60_000 ? 1 : failures + 1;
      const wait = backoffMs(failures);
      log(
        `The ${name} process stopped unexpectedly (${how}); restarting it in ${wait / 1000} s (restart ${failures} in a row).`,
      );
      setTimeout(() => !stopping && launch(), wait).unref?.();
    });
  };
  launch();
}

async function main() {
  const pg = await ensurePostgres('kompeten', { handleSignals: true });
  cleanups.push(() => pg.stop());
  if (stopping) return;
  const redis = await ensureRedis();
  cleanups.push(() => redis.stop());
  if (stopping) return;
  const env = {
    ...process.env,
    NODE_ENV: process.env.NODE_ENV ?? 'production',
    // Keep the console readable: warnings and errors only, unless LOG_LEVEL says otherwise.
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    TZ: 'UTC',
    PORT: String(port),
    DATABASE_URL: pg.url,
    REDIS_URL: redis.url,
    // Queues of this data folder only: two clones sharing one Redis never take each other's jobs.
    QUEUE_PREFIX: queuePrefix(),
    JWT_SECRET: ensureJwtSecret(),
    SIASN_CREDENTIALS_KEY: ensureSiasnCredentialsKey(),
    PUBLIC_URL: process.env.PUBLIC_URL ?? `http://localhost:${port}`,
    STORAGE_DIR: process.env.STORAGE_DIR ?? join(ROOT, '.data/storage'),
    WEB_DIST_DIR: process.env.WEB_DIST_DIR ?? join(ROOT, 'dist/apps/web'),
    WORKER_HEALTH_PORT: process.env.WORKER_HEALTH_PORT ?? String(port + 1),
    NX_DAEMON: 'false',
    NX_NO_CLOUD: 'true',
  };
  // Without a real SIASN (SIASN_BASE_URL unset), the local simulator stands in on PORT+2 (docs/siasn.md).
  const siasnSimulated = !process.env.SIASN_BASE_URL;
  if (siasnSimulated) {
    const origin = `http://127.0.0.1:${port + 2}`;
    Object.assign(env, {
      SIASN_SIM_PORT: String(port + 2),
      SIASN_BASE_URL: `${origin}/apisiasn/1.0`,
      SIASN_APIM_TOKEN_URL: `${origin}/oauth2/token`,
      SIASN_APIM_KEY: 'kompeten-sim-key',
      SIASN_APIM_SECRET: 'kompeten-sim-secret',
      SIASN_SSO_TOKEN_URL: `${origin}/auth/realms/public-siasn/protocol/openid-connect/token`,
      SIASN_SSO_CLIENT_ID: 'kompeten-sim',
      SIASN_SSO_USERNAME: 'bkpsdm-sim',
      SIASN_SSO_PASSWORD: 'rahasia-sim',
    });
  }
  // Without a real SMTP server (SMTP_URL unset), the local mail capture takes every email on PORT+3 and shows what was
  // sent on PORT+4 (docs/notifications.md).
  const mailCaptured = !process.env.SMTP_URL;
  if (mailCaptured) {
    Object.assign(env, {
      SMTP_URL: `smtp://127.0.0.1:${port + 3}`,
      MAIL_CAPTURE_SMTP_PORT: String(port + 3),
      MAIL_CAPTURE_HTTP_PORT: String(port + 4),
    });
  }
  if (!args.has('--no-build') || !existsSync(API_MAIN)) {
    log('Building the API, worker and web app');
    await run(
      process.execPath,
      [
        join(ROOT, 'node_modules/nx/dist/bin/nx.js'),
        'run-many',
        '-t',
        'build',
        '-p',
        'api',
        'worker',
        'web',
        'siasn-sim',
        'mail-capture',
        '--output-style=static',
      ],
      env,
    );
    if (stopping) return;
  }
  log('Migrating the database');
  await run(process.execPath, [CLI, args.has('--no-seed') || !seedDemo ? 'migrate' : 'seed'], env);
  if (stopping) return;

  // A bounded old space: V8 otherwise sizes it from the machine's memory and lets garbage pile up to hundreds of MB
  // before a full collection (docs/performance.md, "Memory").
  const heapMb = Number(process.env.HEAP_LIMIT_MB || 256);
  supervise('api', API_MAIN, { ...env, RUN_MIGRATIONS: 'false' }, heapMb, false);
  supervise('worker', WORKER_MAIN, { ...env, RUN_MIGRATIONS: 'false' }, heapMb, true);
  // With --no-build from a copy of dist/ that lacks the simulator (the bench's snapshot), run without it: pushes then
  // wait (failed, retried by the worker's sweep) until SIASN answers (docs/siasn.md).
  const simulatorRuns = siasnSimulated && existsSync(SIASN_SIM_MAIN);
  if (simulatorRuns) supervise('siasn-sim', SIASN_SIM_MAIN, env, 64, true);
  else if (siasnSimulated) log('The SIASN simulator is not built (dist/apps/siasn-sim); starting without it.');
  const captureRuns = mailCaptured && existsSync(MAIL_CAPTURE_MAIN);
  if (captureRuns) supervise('mail-capture', MAIL_CAPTURE_MAIN, env, 64, true);
  else if (mailCaptured)
    log(
      'The mail capture is not built (dist/apps/mail-capture); emails wait as pending until it or SMTP_URL is there.',
    );

  if (!(await waitForHealth(`http://127.0.0.1:${port}/api/health`, 60_000))) {
    console.error('The API did not become healthy within 60 s.');
    return stop(1);
  }
  await ensureDemoCourses(`http://127.0.0.1:${port}`, log);
  const url = env.PUBLIC_URL;
  const width = Math.max(...DEMO_LOGINS.map(([r]) => r.length));
  const demo = seedDemo
    ? `
Demo logins (password for all: Kompeten#2026):
${DEMO_LOGINS.map(([role, user]) => `  ${role.padEnd(width)}  ${user}`).join('\n')}
`
    : '';
  console.log(`
\x1b[1mKompeten is running at ${url}\x1b[0m
  API docs: ${url}/api/docs   Health: ${url}/api/health   Worker health: http://127.0.0.1:${env.WORKER_HEALTH_PORT}/health
  SIASN: ${simulatorRuns ? `local simulator at ${env.SIASN_BASE_URL} (state: http://127.0.0.1:${env.SIASN_SIM_PORT}/_sim/state)` : siasnSimulated ? 'not configured' : env.SIASN_BASE_URL}
  Email: ${captureRuns ? `local mail capture (SMTP ${env.SMTP_URL}); sent mail: http://127.0.0.1:${port + 4}/` : mailCaptured ? 'not delivered (no mail capture built)' : 'SMTP_URL'}
  Database: ${pg.embedded ? `embedded PostgreSQL (${pg.url.replace(/:[^:@]*@/, ':***@')})` : 'DATABASE_URL'}   Redis: ${redis.url}   Queue prefix: ${env.QUEUE_PREFIX}
${demo}
Press Ctrl+C to stop.
KOMPETEN_READY ${url}
`);
}

main().catch(async (e) => {
  console.error(e instanceof Error ? e.message : e);
  await stop(1);
});
