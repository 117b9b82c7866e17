import {
  ErrorCode,
  type AttemptReview,
  type AttemptView,
  type LessonAttempts,
  type Question,
  type Quiz,
} from '@kompeten/shared-contracts';
import { DomainError } from '@kompeten/server-core';
import { ExpiredAttempts, QuizAttemptsCloseExpiredJob, QuizSnapshotService } from '@kompeten/server-assessment';
import { createDraftCourse, createEnrolment, keyLeaks, type TestApi } from '@kompeten/server-testing';
import { bootApi, DEMO, publishQuizzes } from '../../apps/api/test/app';

/** Quizzes end to end: authoring, attempts, deadlines, secrecy of keys, isolation between learners, grading and outcomes. */
describe('quizzes (assessment)', () => {
  let api: TestApi;
  const author = () => api.auth(DEMO.widyaiswara);
  const learner = () => api.auth(DEMO.learner);
  const other = () => api.auth(DEMO.pppkLearner);

  beforeAll(async () => {
    api = await bootApi();
  });
  afterAll(() => api.close());

  async function question(courseId: string, body: Record<string, unknown>): Promise<Question> {
    const res = await api.http
      .post(`/api/courses/${courseId}/questions`)
      .set(await author())
      .send(body);
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
    return res.body as Question;
  }

  async function quiz(courseId: string, settings: Record<string, unknown> = {}, title = 'Kuis'): Promise<Quiz> {
    const res = await api.http
      .post(`/api/courses/${courseId}/quizzes`)
      .set(await author())
      .send({ title, settings });
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
    return res.body as Quiz;
  }

  async function start(enrolmentId: string, lessonId: string, who = learner) {
    return api.http.post(`/api/enrolments/${enrolmentId}/lessons/${lessonId}/attempts`).set(await who());
  }

  const progressOf = async (enrolmentId: string, lessonId: string) =>
    (
      await api.db.query(
        `SELECT status, score_percent::float AS "scorePercent", passed FROM lesson_progress WHERE enrolment_id = $1 AND lesson_id = $2`,
        [enrolmentId, lessonId],
      )
    )[0];

  /** A course with a two-question bank (1 point each: single "b", true_false true) and one quiz over it. */
  async function simpleQuiz(settings: Record<string, unknown> = {}) {
    const courseId = (await createDraftCourse(api.db, { authorNips: [DEMO.widyaiswara] })).courseId;
    const q1 = await question(courseId, {
      kind: 'single',
      prompt: 'Pilih B',
      points: 1,
      options: [
        { id: 'a', text: 'A' },
        { id: 'b', text: 'B' },
      ],
      answerKey: { correct: 'b' },
    });
    const q2 = await question(courseId, {
      kind: 'true_false',
      prompt: 'Benar?',
      points: 1,
      answerKey: { correct: true },
    });
    const z = await quiz(courseId, { passPercent: 100, ...settings });
    const version = await publishQuizzes(api, courseId, [z.id]);
    const enrolmentId = await createEnrolment(api.db, { courseId, versionId: version.versionId, nip: DEMO.learner });
    return { courseId, quiz: z, q1, q2, versionId: version.versionId, lessonId: version.lessonOf[z.id], enrolmentId };
  }

  describe('authoring', () => {
    let courseId: string;
    beforeAll(async () => {
      courseId = (await createDraftCourse(api.db, { authorNips: [DEMO.widyaiswara] })).courseId;
    });

    it('lets authors and admins of the course\u2019s agency manage the bank; everyone else gets 404', async () => {
      const cat = await api.http
        .post(`/api/courses/${courseId}/question-categories`)
        .set(await author())
        .send({ name: 'Etika' });
      expect(cat.status).toBe(201);
      expect(
        (await api.http.get(`/api/courses/${courseId}/question-categories`).set(await api.auth(DEMO.provinceAdmin)))
          .body,
      ).toMatchObject({ total: 1, items: [{ name: 'Etika', questionCount: 0 }] });
      for (const outsider of [DEMO.learner, DEMO.agencyAdmin, DEMO.kendalLearner]) {
        const h = await api.auth(outsider);
        expect((await api.http.get(`/api/courses/${courseId}/questions`).set(h)).status).toBe(404);
        expect((await api.http.get(`/api/courses/${courseId}/question-categories`).set(h)).status).toBe(404);
        expect(
          (await api.http.patch(`/api/question-categories/${cat.body.id}`).set(h).send({ name: 'X' })).status,
        ).toBe(404);
        expect((await api.http.post(`/api/courses/${courseId}/quizzes`).set(h).send({ title: 'X' })).status).toBe(404);
      }
      expect(
        (
          await api.http
            .post(`/api/courses/${courseId}/question-categories`)
            .set(await author())
            .send({ name: 'Etika' })
        ).status,
      ).toBe(409);
    });

    it('checks every kind\u2019s options and key, with clear messages', async () => {
      const bad: Array<[Record<string, unknown>, RegExp]> = [
        [
          {
            kind: 'single',
            options: [
              { id: 'a', text: 'A' },
              { id: 'b', text: 'B' },
            ],
            answerKey: { correct: 'c' },
          },
          /bukan id salah satu opsi/,
        ],
        [
          {
            kind: 'multiple',
            options: [
              { id: 'a', text: 'A' },
              { id: 'b', text: 'B' },
            ],
            answerKey: { correct: [] },
          },
          /minimal satu jawaban benar/,
        ],
        [{ kind: 'true_false', answerKey: { correct: 'ya' } }, /true_false harus/],
        [{ kind: 'short_answer', answerKey: { accepted: [] } }, /short_answer harus/],
        [{ kind: 'numeric', answerKey: { value: 5, tolerance: -1 } }, /tolerance harus angka ≥ 0/],
        [
          {
            kind: 'matching',
            options: [
              { id: 'l1', text: 'A', side: 'left' },
              { id: 'l2', text: 'B', side: 'left' },
              { id: 'r1', text: 'C', side: 'right' },
              { id: 'r2', text: 'D', side: 'right' },
            ],
            answerKey: { pairs: [{ left: 'l1', right: 'r1' }] },
          },
          /tanpa pasangan: l2/,
        ],
        [
          {
            kind: 'ordering',
            options: [
              { id: 'x', text: 'X' },
              { id: 'y', text: 'Y' },
            ],
            answerKey: { order: ['x'] },
          },
          /tepat sekali/,
        ],
        [{ kind: 'essay', answerKey: { accepted: ['x'] } }, /null/],
      ];
      for (const [body, message] of bad) {
        const res = await api.http
          .post(`/api/courses/${courseId}/questions`)
          .set(await author())
          .send({ prompt: 'Soal', points: 1, ...body });
        expect({ kind: body.kind, status: res.status, code: res.body.code }).toEqual({
          kind: body.kind,
          status: 400,
          code: ErrorCode.ASSESSMENT_INVALID_QUESTION,
        });
        expect(res.body.message).toMatch(message);
      }
      const zero = await api.http
        .post(`/api/courses/${courseId}/questions`)
        .set(await author())
        .send({ kind: 'essay', prompt: 'Soal', points: 0 });
      expect(zero.status).toBe(400);
    });

    it('edits, filters, archives questions, and keeps categories in use', async () => {
      const [cat] = (await api.http.get(`/api/courses/${courseId}/question-categories`).set(await author())).body.items;
      const q = await question(courseId, {
        kind: 'numeric',
        prompt: 'Tahun Sumpah Pemuda?',
        points: 2,
        categoryId: cat.id,
        answerKey: { value: 1928, tolerance: 0 },
      });
      expect(q.answerKey).toEqual({ value: 1928, tolerance: 0 });
      const patched = await api.http
        .patch(`/api/questions/${q.id}`)
        .set(await author())
        .send({ answerKey: { value: 1928, tolerance: 1 }, points: 3 });
      expect(patched.body).toMatchObject({ points: 3, answerKey: { value: 1928, tolerance: 1 } });
      const byCat = await api.http.get(`/api/courses/${courseId}/questions?categoryId=${cat.id}`).set(await author());
      expect(byCat.body).toMatchObject({ total: 1, page: 1, items: [{ id: q.id }] });
      expect((await api.http.delete(`/api/question-categories/${cat.id}`).set(await author())).status).toBe(409);
      expect((await api.http.delete(`/api/questions/${q.id}`).set(await author())).status).toBe(204);
      expect(
        (await api.http.get(`/api/courses/${courseId}/questions?categoryId=${cat.id}`).set(await author())).body.total,
      ).toBe(0);
      expect(
        (
          await api.http.get(`/api/courses/${courseId}/questions?includeArchived=true`).set(await author())
        ).body.items.some((x: Question) => x.id === q.id && x.archived),
      ).toBe(true);
      expect((await api.http.delete(`/api/question-categories/${cat.id}`).set(await author())).status).toBe(204);
    });

    it('validates quiz settings, and refuses to publish a draw larger than the bank', async () => {
      const cat = (
        await api.http
          .post(`/api/courses/${courseId}/question-categories`)
          .set(await author())
          .send({ name: 'Regulasi' })
      ).body;
      await question(courseId, {
        kind: 'true_false',
        prompt: 'UU ASN 2023?',
        points: 1,
        categoryId: cat.id,
        answerKey: { correct: true },
      });
      const foreign = await api.http
        .post(`/api/courses/${courseId}/quizzes`)
        .set(await author())
        .send({ title: 'X', settings: { draw: [{ categoryId: '00000000-0000-4000-8000-000000000000', count: 1 }] } });
      expect(foreign).toMatchObject({ status: 400, body: { code: ErrorCode.ASSESSMENT_INVALID_SETTINGS } });
      const window = await api.http
        .post(`/api/courses/${courseId}/quizzes`)
        .set(await author())
        .send({ title: 'X', settings: { opensAt: '2026-03-02T00:00:00Z', closesAt: '2026-03-01T00:00:00Z' } });
      expect(window.body.message).toMatch(/opensAt harus sebelum closesAt/);
      const z = await quiz(courseId, { draw: [{ categoryId: cat.id, count: 2 }], timeLimitSeconds: 600 });
      expect(z.settings).toMatchObject({
        role: 'quiz',
        passPercent: 70,
        gradingMethod: 'highest',
        timeLimitSeconds: 600,
        draw: [{ categoryId: cat.id, count: 2 }],
      });
      const snapshots = api.app.get(QuizSnapshotService, { strict: false });
      await expect(snapshots.snapshot(api.db.manager, courseId, [z.id])).rejects.toMatchObject({
        code: ErrorCode.ASSESSMENT_INVALID_SETTINGS,
        message: expect.stringMatching(/tersedia 1/),
      });
      const patched = await api.http
        .patch(`/api/quizzes/${z.id}`)
        .set(await author())
        .send({ settings: { draw: [{ categoryId: cat.id, count: 1 }], timeLimitSeconds: null } });
      expect(patched.body.settings).toMatchObject({ timeLimitSeconds: null, passPercent: 70 });
      const snap = await snapshots.snapshot(api.db.manager, courseId, [z.id]);
      expect(snap[z.id].questions).toHaveLength(1);
      expect(snap[z.id].questions[0].key).toEqual({ correct: true });
      await expect(
        snapshots.snapshot(api.db.manager, courseId, ['00000000-0000-4000-8000-000000000000']),
      ).rejects.toBeInstanceOf(DomainError);
    });
  });

  describe('a 10-question quiz of every kind', () => {
    let courseId: string;
    let enrolmentId: string;
    let otherEnrolmentId: string;
    let lessonId: string;
    let qs: Record<string, Question>;
    let attempt: AttemptView;
    const SECRETS = ['Sumpah Pemuda', 1928, 3.14, 'Kunci: lihat modul 2'];

    beforeAll(async () => {
      courseId = (await createDraftCourse(api.db, { authorNips: [DEMO.widyaiswara] })).courseId;
      const fb = 'Kunci: lihat modul 2';
      qs = {
        single: await question(courseId, {
          kind: 'single',
          prompt: 'Lembaga pembina JF Analis SDM Aparatur?',
          points: 2,
          feedback: fb,
          options: [
            { id: 'a', text: 'LAN' },
            { id: 'b', text: 'BKN' },
            { id: 'c', text: 'KemenPANRB' },
          ],
          answerKey: { correct: 'b' },
        }),
        single2: await question(courseId, {
          kind: 'single',
          prompt: 'Nilai dasar ASN disebut?',
          points: 1,
          options: [
            { id: 'a', text: 'BerAKHLAK' },
            { id: 'b', text: 'Panca Prasetya' },
            { id: 'c', text: 'Sapta Marga' },
          ],
          answerKey: { correct: 'a' },
        }),
        multiple: await question(courseId, {
          kind: 'multiple',
          prompt: 'Yang termasuk BerAKHLAK?',
          points: 3,
          options: [
            { id: 'a', text: 'Akuntabel' },
            { id: 'b', text: 'Birokratis' },
            { id: 'c', text: 'Kompeten' },
            { id: 'd', text: 'Loyal' },
          ],
          answerKey: { correct: ['a', 'c', 'd'] },
        }),
        trueFalse: await question(courseId, {
          kind: 'true_false',
          prompt: 'PPPK bukan ASN.',
          points: 1,
          answerKey: { correct: false },
        }),
        short: await question(courseId, {
          kind: 'short_answer',
          prompt: 'Ikrar pemuda 28 Oktober disebut?',
          points: 2,
          answerKey: { accepted: ['Sumpah Pemuda'] },
        }),
        numeric: await question(courseId, {
          kind: 'numeric',
          prompt: 'Tahun ikrar itu?',
          points: 2,
          answerKey: { value: 1928, tolerance: 0.5 },
        }),
        matching: await question(courseId, {
          kind: 'matching',
          prompt: 'Pasangkan lembaga dan tugasnya',
          points: 4,
          options: [
            { id: 'l1', text: 'BKN', side: 'left' },
            { id: 'l2', text: 'LAN', side: 'left' },
            { id: 'r1', text: 'Manajemen ASN', side: 'right' },
            { id: 'r2', text: 'Pengembangan kompetensi', side: 'right' },
            { id: 'r3', text: 'Pengawasan', side: 'right' },
          ],
          answerKey: {
            pairs: [
              { left: 'l1', right: 'r1' },
              { left: 'l2', right: 'r2' },
            ],
          },
        }),
        ordering: await question(courseId, {
          kind: 'ordering',
          prompt: 'Urutkan siklus',
          points: 3,
          options: [
            { id: 'i1', text: 'Perencanaan' },
            { id: 'i2', text: 'Pelaksanaan' },
            { id: 'i3', text: 'Evaluasi' },
          ],
          answerKey: { order: ['i1', 'i2', 'i3'] },
        }),
        essay: await question(courseId, { kind: 'essay', prompt: 'Jelaskan makna pelayanan prima.', points: 5 }),
        pi: await question(courseId, {
          kind: 'numeric',
          prompt: 'Nilai pi (2 desimal)?',
          points: 1,
          answerKey: { value: 3.14, tolerance: 0.01 },
        }),
      };
      const z = await quiz(
        courseId,
        { passPercent: 60, shuffleOptions: true, timeLimitSeconds: 1800, reviewPolicy: 'after_submit' },
        'Post-test Etika',
      );
      const version = await publishQuizzes(api, courseId, [z.id]);
      lessonId = version.lessonOf[z.id];
      enrolmentId = await createEnrolment(api.db, { courseId, versionId: version.versionId, nip: DEMO.learner });
      otherEnrolmentId = await createEnrolment(api.db, {
        courseId,
        versionId: version.versionId,
        nip: DEMO.pppkLearner,
      });
    });

    it('starts one attempt however many starts race, with every question and no key', async () => {
      const [a, b] = await Promise.all([start(enrolmentId, lessonId), start(enrolmentId, lessonId)]);
      expect([a.status, b.status].sort()).toEqual([200, 201]);
      expect(a.body.id).toBe(b.body.id);
      attempt = a.body as AttemptView;
      expect(
        await api.db.query(`SELECT count(*)::int AS n FROM quiz_attempt WHERE enrolment_id = $1 AND status = 'open'`, [
          enrolmentId,
        ]),
      ).toEqual([{ n: 1 }]);
      expect(attempt).toMatchObject({
        status: 'open',
        attemptNo: 1,
        maxScore: 24,
        score: null,
        quizTitle: 'Post-test Etika',
      });
      expect(attempt.questions).toHaveLength(10);
      expect(new Date(attempt.deadlineAt as string).getTime() - new Date(attempt.startedAt).getTime()).toBe(1_800_000);
      expect(Math.abs(new Date(attempt.serverNow).getTime() - Date.now())).toBeLessThan(5_000);
      const again = await start(enrolmentId, lessonId);
      expect({ status: again.status, id: again.body.id }).toEqual({ status: 200, id: attempt.id });
    });

    it('saves answers (one by one and in one batch), idempotently, and refuses what is not in the draw', async () => {
      const h = await learner();
      const one = await api.http
        .put(`/api/attempts/${attempt.id}/answers/${qs.single.id}`)
        .set(h)
        .send({ response: 'a' });
      expect(one.body).toMatchObject({ saved: 1 });
      const answers = [
        { questionId: qs.single.id, response: 'b' }, // 2
        { questionId: qs.single2.id, response: 'c' }, // 0
        { questionId: qs.multiple.id, response: ['a', 'c', 'b'] }, // 3 × (2 − 1) / 3 = 1
        { questionId: qs.trueFalse.id, response: false }, // 1
        { questionId: qs.short.id, response: '  sumpah   PEMUDA! ' }, // 2
        { questionId: qs.numeric.id, response: '1928,4' }, // 2
        {
          questionId: qs.matching.id,
          response: [
            { left: 'l1', right: 'r1' },
            { left: 'l2', right: 'r3' },
          ],
        }, // 4 × 1/2 = 2
        { questionId: qs.ordering.id, response: ['i1', 'i3', 'i2'] }, // 3 × 1/3 = 1
        { questionId: qs.essay.id, response: 'Pelayanan yang cepat, tepat, ramah dan tuntas.' }, // by hand
        { questionId: qs.pi.id, response: 3.2 }, // 0
      ];
      for (let i = 0; i < 2; i++) {
        const batch = await api.http.put(`/api/attempts/${attempt.id}/answers`).set(h).send({ answers });
        expect({ status: batch.status, saved: batch.body.saved }).toEqual({ status: 200, saved: 10 });
        expect(keyLeaks(batch.body, SECRETS)).toEqual([]);
      }
      const notDrawn = await api.http
        .put(`/api/attempts/${attempt.id}/answers/00000000-0000-4000-8000-000000000000`)
        .set(h)
        .send({ response: 'a' });
      expect(notDrawn).toMatchObject({ status: 400, body: { code: ErrorCode.ASSESSMENT_NOT_IN_ATTEMPT } });
      const badShape = await api.http
        .put(`/api/attempts/${attempt.id}/answers/${qs.single.id}`)
        .set(h)
        .send({ response: 'z' });
      expect(badShape).toMatchObject({ status: 400, body: { code: ErrorCode.ASSESSMENT_INVALID_RESPONSE } });
      expect(
        await api.db.query(`SELECT count(*)::int AS n FROM quiz_answer WHERE attempt_id = $1`, [attempt.id]),
      ).toEqual([{ n: 10 }]);
    });

    it('never reveals a key while the attempt is open, in any response', async () => {
      const h = await learner();
      const bodies = {
        start: (await start(enrolmentId, lessonId)).body,
        get: (await api.http.get(`/api/attempts/${attempt.id}`).set(h)).body,
        list: (await api.http.get(`/api/enrolments/${enrolmentId}/lessons/${lessonId}/attempts`).set(h)).body,
        answer: (await api.http.put(`/api/attempts/${attempt.id}/answers/${qs.pi.id}`).set(h).send({ response: 3.2 }))
          .body,
        review: (await api.http.get(`/api/attempts/${attempt.id}/review`).set(h)).body,
      };
      expect(bodies.review.code).toBe(ErrorCode.ASSESSMENT_ATTEMPT_OPEN);
      expect(bodies.get.answers).toHaveLength(10);
      for (const [name, body] of Object.entries(bodies))
        expect({ name, leaks: keyLeaks(body, SECRETS) }).toEqual({ name, leaks: [] });
      // The ordering items are never shown in the right order.
      const ordering = (bodies.get as AttemptView).questions.find((q) => q.id === qs.ordering.id);
      expect(ordering?.options.map((o) => o.id)).not.toEqual(['i1', 'i2', 'i3']);
    });

    it('keeps another learner out of the attempt entirely (404)', async () => {
      const h = await other();
      const calls: Record<string, PromiseLike<{ status: number }>> = {
        get: api.http.get(`/api/attempts/${attempt.id}`).set(h),
        answer: api.http.put(`/api/attempts/${attempt.id}/answers/${qs.single.id}`).set(h).send({ response: 'a' }),
        answers: api.http
          .put(`/api/attempts/${attempt.id}/answers`)
          .set(h)
          .send({ answers: [{ questionId: qs.single.id, response: 'a' }] }),
        submit: api.http.post(`/api/attempts/${attempt.id}/submit`).set(h),
        review: api.http.get(`/api/attempts/${attempt.id}/review`).set(h),
        start: api.http.post(`/api/enrolments/${enrolmentId}/lessons/${lessonId}/attempts`).set(h),
        list: api.http.get(`/api/enrolments/${enrolmentId}/lessons/${lessonId}/attempts`).set(h),
        grade: api.http.post(`/api/attempts/${attempt.id}/answers/${qs.essay.id}/grade`).set(h).send({ score: 5 }),
      };
      for (const [name, call] of Object.entries(calls))
        expect({ name, status: (await call).status }).toEqual({ name, status: 404 });
      const [answer] = await api.db.query(
        `SELECT response FROM quiz_answer WHERE attempt_id = $1 AND question_id = $2`,
        [attempt.id, qs.single.id],
      );
      expect(answer.response).toBe('b');
      // Their own enrolment in the same course gives them their own attempt.
      const own = await start(otherEnrolmentId, lessonId, other);
      expect(own.status).toBe(201);
      expect(own.body.id).not.toBe(attempt.id);
    });

    it('grades every kind on submit and leaves the essay to a grader', async () => {
      const res = await api.http.post(`/api/attempts/${attempt.id}/submit`).set(await learner());
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'needs_grading', score: null, percent: null });
      const scores = Object.fromEntries(
        (
          await api.db.query(`SELECT question_id, score::float AS score FROM quiz_answer WHERE attempt_id = $1`, [
            attempt.id,
          ])
        ).map((r: { question_id: string; score: number | null }) => [r.question_id, r.score]),
      );
      expect(Object.fromEntries(Object.entries(qs).map(([k, q]) => [k, scores[q.id]]))).toEqual({
        single: 2,
        single2: 0,
        multiple: 1,
        trueFalse: 1,
        short: 2,
        numeric: 2,
        matching: 2,
        ordering: 1,
        essay: null,
        pi: 0,
      });
      const again = await api.http.post(`/api/attempts/${attempt.id}/submit`).set(await learner());
      expect({ status: again.status, state: again.body.status }).toEqual({ status: 200, state: 'needs_grading' });
      expect(
        (
          await api.http
            .put(`/api/attempts/${attempt.id}/answers/${qs.pi.id}`)
            .set(await learner())
            .send({ response: 3.14 })
        ).body.code,
      ).toBe(ErrorCode.ASSESSMENT_ATTEMPT_CLOSED);
      expect(await progressOf(enrolmentId, lessonId)).toBeUndefined();
    });

    it('lets the author grade the essay; the last essay grades the attempt and records the outcome', async () => {
      const queue = await api.http.get(`/api/courses/${courseId}/grading`).set(await author());
      expect(queue.body).toMatchObject({
        total: 1,
        items: [{ attemptId: attempt.id, nip: DEMO.learner, pendingQuestions: 1 }],
      });
      expect((await api.http.get(`/api/courses/${courseId}/grading`).set(await learner())).status).toBe(404);
      const tooMuch = await api.http
        .post(`/api/attempts/${attempt.id}/answers/${qs.essay.id}/grade`)
        .set(await author())
        .send({ score: 6 });
      expect(tooMuch).toMatchObject({ status: 400, body: { code: ErrorCode.ASSESSMENT_INVALID_SCORE } });
      const notEssay = await api.http
        .post(`/api/attempts/${attempt.id}/answers/${qs.single.id}/grade`)
        .set(await author())
        .send({ score: 1 });
      expect(notEssay).toMatchObject({ status: 409, body: { code: ErrorCode.ASSESSMENT_NOT_GRADABLE } });
      const graded = await api.http
        .post(`/api/attempts/${attempt.id}/answers/${qs.essay.id}/grade`)
        .set(await author())
        .send({ score: 3.5, feedback: 'Cukup baik' });
      expect(graded.status).toBe(200);
      // 11 automatic points + 3.5 of 24: 60.42 %, pass mark 60.
      expect(graded.body).toMatchObject({
        status: 'graded',
        score: 14.5,
        maxScore: 24,
        percent: 60.42,
        passed: true,
        showsAnswers: true,
      });
      expect(await progressOf(enrolmentId, lessonId)).toEqual({
        status: 'completed',
        scorePercent: 60.42,
        passed: true,
      });
      expect((await api.http.get(`/api/courses/${courseId}/grading`).set(await author())).body.total).toBe(0);
    });

    it('shows the learner a review as the policy allows (after submit, without keys); the author sees keys', async () => {
      const mine = await api.http.get(`/api/attempts/${attempt.id}/review`).set(await learner());
      expect(mine.status).toBe(200);
      const review = mine.body as AttemptReview;
      expect(review.showsAnswers).toBe(false);
      expect(keyLeaks(review, SECRETS)).toEqual([]);
      expect(review.questions.find((q) => q.id === qs.essay.id)).toMatchObject({ score: 3.5, feedback: 'Cukup baik' });
      const authorView = (await api.http.get(`/api/attempts/${attempt.id}/review`).set(await author()))
        .body as AttemptReview;
      expect(authorView.questions.find((q) => q.id === qs.short.id)?.answerKey).toEqual({
        accepted: ['Sumpah Pemuda'],
      });
      const list = (
        await api.http.get(`/api/enrolments/${enrolmentId}/lessons/${lessonId}/attempts`).set(await learner())
      ).body as LessonAttempts;
      expect(list).toMatchObject({
        attemptsUsed: 1,
        grade: { method: 'highest', percent: 60.42, passed: true, gradedAttempts: 1 },
      });
    });
  });

  describe('deadlines', () => {
    it('refuses late answers and a late submit, and grades what was saved in time', async () => {
      const s = await simpleQuiz({ timeLimitSeconds: 600 });
      const attempt = (await start(s.enrolmentId, s.lessonId)).body as AttemptView;
      const h = await learner();
      expect(
        (await api.http.put(`/api/attempts/${attempt.id}/answers/${s.q1.id}`).set(h).send({ response: 'b' })).status,
      ).toBe(200);
      await api.db.query(`UPDATE quiz_attempt SET deadline_at = now() - interval '1 second' WHERE id = $1`, [
        attempt.id,
      ]);
      const late = await api.http.put(`/api/attempts/${attempt.id}/answers/${s.q2.id}`).set(h).send({ response: true });
      expect(late).toMatchObject({ status: 409, body: { code: ErrorCode.ASSESSMENT_DEADLINE_PASSED } });
      const lateBatch = await api.http
        .put(`/api/attempts/${attempt.id}/answers`)
        .set(h)
        .send({ answers: [{ questionId: s.q2.id, response: true }] });
      expect(lateBatch).toMatchObject({ status: 409, body: { code: ErrorCode.ASSESSMENT_DEADLINE_PASSED } });
      expect(
        await api.db.query(
          `SELECT count(*)::int AS n FROM quiz_answer WHERE attempt_id = $1 AND response IS NOT NULL`,
          [attempt.id],
        ),
      ).toEqual([{ n: 1 }]);
      const lateSubmit = await api.http.post(`/api/attempts/${attempt.id}/submit`).set(h);
      expect(lateSubmit).toMatchObject({ status: 409, body: { code: ErrorCode.ASSESSMENT_DEADLINE_PASSED } });
      const view = (await api.http.get(`/api/attempts/${attempt.id}`).set(h)).body as AttemptView;
      expect(view).toMatchObject({ status: 'graded', score: 1, percent: 50, passed: false });
      expect(view.submittedAt).toBe(view.deadlineAt);
      expect(await progressOf(s.enrolmentId, s.lessonId)).toEqual({
        status: 'completed',
        scorePercent: 50,
        passed: false,
      });
    });

    it('closes an expired open attempt lazily when the learner reads it or starts again', async () => {
      const s = await simpleQuiz({ timeLimitSeconds: 600 });
      const first = (await start(s.enrolmentId, s.lessonId)).body as AttemptView;
      await api.db.query(`UPDATE quiz_attempt SET deadline_at = now() - interval '1 minute' WHERE id = $1`, [first.id]);
      const second = await start(s.enrolmentId, s.lessonId);
      expect(second.status).toBe(201);
      expect(second.body.attemptNo).toBe(2);
      const [closed] = await api.db.query(`SELECT status, percent::float AS percent FROM quiz_attempt WHERE id = $1`, [
        first.id,
      ]);
      expect(closed).toEqual({ status: 'graded', percent: 0 });
    });

    it('refuses to start before the quiz opens, after it closes, and past the attempt limit; the deadline never passes the close', async () => {
      const courseId = (await createDraftCourse(api.db, { authorNips: [DEMO.widyaiswara] })).courseId;
      await question(courseId, { kind: 'true_false', prompt: 'Benar?', points: 1, answerKey: { correct: true } });
      const [early, late, closing, limited] = [
        await quiz(courseId),
        await quiz(courseId),
        await quiz(courseId, { timeLimitSeconds: 3600 }),
        await quiz(courseId, { maxAttempts: 1 }),
      ];
      const soon = new Date(Date.now() + 10 * 60_000).toISOString();
      const v = await publishQuizzes(api, courseId, [early.id, late.id, closing.id, limited.id], {
        [early.id]: { opensAt: new Date(Date.now() + 3_600_000).toISOString() },
        [late.id]: { closesAt: new Date(Date.now() - 1_000).toISOString() },
        [closing.id]: { closesAt: soon },
      });
      const enrolmentId = await createEnrolment(api.db, { courseId, versionId: v.versionId, nip: DEMO.learner });
      expect((await start(enrolmentId, v.lessonOf[early.id])).body.code).toBe(ErrorCode.ASSESSMENT_QUIZ_NOT_OPEN);
      expect((await start(enrolmentId, v.lessonOf[late.id])).body.code).toBe(ErrorCode.ASSESSMENT_QUIZ_CLOSED);
      const capped = (await start(enrolmentId, v.lessonOf[closing.id])).body as AttemptView;
      expect(capped.deadlineAt).toBe(soon);
      const only = (await start(enrolmentId, v.lessonOf[limited.id])).body as AttemptView;
      await api.http.post(`/api/attempts/${only.id}/submit`).set(await learner());
      const refused = await start(enrolmentId, v.lessonOf[limited.id]);
      expect(refused).toMatchObject({ status: 409, body: { code: ErrorCode.ASSESSMENT_NO_ATTEMPTS_LEFT } });
      expect((await start(enrolmentId, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    });

    it('tells the result page the pass mark, attempts used and left, time-up and whether a retry is allowed', async () => {
      const s = await simpleQuiz({ timeLimitSeconds: 600, maxAttempts: 2, passPercent: 75 });
      const h = await learner();
      const first = (await start(s.enrolmentId, s.lessonId)).body as AttemptView;
      // While open: the rules are there, no retry is offered and nothing is "time up".
      expect(first).toMatchObject({
        passPercent: 75,
        maxAttempts: 2,
        attemptsUsed: 1,
        attemptsLeft: 1,
        canRetry: false,
        timeUp: false,
      });
      await api.http.put(`/api/attempts/${first.id}/answers/${s.q1.id}`).set(h).send({ response: 'b' });
      // Time runs out: the attempt is closed at its deadline with what was saved.
      await api.db.query(`UPDATE quiz_attempt SET deadline_at = now() - interval '1 second' WHERE id = $1`, [first.id]);
      const timedOut = (await api.http.get(`/api/attempts/${first.id}`).set(h)).body as AttemptView;
      expect(timedOut).toMatchObject({
        status: 'graded',
        percent: 50,
        passed: false,
        passPercent: 75,
        attemptsUsed: 1,
        attemptsLeft: 1,
        canRetry: true,
        timeUp: true,
      });
      // The retry the page offers really starts; the finished first attempt then shows no retry beside an open one.
      const second = await start(s.enrolmentId, s.lessonId);
      expect(second.status).toBe(201);
      expect((await api.http.get(`/api/attempts/${first.id}`).set(h)).body).toMatchObject({
        attemptsUsed: 2,
        attemptsLeft: 0,
        canRetry: false,
      });
      // Handed in before the deadline: not time-up; the last attempt used, so no retry, and a start is refused.
      const submitted = (await api.http.post(`/api/attempts/${second.body.id}/submit`).set(h)).body as AttemptView;
      expect(submitted).toMatchObject({
        status: 'graded',
        attemptsUsed: 2,
        attemptsLeft: 0,
        canRetry: false,
        timeUp: false,
      });
      expect((await start(s.enrolmentId, s.lessonId)).body.code).toBe(ErrorCode.ASSESSMENT_NO_ATTEMPTS_LEFT);
      // Unlimited attempts: nothing "left" to count, a retry offered; none once the enrolment is withdrawn.
      const open = await simpleQuiz({});
      const done = (await start(open.enrolmentId, open.lessonId)).body as AttemptView;
      expect((await api.http.post(`/api/attempts/${done.id}/submit`).set(h)).body).toMatchObject({
        maxAttempts: null,
        attemptsLeft: null,
        canRetry: true,
      });
      await api.db.query(`UPDATE enrolment SET status = 'withdrawn' WHERE id = $1`, [open.enrolmentId]);
      expect((await api.http.get(`/api/attempts/${done.id}`).set(h)).body).toMatchObject({ canRetry: false });
    });

    it('the worker\u2019s close-expired job closes and grades an abandoned attempt and records the outcome', async () => {
      const s = await simpleQuiz({ timeLimitSeconds: 600 });
      const attempt = (await start(s.enrolmentId, s.lessonId)).body as AttemptView;
      await api.http
        .put(`/api/attempts/${attempt.id}/answers`)
        .set(await learner())
        .send({
          answers: [
            { questionId: s.q1.id, response: 'b' },
            { questionId: s.q2.id, response: true },
          ],
        });
      await api.db.query(`UPDATE quiz_attempt SET deadline_at = now() - interval '5 seconds' WHERE id = $1`, [
        attempt.id,
      ]);
      const handler = new QuizAttemptsCloseExpiredJob(api.app.get(ExpiredAttempts, { strict: false }));
      expect(await handler.handle({})).toBe('success');
      const [row] = await api.db.query(
        `SELECT status, percent::float AS percent, passed, submitted_at = deadline_at AS "atDeadline" FROM quiz_attempt WHERE id = $1`,
        [attempt.id],
      );
      expect(row).toEqual({ status: 'graded', percent: 100, passed: true, atDeadline: true });
      expect(await progressOf(s.enrolmentId, s.lessonId)).toEqual({
        status: 'completed',
        scorePercent: 100,
        passed: true,
      });
      expect(await handler.handle({})).toBe('skipped');
    });
  });

  describe('grade across attempts', () => {
    const answerAll = async (attemptId: string, s: { q1: Question; q2: Question }, right: boolean) => {
      await api.http
        .put(`/api/attempts/${attemptId}/answers`)
        .set(await learner())
        .send({
          answers: [
            { questionId: s.q1.id, response: right ? 'b' : 'a' },
            { questionId: s.q2.id, response: right },
          ],
        });
      return (await api.http.post(`/api/attempts/${attemptId}/submit`).set(await learner())).body as AttemptView;
    };

    it('fails once then passes: the highest grade passes the lesson and stays after a worse attempt', async () => {
      const s = await simpleQuiz({
        gradingMethod: 'highest',
        maxAttempts: 3,
        reviewPolicy: 'after_submit_with_answers',
      });
      const a1 = await answerAll((await start(s.enrolmentId, s.lessonId)).body.id, s, false);
      expect(a1).toMatchObject({ status: 'graded', percent: 0, passed: false });
      expect(await progressOf(s.enrolmentId, s.lessonId)).toEqual({
        status: 'completed',
        scorePercent: 0,
        passed: false,
      });
      const review = (await api.http.get(`/api/attempts/${a1.id}/review`).set(await learner())).body as AttemptReview;
      expect(review.showsAnswers).toBe(true);
      expect(review.questions.find((q) => q.id === s.q1.id)?.answerKey).toEqual({ correct: 'b' });
      const a2 = await answerAll((await start(s.enrolmentId, s.lessonId)).body.id, s, true);
      expect(a2).toMatchObject({ attemptNo: 2, percent: 100, passed: true });
      expect(await progressOf(s.enrolmentId, s.lessonId)).toEqual({
        status: 'completed',
        scorePercent: 100,
        passed: true,
      });
      await answerAll((await start(s.enrolmentId, s.lessonId)).body.id, s, false);
      const list = (
        await api.http.get(`/api/enrolments/${s.enrolmentId}/lessons/${s.lessonId}/attempts`).set(await learner())
      ).body as LessonAttempts;
      expect(list).toMatchObject({
        attemptsUsed: 3,
        maxAttempts: 3,
        grade: { method: 'highest', percent: 100, passed: true, gradedAttempts: 3 },
      });
      expect(list.attempts.map((a) => a.percent)).toEqual([0, 100, 0]);
      expect(await progressOf(s.enrolmentId, s.lessonId)).toMatchObject({ scorePercent: 100, passed: true });
    });

    it('grades by the last attempt, and by the average', async () => {
      const last = await simpleQuiz({ gradingMethod: 'last' });
      await answerAll((await start(last.enrolmentId, last.lessonId)).body.id, last, true);
      await answerAll((await start(last.enrolmentId, last.lessonId)).body.id, last, false);
      expect(await progressOf(last.enrolmentId, last.lessonId)).toMatchObject({ scorePercent: 0, passed: false });

      const avg = await simpleQuiz({ gradingMethod: 'average', passPercent: 50 });
      await answerAll((await start(avg.enrolmentId, avg.lessonId)).body.id, avg, false);
      await answerAll((await start(avg.enrolmentId, avg.lessonId)).body.id, avg, true);
      await answerAll((await start(avg.enrolmentId, avg.lessonId)).body.id, avg, true);
      expect(await progressOf(avg.enrolmentId, avg.lessonId)).toMatchObject({ scorePercent: 66.67, passed: true });
      const review = await api.http
        .get(
          `/api/attempts/${(await api.db.query(`SELECT id FROM quiz_attempt WHERE enrolment_id = $1 LIMIT 1`, [avg.enrolmentId]))[0].id}/review`,
        )
        .set(await learner());
      expect(review.status).toBe(200);
    });

    it('refuses a review when the policy says never', async () => {
      const s = await simpleQuiz({ reviewPolicy: 'never' });
      const a = await answerAll((await start(s.enrolmentId, s.lessonId)).body.id, s, true);
      expect((await api.http.get(`/api/attempts/${a.id}/review`).set(await learner())).body.code).toBe(
        ErrorCode.ASSESSMENT_REVIEW_NOT_ALLOWED,
      );
    });
  });
});
