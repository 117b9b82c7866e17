// The JP compliance report scenario (issue 16, decision 0023): a province of `asn` ASN and `lines` ledger lines
// (lib/jp-data.mjs), the province summary and each drill-down level measured over HTTP with autocannon, every figure
// checked first against the ledger itself (not the aggregate the API reads), and the same summary statement run by
// pgbench alone — the PostgreSQL ceiling of this scenario, measured in the same run.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Client } from './http.mjs';
import { DEMO_PASSWORD, login, REVIEWER } from './data.mjs';
import {
  buildReportGroups,
  consistencyCheck,
  generateJpWorld,
  NTB_AGENCIES_SQL,
  rebuildAggregate,
} from './jp-data.mjs';
import { BENCH_TMP, log, pgbenchFigures, pgCommandLine } from './platform.mjs';

const check = (name, ok, detail = '') => ({ name, ok: !!ok, detail: String(detail) });
const near = (a, b) => Math.abs(Number(a) - Number(b)) < 0.005;

/** What the ledger itself says for the province's year: the truth every report number is checked against. */
async function ledgerTruth(db, year) {
  const {
    rows: [t],
  } = await db.query(
    `WITH people AS (
       SELECT e.id, e.employee_type, coalesce(l.jp, 0) AS jp, coalesce(l.formal, 0) AS formal, coalesce(l.social, 0) AS social,
              coalesce(l.experiential, 0) AS experiential
         FROM employee e
         LEFT JOIN (SELECT employee_id, sum(jp) AS jp, sum(jp) FILTER (WHERE channel = 'formal') AS formal,
                           sum(jp) FILTER (WHERE channel = 'social') AS social,
                           sum(jp) FILTER (WHERE channel = 'experiential') AS experiential
                      FROM jp_ledger_line WHERE year = $1 GROUP BY employee_id) l ON l.employee_id = e.id
        WHERE e.active AND e.agency_id IN (${NTB_AGENCIES_SQL}))
     SELECT count(*)::int AS asn, count(*) FILTER (WHERE jp >= 20)::int AS reached,
            count(*) FILTER (WHERE jp < 20 AND employee_type = 'PNS')::int AS non_compliant,
            count(*) FILTER (WHERE jp < 20 AND employee_type = 'PPPK')::int AS pppk_below,
            sum(jp)::text AS total, sum(formal)::text AS formal, sum(social)::text AS social, sum(experiential)::text AS experiential
       FROM people`,
    [year],
  );
  return t;
}

/** The drill-down row of a summary that opens `predicate`'s child. */
const childWhere = (summary, predicate) => summary.children.find(predicate);
const qs = (o) =>
  Object.entries(o)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');

function addsUp(label, s) {
  const sum = (k) => Math.round(s.children.reduce((a, c) => a + c[k], 0) * 100) / 100;
  return check(
    `${label}: the drill-down rows add up to the totals (ASN, reached, non-compliant, JP)`,
    sum('asnCount') === s.totals.asnCount &&
      sum('reachedCount') === s.totals.reachedCount &&
      sum('nonCompliantCount') === s.totals.nonCompliantCount &&
      near(sum('totalJp'), s.totals.totalJp),
    `${sum('asnCount')}/${s.totals.asnCount} ASN, ${sum('totalJp')}/${s.totals.totalJp} JP`,
  );
}

/** One endpoint under autocannon: `connections` keep-alive connections for `seconds`; p50/p99 from its histogram. */
async function hammer(ctx, { key, label, path, token, connections, seconds }) {
  const mark = ctx.sampler.mark();
  const r = await autocannon({
    url: `${ctx.base}${path}`,
    connections,
    duration: seconds,
    headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
  });
  const resources = ctx.sampler.window(mark);
  const total = r.requests.total ?? Math.round(r.requests.average * r.duration);
  return {
    key,
    label,
    path,
    connections,
    seconds: r.duration,
    requests: total,
    rate: total / r.duration,
    latency: {
      p50: r.latency.p50,
      p90: r.latency.p90,
      p99: r.latency.p99,
      max: r.latency.max,
      mean: r.latency.average,
    },
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    resources,
  };
}

/** Inlines `$n` parameters as SQL literals (pgbench sends the statement text as it is). */
function inline(text, params) {
  const lit = (v) =>
    Array.isArray(v)
      ? `'{${v.map((x) => String(x).replace(/[^0-9a-f-]/gi, '')).join(',')}}'`
      : typeof v === 'number'
        ? String(v)
        : `'${String(v).replace(/'/g, "''")}'`;
  return text.replace(/\$(\d+)/g, (_, i) => lit(params[Number(i) - 1]));
}

/**
 * The scenario's PostgreSQL ceiling: the province summary statement the API sends (built by the API's own compiled
 * store, so it is the same text), in the same transaction settings, run by pgbench with `clients` clients for
 * `seconds` — summaries per second PostgreSQL alone can answer on this machine, right now.
 */
async function summaryCeiling(ctx, { root, db, database, year, provinceId, clients, seconds }) {
  const require = createRequire(import.meta.url);
  const store = require(join(root, 'dist/apps/api/libs/server/jp/src/reports/compliance-store.js'));
  const { AgencyTreeIndex } = require(join(root, 'dist/apps/api/libs/server/organisation/src/tree/agency-tree.js'));
  const { rows } = await db.query('SELECT id, parent_id, level, time_zone FROM agency');
  const tree = new AgencyTreeIndex(
    rows.map((r) => ({ id: r.id, parentId: r.parent_id, level: r.level, timeZone: r.time_zone })),
  );
  const groups = require(join(root, 'dist/apps/api/libs/server/jp/src/reports/report-groups-store.js'));
  // The statement the API sends for a province summary: over the report aggregate (decision 0033).
  const q = groups.groupSummarySql({ level: 'province', agencyId: provinceId }, tree, 'all', year);
  const dir = join(BENCH_TMP, 'jp');
  mkdirSync(dir, { recursive: true });
  const script = join(dir, `summary-${database}.pgbench.sql`);
  writeFileSync(
    script,
    `BEGIN ISOLATION LEVEL REPEATABLE READ;\n${store.REPORT_SETTINGS_SQL};\n${inline(q.text, q.params).replace(/\s*\n\s*/g, ' ')};\nCOMMIT;\n`,
  );
  const { args: conn, env } = pgCommandLine();
  const args = [
    ...conn,
    '-n',
    '-c',
    String(clients),
    '-j',
    String(Math.min(clients, 2)),
    '-T',
    String(seconds),
    '-f',
    script,
    database,
  ];
  const mark = ctx.sampler.mark();
  const r = spawnSync('pgbench', args, { encoding: 'utf8', env });
  const resources = ctx.sampler.window(mark);
  if (r.status !== 0) throw new Error(`pgbench (JP summary) failed (${r.status}): ${r.stderr}\n${r.stdout}`);
  const { perSecond, latencyMs, processed, failed } = pgbenchFigures(r.stdout);
  return {
    summariesPerSecond: perSecond,
    latencyMs,
    processed,
    failed,
    clients,
    seconds,
    machineBusyShare: resources.machine.busyShare,
    postgresCores: resources.postgres.cpuCores,
    command: `pgbench ${args.join(' ').replace(script, script.replace(`${join(BENCH_TMP, '..', '..')}/`, ''))}`,
  };
}

/**
 * The JP report scenario on a running platform: generates the province, rebuilds the aggregate with the app's own function,
 * checks every level against the ledger, measures each level with autocannon, then the pgbench ceiling.
 */
export async function jpReports(ctx, o) {
  const { base, db, root, database } = ctx;
  const out = { asn: o.asn, lines: o.lines, year: o.year, connections: o.connections, secondsPerLevel: o.seconds };
  log(
    `JP reports: generating ${o.asn.toLocaleString('en-US')} ASN and ${o.lines.toLocaleString('en-US')} ledger lines`,
  );
  out.generation = await generateJpWorld(db, { asn: o.asn, lines: o.lines, year: o.year, lastMonth: o.lastMonth });
  out.rebuild = await rebuildAggregate(db, root);
  out.reportGroups = await buildReportGroups(db, root, o.year);
  const t = performance.now();
  for (const table of ['employee', 'jp_ledger_line', 'jp_person_year']) await db.query(`VACUUM ANALYZE ${table}`);
  out.vacuumSeconds = (performance.now() - t) / 1000;
  log(
    `  generated in ${(out.generation.employeesSeconds + out.generation.linesSeconds).toFixed(1)} s, aggregate rebuilt in ${out.rebuild.seconds.toFixed(1)} s (${out.rebuild.upserted} person-years), province aggregate built in ${out.reportGroups.seconds.toFixed(1)} s (${out.reportGroups.groups} groups), vacuum/analyze ${out.vacuumSeconds.toFixed(1)} s`,
  );
  out.consistency = await consistencyCheck(db, root);
  log(
    `  consistency check: ${out.consistency.ok ? 'consistent' : 'INCONSISTENT'} in ${out.consistency.seconds.toFixed(1)} s`,
  );

  const c = new Client(base, { connections: 2 });
  const checks = [];
  const levels = {};
  try {
    const admin = await login(c, REVIEWER, DEMO_PASSWORD);
    const get = (path) => c.json('GET', path, { token: admin.token });
    const year = o.year;
    // The province summary, then each level down by the drill the API gives: regency/city → unit → sub-unit.
    const province = await get(`/api/jp/compliance?${qs({ year })}`);
    const {
      rows: [{ id: mataramId }],
    } = await db.query(`SELECT id FROM agency WHERE code = 'kota-mataram'`);
    const agencyRow = childWhere(province, (x) => x.id === mataramId);
    const agency = await get(`/api/jp/compliance?${qs({ year, ...agencyRow.drill })}`);
    const unitRow = childWhere(agency, (x) => x.kind === 'unit' && x.name === 'Dinas Kesehatan');
    const unit = await get(`/api/jp/compliance?${qs({ year, ...unitRow.drill })}`);
    const subRow = childWhere(unit, (x) => x.kind === 'unit');
    const sub = await get(`/api/jp/compliance?${qs({ year, ...subRow.drill })}`);
    const trend = await get(`/api/jp/compliance/trend?${qs({ year })}`);
    const people = await get(`/api/jp/compliance/people?${qs({ year })}`);
    const unitPeople = await get(`/api/jp/compliance/people?${qs({ year, ...unitRow.drill })}`);
    const truth = await ledgerTruth(db, year);
    const tt = province.totals;
    checks.push(
      check(
        'province totals equal the ledger (ASN, reached 20 JP, PNS below 20, PPPK below 20)',
        tt.asnCount === truth.asn &&
          tt.reachedCount === truth.reached &&
          tt.nonCompliantCount === truth.non_compliant &&
          tt.pppkBelowTargetCount === truth.pppk_below,
        `${tt.asnCount}/${truth.asn} ASN, ${tt.reachedCount}/${truth.reached} reached, ${tt.nonCompliantCount}/${truth.non_compliant} non-compliant`,
      ),
      check(
        'province JP and its 10:20:70 mix equal the sum of the ledger lines',
        near(tt.totalJp, truth.total) &&
          near(tt.mix.formalJp, truth.formal) &&
          near(tt.mix.socialJp, truth.social) &&
          near(tt.mix.experientialJp, truth.experiential),
        `${tt.totalJp} vs ${truth.total}`,
      ),
      check(
        `the province has ${o.asn.toLocaleString('en-US')} ASN and ${o.lines.toLocaleString('en-US')} ledger lines`,
        tt.asnCount === o.asn && out.generation.lines === o.lines,
        `${tt.asnCount} ASN`,
      ),
      addsUp('province', province),
      addsUp('regency/city', agency),
      addsUp('unit', unit),
      addsUp('sub-unit', sub),
      check(
        'each level equals the row it was opened from (regency/city, unit, sub-unit)',
        agency.totals.asnCount === agencyRow.asnCount &&
          near(agency.totals.totalJp, agencyRow.totalJp) &&
          unit.totals.asnCount === unitRow.asnCount &&
          near(unit.totals.totalJp, unitRow.totalJp) &&
          sub.totals.asnCount === subRow.asnCount &&
          near(sub.totals.totalJp, subRow.totalJp),
        `${agency.totals.asnCount}/${agencyRow.asnCount}, ${unit.totals.asnCount}/${unitRow.asnCount}, ${sub.totals.asnCount}/${subRow.asnCount}`,
      ),
      check(
        'distribution buckets count every ASN once',
        province.distribution.reduce((a, b) => a + b.count, 0) === tt.asnCount,
      ),
      check(
        'the month trend adds up to the year\u2019s JP',
        near(trend.months[11].cumulativeJp, tt.totalJp),
        `${trend.months[11].cumulativeJp} vs ${tt.totalJp}`,
      ),
      check(
        'the people list holds everyone below 20 JP (PNS non-compliant + PPPK below target)',
        people.total === tt.nonCompliantCount + tt.pppkBelowTargetCount,
        `${people.total} vs ${tt.nonCompliantCount + tt.pppkBelowTargetCount}`,
      ),
      check(
        'a unit\u2019s people list holds its ASN below 20 JP',
        unitPeople.total === unit.totals.nonCompliantCount + unit.totals.pppkBelowTargetCount,
        `${unitPeople.total}`,
      ),
      check(
        'consistency check: every per-person-year aggregate equals its ledger lines',
        out.consistency.ok,
        out.consistency.report
          ? `${out.consistency.report.personYearsChecked} person-years, ${out.consistency.report.ledgerLines} lines, ${out.consistency.report.mismatchCount} mismatches`
          : 'no report',
      ),
    );
    out.shape = {
      provinceChildren: province.children.length,
      agencyName: agencyRow.name,
      agencyAsn: agency.totals.asnCount,
      unitName: unitRow.name,
      unitAsn: unit.totals.asnCount,
      subUnitName: subRow.name,
      subUnitAsn: sub.totals.asnCount,
      reachedPercent: tt.reachedPercent,
      pnsCompliancePercent: tt.pnsCompliancePercent,
      averageJp: tt.averageJp,
      distribution: province.distribution,
    };
    const targets = [
      ['province', 'Province summary (NTB: province + 10 regencies/cities)', `/api/jp/compliance?${qs({ year })}`],
      [
        'agency',
        `Regency/city level (${agencyRow.name}, by unit)`,
        `/api/jp/compliance?${qs({ year, ...agencyRow.drill })}`,
      ],
      ['unit', `Unit level (${unitRow.name}, by sub-unit)`, `/api/jp/compliance?${qs({ year, ...unitRow.drill })}`],
      ['subUnit', `Sub-unit level (${subRow.name})`, `/api/jp/compliance?${qs({ year, ...subRow.drill })}`],
      [
        'unitPeople',
        `People level: ${unitRow.name}, below 20 JP, page 1`,
        `/api/jp/compliance/people?${qs({ year, ...unitRow.drill })}`,
      ],
      ['provincePeople', 'Province people below 20 JP, page 1', `/api/jp/compliance/people?${qs({ year })}`],
      ['trend', 'Province month trend', `/api/jp/compliance/trend?${qs({ year })}`],
    ];
    // Warm-up (JIT, pools, the agency tree cache): a few calls each, not measured.
    for (const [, , path] of targets) for (let i = 0; i < 3; i++) await get(path);
    for (const [key, label, path] of targets) {
      log(`  measuring ${key} (${o.connections} connections, ${o.seconds} s)`);
      levels[key] = await hammer(ctx, {
        key,
        label,
        path,
        token: admin.token,
        connections: o.connections,
        seconds: o.seconds,
      });
      const l = levels[key];
      log(
        `    ${l.rate.toFixed(1)} req/s, p50 ${l.latency.p50} ms, p99 ${l.latency.p99} ms, errors ${l.errors}, non-2xx ${l.non2xx}; API ${l.resources.api.cpuCores?.toFixed(2)} cores, PostgreSQL ${l.resources.postgres.cpuCores.toFixed(2)}, machine ${(l.resources.machine.busyShare * 100).toFixed(0)} % busy`,
      );
    }
  } finally {
    c.close();
  }
  out.levels = levels;
  out.errors = Object.values(levels).reduce((a, l) => a + l.errors + l.non2xx, 0);
  if (o.ceilingSeconds) {
    const {
      rows: [{ id: provinceId }],
    } = await db.query(`SELECT id FROM agency WHERE code = 'prov-ntb'`);
    log(`  PostgreSQL ceiling of the province summary: pgbench ${o.ceilingSeconds} s, ${o.connections} clients`);
    out.ceiling = await summaryCeiling(ctx, {
      root,
      db,
      database,
      year: o.year,
      provinceId,
      clients: o.connections,
      seconds: o.ceilingSeconds,
    });
    checks.push(
      check(
        'ceiling: pgbench ran the summary without failures',
        out.ceiling.failed === 0 && out.ceiling.processed > 0,
        `${out.ceiling.processed} summaries`,
      ),
    );
    log(`    ${out.ceiling.summariesPerSecond.toFixed(1)} summaries/s, mean ${out.ceiling.latencyMs} ms`);
  }
  out.checks = checks;
  return out;
}
