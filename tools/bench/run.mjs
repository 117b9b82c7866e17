// `npm run bench`: load and correctness benchmark of Kompeten (docs/performance.md, docs/decisions/0007-benchmark.md).
//
//   node tools/bench/run.mjs            full run: PostgreSQL ceiling, then 1× (2,000 + 2,000 learners) and 4× (8,000 + 8,000),
//                                       every scenario; rewrites the generated block of docs/performance.md
//   node tools/bench/run.mjs --quick    small counts, short durations, no 4×: asserts correctness only (zero errors, every
//                                       count exact) and exits 1 on any mismatch, never on speed; writes no docs
//
//   node tools/bench/run.mjs --only=jp  the PostgreSQL ceiling and the JP compliance report scenario alone (issue 16): a
//                                       province of 60,000 ASN and 1,000,000 ledger lines; rewrites only the JP block of
//                                       docs/performance.md (results in tmp/bench/results-jp.json)
//
// Other flags: --scales=1,4  --duration=<s> (closed loops)  --learners=<n per group at 1×, default 2000>  --port=<n>
//   node tools/bench/run.mjs --only=workers  certificates issued per second by one worker process and SIASN deliveries
//                                       per second against the simulator, each with its ceiling (issue 17)
//   node tools/bench/run.mjs --only=calendar  the class registration burst (issue 18): 2,000 ASN of 10 agencies register at
//                                       once for 60 seats with agency quotas; registrations/s, p50/p99, 0 oversold, with the
//                                       pgbench ceiling of the same statements; rewrites only its block of docs/performance.md
//   node tools/bench/run.mjs --only=webinar  webinars for thousands (issue 18): 2,000 registered ASN join one webinar with
//                                       arrivals over one minute, then answer a presence check; joins/s, p50/p99, every
//                                       join and answer recorded exactly once, with the pgbench ceiling of the join statement
//              --no-webinar  --webinar-learners=<n>  --webinar-spread=<s>
//              --no-jp (skip the JP scenario)  --no-workers  --no-calendar  --registrants=<n>  --certificates=<n> --pushes=<n> --worker-concurrency=<n>  --jp-asn=<n> --jp-lines=<n> --jp-connections=<n> --jp-seconds=<s per level>
//              --build (rebuild dist/ first)  --no-profile  --keep-db
//              --no-docs (a trial run: leave docs/performance.md as it is)
//              --render (rewrite docs/performance.md from tmp/bench/results-full.json; runs nothing)
// Needs PostgreSQL (BENCH_PG_URL, default postgres://postgres@127.0.0.1:5432/postgres, a superuser: creates databases),
// Redis (REDIS_URL or 127.0.0.1:6379) and pgbench. The platform runs from a copy of dist/ started by tools/scripts/start.mjs.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { hasPgbench, measureCeiling } from './lib/ceiling.mjs';
import {
  authorCourses,
  connectDb,
  DEMO_PASSWORD,
  enrolGroupA,
  insertLearners,
  login,
  loginAll,
  readPublished,
  WIDYAISWARA,
} from './lib/data.mjs';
import { Client } from './lib/http.mjs';
import {
  BENCH_TMP,
  dbUrl,
  dropDatabase,
  freePortPair,
  freshDatabase,
  gitInfo,
  log,
  removeSnapshot,
  ROOT,
  RUN_ID,
  Sampler,
  snapshotBuild,
  startPlatform,
  withAdmin,
} from './lib/platform.mjs';
import { Profiler, summarise } from './lib/profile.mjs';
import { renderTable, SCENARIOS, targetMet, writePerformanceDoc } from './lib/report.mjs';
import { assignInOneCall, attemptCycle, autosave, coursePage, selfEnrol, synchronisedStart } from './lib/scenarios.mjs';
import { jpReports } from './lib/jp-scenario.mjs';
import { renderJpTable, writeJpPerformanceDoc } from './lib/report-jp.mjs';
import { workersScenario } from './lib/workers-scenario.mjs';
import { renderWorkersTable, writeWorkersPerformanceDoc } from './lib/report-workers.mjs';
import { calendarScenario } from './lib/calendar-scenario.mjs';
import { renderCalendarTable, writeCalendarPerformanceDoc } from './lib/report-calendar.mjs';
import { webinarScenario } from './lib/webinar-scenario.mjs';
import { renderWebinarTable, writeWebinarPerformanceDoc } from './lib/report-webinar.mjs';

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const opt = (name, dflt) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt;
const QUICK = flag('quick');
const SCALES = opt('scales', QUICK || opt('only', '') ? '1' : '1,4')
  .split(',')
  .map(Number);
// Quick runs start from a random port: two `npm test` runs at once must not pick the same one.
const PREFERRED_PORT = Number(opt('port', QUICK ? 20000 + 2 * Math.floor(Math.random() * 10000) : 3860));
/** --only=jp: the JP report scenario without the exam-day scenarios. */
const ONLY_JP = opt('only', '') === 'jp';
/** --only=workers: the background workers' scenario (certificates, SIASN deliveries) alone. */
const ONLY_WORKERS = opt('only', '') === 'workers';
/** --only=calendar: the class registration burst alone. */
const ONLY_CALENDAR = opt('only', '') === 'calendar';
/** --only=webinar: the webinar join burst alone. */
const ONLY_WEBINAR = opt('only', '') === 'webinar';
const EXAM_DAY = !ONLY_JP && !ONLY_WORKERS && !ONLY_CALENDAR && !ONLY_WEBINAR;
const WITH_JP = !flag('no-jp') && !ONLY_WORKERS && !ONLY_CALENDAR && !ONLY_WEBINAR;
const WITH_WORKERS = !flag('no-workers') && !ONLY_JP && !ONLY_CALENDAR && !ONLY_WEBINAR;
const WITH_CALENDAR = !flag('no-calendar') && !ONLY_JP && !ONLY_WORKERS && !ONLY_WEBINAR;
const WITH_WEBINAR = !flag('no-webinar') && !ONLY_JP && !ONLY_WORKERS && !ONLY_CALENDAR;
const PROFILE = !QUICK && !flag('no-profile') && EXAM_DAY;

/** The background workers' scenario: how many certificates and SIASN pushes, how many at a time. */
function workersPlan() {
  if (QUICK) return { certificates: 30, pushes: 60, concurrency: 4 };
  return {
    certificates: Number(opt('certificates', 400)),
    pushes: Number(opt('pushes', 2000)),
    concurrency: Number(opt('worker-concurrency', 8)),
  };
}

/** The registration burst: the issue's 2,000 for 60 seats (5 per agency); a small one in the quick run. */
function calendarPlan() {
  if (QUICK) return { registrants: 200, seats: 20, quota: 1, ceiling: hasPgbench() };
  return { registrants: Number(opt('registrants', 2000)), seats: 60, quota: 5, ceiling: true };
}

/** The webinar join burst: the issue's 2,000 arriving within a minute; 200 over a few seconds in the quick run. */
function webinarPlan() {
  if (QUICK) return { learners: 200, spreadMs: 3000, answerSpreadMs: 2000, doubleShare: 0.05, ceiling: hasPgbench() };
  return {
    learners: Number(opt('webinar-learners', 2000)),
    spreadMs: Number(opt('webinar-spread', 60)) * 1000,
    answerSpreadMs: 30_000,
    doubleShare: 0.05,
    ceiling: true,
  };
}

/** The JP report scenario: the issue's province at full size; a small one in the quick run inside `npm test`. */
function jpPlan() {
  const now = new Date(Date.now() + 8 * 3600_000); // NTB's local date (WITA, UTC+8)
  const when = { year: now.getUTCFullYear(), lastMonth: now.getUTCMonth() + 1 };
  if (QUICK) return { ...when, asn: 1500, lines: 20_000, connections: 2, seconds: 1, ceilingSeconds: 2 };
  return {
    ...when,
    asn: Number(opt('jp-asn', 60_000)),
    lines: Number(opt('jp-lines', 1_000_000)),
    connections: Number(opt('jp-connections', 4)),
    seconds: Number(opt('jp-seconds', 10)),
    ceilingSeconds: 10,
  };
}

// Ctrl+C: stop the platform this run started (and only it) before leaving.
let running = null;
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.once(sig, async () => {
    log(`${sig}: stopping the platform`);
    await running?.stop().catch(() => {});
    if (running?.database && !flag('keep-db')) await dropDatabase(running.database).catch(() => {});
    removeSnapshot();
    process.exit(130);
  });
}

/** Counts per scale. Full: the issue's numbers. Quick: ~50 learners, 1.5 s loops. */
function plan(scale) {
  if (QUICK) {
    return {
      perGroup: 50,
      attempts: [10, 25],
      autosave: 25,
      page: 10,
      selfEnrol: 25,
      sync: 50,
      durationMs: Number(opt('duration', 1.5)) * 1000,
      warmupMs: 500,
    };
  }
  const perGroup = Number(opt('learners', 2000)) * scale;
  const cap = (n) => Math.min(n, perGroup);
  return {
    perGroup,
    attempts: [cap(50), cap(200)],
    autosave: cap(500),
    page: cap(50),
    selfEnrol: Math.min(1000, perGroup / 2),
    sync: Math.min(1000, perGroup / 2) + cap(2000),
    durationMs: Number(opt('duration', 12)) * 1000,
    warmupMs: 2000,
  };
}

async function pgStatStatementsStatus(db) {
  try {
    await db.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    await db.query('SELECT count(*) FROM pg_stat_statements');
    return 'available';
  } catch (e) {
    return `not available on this server (${String(e.message).split('\n')[0]}); the shared PostgreSQL cannot be restarted to preload it, so the database side is shown by pg_stat_database counters per operation and pg_stat_activity samples instead`;
  }
}

async function runPhase(scale, root, ctxBase) {
  const p = plan(scale);
  const label = QUICK
    ? 'quick'
    : ONLY_JP
      ? 'JP reports'
      : ONLY_WORKERS
        ? 'background workers'
        : ONLY_CALENDAR
          ? 'class registration burst'
          : ONLY_WEBINAR
            ? 'webinar join burst'
            : `${scale}× (${p.perGroup.toLocaleString('en-US')} + ${p.perGroup.toLocaleString('en-US')})`;
  const database = `kompeten_bench_${QUICK ? 'quick' : ONLY_JP ? 'jp' : ONLY_WORKERS ? 'workers' : ONLY_CALENDAR ? 'calendar' : ONLY_WEBINAR ? 'webinar' : `${scale}x`}_${RUN_ID}`;
  const PORT = await freePortPair(PREFERRED_PORT);
  log(`── ${label}: fresh database ${database}`);
  await freshDatabase(database);
  const profiling = PROFILE && scale === SCALES[0];
  const profDir = join(BENCH_TMP, 'profiles', `${scale}x`);
  if (profiling) {
    rmSync(profDir, { recursive: true, force: true });
    mkdirSync(profDir, { recursive: true });
  }
  // Full runs load the bench preload into the API: its heap figures every 0.5 s, and at the first scale the profiles.
  const memFile = QUICK ? null : join(BENCH_TMP, `memory-${database}.json`);
  if (memFile) rmSync(memFile, { force: true });
  const jwtSecret = randomBytes(36).toString('base64url');
  const platform = await startPlatform({
    root,
    port: PORT,
    database,
    jwtSecret,
    queuePrefix: `kbench${randomBytes(4).toString('hex')}`,
    nodeOptions: memFile || profiling ? `--require=${join(ROOT, 'tools/bench/cpu-profile-preload.cjs')}` : undefined,
    extraEnv: {
      ...(profiling ? { BENCH_CPU_PROF_DIR: profDir } : {}),
      ...(memFile ? { BENCH_MEM_FILE: memFile } : {}),
    },
    logFile: join(BENCH_TMP, `platform-${database}.log`),
  });
  running = Object.assign(platform, { database });
  const base = `http://127.0.0.1:${PORT}`;
  const phase = {
    label,
    scale,
    database,
    startSeconds: platform.startSeconds,
    scenarios: {},
    warmup: {},
    counts: { enrolled: p.perGroup, notEnrolled: p.perGroup },
  };
  let phaseOk = false;
  const db = await connectDb(database);
  const sampler = new Sampler({ api: platform.api, worker: platform.worker, database, memFile });
  try {
    const rss = (pid) => Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+)/m)?.[1] ?? 0) / 1024;
    phase.apiRssMb = { started: rss(platform.api) };
    log(
      `platform up in ${platform.startSeconds.toFixed(1)} s (api pid ${platform.api}, worker pid ${platform.worker}); authoring the course through the API`,
    );
    // The API answering on PORT must be ours (another bench could have taken the port between our check and the start).
    const probe = await (async () => {
      const c = new Client(base, { connections: 1 });
      try {
        return await login(c, WIDYAISWARA, DEMO_PASSWORD);
      } finally {
        c.close();
      }
    })();
    if (!(await db.query('SELECT 1 FROM user_account WHERE id = $1', [probe.userId])).rowCount)
      throw new Error(`The API on port ${PORT} is not this bench's (another process has the port)`);
    if (EXAM_DAY) {
      let t = performance.now();
      const world = await readPublished(db, await authorCourses(base));
      phase.authorSeconds = (performance.now() - t) / 1000;
      t = performance.now();
      const { a, b } = await insertLearners(db, p.perGroup);
      phase.insertSeconds = (performance.now() - t) / 1000;
      const base0 = await enrolGroupA(base, db, world, a);
      phase.baseAssignMs = base0.ms;
      await db.query('ANALYZE');
      const syncFromA = p.sync - p.selfEnrol;
      const needA = a.slice(0, Math.max(p.attempts[1], p.autosave, p.page, syncFromA));
      const needB = b.slice(0, p.selfEnrol);
      log(
        `${a.length + b.length} learners in; logging ${needA.length + needB.length} of them in (each virtual user has its own token)`,
      );
      const heap = async () => {
        await new Promise((r) => setTimeout(r, 600)); // the preload writes it every 0.5 s
        try {
          return Math.round(JSON.parse(readFileSync(memFile, 'utf8')).heapUsed / 2 ** 20);
        } catch {
          return null;
        }
      };
      phase.apiRssMb.beforeLogins = rss(platform.api);
      phase.apiHeapUsedMb = { beforeLogins: memFile ? await heap() : null };
      phase.login = await loginAll(base, [...needA, ...needB]);
      phase.apiRssMb.afterLogins = rss(platform.api);
      phase.apiHeapUsedMb.afterLogins = memFile ? await heap() : null;
      log(`logins: ${phase.login.perSecond.toFixed(1)}/s`);
      await sampler.start();
      const ctx = { base, world, db, sampler, statsSettleMs: QUICK ? 0 : 1100, profiler: null };
      const measure = async (key, fn) => {
        log(`scenario ${key} …`);
        const r = await fn();
        phase.scenarios[key] = r;
        const bad = r.checks.filter((c) => !c.ok);
        log(
          `  ${r.rate.toFixed(1)} ${r.unit}, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, errors ${r.errors}${r.errorExamples?.length ? ` (${r.errorExamples[0]})` : ''}; API ${r.resources.api.cpuCores?.toFixed(2)} cores, ${r.resources.api.peakRssMb.toFixed(0)} MB; ` +
            `checks ${bad.length ? `FAILED: ${bad.map((c) => `${c.name} (${c.detail})`).join('; ')}` : 'ok'}${SCENARIOS[key] && !QUICK ? `; target ${targetMet(key, r) ? 'met' : 'missed'}` : ''}`,
        );
        return r;
      };
      // Warm-up (not reported as a scenario, but checked): JIT, caches, pool connections.
      phase.warmup = await attemptCycle(
        { ...ctx, profiler: null, statsSettleMs: 0 },
        { learners: a.slice(0, 10), durationMs: p.warmupMs, label: 'warm-up' },
      );
      await measure('attempts50', () =>
        attemptCycle(ctx, {
          learners: a.slice(0, p.attempts[0]),
          durationMs: p.durationMs,
          label: `${p.attempts[0]} concurrent`,
        }),
      );
      await measure('attempts200', () =>
        attemptCycle(ctx, {
          learners: a.slice(0, p.attempts[1]),
          durationMs: p.durationMs,
          label: `${p.attempts[1]} concurrent`,
        }),
      );
      await measure('autosave', () =>
        autosave(ctx, { learners: a.slice(0, p.autosave), durationMs: p.durationMs, label: `${p.autosave} learners` }),
      );
      await measure('page', () =>
        coursePage(ctx, { learners: a.slice(0, p.page), durationMs: p.durationMs, label: `${p.page} learners` }),
      );
      await measure('selfEnrol', () =>
        selfEnrol(ctx, { learners: needB, inFlight: 10, label: `${needB.length} learners` }),
      );
      const assignIds = b.slice(0, Math.min(b.length, 5000)).map((l) => l.employeeId);
      await measure('assign', () =>
        assignInOneCall(ctx, {
          employeeIds: assignIds,
          courseId: world.course2Id,
          label: `${assignIds.length} learners`,
        }),
      );
      await measure('sync', () =>
        synchronisedStart(ctx, {
          learners: [...a.slice(0, syncFromA), ...needB],
          spreadMs: 1000,
          label: `${p.sync} learners`,
        }),
      );
      phase.apiPeakRssMb = sampler.peakRssKb.api / 1024;
      phase.apiHeapAtPeak = sampler.peakMem;
      phase.workerPeakRssMb = sampler.peakRssKb.worker / 1024;
      const hwm = (pid) =>
        Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmHWM:\s+(\d+)/m)?.[1] ?? 0) / 1024;
      phase.apiHwmMb = hwm(platform.api);
      phase.workerHwmMb = hwm(platform.worker);
      if (profiling) {
        // After the measurements, so the profiler's own CPU and memory touch none of them: the same scenarios again on
        // learners not used yet, each with a CPU profile and the SQL statements the API sent.
        const extra = b.slice(p.selfEnrol, p.selfEnrol + 250);
        log(`profile pass (not measured): ${extra.length} more learners`);
        await loginAll(base, extra);
        const pctx = { ...ctx, statsSettleMs: 0, profiler: new Profiler(platform.api, profDir) };
        const ms = 5000;
        phase.profiles = {};
        phase.profiles.selfEnrol = await selfEnrol(pctx, { learners: extra, inFlight: 10, label: 'profile pass' });
        phase.profiles.attempts200 = await attemptCycle(pctx, {
          learners: extra.slice(0, 200),
          durationMs: ms,
          label: 'profile pass',
        });
        phase.profiles.autosave = await autosave(pctx, { learners: extra, durationMs: ms, label: 'profile pass' });
        phase.profiles.page = await coursePage(pctx, {
          learners: extra.slice(0, 50),
          durationMs: ms,
          label: 'profile pass',
        });
        for (const [k, r] of Object.entries(phase.profiles)) {
          log(
            `  ${k}: ${r.profile?.sqlTotal ?? '?'} SQL statements for ${r.calls} calls; ${r.profile?.categories
              .slice(0, 4)
              .map((c) => `${c.name} ${c.pctOfBusy} %`)
              .join(', ')}`,
          );
        }
      }
      const {
        rows: [open],
      } = await db.query(`SELECT count(*)::int AS n FROM quiz_attempt WHERE status = 'needs_grading'`);
      phase.globalChecks = [
        { name: 'no attempt waiting for hand grading (single-choice only)', ok: open.n === 0, detail: `${open.n}` },
      ];
    }
    if (WITH_JP && scale === SCALES[0]) {
      if (!sampler.timer) await sampler.start();
      phase.jp = await jpReports(
        { base, db, root, database, sampler },
        { ...jpPlan(), ...(hasPgbench() ? {} : { ceilingSeconds: 0 }) },
      );
      const bad = phase.jp.checks.filter((c) => !c.ok);
      log(
        `JP reports: checks ${bad.length ? `FAILED: ${bad.map((c) => `${c.name} (${c.detail})`).join('; ')}` : 'ok'}`,
      );
    }
    if (WITH_WORKERS && scale === SCALES[0]) {
      if (!sampler.timer) await sampler.start();
      log('Background workers: certificates issued per second by one process, SIASN deliveries per second');
      phase.workers = await workersScenario(
        { root, database, sampler, dbUrl: dbUrl(database), workerPid: platform.worker },
        workersPlan(),
      );
      const bad = phase.workers.checks.filter((c) => !c.ok);
      log(
        `Background workers: checks ${bad.length ? `FAILED: ${bad.map((c) => `${c.name} (${c.detail})`).join('; ')}` : 'ok'}`,
      );
    }
    if (WITH_CALENDAR && scale === SCALES[0]) {
      if (!sampler.timer) await sampler.start();
      log('Training calendar: the class registration burst');
      phase.calendar = await calendarScenario({ base, db, database, jwtSecret, sampler }, calendarPlan());
      const c = phase.calendar;
      const bad = c.checks.filter((x) => !x.ok);
      log(
        `  ${c.burst.perSecond.toFixed(0)} registrations/s, p50 ${c.burst.latency.p50} ms, p99 ${c.burst.latency.p99} ms, slowest ${c.burst.latency.max} ms, errors ${c.burst.errors}` +
          `${c.ceiling ? `; ceiling ${c.ceiling.perSecond.toFixed(0)}/s` : ''}; checks ${bad.length ? `FAILED: ${bad.map((x) => `${x.name} (${x.detail})`).join('; ')}` : 'ok'}`,
      );
    }
    if (WITH_WEBINAR && scale === SCALES[0]) {
      if (!sampler.timer) await sampler.start();
      log('Webinars: the join burst and a presence check');
      phase.webinar = await webinarScenario({ base, db, database, jwtSecret, sampler }, webinarPlan());
      const w = phase.webinar;
      const bad = w.checks.filter((x) => !x.ok);
      log(
        `  ${w.join.perSecond.toFixed(0)} joins/s, p50 ${w.join.latency.p50} ms, p99 ${w.join.latency.p99} ms, errors ${w.join.errors}; answers p99 ${w.answer.latency.p99} ms, errors ${w.answer.errors}` +
          `${w.ceiling ? `; ceiling ${w.ceiling.perSecond.toFixed(0)} joins/s` : ''}; checks ${bad.length ? `FAILED: ${bad.map((x) => `${x.name} (${x.detail})`).join('; ')}` : 'ok'}`,
      );
    }
    if (!ctxBase.pgStatStatements) ctxBase.pgStatStatements = await pgStatStatementsStatus(db);
    phaseOk =
      (!EXAM_DAY ||
        [phase.warmup, ...Object.values(phase.scenarios), ...Object.values(phase.profiles ?? {})].every(
          (r) => r.errors === 0 && r.checks.every((c) => c.ok),
        )) &&
      (!phase.jp || (phase.jp.errors === 0 && phase.jp.checks.every((c) => c.ok))) &&
      (!phase.workers || phase.workers.checks.every((c) => c.ok)) &&
      (!phase.calendar || phase.calendar.checks.every((c) => c.ok)) &&
      (!phase.webinar || phase.webinar.checks.every((c) => c.ok));
  } finally {
    await sampler.stop();
    await db.end();
    log('stopping the platform');
    await platform.stop();
    running = null;
    if (!flag('keep-db')) await dropDatabase(database);
    if (memFile) rmSync(memFile, { force: true });
    // The platform's log is kept when something went wrong (its path is printed).
    if (phaseOk && !flag('keep-db')) rmSync(platform.logFile, { force: true });
    else log(`platform log: ${platform.logFile.replace(`${ROOT}/`, '')}`);
  }
  return phase;
}

/** --render: rewrites docs/performance.md from the last full run's results, without running anything. */
function renderOnly() {
  const run = JSON.parse(readFileSync(join(BENCH_TMP, 'results-full.json'), 'utf8'));
  // Summaries are recomputed from the profile files when they are still there (a newer summariser may say more).
  for (const r of run.phases.flatMap((p) => Object.values(p.profiles ?? {}))) {
    if (r.profile?.file && existsSync(r.profile.file))
      Object.assign(r.profile, summarise(JSON.parse(readFileSync(r.profile.file, 'utf8'))));
  }
  writePerformanceDoc(
    join(ROOT, 'docs/performance.md'),
    run,
    readFileSync(join(ROOT, 'tools/bench/performance-skeleton.md'), 'utf8'),
  );
  // The JP block from the newest run that measured it (a full run, or --only=jp).
  const jpRuns = ['results-full.json', 'results-jp.json']
    .map((f) => join(BENCH_TMP, f))
    .filter((f) => existsSync(f))
    .map((f) => JSON.parse(readFileSync(f, 'utf8')))
    .filter((r) => r.phases.some((ph) => ph.jp))
    .sort((x, y) => String(y.finishedAt).localeCompare(String(x.finishedAt)));
  if (jpRuns.length) writeJpPerformanceDoc(join(ROOT, 'docs/performance.md'), jpRuns[0]);
  // The calendar block likewise (a full run, or --only=calendar).
  const calendarRuns = ['results-full.json', 'results-calendar.json']
    .map((f) => join(BENCH_TMP, f))
    .filter((f) => existsSync(f))
    .map((f) => JSON.parse(readFileSync(f, 'utf8')))
    .filter((r) => r.phases.some((ph) => ph.calendar))
    .sort((x, y) => String(y.finishedAt).localeCompare(String(x.finishedAt)));
  if (calendarRuns.length) writeCalendarPerformanceDoc(join(ROOT, 'docs/performance.md'), calendarRuns[0]);
  // The webinar block likewise (a full run, or --only=webinar).
  const webinarRuns = ['results-full.json', 'results-webinar.json']
    .map((f) => join(BENCH_TMP, f))
    .filter((f) => existsSync(f))
    .map((f) => JSON.parse(readFileSync(f, 'utf8')))
    .filter((r) => r.phases.some((ph) => ph.webinar))
    .sort((x, y) => String(y.finishedAt).localeCompare(String(x.finishedAt)));
  if (webinarRuns.length) writeWebinarPerformanceDoc(join(ROOT, 'docs/performance.md'), webinarRuns[0]);
  log('docs/performance.md rewritten from tmp/bench/results-*.json');
}

async function main() {
  if (flag('render')) return renderOnly();
  const started = performance.now();
  const git = gitInfo();
  log(
    `${QUICK ? 'QUICK (correctness only)' : 'FULL'} bench at ${git.commit}${git.dirtyFiles ? ` (+${git.dirtyFiles} changed files in the tree)` : ''}`,
  );
  await withAdmin((c) => c.query('SELECT 1')).catch((e) => {
    throw new Error(
      `PostgreSQL is needed at ${process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432'}: ${e.message}`,
    );
  });
  const root = snapshotBuild({ build: flag('build') });
  const run = {
    quick: QUICK,
    startedAt: new Date().toISOString(),
    git,
    command: argv.length ? `node tools/bench/run.mjs ${argv.join(' ')}` : 'npm run bench (node tools/bench/run.mjs)',
    machine: {
      cores: Number(spawnSync('nproc', { encoding: 'utf8' }).stdout.trim()),
      node: process.version,
      postgres: await withAdmin(async (c) => (await c.query('SHOW server_version')).rows[0].server_version).then(
        (v) => `PostgreSQL ${v}`,
      ),
    },
    phases: [],
    // The machine is shared: the load before the run says how busy it was already.
    loadBefore: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
  };
  if (!hasPgbench()) {
    // The quick mode checks correctness; without pgbench (e.g. an embedded PostgreSQL) it goes on without the ceiling.
    if (!QUICK)
      throw new Error('pgbench is needed for the PostgreSQL ceiling (apt install postgresql-contrib or postgresql-15)');
    log('pgbench not found: no PostgreSQL ceiling in this quick run');
    run.ceiling = null;
  } else {
    log(`PostgreSQL ceiling: pgbench ${QUICK ? 2 : 20} s, 16 clients`);
    run.ceiling = await measureCeiling({ seconds: QUICK ? 2 : 20, clients: 16 });
    log(
      `  ${run.ceiling.attemptsPerSecond.toFixed(0)} attempts/s (${run.ceiling.commitsPerSecond.toFixed(0)} commits/s); checks ${run.ceiling.checks.every((c) => c.ok) ? 'ok' : 'FAILED'}`,
    );
  }
  const ctxBase = {};
  try {
    for (const scale of SCALES) run.phases.push(await runPhase(scale, root, ctxBase));
  } finally {
    removeSnapshot();
  }
  run.pgStatStatements = ctxBase.pgStatStatements ?? 'not checked';
  run.finishedAt = new Date().toISOString();
  run.wallSeconds = (performance.now() - started) / 1000;

  const failures = [
    ...(run.ceiling?.checks ?? []).filter((c) => !c.ok).map((c) => `ceiling: ${c.name} (${c.detail})`),
    ...run.phases.flatMap((ph) => [
      ...(ph.jp
        ? [
            ...(ph.jp.errors ? [`${ph.label} JP reports: ${ph.jp.errors} errors or non-2xx answers`] : []),
            ...ph.jp.checks.filter((c) => !c.ok).map((c) => `${ph.label} JP reports: ${c.name} (${c.detail})`),
          ]
        : []),
      ...(ph.workers?.checks ?? []).filter((c) => !c.ok).map((c) => `${ph.label} workers: ${c.name} (${c.detail})`),
      ...(ph.calendar?.checks ?? []).filter((c) => !c.ok).map((c) => `${ph.label} calendar: ${c.name} (${c.detail})`),
      ...(ph.webinar?.checks ?? []).filter((c) => !c.ok).map((c) => `${ph.label} webinar: ${c.name} (${c.detail})`),
      ...[
        ...(ph.warmup ? [['warmup', ph.warmup]] : []),
        ...Object.entries(ph.scenarios),
        ...Object.entries(ph.profiles ?? {}).map(([k, r]) => [`profile pass ${k}`, r]),
      ].flatMap(([k, r]) => [
        ...(r.errors ? [`${ph.label} ${k}: ${r.errors} errors (${r.errorExamples.join(' | ')})`] : []),
        ...(r.checks ?? []).filter((c) => !c.ok).map((c) => `${ph.label} ${k}: ${c.name} (${c.detail})`),
      ]),
      ...(ph.globalChecks ?? []).filter((c) => !c.ok).map((c) => `${ph.label}: ${c.name} (${c.detail})`),
    ]),
  ];
  run.failures = failures;
  mkdirSync(BENCH_TMP, { recursive: true });
  const resultsFile = join(
    BENCH_TMP,
    `results-${QUICK ? 'quick' : ONLY_JP ? 'jp' : ONLY_WORKERS ? 'workers' : ONLY_CALENDAR ? 'calendar' : ONLY_WEBINAR ? 'webinar' : 'full'}.json`,
  );
  writeFileSync(
    resultsFile,
    JSON.stringify(run, (k, v) => (v instanceof Map ? Object.fromEntries(v) : v), 1),
  );
  if (EXAM_DAY) console.log(`\n${renderTable(run)}\n`);
  for (const ph of run.phases.filter((x) => x.jp))
    console.log(`\nJP reports (${ph.label}):\n${renderJpTable(ph.jp)}\n`);
  for (const ph of run.phases.filter((x) => x.workers))
    console.log(`\nBackground workers (${ph.label}):\n${renderWorkersTable(ph.workers)}\n`);
  for (const ph of run.phases.filter((x) => x.calendar))
    console.log(`\nClass registration burst (${ph.label}):\n${renderCalendarTable(ph.calendar)}\n`);
  for (const ph of run.phases.filter((x) => x.webinar))
    console.log(`\nWebinar join burst (${ph.label}):\n${renderWebinarTable(ph.webinar)}\n`);
  if (!QUICK && !flag('no-docs')) {
    if (EXAM_DAY)
      writePerformanceDoc(
        join(ROOT, 'docs/performance.md'),
        run,
        readFileSync(join(ROOT, 'tools/bench/performance-skeleton.md'), 'utf8'),
      );
    if (run.phases.some((ph) => ph.jp)) writeJpPerformanceDoc(join(ROOT, 'docs/performance.md'), run);
    if (run.phases.some((ph) => ph.workers)) writeWorkersPerformanceDoc(join(ROOT, 'docs/performance.md'), run);
    if (run.phases.some((ph) => ph.calendar)) writeCalendarPerformanceDoc(join(ROOT, 'docs/performance.md'), run);
    if (run.phases.some((ph) => ph.webinar)) writeWebinarPerformanceDoc(join(ROOT, 'docs/performance.md'), run);
    log('docs/performance.md updated');
  }
  log(`results: ${resultsFile.replace(`${ROOT}/`, '')}; wall time ${run.wallSeconds.toFixed(0)} s`);
  if (failures.length) {
    console.error(
      `\nFAILURES — errors or wrong results (speed never fails a run) (${failures.length}):\n  ${failures.join('\n  ')}`,
    );
    process.exit(1);
  }
  log(
    QUICK
      ? 'quick bench: every count exact, zero errors (JP reports included)'
      : 'full bench: every count exact, zero errors (targets: see the table)',
  );
}

main().catch((e) => {
  console.error(e?.stack ?? e);
  process.exit(1);
});
