// The bench world: a course authored, reviewed and published through the API (a real course_version snapshot, as the
// app writes it), then learners bulk-inserted by set-based SQL (employees, accounts sharing one argon2 hash, roles),
// enrolled by the app's own bulk assignment, with some lesson progress, and logged in one by one.
import { hash } from '@node-rs/argon2';
import pg from 'pg';
import { Client, mapLimit } from './http.mjs';
import { dbUrl } from './platform.mjs';

export const DEMO_PASSWORD = 'Kompeten#2026';
export const WIDYAISWARA = '197803152005012002'; // BPSDM NTB, author
export const REVIEWER = 'bpsdm@ntbprov.go.id'; // province admin of NTB: reviews (not an author), publishes, assigns
export const LEARNER_PASSWORD = 'Bench#Kompeten2026';
export const GROUP_A = 'Peserta Bench Kelompok A'; // enrolled in the bench course
export const GROUP_B = 'Peserta Bench Kelompok B'; // not enrolled
const OPTION_IDS = ['a', 'b', 'c', 'd'];

/** The app's own argon2id parameters (libs/server/identity/src/auth/password.ts): one hash shared by every bench account. */
export const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export async function login(client, username, password) {
  const r = await client.json('POST', '/api/auth/login', { body: { username, password } });
  return { token: r.accessToken, userId: r.user.userId, employeeId: r.user.employee?.id ?? null };
}

/**
 * Authors the bench course as the demo widyaiswara: a bank of `bankSize` single-choice questions (4 options, 1–3 points),
 * a quiz drawing `drawCount` of them with shuffled options (unlimited attempts, 2 h limit), 10 modules × 6 lessons with
 * the quiz as the last lesson; submits it; the province admin publishes it. Also a small course for assignment.
 */
export async function authorCourses(
  base,
  { bankSize = 200, drawCount = 20, modules = 10, lessonsPerModule = 6, timeLimitSeconds = 7200 } = {},
) {
  const c = new Client(base, { connections: 8 });
  try {
    const author = await login(c, WIDYAISWARA, DEMO_PASSWORD);
    const reviewer = await login(c, REVIEWER, DEMO_PASSWORD);
    const as = (who) => ({ token: who.token });
    const course = await c.json('POST', '/api/courses', {
      ...as(author),
      body: {
        title: 'Etika Pelayanan Publik bagi ASN (bench)',
        jp: 10,
        description: '<p>Kursus uji beban: 10 modul, 60 pelajaran, post-test 20 soal.</p>',
        objectives: ['Memahami etika pelayanan publik', 'Menerapkan nilai BerAKHLAK'],
        competencyKind: 'sosial_kultural',
        learningMethod: 'e_learning',
        level: 'dasar',
        tags: ['bench', 'etika'],
        visibility: 'province',
        enrolmentMode: 'open',
      },
    });
    const questions = await mapLimit(
      Array.from({ length: bankSize }, (_, i) => i),
      8,
      (i) =>
        c.json('POST', `/api/courses/${course.id}/questions`, {
          ...as(author),
          body: {
            kind: 'single',
            prompt: `Soal ${i + 1}: manakah sikap yang sesuai dengan kode etik ASN dalam situasi ${i + 1}?`,
            options: OPTION_IDS.map((id) => ({ id, text: `Pilihan ${id.toUpperCase()} untuk soal ${i + 1}` })),
            answerKey: { correct: OPTION_IDS[(i * 7 + 3) % 4] },
            points: (i % 3) + 1,
          },
        }),
    );
    const quiz = await c.json('POST', `/api/courses/${course.id}/quizzes`, {
      ...as(author),
      body: {
        title: 'Post-test Etika Pelayanan Publik',
        settings: {
          role: 'post_test',
          draw: [{ categoryId: null, count: drawCount }],
          shuffleOptions: true,
          timeLimitSeconds,
          maxAttempts: null,
          passPercent: 70,
          gradingMethod: 'highest',
          reviewPolicy: 'after_submit',
        },
      },
    });
    const mods = [];
    for (let m = 0; m < modules; m++)
      mods.push(
        await c.json('POST', `/api/courses/${course.id}/modules`, {
          ...as(author),
          body: { title: `Modul ${m + 1}: Etika pelayanan bagian ${m + 1}` },
        }),
      );
    // Lessons of a module in order; modules in parallel.
    await mapLimit(mods, 4, async (mod, m) => {
      for (let l = 0; l < lessonsPerModule; l++) {
        const isQuiz = m === modules - 1 && l === lessonsPerModule - 1;
        await c.json('POST', `/api/modules/${mod.id}/lessons`, {
          ...as(author),
          body: isQuiz
            ? { title: 'Post-test', kind: 'quiz', content: { quizId: quiz.id } }
            : {
                title: `Pelajaran ${m + 1}.${l + 1}`,
                kind: 'text',
                content: {
                  html: `<h2>Pelajaran ${m + 1}.${l + 1}</h2><p>${'Pelayanan publik yang beretika menuntut integritas. '.repeat(8)}</p>`,
                },
              },
        });
      }
    });
    await c.json('POST', `/api/courses/${course.id}/submit-review`, { ...as(author), body: {} });
    const published = await c.json('POST', `/api/courses/${course.id}/publish`, {
      ...as(reviewer),
      body: { note: 'Terbit untuk uji beban' },
    });

    // A second, small course that HR assigns (the assignment scenario).
    const course2 = await c.json('POST', '/api/courses', {
      ...as(author),
      body: {
        title: 'Orientasi Keamanan Informasi (bench)',
        jp: 2,
        description: '<p>Kursus wajib.</p>',
        competencyKind: 'teknis',
        learningMethod: 'e_learning',
        level: 'dasar',
        visibility: 'province',
        enrolmentMode: 'assigned_only',
      },
    });
    const m2 = await c.json('POST', `/api/courses/${course2.id}/modules`, {
      ...as(author),
      body: { title: 'Modul 1' },
    });
    await c.json('POST', `/api/modules/${m2.id}/lessons`, {
      ...as(author),
      body: { title: 'Pengantar', kind: 'text', content: { html: '<p>Kata sandi yang kuat.</p>' } },
    });
    await c.json('POST', `/api/courses/${course2.id}/submit-review`, { ...as(author), body: {} });
    const published2 = await c.json('POST', `/api/courses/${course2.id}/publish`, { ...as(reviewer), body: {} });
    return {
      courseId: course.id,
      versionId: published.currentVersionId,
      quizId: quiz.id,
      questionCount: questions.length,
      course2Id: course2.id,
      version2Id: published2.currentVersionId,
      reviewer,
    };
  } finally {
    c.close();
  }
}

/** Reads what was published: lessons in order, the quiz lesson, and every question's key and points from the snapshot. */
export async function readPublished(db, world) {
  const {
    rows: [v],
  } = await db.query(`SELECT snapshot FROM course_version WHERE id = $1`, [world.versionId]);
  const s = v.snapshot;
  const lessons = s.modules.flatMap((m) => m.lessons);
  const quizLesson = lessons.find((l) => l.content.kind === 'quiz');
  const quiz = s.quizzes[world.quizId];
  const keys = new Map(quiz.questions.map((q) => [q.id, { correct: q.key.correct, points: Number(q.points) }]));
  return {
    ...world,
    moduleCount: s.modules.length,
    lessonIds: lessons.map((l) => l.id),
    textLessonIds: lessons.filter((l) => l.content.kind === 'text').map((l) => l.id),
    quizLessonId: quizLesson.id,
    drawCount: quiz.settings.draw[0].count,
    timeLimitSeconds: quiz.settings.timeLimitSeconds,
    keys,
  };
}

/**
 * Set-based SQL: `perGroup` learners in group A and `perGroup` in group B, spread over NTB's 11 agencies and their work
 * units, with structurally valid NIPs, one shared argon2id hash and the learner role. Returns the learners in order.
 */
export async function insertLearners(db, perGroup) {
  const passwordHash = await hash(LEARNER_PASSWORD, ARGON2_OPTIONS);
  await db.query('BEGIN');
  try {
    const { rows } = await db.query(
      `WITH ntb AS (SELECT id FROM agency WHERE code = 'prov-ntb'),
            agencies AS (SELECT a.id, (row_number() OVER (ORDER BY a.code) - 1)::int AS k FROM agency a, ntb WHERE a.id = ntb.id OR a.parent_id = ntb.id),
            units AS (SELECT u.id, u.agency_id, (row_number() OVER (PARTITION BY u.agency_id ORDER BY u.code) - 1)::int AS k,
                             count(*) OVER (PARTITION BY u.agency_id)::int AS n FROM work_unit u WHERE u.depth = 0),
            n_agencies AS (SELECT count(*)::int AS n FROM agencies),
            people AS (SELECT i, date '1975-01-01' + (i % 7000) AS birth FROM generate_series(0, $1::int * 2 - 1) AS i)
       INSERT INTO employee (nip, agency_id, unit_id, employee_type, full_name, position_name, position_kind, rank, birth_date, gender)
       SELECT to_char(p.birth, 'YYYYMMDD') || (extract(year FROM p.birth)::int + 25)::text || '01' || (1 + p.i % 2)::text || lpad((990 + p.i / 7000)::text, 3, '0'),
              a.id, u.id, 'PNS', 'Peserta Bench ' || lpad(p.i::text, 5, '0'),
              CASE WHEN p.i < $1::int THEN '${GROUP_A}' ELSE '${GROUP_B}' END, 'pelaksana', 'III/a', p.birth, CASE WHEN p.i % 2 = 0 THEN 'L' ELSE 'P' END
         FROM people p CROSS JOIN n_agencies na
         JOIN agencies a ON a.k = p.i % na.n
         JOIN units u ON u.agency_id = a.id AND u.k = (p.i / na.n) % u.n
       ORDER BY p.i
       RETURNING id, nip, agency_id, position_name`,
      [perGroup],
    );
    if (rows.length !== perGroup * 2) throw new Error(`Inserted ${rows.length} learners, expected ${perGroup * 2}`);
    await db.query(
      `WITH acc AS (
         INSERT INTO user_account (employee_id, password_hash, password_changed_at)
         SELECT e.id, $1, now() FROM employee e WHERE e.position_name IN ('${GROUP_A}', '${GROUP_B}')
         RETURNING id, employee_id)
       INSERT INTO role_assignment (user_id, role, agency_id) SELECT acc.id, 'learner', e.agency_id FROM acc JOIN employee e ON e.id = acc.employee_id`,
      [passwordHash],
    );
    await db.query('COMMIT');
    const learners = rows.map((r) => ({
      employeeId: r.id,
      nip: r.nip,
      agencyId: r.agency_id,
      group: r.position_name === GROUP_A ? 'A' : 'B',
    }));
    return { a: learners.filter((l) => l.group === 'A'), b: learners.filter((l) => l.group === 'B') };
  } catch (e) {
    await db.query('ROLLBACK');
    throw e;
  }
}

/**
 * Enrols group A through the app's bulk assignment (by position, one call, as the province admin) and returns the
 * call's timing; then gives each enrolment k = (index mod 40) completed text lessons by SQL, with the enrolment's
 * progress percentage computed as the app does (completed required lessons / 60).
 */
export async function enrolGroupA(base, db, world, learners) {
  const c = new Client(base, { connections: 1 });
  try {
    const admin = await login(c, REVIEWER, DEMO_PASSWORD);
    const t0 = performance.now();
    const r = await c.request('POST', `/api/courses/${world.courseId}/assignments`, {
      token: admin.token,
      body: { positionName: GROUP_A },
    });
    const ms = performance.now() - t0;
    if (r.status !== 200) throw new Error(`Assigning group A failed: ${r.status} ${r.body}`);
    const result = JSON.parse(r.body);
    if (result.enrolled !== learners.length)
      throw new Error(`Assigning group A enrolled ${result.enrolled}, expected ${learners.length}`);
    const { rows } = await db.query(`SELECT id, employee_id FROM enrolment WHERE course_id = $1`, [world.courseId]);
    const byEmployee = new Map(rows.map((x) => [x.employee_id, x.id]));
    learners.forEach((l, i) => {
      l.enrolmentId = byEmployee.get(l.employeeId);
      l.completedTexts = i % 40;
    });
    await db.query(
      `WITH en AS (SELECT x.enrolment_id, x.k FROM jsonb_to_recordset($1::jsonb) AS x(enrolment_id uuid, k int))
       INSERT INTO lesson_progress (enrolment_id, lesson_id, status, time_spent_seconds, completed_at, updated_at)
       SELECT en.enrolment_id, l.lesson_id, 'completed', 300 + l.ord::int, now() - interval '1 day', now() - interval '1 day'
         FROM en JOIN unnest($2::uuid[]) WITH ORDINALITY AS l(lesson_id, ord) ON l.ord <= en.k`,
      [
        JSON.stringify(learners.map((l) => ({ enrolment_id: l.enrolmentId, k: l.completedTexts }))),
        world.textLessonIds,
      ],
    );
    await db.query(
      `UPDATE enrolment en SET progress_percent = round(x.k * 100.0 / $2, 2), last_activity_at = CASE WHEN x.k > 0 THEN now() - interval '1 day' END
         FROM jsonb_to_recordset($1::jsonb) AS x(enrolment_id uuid, k int) WHERE en.id = x.enrolment_id`,
      [
        JSON.stringify(learners.map((l) => ({ enrolment_id: l.enrolmentId, k: l.completedTexts }))),
        world.lessonIds.length,
      ],
    );
    return { ms, enrolled: result.enrolled };
  } finally {
    c.close();
  }
}

/** Logs each learner in (before anything is timed); every virtual user gets its own token. */
export async function loginAll(base, learners, concurrency = 16) {
  const c = new Client(base, { connections: concurrency });
  const t0 = performance.now();
  try {
    await mapLimit(learners, concurrency, async (l) => {
      for (let attempt = 0; ; attempt++) {
        try {
          const s = await login(c, l.nip, LEARNER_PASSWORD);
          if (s.employeeId !== l.employeeId) throw new Error(`Login of ${l.nip} answered employee ${s.employeeId}`);
          l.token = s.token;
          l.userId = s.userId;
          return;
        } catch (e) {
          if (attempt >= 2) throw e;
        }
      }
    });
  } finally {
    c.close();
  }
  const seconds = (performance.now() - t0) / 1000;
  return { count: learners.length, seconds, perSecond: learners.length / seconds };
}

export async function connectDb(database) {
  const db = new pg.Client({ connectionString: dbUrl(database) });
  await db.connect();
  return db;
}
