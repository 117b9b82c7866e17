// The class registration burst (issue 18, decision 0034): N ASN of the ten regencies/cities of NTB register at the same
// moment for one class of 60 seats with a quota for each (5 at full size), against the running platform over HTTP.
// Reported: registrations per second over the burst, p50/p99 of the answers, the slowest answer (every one must come
// within 10 s of the burst), 0 oversold seats, 0 errors. Ceiling of the same run: pgbench sending the registration's
// two statements (the read of the facts, the one-statement seat take + insert) straight to PostgreSQL for a second
// class of the same shape, 16 clients — what the database alone does for these registrations, right now.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { DEMO_PASSWORD, REVIEWER, login } from './data.mjs';
import { Client, stats } from './http.mjs';
import { runPgbenchScript } from './pgbench-script.mjs';
import { log } from './platform.mjs';

const require = createRequire(import.meta.url);
const jwt = require('jsonwebtoken');
const check = (name, ok, detail = '') => ({ name, ok: !!ok, detail });
const DAY = 24 * 3600_000;
const isoDate = (t) => new Date(t).toISOString().slice(0, 10);

/** Inserts `count` ASN spread over the agencies (set-based), each with an account; returns them in insert order. */
export async function insertRegistrants(db, ntbId, count, tag) {
  const { rows } = await db.query(
    `WITH a AS (SELECT id, (row_number() OVER (ORDER BY code) - 1)::int AS k FROM agency WHERE parent_id = $1),
          p AS (SELECT i, date '1970-01-01' + (i % 7000) AS birth FROM generate_series(0, $2::int - 1) AS i),
          e AS (
            INSERT INTO employee (nip, agency_id, employee_type, full_name, position_name, position_kind, rank, birth_date, gender)
            SELECT to_char(p.birth, 'YYYYMMDD') || (extract(year FROM p.birth)::int + 25)::text || '02' || (1 + p.i % 2)::text
                     || lpad(($3::int + p.i / 7000)::text, 3, '0'),
                   a.id, 'PNS', 'Peserta Angkatan ' || p.i, 'Peserta Kelas Bench', 'fungsional', 'III/a', p.birth,
                   CASE WHEN p.i % 2 = 0 THEN 'L' ELSE 'P' END
              FROM p JOIN a ON a.k = p.i % (SELECT count(*) FROM a)
            RETURNING id, agency_id),
          u AS (INSERT INTO user_account (employee_id) SELECT id FROM e RETURNING id, employee_id)
     SELECT e.id, e.agency_id, u.id AS user_id FROM e JOIN u ON u.employee_id = e.id`,
    [ntbId, count, tag],
  );
  if (rows.length !== count) throw new Error(`inserted ${rows.length} registrants, expected ${count}`);
  return rows;
}

async function createClass(client, token, offeringId, regencies, plan, name, startInDays) {
  const start = Date.now() + startInDays * DAY;
  const r = await client.request('POST', `/api/calendar/offerings/${offeringId}/classes`, {
    token,
    body: {
      name,
      schedule: [{ date: isoDate(start), start: '08:00', end: '16:00' }],
      mode: 'classroom',
      venue: 'Aula BPSDM NTB, Mataram',
      seats: plan.seats,
      quotas: regencies.map((agencyId) => ({ agencyId, seats: plan.quota })),
      registrationOpensAt: new Date(Date.now() - 60_000).toISOString(),
      registrationClosesAt: new Date(Date.now() + 10 * DAY).toISOString(),
      cancellationDeadline: new Date(Date.now() + 20 * DAY).toISOString(),
      quotaReleaseAt: new Date(Date.now() + 5 * DAY).toISOString(),
    },
  });
  if (r.status !== 201) throw new Error(`class not created: ${r.status} ${r.body}`);
  return JSON.parse(r.body);
}

/** The seat counters and registrations of a class, checked against the plan. */
async function classChecks(db, classId, plan, agencies, label) {
  const {
    rows: [c],
  } = await db.query(
    `SELECT c.seats, c.taken, c.common_taken, c.quota_seats, c.waitlist_seq::int AS seq,
            (SELECT coalesce(max(taken), 0) FROM class_quota q WHERE q.class_id = c.id AND q.taken > q.seats) AS over_quota,
            (SELECT count(*)::int FROM class_quota q WHERE q.class_id = c.id AND q.taken = q.seats) AS full_quotas,
            (SELECT count(*)::int FROM class_registration r WHERE r.class_id = c.id AND r.status IN ('confirmed','pending_approval')) AS holding,
            (SELECT count(*)::int FROM class_registration r WHERE r.class_id = c.id AND r.status = 'waitlisted') AS waiting,
            (SELECT count(DISTINCT waitlist_number)::int FROM class_registration r WHERE r.class_id = c.id AND r.status = 'waitlisted') AS numbers,
            (SELECT coalesce(max(waitlist_number), 0)::int FROM class_registration r WHERE r.class_id = c.id) AS max_number
       FROM training_class c WHERE c.id = $1`,
    [classId],
  );
  const expectedWaiting = plan.registrants - plan.seats;
  return [
    check(
      `${label}: 0 oversold (seats held = counter = ${plan.seats})`,
      c.taken === plan.seats && c.holding === plan.seats,
      `taken ${c.taken}, holding ${c.holding}`,
    ),
    check(
      `${label}: every agency quota exactly full, none over`,
      c.full_quotas === agencies && !c.over_quota,
      `${c.full_quotas} full`,
    ),
    check(`${label}: common seats exactly full`, c.common_taken === plan.seats - c.quota_seats, `${c.common_taken}`),
    check(
      `${label}: waitlist numbers 1..${expectedWaiting}, each once`,
      c.waiting === expectedWaiting &&
        c.numbers === expectedWaiting &&
        c.max_number === expectedWaiting &&
        c.seq === expectedWaiting,
      `${c.waiting} waiting, ${c.numbers} distinct, max ${c.max_number}`,
    ),
  ];
}

/** pgbench: the registration's read and write statements for `people`, each registering once, 16 clients. */
function pgbenchCeiling(database, classId, count, clients) {
  // The same two statements as readRegisterFacts and takeSeatAndRegister (libs/server/calendar registration-store.ts);
  // the next registrant comes from a sequence over the prepared people.
  const perClient = Math.floor(count / clients);
  const result = runPgbenchScript({
    name: 'calendar',
    database,
    clients,
    transactions: perClient,
    sql: `SELECT id AS emp, agency_id AS ag FROM calendar_bench_people WHERE k = (SELECT nextval('calendar_bench_seq')) \\gset
SELECT c.agency_id, c.status, (c.registration_opens_at <= now() AND now() < c.registration_closes_at), c.sessions, e.agency_id, e.active, e.full_name, (SELECT row_to_json(x) FROM (SELECT r.* FROM class_registration r WHERE r.class_id = c.id AND r.employee_id = :emp AND r.status IN ('confirmed','pending_approval','waitlisted')) x), ARRAY(SELECT o.sessions FROM class_registration r JOIN training_class o ON o.id = r.class_id WHERE r.employee_id = :emp AND r.status IN ('confirmed','pending_approval') AND o.id <> c.id AND o.status = 'scheduled' AND o.starts_at < c.ends_at AND c.starts_at < o.ends_at) FROM training_class c LEFT JOIN identity_employee e ON e.id = :emp WHERE c.id = '${classId}';
WITH cls AS (SELECT id, seats, quota_seats, taken, common_taken, waitlist_seq, waitlist_gone, waitlist, requires_approval, sessions, coalesce(quota_release_at <= now(), false) AS released FROM training_class WHERE id = '${classId}' FOR UPDATE), q AS (UPDATE class_quota cq SET taken = cq.taken + 1 FROM cls WHERE cq.class_id = cls.id AND cq.agency_id = :ag AND cq.taken < cq.seats AND NOT cls.released RETURNING cq.agency_id), pick AS (SELECT cls.id, cls.requires_approval, cls.sessions, CASE WHEN EXISTS (SELECT 1 FROM q) THEN 'quota' WHEN cls.seats IS NULL THEN 'common' WHEN NOT cls.released AND cls.common_taken < cls.seats - cls.quota_seats THEN 'common' WHEN cls.released AND cls.taken < cls.seats AND cls.waitlist_seq = cls.waitlist_gone THEN 'common' WHEN cls.waitlist THEN 'waitlist' ELSE 'full' END AS take FROM cls), c AS (UPDATE training_class t SET taken = t.taken + (p.take IN ('quota','common'))::int, common_taken = t.common_taken + (p.take = 'common')::int, waitlist_seq = t.waitlist_seq + (p.take = 'waitlist')::int FROM pick p WHERE t.id = p.id RETURNING t.id, p.take, p.requires_approval, p.sessions, t.waitlist_seq, t.waitlist_gone), reg AS (INSERT INTO class_registration (class_id, employee_id, agency_id, status, seat_pool, waitlist_number, nominated_by, held_sessions) SELECT c.id, :emp, :ag, CASE WHEN c.take = 'waitlist' THEN 'waitlisted' WHEN c.requires_approval THEN 'pending_approval' ELSE 'confirmed' END, CASE WHEN c.take IN ('quota','common') THEN c.take END, CASE WHEN c.take = 'waitlist' THEN c.waitlist_seq END, NULL, CASE WHEN c.take IN ('quota','common') THEN (SELECT range_agg(tstzrange((s ->> 0)::timestamptz, (s ->> 1)::timestamptz)) FROM jsonb_array_elements(c.sessions) s) END FROM c WHERE c.take <> 'full' RETURNING *), ev AS (INSERT INTO outbox_event (event_type, aggregate_id, payload) SELECT 'class-registration.confirmed', reg.id, jsonb_build_object('registrationId', reg.id) FROM reg WHERE reg.status = 'confirmed') SELECT c.take, (SELECT row_to_json(reg) FROM reg) FROM c;
`,
  });
  return { ...result, registrations: perClient * clients };
}

export async function calendarScenario({ base, db, database, jwtSecret, sampler }, plan) {
  const out = { plan, checks: [] };
  const {
    rows: [{ id: ntbId }],
  } = await db.query(`SELECT id FROM agency WHERE code = 'prov-ntb'`);
  const regencies = (await db.query(`SELECT id FROM agency WHERE parent_id = $1 ORDER BY code`, [ntbId])).rows.map(
    (r) => r.id,
  );
  const admin = new Client(base, { connections: 2 });
  const session = await login(admin, REVIEWER, DEMO_PASSWORD);
  const offering = await admin.request('POST', '/api/calendar/offerings', {
    token: session.token,
    body: {
      agencyId: ntbId,
      title: 'Pelatihan Kepemimpinan Pengawas (bench)',
      jenisDiklatId: 1,
      jp: 24,
      competencyKind: 'manajerial',
    },
  });
  if (offering.status !== 201) throw new Error(`offering not created: ${offering.status} ${offering.body}`);
  const offeringId = JSON.parse(offering.body).id;
  const cls = await createClass(admin, session.token, offeringId, regencies, plan, 'Angkatan Serentak', 40);
  const people = await insertRegistrants(db, ntbId, plan.registrants, 100);
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
      {
        algorithm: 'HS256',
        issuer: 'kompeten',
        expiresIn: 3600,
      },
    );
  const tokens = people.map(sign);
  // The API's agency tree is cached for 30 s (decision 0016); the regencies were there before the platform started.
  log(
    `calendar: ${plan.registrants} registrants, class of ${plan.seats} seats with ${regencies.length} quotas of ${plan.quota}; warm-up …`,
  );
  // Warm-up on a class of its own (JIT, prepared statements, pool), not measured.
  const warm = await createClass(
    admin,
    session.token,
    offeringId,
    regencies,
    { ...plan, seats: plan.seats },
    'Angkatan Pemanasan',
    50,
  );
  const warmPeople = await insertRegistrants(db, ntbId, Math.min(100, plan.registrants), 300);
  const wc = new Client(base, { connections: 16 });
  await Promise.all(
    warmPeople.map((p) => wc.request('POST', `/api/calendar/classes/${warm.id}/registrations`, { token: sign(p) })),
  );
  wc.close();

  const client = new Client(base, { connections: plan.registrants, timeoutMs: 60_000 });
  const mark = sampler.mark();
  const t0 = performance.now();
  const answers = await Promise.all(
    tokens.map((token) => client.request('POST', `/api/calendar/classes/${cls.id}/registrations`, { token })),
  );
  const wall = (performance.now() - t0) / 1000;
  const resources = sampler.window(mark);
  client.close();
  const parsed = answers.map((a) => {
    try {
      return { ...a, json: JSON.parse(a.body) };
    } catch {
      return { ...a, json: null };
    }
  });
  const ok = parsed.filter(
    (a) => a.status === 201 && ['confirmed', 'waitlisted'].includes(a.json?.registration?.status),
  );
  const errors = parsed.length - ok.length;
  const latency = stats(parsed.map((a) => a.ms));
  const confirmed = ok.filter((a) => a.json.registration.status === 'confirmed').length;
  out.burst = {
    registrations: plan.registrants,
    seconds: wall,
    perSecond: plan.registrants / wall,
    latency,
    confirmed,
    waitlisted: ok.length - confirmed,
    errors,
    errorExamples: [
      ...new Set(parsed.filter((a) => !ok.includes(a)).map((a) => `${a.status} ${String(a.body).slice(0, 120)}`)),
    ].slice(0, 3),
    resources,
  };
  out.checks.push(
    check(
      'every registrant answered 201 confirmed or waitlisted (0 errors)',
      errors === 0,
      `${errors} others: ${out.burst.errorExamples.join(' | ')}`,
    ),
    check('every answer within 10 s of the burst', latency.max <= 10_000, `slowest ${latency.max} ms`),
    check(
      `answers: ${plan.seats} confirmed, ${plan.registrants - plan.seats} waitlisted`,
      confirmed === plan.seats && ok.length - confirmed === plan.registrants - plan.seats,
      `${confirmed} / ${ok.length - confirmed}`,
    ),
    check(
      'each waitlisted answer’s position is its number (the list in arrival order)',
      ok
        .filter((a) => a.json.registration.status === 'waitlisted')
        .every((a) => a.json.registration.waitlistPosition === a.json.registration.waitlistNumber),
    ),
    ...(await classChecks(db, cls.id, plan, regencies.length, 'burst')),
  );

  // Ceiling: the same statements, no HTTP, no Node.js — pgbench on a second class of the same shape.
  if (plan.ceiling) {
    const ceilingClass = await createClass(admin, session.token, offeringId, regencies, plan, 'Angkatan Plafon', 60);
    const more = await insertRegistrants(db, ntbId, plan.registrants, 500);
    await db.query(
      `CREATE TABLE calendar_bench_people (k bigint PRIMARY KEY, id uuid NOT NULL, agency_id uuid NOT NULL)`,
    );
    await db.query(`CREATE SEQUENCE calendar_bench_seq`);
    await db.query(
      `INSERT INTO calendar_bench_people SELECT row_number() OVER (), x.id, x.agency_id FROM unnest($1::uuid[], $2::uuid[]) AS x(id, agency_id)`,
      [more.map((p) => p.id), more.map((p) => p.agency_id)],
    );
    const cmark = sampler.mark();
    out.ceiling = pgbenchCeiling(database, ceilingClass.id, plan.registrants, 16);
    out.ceiling.resources = sampler.window(cmark);
    const ceilingPlan = { ...plan, registrants: out.ceiling.registrations };
    out.checks.push(
      check(
        'ceiling: no failed transaction',
        out.ceiling.failed === 0 && out.ceiling.processed === out.ceiling.registrations,
        `${out.ceiling.failed} failed`,
      ),
      ...(await classChecks(db, ceilingClass.id, ceilingPlan, regencies.length, 'ceiling')),
    );
    await db.query(`DROP TABLE calendar_bench_people; DROP SEQUENCE calendar_bench_seq`);
  }
  admin.close();
  return out;
}
