// The measured scenarios. Each returns { rate, unit, latency, errors, checks[] } where every check compares what the
// learners were told and what the database holds with what the bench computes itself (keys from the snapshot).
import { Client, mapLimit, Recorder, sleep, stats } from './http.mjs';

const round2 = (n) => Math.round((n + Number.EPSILON) * 100) / 100;

/** Deterministic pseudo-random numbers per virtual user. */
export function prng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const check = (name, ok, detail = '') => ({ name, ok: !!ok, detail: String(detail) });

/** Expected score of responses (question id → option id) by the keys of the published snapshot. */
export function expectedGrade(world, questionIds, responses) {
  let score = 0;
  let max = 0;
  for (const id of questionIds) {
    const k = world.keys.get(id);
    max += k.points;
    if (responses.get(id) === k.correct) score += k.points;
  }
  score = round2(score);
  max = round2(max);
  return { score, max, percent: max > 0 ? round2((score / max) * 100) : 0 };
}

/** Picks an answer per drawn question: the right one with probability 0.7, else another option of the question. */
function answerAll(world, attempt, rnd) {
  const responses = new Map();
  for (const q of attempt.questions) {
    const right = world.keys.get(q.id).correct;
    const wrong = q.options.map((o) => o.id).filter((id) => id !== right);
    responses.set(q.id, rnd() < 0.7 ? right : wrong[Math.floor(rnd() * wrong.length)]);
  }
  return responses;
}

const startPath = (world, l) => `/api/enrolments/${l.enrolmentId}/lessons/${world.quizLessonId}/attempts`;

function attemptProblems(world, att, l) {
  const p = [];
  if (att.status !== 'open') p.push(`status ${att.status}`);
  if (att.enrolmentId !== l.enrolmentId) p.push('someone else\u2019s enrolment');
  if (!Array.isArray(att.questions) || att.questions.length !== world.drawCount)
    p.push(`${att.questions?.length} questions`);
  if (!att.deadlineAt) p.push('no deadline');
  for (const q of att.questions ?? []) {
    if (!world.keys.has(q.id)) p.push(`unknown question ${q.id}`);
    if (JSON.stringify(q).includes('"key"') || JSON.stringify(q).includes('correct')) p.push('key leaked');
  }
  return p;
}

/** Closed loop: `vus` virtual users each run `iteration` back to back until `durationMs` has passed (the last one finishes). */
async function closedLoop(vus, durationMs, iteration) {
  const t0 = performance.now();
  const until = t0 + durationMs;
  let done = 0;
  await Promise.all(
    vus.map(async (vu, i) => {
      while (performance.now() < until) {
        if (await iteration(vu, i)) done++;
      }
    }),
  );
  return { done, seconds: (performance.now() - t0) / 1000 };
}

// ---- quiz attempts: start → save 20 answers → finish ---------------------------------------------

export async function attemptCycle(ctx, { learners, durationMs, label }) {
  const { base, world, db } = ctx;
  const client = new Client(base, { connections: learners.length });
  const rec = new Recorder();
  const finished = [];
  const startedIds = [];
  let bodyProblems = 0;
  const since = (await db.query('SELECT now() AS t')).rows[0].t;
  const vus = learners.map((l, i) => ({ l, rnd: prng(0xa77e + i * 7919 + learners.length) }));
  const {
    result: loop,
    resources,
    profile,
    db: dbDelta,
  } = await timed(ctx, () =>
    closedLoop(vus, durationMs, async ({ l, rnd }) => {
      const s = await client.request('POST', startPath(world, l), { token: l.token });
      rec.add('start', s.ms);
      if (s.status !== 201) {
        rec.error('start', `${s.status} ${s.body}`);
        await sleep(50);
        return false;
      }
      const att = JSON.parse(s.body);
      startedIds.push(att.id);
      const p = attemptProblems(world, att, l);
      if (p.length) {
        bodyProblems++;
        rec.error('start', `wrong body: ${p.join(', ')}`);
      }
      const responses = answerAll(world, att, rnd);
      const answers = [...responses].map(([questionId, response]) => ({ questionId, response }));
      const sv = await client.request('PUT', `/api/attempts/${att.id}/answers`, { token: l.token, body: { answers } });
      rec.add('save', sv.ms);
      if (sv.status !== 200 || JSON.parse(sv.body).saved !== answers.length) {
        rec.error('save', `${sv.status} ${sv.body}`);
        return false;
      }
      const sub = await client.request('POST', `/api/attempts/${att.id}/submit`, { token: l.token });
      rec.add('submit', sub.ms);
      if (sub.status !== 200) {
        rec.error('submit', `${sub.status} ${sub.body}`);
        return false;
      }
      const result = JSON.parse(sub.body);
      const expected = expectedGrade(
        world,
        att.questions.map((q) => q.id),
        responses,
      );
      if (result.status !== 'graded' || Math.abs(Number(result.percent) - expected.percent) > 0.001) {
        bodyProblems++;
        rec.error('submit', `graded ${result.status} ${result.percent}%, expected ${expected.percent}%`);
      }
      finished.push({ attemptId: att.id, enrolmentId: l.enrolmentId, expected, responses });
      return true;
    }),
  );
  client.close();
  const checks = await checkAttempts(ctx, { learners, since, finished, startedIds });
  checks.unshift(
    check(
      'every answer to the learner was right (status, questions, no keys, grade)',
      bodyProblems === 0,
      `${bodyProblems} wrong bodies`,
    ),
  );
  const s = rec.summary();
  return {
    label,
    rate: loop.done / loop.seconds,
    unit: 'attempts/s',
    ops: loop.done,
    seconds: loop.seconds,
    calls: s.all.n,
    latency: s.all,
    perCall: s.per,
    errors: s.errors,
    errorExamples: s.errorExamples,
    resources,
    profile,
    db: perOp(dbDelta, loop.done),
    checks,
  };
}

/** Database state after attempt scenarios: one finished attempt per started one, every answer, the right grades. */
async function checkAttempts(ctx, { learners, since, finished, startedIds }) {
  const { db, world } = ctx;
  const enrolmentIds = learners.map((l) => l.enrolmentId);
  const checks = [];
  const {
    rows: [c],
  } = await db.query(
    `SELECT count(*)::int AS all, count(*) FILTER (WHERE status = 'graded')::int AS graded, count(*) FILTER (WHERE status = 'open')::int AS open
       FROM quiz_attempt WHERE enrolment_id = ANY($1::uuid[]) AND started_at >= $2`,
    [enrolmentIds, since],
  );
  checks.push(
    check(
      'attempts in the database = attempts started (201)',
      c.all === startedIds.length,
      `${c.all} in db, ${startedIds.length} started`,
    ),
  );
  checks.push(
    check(
      'exactly one finished attempt per started attempt (none left open)',
      c.graded === startedIds.length && c.open === 0,
      `${c.graded} graded, ${c.open} open of ${startedIds.length}`,
    ),
  );
  if (finished.length) {
    const payload = finished.map((f) => ({
      attempt_id: f.attemptId,
      percent: f.expected.percent,
      score: f.expected.score,
      max_score: f.expected.max,
    }));
    const {
      rows: [g],
    } = await db.query(
      `SELECT count(*)::int AS n,
              count(*) FILTER (WHERE a.status = 'graded' AND a.percent = x.percent AND a.score = x.score AND a.max_score = x.max_score)::int AS right
         FROM jsonb_to_recordset($1::jsonb) AS x(attempt_id uuid, percent numeric, score numeric, max_score numeric)
         JOIN quiz_attempt a ON a.id = x.attempt_id`,
      [JSON.stringify(payload)],
    );
    checks.push(
      check(
        'grades right (score, max score and percent computed from the keys)',
        g.n === finished.length && g.right === finished.length,
        `${g.right}/${finished.length} right`,
      ),
    );
    const answers = finished.flatMap((f) =>
      [...f.responses].map(([q, r]) => ({
        a: f.attemptId,
        q,
        r,
        s: world.keys.get(q).correct === r ? world.keys.get(q).points : 0,
      })),
    );
    const {
      rows: [an],
    } = await db.query(
      `WITH x AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(a uuid, q uuid, r text, s numeric))
       SELECT (SELECT count(*) FROM x)::int AS expected,
              (SELECT count(*) FROM x JOIN quiz_answer qa ON qa.attempt_id = x.a AND qa.question_id = x.q AND qa.response = to_jsonb(x.r) AND qa.score = x.s)::int AS matching,
              (SELECT count(*) FROM quiz_answer qa WHERE qa.attempt_id = ANY($2::uuid[]))::int AS stored`,
      [JSON.stringify(answers), finished.map((f) => f.attemptId)],
    );
    checks.push(
      check(
        'every saved answer present with its response and score',
        an.matching === an.expected && an.stored === an.expected,
        `${an.matching}/${an.expected} match, ${an.stored} stored`,
      ),
    );
  }
  // The quiz lesson of each learner records the highest grade; the enrolment's progress counts it.
  const {
    rows: [p],
  } = await db.query(
    `SELECT count(*)::int AS n,
            count(*) FILTER (WHERE lp.score_percent IS NOT DISTINCT FROM g.best AND (g.best IS NULL OR lp.status = 'completed'))::int AS right
       FROM unnest($1::uuid[]) AS e(id)
       LEFT JOIN LATERAL (SELECT max(percent) AS best FROM quiz_attempt WHERE enrolment_id = e.id AND status = 'graded') g ON true
       LEFT JOIN lesson_progress lp ON lp.enrolment_id = e.id AND lp.lesson_id = $2`,
    [enrolmentIds, world.quizLessonId],
  );
  checks.push(check('each learner\u2019s quiz lesson holds their highest grade', p.right === p.n, `${p.right}/${p.n}`));
  return checks;
}

// ---- autosave ------------------------------------------------------------------------------------

export async function autosave(ctx, { learners, durationMs, label }) {
  const { base, world, db } = ctx;
  const client = new Client(base, { connections: learners.length });
  const setup = new Client(base, { connections: 50 });
  const since = (await db.query('SELECT now() AS t')).rows[0].t;
  const vus = await mapLimit(learners, 50, async (l, i) => {
    const att = await setup.json('POST', startPath(world, l), { token: l.token });
    const p = attemptProblems(world, att, l);
    if (p.length) throw new Error(`autosave setup: ${p.join(', ')}`);
    return { l, att, rnd: prng(0x5a7e + i), next: i % att.questions.length, acked: new Map() };
  });
  const rec = new Recorder();
  const {
    result: loop,
    resources,
    profile,
    db: dbDelta,
  } = await timed(ctx, () =>
    closedLoop(vus, durationMs, async (vu) => {
      const q = vu.att.questions[vu.next];
      vu.next = (vu.next + 1) % vu.att.questions.length;
      const response = q.options[Math.floor(vu.rnd() * q.options.length)].id;
      const r = await client.request('PUT', `/api/attempts/${vu.att.id}/answers/${q.id}`, {
        token: vu.l.token,
        body: { response },
      });
      rec.add('save-one', r.ms);
      if (r.status !== 200 || JSON.parse(r.body).saved !== 1) {
        rec.error('save-one', `${r.status} ${r.body}`);
        return false;
      }
      vu.acked.set(q.id, response);
      return true;
    }),
  );
  client.close();
  const checks = [];
  const saved = vus.flatMap((vu) => [...vu.acked].map(([q, r]) => ({ a: vu.att.id, q, r })));
  const {
    rows: [an],
  } = await db.query(
    `WITH x AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(a uuid, q uuid, r text))
     SELECT (SELECT count(*) FROM x)::int AS expected,
            (SELECT count(*) FROM x JOIN quiz_answer qa ON qa.attempt_id = x.a AND qa.question_id = x.q AND qa.response = to_jsonb(x.r))::int AS matching,
            (SELECT count(*) FROM quiz_answer qa WHERE qa.attempt_id = ANY($2::uuid[]))::int AS stored`,
    [JSON.stringify(saved), vus.map((v) => v.att.id)],
  );
  checks.push(
    check(
      'every acknowledged save is in the database (latest response per question, nothing extra)',
      an.matching === an.expected && an.stored === an.expected,
      `${an.matching}/${an.expected} match, ${an.stored} stored`,
    ),
  );
  // Hand every attempt in (not timed) and check its grade against the last saved answers.
  let wrongGrades = 0;
  await mapLimit(vus, 50, async (vu) => {
    const res = await setup.json('POST', `/api/attempts/${vu.att.id}/submit`, { token: vu.l.token });
    const e = expectedGrade(
      world,
      vu.att.questions.map((q) => q.id),
      vu.acked,
    );
    if (res.status !== 'graded' || Math.abs(Number(res.percent) - e.percent) > 0.001) wrongGrades++;
    vu.expected = e;
  });
  setup.close();
  checks.push(check('grades after submit match the last saved answers', wrongGrades === 0, `${wrongGrades} wrong`));
  const {
    rows: [c],
  } = await db.query(
    `SELECT count(*)::int AS all, count(*) FILTER (WHERE status = 'graded')::int AS graded FROM quiz_attempt WHERE enrolment_id = ANY($1::uuid[]) AND started_at >= $2`,
    [learners.map((l) => l.enrolmentId), since],
  );
  checks.push(
    check(
      'one attempt per learner, finished',
      c.all === learners.length && c.graded === learners.length,
      `${c.graded} graded of ${c.all}, ${learners.length} learners`,
    ),
  );
  const s = rec.summary();
  return {
    label,
    rate: loop.done / loop.seconds,
    unit: 'saves/s',
    ops: loop.done,
    seconds: loop.seconds,
    calls: s.all.n,
    latency: s.all,
    perCall: s.per,
    errors: s.errors,
    errorExamples: s.errorExamples,
    resources,
    profile,
    db: perOp(dbDelta, loop.done),
    checks,
  };
}

// ---- synchronised start --------------------------------------------------------------------------

export async function synchronisedStart(ctx, { learners, spreadMs = 1000, label }) {
  const { base, world, db } = ctx;
  // Every learner on its own new connection, as each browser would be.
  const client = new Client(base, { connections: Infinity, keepAlive: false, timeoutMs: 120_000 });
  const rec = new Recorder();
  const since = (await db.query('SELECT now() AS t')).rows[0].t;
  const results = new Array(learners.length);
  let t0 = 0;
  let lastSend = 0;
  let lastDone = 0;
  let maxLag = 0;
  const {
    resources,
    profile,
    db: dbDelta,
  } = await timed(
    ctx,
    () =>
      (t0 = performance.now() + 50) &&
      Promise.all(
        learners.map(
          (l, i) =>
            new Promise((resolve) => {
              const at = t0 + (i * spreadMs) / learners.length;
              setTimeout(
                async () => {
                  const sent = performance.now();
                  maxLag = Math.max(maxLag, sent - at);
                  lastSend = Math.max(lastSend, sent - t0);
                  const r = await client.request('POST', startPath(world, l), { token: l.token });
                  rec.add('start', r.ms);
                  if (r.status !== 201) rec.error('start', `${r.status} ${r.body}`);
                  else results[i] = JSON.parse(r.body);
                  lastDone = Math.max(lastDone, performance.now() - t0);
                  resolve();
                },
                Math.max(0, at - performance.now()),
              );
            }),
        ),
      ),
  );
  const seconds = lastDone / 1000;
  client.close();
  const checks = [];
  // A failed start is an error (counted above, and the target wants none); these checks are about what succeeded.
  const ok = results.filter(Boolean);
  const problems = results.flatMap((att, i) => (att ? attemptProblems(world, att, learners[i]) : []));
  checks.push(
    check(
      'attempt bodies right (own enrolment, questions, deadline, no keys)',
      problems.length === 0,
      problems.slice(0, 3).join('; '),
    ),
  );
  checks.push(check('every attempt id distinct', new Set(ok.map((a) => a.id)).size === ok.length));
  const {
    rows: [d],
  } = await db.query(
    `SELECT count(*)::int AS n, count(DISTINCT draw::text)::int AS draws, count(DISTINCT enrolment_id)::int AS enrolments,
            count(*) FILTER (WHERE status = 'open')::int AS open,
            count(*) FILTER (WHERE deadline_at = started_at + make_interval(secs => $3))::int AS deadlines
       FROM quiz_attempt WHERE enrolment_id = ANY($1::uuid[]) AND started_at >= $2`,
    [learners.map((l) => l.enrolmentId), since, world.timeLimitSeconds],
  );
  const started = new Set(ok.map((a) => a.enrolmentId));
  checks.push(
    check(
      'one open attempt per started learner in the database, none for the others',
      d.n === ok.length && d.enrolments === ok.length && d.open === ok.length && started.size === ok.length,
      `${d.n} attempts, ${d.enrolments} learners, ${d.open} open, ${ok.length} started`,
    ),
  );
  checks.push(check('each with its own draw', d.draws === d.n, `${d.draws} distinct draws of ${d.n}`));
  checks.push(
    check(
      `each with its own deadline = its start + ${world.timeLimitSeconds} s (server clock)`,
      d.deadlines === d.n,
      `${d.deadlines}/${d.n}`,
    ),
  );
  const told = ok.filter(
    (a) => Math.abs(new Date(a.deadlineAt) - new Date(a.startedAt) - world.timeLimitSeconds * 1000) > 1,
  );
  checks.push(check('deadline told to each learner = start + time limit', told.length === 0, `${told.length} differ`));
  const s = rec.summary();
  return {
    label,
    rate: ok.length / seconds,
    unit: 'starts/s',
    ops: ok.length,
    seconds,
    calls: s.all.n,
    sendSpreadMs: lastSend,
    maxDispatchLagMs: maxLag,
    latency: s.all,
    perCall: s.per,
    errors: s.errors,
    errorExamples: s.errorExamples,
    resources,
    profile,
    db: perOp(dbDelta, ok.length),
    checks,
  };
}

// ---- the learner's course page -------------------------------------------------------------------

export async function coursePage(ctx, { learners, durationMs, label }) {
  const { base, world, db } = ctx;
  // What each page must show: the learner's completed lessons, quiz grade and progress, straight from the database.
  const { rows } = await db.query(
    `SELECT en.id, en.progress_percent, coalesce(json_agg(json_build_object('l', lp.lesson_id, 's', lp.status, 'p', lp.score_percent)) FILTER (WHERE lp.lesson_id IS NOT NULL), '[]') AS lessons
       FROM enrolment en LEFT JOIN lesson_progress lp ON lp.enrolment_id = en.id WHERE en.id = ANY($1::uuid[]) GROUP BY en.id`,
    [learners.map((l) => l.enrolmentId)],
  );
  const expected = new Map(
    rows.map((r) => [r.id, { percent: Number(r.progress_percent), lessons: new Map(r.lessons.map((x) => [x.l, x])) }]),
  );
  const client = new Client(base, { connections: learners.length });
  const rec = new Recorder();
  let wrong = 0;
  const problem = (l, body) => {
    const e = expected.get(l.enrolmentId);
    const page = JSON.parse(body);
    if (page.id !== l.enrolmentId || page.employeeId !== l.employeeId) return 'someone else\u2019s page';
    if (page.modules?.length !== world.moduleCount) return `${page.modules?.length} modules`;
    const lessons = page.modules.flatMap((m) => m.lessons);
    if (lessons.length !== world.lessonIds.length) return `${lessons.length} lessons`;
    if (Math.abs(page.progressPercent - e.percent) > 0.001)
      return `progress ${page.progressPercent}, expected ${e.percent}`;
    for (const x of lessons) {
      const want = e.lessons.get(x.id);
      if ((want?.s ?? 'not_started') !== x.progress.status)
        return `lesson ${x.id} ${x.progress.status}, expected ${want?.s ?? 'not_started'}`;
      if (want?.p !== undefined && want.p !== null && Math.abs(Number(want.p) - x.progress.scorePercent) > 0.001)
        return `score ${x.progress.scorePercent}, expected ${want.p}`;
    }
    return null;
  };
  const {
    result: loop,
    resources,
    profile,
    db: dbDelta,
  } = await timed(ctx, () =>
    closedLoop(learners, durationMs, async (l) => {
      const r = await client.request('GET', `/api/enrolments/${l.enrolmentId}`, { token: l.token });
      rec.add('view', r.ms);
      if (r.status !== 200) {
        rec.error('view', `${r.status} ${r.body}`);
        return false;
      }
      const p = problem(l, r.body);
      if (p) {
        wrong++;
        rec.error('view', `wrong page: ${p}`);
        return false;
      }
      return true;
    }),
  );
  client.close();
  const s = rec.summary();
  return {
    label,
    rate: loop.done / loop.seconds,
    unit: 'views/s',
    ops: loop.done,
    seconds: loop.seconds,
    calls: s.all.n,
    latency: s.all,
    perCall: s.per,
    errors: s.errors,
    errorExamples: s.errorExamples,
    resources,
    profile,
    db: perOp(dbDelta, loop.done),
    checks: [
      check(
        'every page showed the learner\u2019s own outline and progress as stored',
        wrong === 0,
        `${wrong} wrong pages`,
      ),
    ],
  };
}

// ---- enrolment -----------------------------------------------------------------------------------

export async function selfEnrol(ctx, { learners, inFlight = 10, label }) {
  const { base, world, db } = ctx;
  const client = new Client(base, { connections: inFlight });
  const rec = new Recorder();
  let wrong = 0;
  let t0 = 0;
  let tEnd = 0;
  const {
    resources,
    profile,
    db: dbDelta,
  } = await timed(
    ctx,
    () =>
      (t0 = performance.now()) &&
      mapLimit(learners, inFlight, async (l) => {
        const r = await client.request('POST', `/api/courses/${world.courseId}/enrolments`, { token: l.token });
        rec.add('enrol', r.ms);
        if (r.status !== 201) return rec.error('enrol', `${r.status} ${r.body}`);
        const e = JSON.parse(r.body);
        if (e.employeeId !== l.employeeId || e.status !== 'active' || e.courseVersionId !== world.versionId) {
          wrong++;
          return rec.error('enrol', `wrong enrolment ${r.body}`);
        }
        l.enrolmentId = e.id;
        tEnd = performance.now();
      }),
  );
  const seconds = (tEnd - t0) / 1000;
  // Enrolling again changes nothing.
  const again = await mapLimit(learners.slice(0, 20), inFlight, (l) =>
    client.request('POST', `/api/courses/${world.courseId}/enrolments`, { token: l.token }),
  );
  const sameAgain = again.filter(
    (r, i) => r.status === 200 && JSON.parse(r.body).id === learners[i].enrolmentId,
  ).length;
  client.close();
  const {
    rows: [d],
  } = await db.query(
    `SELECT count(*)::int AS n, count(DISTINCT employee_id)::int AS people, count(*) FILTER (WHERE status = 'active' AND source = 'self')::int AS active
       FROM enrolment WHERE course_id = $1 AND employee_id = ANY($2::uuid[])`,
    [world.courseId, learners.map((l) => l.employeeId)],
  );
  const {
    rows: [dup],
  } = await db.query(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM enrolment GROUP BY course_id, employee_id HAVING count(*) > 1) x`,
  );
  const s = rec.summary();
  const ok = learners.filter((l) => l.enrolmentId).length;
  return {
    label,
    rate: ok / seconds,
    unit: 'enrolments/s',
    ops: ok,
    seconds,
    calls: s.all.n,
    latency: s.all,
    perCall: s.per,
    errors: s.errors,
    errorExamples: s.errorExamples,
    resources,
    profile,
    db: perOp(dbDelta, ok),
    checks: [
      check(
        'every learner enrolled once, active, in the published version',
        d.n === learners.length && d.people === learners.length && d.active === learners.length && wrong === 0,
        `${d.active} active of ${learners.length}`,
      ),
      check(
        'enrolling again answers 200 with the same enrolment',
        sameAgain === Math.min(20, learners.length),
        `${sameAgain}/${Math.min(20, learners.length)}`,
      ),
      check('no duplicate enrolment anywhere', dup.n === 0, `${dup.n} duplicated pairs`),
    ],
  };
}

export async function assignInOneCall(ctx, { employeeIds, courseId, label }) {
  const { base, world, db } = ctx;
  const client = new Client(base, { connections: 1, timeoutMs: 300_000 });
  const body = { employeeIds };
  const {
    result: first,
    resources,
    profile,
    db: dbDelta,
  } = await timed(ctx, () =>
    client.request('POST', `/api/courses/${courseId}/assignments`, { token: world.reviewer.token, body }),
  );
  const second = await client.request('POST', `/api/courses/${courseId}/assignments`, {
    token: world.reviewer.token,
    body,
  });
  client.close();
  const r1 = first.status === 200 ? JSON.parse(first.body) : null;
  const r2 = second.status === 200 ? JSON.parse(second.body) : null;
  const n = employeeIds.length;
  const {
    rows: [d],
  } = await db.query(
    `SELECT count(*)::int AS n, count(DISTINCT employee_id)::int AS people FROM enrolment WHERE course_id = $1`,
    [courseId],
  );
  const errors = (first.status === 200 ? 0 : 1) + (second.status === 200 ? 0 : 1);
  return {
    label,
    rate: (r1?.enrolled ?? 0) / (first.ms / 1000),
    unit: 'enrolments/s',
    ops: r1?.enrolled ?? 0,
    seconds: first.ms / 1000,
    calls: 2,
    latency: stats([first.ms]),
    repeatMs: second.ms,
    errors,
    errorExamples: [first, second].filter((r) => r.status !== 200).map((r) => `${r.status} ${r.body.slice(0, 300)}`),
    resources,
    profile,
    db: perOp(dbDelta, r1?.enrolled ?? 0),
    checks: [
      check(
        `first call enrolled all ${n}`,
        r1 && r1.enrolled === n && r1.alreadyEnrolled === 0 && r1.skippedOutOfScope === 0,
        JSON.stringify(r1),
      ),
      check(
        'repeating it changes nothing (idempotent)',
        r2 && r2.enrolled === 0 && r2.alreadyEnrolled === n,
        JSON.stringify(r2),
      ),
      check('no duplicate enrolment', d.n === n && d.people === n, `${d.n} rows, ${d.people} learners`),
    ],
  };
}

// ---- the timed window ----------------------------------------------------------------------------

/**
 * Runs the timed part of a scenario between: database counters (after letting backends flush their statistics, which
 * they do at most once a second), a sampler mark, and the API's CPU profile when one is being taken.
 */
async function timed(ctx, fn) {
  const dbBefore = await dbStats(ctx);
  const mark = ctx.sampler.mark();
  ctx.profiler?.start();
  const result = await fn();
  const resources = ctx.sampler.window(mark);
  const profile = ctx.profiler ? await ctx.profiler.stop() : null;
  const db = diffStats(dbBefore, await dbStats(ctx));
  return { result, resources, profile, db };
}

// ---- database counters ---------------------------------------------------------------------------

async function dbStats(ctx) {
  if (ctx.statsSettleMs) await sleep(ctx.statsSettleMs);
  const {
    rows: [r],
  } = await ctx.db.query(
    `SELECT xact_commit, xact_rollback, tup_returned, tup_fetched, tup_inserted, tup_updated, blks_read, blks_hit FROM pg_stat_database WHERE datname = current_database()`,
  );
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Number(v)]));
}

function diffStats(a, b) {
  return Object.fromEntries(Object.keys(b).map((k) => [k, b[k] - a[k]]));
}

function perOp(d, ops) {
  const per = (v) => (ops ? Math.round((v / ops) * 10) / 10 : null);
  return {
    commitsPerOp: per(d.xact_commit),
    rowsReadPerOp: per(d.tup_fetched),
    rowsWrittenPerOp: per(d.tup_inserted + d.tup_updated),
    rollbacks: d.xact_rollback,
    blksRead: d.blks_read,
  };
}
