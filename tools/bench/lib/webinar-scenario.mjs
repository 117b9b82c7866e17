// Webinars for thousands (issue 18, decision 0038): N ASN registered for one unlimited webinar of a regency join it
// through Kompeten's link, their arrivals spread over one minute (a share double-clicks: two joins at once), then the
// host opens a presence check ("Cek kehadiran sekarang") and every learner answers it with the code (a share twice).
// Afterwards the database must hold exactly one join per learner (count 1: a double click is not a second join) and
// exactly one right answer per learner. Reported: joins/s over the burst, p50/p99/slowest of the join answers, the
// same for the answers, API/PostgreSQL CPU and how busy the machine was. Ceiling of the same run: pgbench sending the
// join statement (libs/server/calendar webinar-store.ts recordJoin) straight to PostgreSQL for a second webinar of N
// other registered ASN, 16 clients — what the database alone does for these joins, right now.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { DEMO_PASSWORD, REVIEWER, login } from './data.mjs';
import { Client, sleep, stats } from './http.mjs';
import { insertRegistrants } from './calendar-scenario.mjs';
import { runPgbenchScript } from './pgbench-script.mjs';
import { log } from './platform.mjs';

const require = createRequire(import.meta.url);
const jwt = require('jsonwebtoken');
const check = (name, ok, detail = '') => ({ name, ok: !!ok, detail });
const DAY = 24 * 3600_000;
const MIN = 60_000;
const isoDate = (t) => new Date(t).toISOString().slice(0, 10);
const MEETING = 'https://zoom.us/j/81234567890';

/**
 * An unlimited online class of the regency, created through the API (in the future: the API refuses a class that
 * started), then moved by SQL to a session running since a minute ago with its registration closed, and `people`
 * confirmed in it (registration has its own burst scenario; here they registered beforehand).
 */
async function runningWebinar(admin, token, db, offeringId, name, people) {
  const start = Date.now() + 30 * DAY;
  const r = await admin.request('POST', `/api/calendar/offerings/${offeringId}/classes`, {
    token,
    body: {
      name,
      schedule: [{ date: isoDate(start), start: '09:00', end: '11:00' }],
      mode: 'online',
      meetingUrl: MEETING,
      seats: null,
      registrationOpensAt: new Date(Date.now() - MIN).toISOString(),
      registrationClosesAt: new Date(Date.now() + DAY).toISOString(),
      cancellationDeadline: new Date(Date.now() + DAY).toISOString(),
    },
  });
  if (r.status !== 201) throw new Error(`webinar not created: ${r.status} ${r.body}`);
  const id = JSON.parse(r.body).id;
  const s = new Date(Date.now() - MIN);
  const e = new Date(Date.now() + 120 * MIN);
  await db.query(
    `UPDATE training_class SET sessions = $2, starts_at = $3, ends_at = $4, registration_opens_at = now() - interval '2 days',
            registration_closes_at = $3, cancellation_deadline = $3, taken = $5
      WHERE id = $1`,
    [id, JSON.stringify([[s.toISOString(), e.toISOString()]]), s, e, people.length],
  );
  await db.query(
    `INSERT INTO class_registration (class_id, employee_id, agency_id, status, seat_pool)
     SELECT $1, x.id, x.agency_id, 'confirmed', 'common' FROM unnest($2::uuid[], $3::uuid[]) AS x(id, agency_id)`,
    [id, people.map((p) => p.id), people.map((p) => p.agency_id)],
  );
  return id;
}

/** Sends `fire(i)` for each learner at its arrival moment: spread evenly over `spreadMs` with a random jitter. */
async function arrivals(count, spreadMs, fire) {
  const t0 = performance.now();
  const slot = spreadMs / count;
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const at = i * slot + Math.random() * slot;
      const wait = at - (performance.now() - t0);
      if (wait > 0) await sleep(wait);
      return fire(i);
    }),
  );
}

/** pgbench: the join statement for `count` registered people of a second webinar, each joining once. */
function pgbenchCeiling(database, classId, count, clients) {
  // The same statement as recordJoin (libs/server/calendar/src/webinar/webinar-store.ts).
  const perClient = Math.floor(count / clients);
  const result = runPgbenchScript({
    name: 'webinar',
    database,
    clients,
    transactions: perClient,
    sql: `SELECT id AS emp FROM webinar_bench_people WHERE k = (SELECT nextval('webinar_bench_seq')) \\gset
WITH c AS (SELECT c.id, c.mode, c.status AS class_status, c.meeting_url, c.seats, c.requires_approval, c.agency_id, c.sessions, s.idx AS session_index, s.starts_at, s.ends_at FROM training_class c LEFT JOIN LATERAL (SELECT (x.ord - 1)::int AS idx, (x.v ->> 0)::timestamptz AS starts_at, (x.v ->> 1)::timestamptz AS ends_at FROM jsonb_array_elements(c.sessions) WITH ORDINALITY AS x(v, ord) WHERE now() >= (x.v ->> 0)::timestamptz - interval '15 minutes' AND now() < (x.v ->> 1)::timestamptz ORDER BY x.ord LIMIT 1) s ON true WHERE c.id = '${classId}'), r AS (SELECT status FROM class_registration WHERE class_id = '${classId}' AND employee_id = :emp AND status IN ('confirmed','pending_approval','waitlisted')), j AS (INSERT INTO webinar_join AS w (class_id, employee_id, session_index) SELECT c.id, :emp, c.session_index FROM c WHERE c.mode = 'online' AND c.class_status = 'scheduled' AND c.session_index IS NOT NULL AND c.meeting_url IS NOT NULL AND EXISTS (SELECT 1 FROM r WHERE r.status = 'confirmed') ON CONFLICT (class_id, employee_id, session_index) DO UPDATE SET join_count = w.join_count + (w.last_joined_at < now() - interval '30 seconds')::int, last_joined_at = now() RETURNING w.first_joined_at, w.join_count) SELECT c.mode, c.class_status, c.meeting_url, c.seats, c.requires_approval, c.agency_id, c.sessions, c.session_index, c.starts_at, c.ends_at, (SELECT status FROM r) AS registration_status, j.first_joined_at, j.join_count FROM c LEFT JOIN j ON true;
`,
  });
  return { ...result, joins: perClient * clients };
}

const parse = (a) => {
  try {
    return { ...a, json: JSON.parse(a.body) };
  } catch {
    return { ...a, json: null };
  }
};
const examples = (bad) => [...new Set(bad.map((a) => `${a.status} ${String(a.body).slice(0, 120)}`))].slice(0, 3);

/**
 * plan: { learners, spreadMs (join arrivals), answerSpreadMs, doubleShare (share of learners who double-click),
 * ceiling (run pgbench) }.
 */
export async function webinarScenario({ base, db, database, jwtSecret, sampler }, plan) {
  const out = { plan, checks: [] };
  const {
    rows: [{ id: ntbId }],
  } = await db.query(`SELECT id FROM agency WHERE code = 'prov-ntb'`);
  const admin = new Client(base, { connections: 2 });
  const session = await login(admin, REVIEWER, DEMO_PASSWORD);
  const offering = await admin.request('POST', '/api/calendar/offerings', {
    token: session.token,
    body: {
      agencyId: ntbId,
      title: 'Sosialisasi Manajemen Talenta ASN (bench)',
      jenisDiklatId: 7,
      jp: 2,
      competencyKind: 'manajerial',
    },
  });
  if (offering.status !== 201) throw new Error(`offering not created: ${offering.status} ${offering.body}`);
  const offeringId = JSON.parse(offering.body).id;
  const people = await insertRegistrants(db, ntbId, plan.learners, 600);
  const classId = await runningWebinar(admin, session.token, db, offeringId, 'Webinar Serentak', people);
  const sign = (p) =>
    jwt.sign(
      {
        sub: p.user_id,
        emp: p.id,
        roles: [['learner', p.agency_id, null]],
        typ: 'access',
        sid: randomUUID(),
        gen: 0,
        lng: 'id',
      },
      jwtSecret,
      { algorithm: 'HS256', issuer: 'kompeten', expiresIn: 3600 },
    );
  const tokens = people.map(sign);
  const doubles = Math.round(plan.learners * plan.doubleShare);

  // Warm-up on a webinar of its own (JIT, prepared statements, pool), not measured.
  log(`webinar: ${plan.learners} learners, arrivals over ${plan.spreadMs / 1000} s; warm-up …`);
  const warmPeople = await insertRegistrants(db, ntbId, Math.min(100, plan.learners), 700);
  const warmId = await runningWebinar(admin, session.token, db, offeringId, 'Webinar Pemanasan', warmPeople);
  const wc = new Client(base, { connections: 16 });
  await Promise.all(
    warmPeople.map((p) => wc.request('POST', `/api/calendar/classes/${warmId}/join`, { token: sign(p) })),
  );
  wc.close();
  await db.query('ANALYZE webinar_join; ANALYZE class_registration; ANALYZE presence_check_answer');

  // The join burst: each learner arrives at its moment; the first `doubles` send two joins at once.
  const client = new Client(base, { connections: plan.learners, timeoutMs: 60_000 });
  let mark = sampler.mark();
  let t0 = performance.now();
  const joinPath = `/api/calendar/classes/${classId}/join`;
  const joins = (
    await arrivals(plan.learners, plan.spreadMs, (i) =>
      Promise.all(
        Array.from({ length: i < doubles ? 2 : 1 }, () => client.request('POST', joinPath, { token: tokens[i] })),
      ),
    )
  )
    .flat()
    .map(parse);
  let wall = (performance.now() - t0) / 1000;
  const joinOk = joins.filter((a) => a.status === 200 && a.json?.meetingUrl === MEETING && a.json?.joinCount === 1);
  out.join = {
    requests: joins.length,
    learners: plan.learners,
    doubles,
    seconds: wall,
    perSecond: joins.length / wall,
    latency: stats(joins.map((a) => a.ms)),
    errors: joins.length - joinOk.length,
    errorExamples: examples(joins.filter((a) => !joinOk.includes(a))),
    resources: sampler.window(mark),
  };

  // The host opens a presence check; every learner answers with its code (the first `doubles` twice).
  const opened = await admin.request('POST', `/api/calendar/classes/${classId}/presence-checks`, {
    token: session.token,
  });
  if (opened.status !== 201) throw new Error(`check not opened: ${opened.status} ${opened.body}`);
  const { check: presence } = JSON.parse(opened.body);
  const answerPath = `/api/calendar/classes/${classId}/presence-checks/${presence.id}/answers`;
  mark = sampler.mark();
  t0 = performance.now();
  const answers = (
    await arrivals(plan.learners, plan.answerSpreadMs, (i) =>
      Promise.all(
        Array.from({ length: i < doubles ? 2 : 1 }, () =>
          client.request('POST', answerPath, { token: tokens[i], body: { code: presence.code } }),
        ),
      ),
    )
  ).map((pair) => pair.map(parse));
  wall = (performance.now() - t0) / 1000;
  client.close();
  const flat = answers.flat();
  const answerOk = flat.filter((a) => (a.status === 201 || a.status === 200) && a.json?.checkId === presence.id);
  // Each learner: exactly one answer says it recorded the presence; a double's other one says "already answered".
  const firstPerLearner = answers.filter((pair) => pair.filter((a) => a.json?.alreadyAnswered === false).length === 1);
  out.answer = {
    requests: flat.length,
    seconds: wall,
    perSecond: flat.length / wall,
    latency: stats(flat.map((a) => a.ms)),
    errors: flat.length - answerOk.length,
    errorExamples: examples(flat.filter((a) => !answerOk.includes(a))),
    resources: sampler.window(mark),
  };

  const {
    rows: [d],
  } = await db.query(
    `SELECT (SELECT count(*)::int FROM webinar_join WHERE class_id = $1) AS join_rows,
            (SELECT count(DISTINCT employee_id)::int FROM webinar_join WHERE class_id = $1) AS join_people,
            (SELECT count(*)::int FROM webinar_join WHERE class_id = $1 AND join_count = 1) AS single_joins,
            (SELECT count(*)::int FROM presence_check_answer WHERE check_id = $2) AS answer_rows,
            (SELECT count(*)::int FROM presence_check_answer WHERE check_id = $2 AND answered_at IS NOT NULL AND attempts = 1) AS answered_once,
            (SELECT count(*)::int FROM class_registration WHERE class_id = $1) AS registrations`,
    [classId, presence.id],
  );
  const n = plan.learners;
  out.checks.push(
    check(
      `every join answered 200 with the meeting URL, count 1 (0 errors, ${doubles} double clicks)`,
      out.join.errors === 0,
      `${out.join.errors} others: ${out.join.errorExamples.join(' | ')}`,
    ),
    check(
      `exactly ${n} join rows, one per learner, each counted once`,
      d.join_rows === n && d.join_people === n && d.single_joins === n,
      `${d.join_rows} rows, ${d.join_people} people, ${d.single_joins} with count 1`,
    ),
    check(
      'every answer 201 (or 200 for the double) with the check (0 errors)',
      out.answer.errors === 0,
      `${out.answer.errors} others: ${out.answer.errorExamples.join(' | ')}`,
    ),
    check(
      `exactly ${n} answers recorded, each at the first attempt; one "recorded" reply per learner`,
      d.answer_rows === n && d.answered_once === n && firstPerLearner.length === n,
      `${d.answer_rows} rows, ${d.answered_once} answered once, ${firstPerLearner.length} first replies`,
    ),
    check(`no registration added by joining (${n} registered beforehand)`, d.registrations === n, `${d.registrations}`),
  );

  // Ceiling: the same join statement, no HTTP, no Node.js — pgbench on a second webinar of the same size.
  if (plan.ceiling) {
    const more = await insertRegistrants(db, ntbId, plan.learners, 800);
    const ceilingId = await runningWebinar(admin, session.token, db, offeringId, 'Webinar Plafon', more);
    await db.query(`CREATE TABLE webinar_bench_people (k bigint PRIMARY KEY, id uuid NOT NULL)`);
    await db.query(`CREATE SEQUENCE webinar_bench_seq`);
    await db.query(
      `INSERT INTO webinar_bench_people SELECT row_number() OVER (), x.id FROM unnest($1::uuid[]) AS x(id)`,
      [more.map((p) => p.id)],
    );
    const cmark = sampler.mark();
    out.ceiling = pgbenchCeiling(database, ceilingId, plan.learners, 16);
    out.ceiling.resources = sampler.window(cmark);
    const {
      rows: [c],
    } = await db.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE join_count = 1)::int AS once FROM webinar_join WHERE class_id = $1`,
      [ceilingId],
    );
    out.checks.push(
      check(
        `ceiling: no failed transaction, exactly ${out.ceiling.joins} join rows`,
        out.ceiling.failed === 0 && c.n === out.ceiling.joins && c.once === out.ceiling.joins,
        `${out.ceiling.failed} failed, ${c.n} rows`,
      ),
    );
    await db.query(`DROP TABLE webinar_bench_people; DROP SEQUENCE webinar_bench_seq`);
  }
  admin.close();
  return out;
}
