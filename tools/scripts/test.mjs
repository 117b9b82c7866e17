// `npm test`: typecheck, lint (module boundaries and the architecture doc), table ownership, unit, integration (real PostgreSQL + Redis),
// build, browser journeys (Playwright + Chromium) and the quick benchmark. Ends with "N passed, N failed".
// Flags: --skip=<step,...> or --only=<step,...> with steps typecheck, lint, tables, unit, integration, build, browser, bench.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { canConnect, ensurePostgres, ensureRedis, log, ROOT } from './infra.mjs';

const argv = process.argv.slice(2);
const listArg = (name) =>
  argv
    .find((a) => a.startsWith(`--${name}=`))
    ?.split('=')[1]
    .split(',') ?? null;
const only = listArg('only');
const skip = listArg('skip') ?? [];
const wanted = (step) => (!only || only.includes(step)) && !skip.includes(step);

const bin = (name) => join(ROOT, 'node_modules/.bin', name);
const resultsDir = join(ROOT, 'tmp/test-results');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const summary = [];
let passed = 0;
let failed = 0;

function step(name, cmd, args, env = process.env, jestResults = null, force = false) {
  if (!force && !wanted(name)) return true;
  log(`── ${name}: ${[cmd.replace(`${ROOT}/`, ''), ...args].join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env });
  const ok = r.status === 0;
  let counts = '';
  if (jestResults && existsSync(jestResults)) {
    const j = JSON.parse(readFileSync(jestResults, 'utf8'));
    passed += j.numPassedTests;
    failed += j.numFailedTests + (j.numRuntimeErrorTestSuites ?? 0);
    counts = ` (${j.numPassedTests} passed, ${j.numFailedTests} failed)`;
  } else if (!jestResults) {
    ok ? passed++ : failed++;
  } else if (!ok) {
    failed++;
  }
  summary.push(`${ok ? 'ok  ' : 'FAIL'} ${name}${counts} ${((Date.now() - started) / 1000).toFixed(1)}s`);
  return ok;
}

const jest = (name, config, extraEnv = {}) => {
  const out = join(resultsDir, `${name}.json`);
  return step(
    name,
    bin('jest'),
    ['-c', config, '--json', `--outputFile=${out}`, ...(process.env.CI ? ['--ci'] : [])],
    { ...process.env, ...extraEnv },
    out,
  );
};

async function main() {
  const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', TZ: 'UTC' };
  step('typecheck', bin('tsc'), ['-p', 'tsconfig.json'], env);
  step('typecheck', bin('tsc'), ['-p', 'apps/web/tsconfig.json'], env);
  step('typecheck', bin('tsc'), ['-p', 'test/e2e/tsconfig.json'], env);
  // The module-boundary rule reads Nx's cached project graph and silently skips itself without one (a fresh clone).
  if (wanted('lint'))
    spawnSync(process.execPath, [join(ROOT, 'node_modules/nx/dist/bin/nx.js'), 'show', 'projects'], {
      cwd: ROOT,
      env,
      stdio: 'ignore',
    });
  step('lint', bin('eslint'), ['.', '--max-warnings=0'], env);
  // Prettier at 120 columns (decision 0018): a file it would change fails the run.
  step('lint', bin('prettier'), ['--check', '.'], env);
  // docs/architecture.md lists the real dependency edges and table owners; this fails when the code moved without it.
  step('lint', process.execPath, [join(ROOT, 'tools/scripts/check-architecture.mjs')], env);
  // Each lib reads another lib's tables only through the owner's readers and published views (decision 0016).
  step('tables', process.execPath, [join(ROOT, 'tools/scripts/table-ownership.mjs')], env);
  jest('unit', 'jest.unit.config.cjs', env);

  const needsServices = wanted('integration') || wanted('browser') || wanted('bench');
  let services = null;
  if (needsServices) {
    let adminUrl;
    let pgStop = async () => {};
    if (process.env.TEST_DATABASE_URL) adminUrl = process.env.TEST_DATABASE_URL;
    else if (process.env.DATABASE_URL || !(await canConnect('127.0.0.1', 5432))) {
      const pg = await ensurePostgres('postgres');
      adminUrl = pg.adminUrl;
      pgStop = pg.stop;
    } else adminUrl = 'postgres://postgres@127.0.0.1:5432/postgres';
    const redis = await ensureRedis();
    services = { adminUrl, redisUrl: redis.url, stop: async () => (await redis.stop(), await pgStop()) };
    Object.assign(env, { TEST_DATABASE_URL: adminUrl, TEST_REDIS_URL: redis.url });
  }
  jest('integration', 'jest.integration.config.cjs', env);
  if (wanted('browser') || wanted('build')) {
    // The browser journeys run the production build (with the SIASN simulator and the mail capture that start.mjs
    // supervises), so it is built whenever they run.
    step(
      'build',
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
      null,
      true,
    );
    jest('browser', 'test/e2e/jest.config.cjs', env);
  }
  // The quick benchmark: the hot paths under concurrency must give zero errors and exact counts (never a speed check).
  if (services)
    step('bench', process.execPath, [join(ROOT, 'tools/bench/run.mjs'), '--quick'], {
      ...env,
      BENCH_PG_URL: services.adminUrl,
      REDIS_URL: services.redisUrl,
    });
  if (services) await services.stop();

  console.log(`\n${summary.join('\n')}\n`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
