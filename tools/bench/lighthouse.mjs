// `npm run lighthouse`: Lighthouse (phone profile: Moto G Power emulation, simulated slow 4G, 4× CPU slowdown — its
// defaults) on the login, catalog, course and player pages of the built app with the demo world, signed in as the demo
// learner. Prints the performance and accessibility scores and, unless --no-docs, writes them into the "Lighthouse"
// block of docs/performance.md with the command that produced them. Scores are measured, never asserted (issue 15).
//
//   node tools/bench/lighthouse.mjs [--build] [--runs=<n per page, default 3: the median is kept>] [--no-docs]
//                                   [--pages=<names, e.g. catalog,player: only those; never written to the docs>]
//                                   [--json=<dir>: also write each run's full report to <dir>/<page>-<run>.json, e.g. tmp/lh,
//                                    and Lighthouse's trace of it to <dir>/<page>-<run>.trace]
// LH_TRACE_CATEGORIES=<categories> adds trace categories, e.g. disabled-by-default-v8.cpu_profiler for a CPU profile in
// the trace (it slows the page: such runs are for reading, not for the record; decision 0042).
// Needs PostgreSQL (BENCH_PG_URL) and Redis (REDIS_URL) as the bench does, and Chromium (CHROMIUM_PATH or
// /usr/bin/chromium).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import {
  dropDatabase,
  freePortPair,
  freshDatabase,
  gitInfo,
  log,
  removeSnapshot,
  ROOT,
  snapshotBuild,
  startPlatform,
} from './lib/platform.mjs';

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const opt = (name, dflt) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt;
const RUNS = Number(opt('runs', 3));
const ONLY = opt('pages', '') ? opt('pages', '').toLowerCase().split(',') : null;
const JSON_DIR = opt('json', '') ? resolve(opt('json', '')) : '';
const LEARNER = '198609262015051001'; // demo learner (README)
const PASSWORD = 'Kompeten#2026';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const DOC = join(ROOT, 'docs/performance.md');
const BEGIN = '<!-- lighthouse:begin -->';
const END = '<!-- lighthouse:end -->';

function buildWeb() {
  const webIndex = join(ROOT, 'dist/apps/web/index.html');
  if (!flag('build') && existsSync(webIndex)) return;
  log('Building the web app');
  const r = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/nx/dist/bin/nx.js'), 'run', 'web:build', '--output-style=static'],
    { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' } },
  );
  if (r.status !== 0) throw new Error('The web build failed');
}

async function api(base, path, token, init = {}) {
  const res = await fetch(`${base}/api${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** The four pages, with ids taken from the demo world through the API. */
async function pages(base) {
  const { accessToken } = await api(base, '/auth/login', null, {
    method: 'POST',
    body: JSON.stringify({ username: LEARNER, password: PASSWORD }),
  });
  const catalog = await api(base, '/catalog?pageSize=20', accessToken);
  const course = catalog.items[0];
  if (!course) throw new Error('The demo catalog is empty');
  // The player is measured on a lesson the learner may open: an active enrolment. The demo learner starts with none,
  // and a course with enrolmentMode 'approval' would leave the enrolment pending (the player then shows its 409).
  const activeEnrolment = async () =>
    (await api(base, '/me/enrolments?pageSize=50', accessToken)).items.find((e) => e.status === 'active');
  let active = await activeEnrolment();
  if (!active) {
    const open = catalog.items.find((c) => c.enrolmentMode === 'open');
    if (!open) throw new Error('The demo catalog has no course open to self-enrolment');
    await api(base, `/courses/${open.id}/enrolments`, accessToken, { method: 'POST', body: '{}' });
    active = await activeEnrolment();
    if (!active) throw new Error(`Enrolling in ${open.title} did not give an active enrolment`);
  }
  const enrolment = await api(base, `/enrolments/${active.id}`, accessToken);
  const lesson = enrolment.resume?.lessonId ?? enrolment.modules[0]?.lessons[0]?.id;
  if (!lesson) throw new Error(`The enrolment in ${active.courseTitle} has no lesson`);
  return [
    { name: 'Login', path: '/login', signedIn: false },
    { name: 'Catalog', path: '/katalog', signedIn: true },
    { name: 'Course', path: `/katalog/${course.id}`, signedIn: true },
    { name: 'Player', path: `/belajar/${active.id}/${lesson}`, signedIn: true },
  ];
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  buildWeb();
  const root = snapshotBuild({ build: flag('build') });
  const { port } = { port: await freePortPair(3960) };
  const database = `kompeten_lighthouse_${randomBytes(3).toString('hex')}`;
  await freshDatabase(database);
  const platform = await startPlatform({
    root,
    port,
    database,
    jwtSecret: randomBytes(36).toString('base64url'),
    queuePrefix: `klh${randomBytes(4).toString('hex')}`,
    extraEnv: { WEB_DIST_DIR: join(ROOT, 'dist/apps/web'), SEED_DEMO_COURSES: 'true' },
  });
  const base = `http://127.0.0.1:${port}`;
  const debugPort = (await freePortPair(9400)) + 0;
  const profile = mkdtempSync(join(tmpdir(), 'kompeten-lighthouse-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [`--remote-debugging-port=${debugPort}`, '--no-sandbox'],
  });
  const results = [];
  try {
    const list = await pages(base);
    const page = browser.pages()[0] ?? (await browser.newPage());
    const cdp = await browser.newCDPSession(page);
    // Lighthouse's back/forward-cache check leaves the page and comes back, which (the cache being off in headless
    // Chromium) loads it again, session restore included. A refresh still in flight when the next run navigates away
    // would be lost after the server rotated the refresh token, and reusing the old one ends the session (decision
    // 0010). So before each run, wait until no refresh is pending.
    const pendingRefreshes = new Set();
    const isRefresh = (request) => new URL(request.url()).pathname === '/api/auth/refresh';
    page.on('request', (request) => isRefresh(request) && pendingRefreshes.add(request));
    for (const done of ['requestfinished', 'requestfailed'])
      page.on(done, (request) => pendingRefreshes.delete(request));
    const settle = async () => {
      const deadline = Date.now() + 30_000;
      while (pendingRefreshes.size && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    };
    // Sign in once, after the login page was measured signed out, through the real login page: the refresh cookie then
    // lives in this profile, which Lighthouse keeps (disableStorageReset), so the signed-in pages load as they do for a
    // returning learner. The HTTP cache is emptied before every run, so each run is a first visit's download.
    const signIn = async () => {
      await page.goto(`${base}/login`);
      await page.getByLabel('NIP atau email', { exact: true }).fill(LEARNER);
      await page.getByLabel('Kata sandi', { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: 'Masuk', exact: true }).click();
      await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 30_000 });
      await page.goto('about:blank');
    };
    let signedIn = false;
    for (const p of list.filter((x) => !ONLY || ONLY.includes(x.name.toLowerCase()))) {
      const perf = [];
      const a11y = [];
      const metrics = [];
      if (p.signedIn && !signedIn) {
        await signIn();
        signedIn = true;
      }
      let retries = 0;
      for (let i = 0; i < RUNS; i++) {
        await settle();
        await cdp.send('Network.clearBrowserCache');
        const r = await lighthouse(`${base}${p.path}`, {
          port: debugPort,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility'],
          // The back/forward-cache check (unscored) loads the page again and leaves it at once, which can cut off that
          // load's session refresh and end the session (decision 0010): the next run then measured /login.
          skipAudits: ['bf-cache'],
          disableStorageReset: true,
          ...(process.env.LH_TRACE_CATEGORIES ? { additionalTraceCategories: process.env.LH_TRACE_CATEGORIES } : {}),
        });
        const lhr = r.lhr;
        if (JSON_DIR) {
          mkdirSync(JSON_DIR, { recursive: true });
          writeFileSync(join(JSON_DIR, `${p.name.toLowerCase()}-${i + 1}.json`), JSON.stringify(lhr, null, 1));
          if (r.artifacts?.Trace) {
            writeFileSync(join(JSON_DIR, `${p.name.toLowerCase()}-${i + 1}.trace`), JSON.stringify(r.artifacts.Trace));
          }
        }
        // Lighthouse drives its own tab, where a session refresh cut off by the previous run's last navigation can end
        // the session (the rotated refresh token is lost; decision 0010): that run measured the login page, not this
        // one. Sign in again and measure this run again, at most twice per page, and say so.
        if (p.signedIn && new URL(lhr.finalDisplayedUrl).pathname === '/login' && retries < 2) {
          retries++;
          log(`${p.name}: run ${i + 1} ended on /login (session ended between runs); signing in again, run repeated`);
          await signIn();
          i--;
          continue;
        }
        perf.push(Math.round(lhr.categories.performance.score * 100));
        a11y.push(Math.round(lhr.categories.accessibility.score * 100));
        metrics.push({
          fcp: lhr.audits['first-contentful-paint'].numericValue,
          lcp: lhr.audits['largest-contentful-paint'].numericValue,
          tbt: lhr.audits['total-blocking-time'].numericValue,
          cls: lhr.audits['cumulative-layout-shift'].numericValue,
          bytes: lhr.audits['total-byte-weight'].numericValue,
          failed: Object.values(lhr.audits)
            .filter(
              (a) =>
                a.scoreDisplayMode === 'binary' &&
                a.score === 0 &&
                lhr.categories.accessibility.auditRefs.some((ref) => ref.id === a.id),
            )
            .map((a) => a.id),
        });
        if (new URL(lhr.finalDisplayedUrl).pathname !== p.path)
          throw new Error(`${p.name}: Lighthouse ended on ${lhr.finalDisplayedUrl}, not ${p.path}`);
        // A page whose own API calls failed shows an error state, which is not the page to measure.
        const failedCalls = lhr.audits['network-requests'].details.items.filter(
          (r) => new URL(r.url).pathname.startsWith('/api/') && r.statusCode >= 400,
        );
        if (failedCalls.length)
          throw new Error(
            `${p.name}: the page's API calls failed (${failedCalls.map((r) => `${r.statusCode} ${new URL(r.url).pathname}`).join(', ')}), so Lighthouse measured an error state`,
          );
      }
      const m = (k) => median(metrics.map((x) => x[k]));
      const row = {
        name: p.name,
        path: p.path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id'),
        performance: median(perf),
        accessibility: median(a11y),
        performanceRuns: perf,
        fcpMs: Math.round(m('fcp')),
        lcpMs: Math.round(m('lcp')),
        tbtMs: Math.round(m('tbt')),
        cls: Number(m('cls').toFixed(3)),
        transferKb: Math.round(m('bytes') / 1024),
        accessibilityFailures: [...new Set(metrics.flatMap((x) => x.failed))],
      };
      results.push(row);
      log(
        `${row.name.padEnd(8)} performance ${row.performance} (runs ${perf.join(', ')}), accessibility ${row.accessibility}` +
          `, LCP ${row.lcpMs} ms, TBT ${row.tbtMs} ms, ${row.transferKb} KB` +
          (row.accessibilityFailures.length ? `, failing: ${row.accessibilityFailures.join(', ')}` : ''),
      );
    }
  } finally {
    await browser.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
    await platform.stop();
    await dropDatabase(database).catch(() => {});
    removeSnapshot();
  }
  if (!flag('no-docs') && !ONLY) writeDoc(results);
}

function writeDoc(results) {
  const git = gitInfo();
  const cores = spawnSync('nproc', { encoding: 'utf8' }).stdout.trim();
  const command = `node tools/bench/lighthouse.mjs${argv.length ? ` ${argv.join(' ')}` : ''}`;
  const lines = [
    BEGIN,
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC at commit \`${git.commit}\`${git.dirtyFiles ? ` (+${git.dirtyFiles} uncommitted files)` : ''}, ${cores} cores, Lighthouse 12.8.2 with its mobile defaults (simulated slow 4G, 4× CPU slowdown), Chromium ${spawnSync(
      CHROMIUM,
      ['--version'],
      { encoding: 'utf8' },
    )
      .stdout.trim()
      .replace(/^Chromium\s*/, '')}, median of ${RUNS} runs per page, by \`${command}\` (\`npm run lighthouse\`).`,
    '',
    '| Page | Path | Performance | Accessibility | LCP | TBT | CLS | Transferred |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
    ...results.map(
      (r) =>
        `| ${r.name} | \`${r.path}\` | ${r.performance} (${r.performanceRuns.join(', ')}) | ${r.accessibility}${r.accessibilityFailures.length ? ` (${r.accessibilityFailures.join(', ')})` : ''} | ${r.lcpMs} ms | ${r.tbtMs} ms | ${r.cls} | ${r.transferKb} KB |`,
    ),
    END,
  ];
  const doc = readFileSync(DOC, 'utf8');
  const block = lines.join('\n');
  const next = doc.includes(BEGIN)
    ? doc.replace(new RegExp(`${BEGIN}[\\s\\S]*?${END}`), block)
    : `${doc.trimEnd()}\n\n## Lighthouse (phone profile)\n\nTargets (issue 15): performance ≥ 90 and accessibility 100 on these four pages.\n\n${block}\n`;
  writeFileSync(DOC, next);
  log(`Wrote the Lighthouse block of docs/performance.md`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
