import {
  OutboxEvent,
  type AttemptView,
  type CourseSummary,
  type Enrolment,
  type EnrolmentDetail,
  type Page,
  type ProgressResult,
  type Question,
} from '@kompeten/shared-contracts';
import { type AuthHeaders, authoringApi, expectStatus, type TestApi } from '@kompeten/server-testing';
import { bootApi, DEMO } from '../../apps/api/test/app';

/**
 * The whole path of docs/learning.md over HTTP only: a widyaiswara builds a course with a text, a video and a quiz
 * lesson; a reviewer publishes it; a learner finds it in the catalog by a stemmed word, enrols, learns, fails the quiz,
 * retakes and passes it, and the course is completed exactly once with its JP.
 */
describe('a learner’s journey through a course', () => {
  let api: TestApi;
  let a: ReturnType<typeof authoringApi>;
  const as = {} as Record<'wi' | 'prov' | 'learner', AuthHeaders>;

  beforeAll(async () => {
    api = await bootApi();
    a = authoringApi(api);
    as.wi = await api.auth(DEMO.widyaiswara);
    as.prov = await api.auth(DEMO.provinceAdmin);
    as.learner = await api.auth(DEMO.learner);
  });
  afterAll(() => api?.close());

  it('is built, published, found, learnt, failed, passed and completed once', async () => {
    // ---- the widyaiswara builds the course ----
    const course = await a.createCourse(as.wi, {
      title: 'Melayani Masyarakat dengan Sepenuh Hati',
      jp: 6,
      visibility: 'province',
      competencyKind: 'sosial_kultural',
      description: '<p>Sikap dan perilaku ASN terhadap warga.</p>',
      objectives: ['Menunjukkan sikap ramah kepada warga'],
    });
    const mod = await a.addModule(as.wi, course.id, 'Modul 1: Sikap ASN');
    const text = await a.addLesson(as.wi, mod.id, {
      title: 'Sikap ramah',
      kind: 'text',
      content: { html: '<p>Senyum, sapa, salam.</p>' },
    });
    const video = await a.addLesson(as.wi, mod.id, {
      title: 'Video: menyambut warga',
      kind: 'video',
      content: { url: 'https://video.example.go.id/menyambut-warga.mp4', durationSeconds: 300 },
    });
    const questions: Question[] = [];
    for (let i = 1; i <= 10; i++) {
      const correct = ['a', 'b', 'c', 'd'][i % 4];
      questions.push(
        await a.question(as.wi, course.id, {
          kind: 'single',
          prompt: `Soal ${i}: sikap yang tepat?`,
          points: 1,
          options: ['a', 'b', 'c', 'd'].map((id) => ({ id, text: `Pilihan ${id.toUpperCase()} soal ${i}` })),
          answerKey: { correct },
        }),
      );
    }
    const quiz = await a.quiz(as.wi, course.id, 'Evaluasi Akhir', {
      passPercent: 70,
      shuffleOptions: true,
      role: 'post_test',
    });
    expect(quiz.settings).toMatchObject({ passPercent: 70, draw: [] });
    const quizLesson = await a.addLesson(as.wi, mod.id, {
      title: 'Evaluasi akhir',
      kind: 'quiz',
      content: { quizId: quiz.id },
    });
    // Graded is not enough: the quiz must be passed.
    const rule = await api.http
      .patch(`/api/courses/${course.id}`)
      .set(as.wi)
      .send({ completionRule: { requiredLessons: 'all', passQuizzes: [quizLesson.id] } });
    expect(rule.status).toBe(200);

    // ---- a reviewer publishes it ----
    const published = await a.submitAndPublish(as.wi, as.prov, course.id, { note: 'Layak terbit' });
    expect(published).toMatchObject({ status: 'published', currentVersionNo: 1 });

    // ---- the learner finds it: "pelayanan" and "Melayani" share the stem "layan" ----
    const found = expectStatus<Page<CourseSummary>>(
      await api.http.get('/api/catalog?q=pelayanan').set(as.learner),
      200,
      'catalog',
    );
    expect(found.items.map((c) => c.id)).toContain(course.id);
    expect(found.items.find((c) => c.id === course.id)).toMatchObject({
      title: 'Melayani Masyarakat dengan Sepenuh Hati',
      jp: 6,
    });

    // ---- enrols and learns ----
    const enrolment = await a.enrol(as.learner, course.id);
    expect(enrolment).toMatchObject({ status: 'active', versionNo: 1, progressPercent: 0 });
    const progress = async (lessonId: string, body: Record<string, unknown>): Promise<ProgressResult> =>
      expectStatus(
        await api.http.put(`/api/enrolments/${enrolment.id}/lessons/${lessonId}/progress`).set(as.learner).send(body),
        200,
        'progress',
      );
    expect(await progress(text.id, { event: 'opened' })).toMatchObject({
      lesson: { status: 'completed' },
      enrolmentProgressPercent: 33.33,
    });
    // The server credits watching only as fast as the video plays: let the learner have watched it (docs/learning.md).
    await api.db.query(`UPDATE enrolment SET last_progress_at = last_progress_at - interval '1 hour' WHERE id = $1`, [
      enrolment.id,
    ]);
    expect(await progress(video.id, { event: 'video', watchedRatio: 1, position: { seconds: 300 } })).toMatchObject({
      lesson: { status: 'completed', watchedRatio: 1 },
      enrolmentProgressPercent: 66.67,
      enrolmentStatus: 'active',
      completed: false,
    });

    // The right answers, as the author sees them in the question bank.
    const bank = expectStatus<Page<Question>>(
      await api.http.get(`/api/courses/${course.id}/questions?pageSize=100`).set(as.wi),
      200,
      'question bank',
    );
    const key = new Map(bank.items.map((q) => [q.id, (q.answerKey as { correct: string }).correct]));
    expect(key.size).toBe(10);

    const attempt = async (choose: (questionId: string) => string): Promise<AttemptView> => {
      const started = await api.http
        .post(`/api/enrolments/${enrolment.id}/lessons/${quizLesson.id}/attempts`)
        .set(as.learner);
      const view = expectStatus<AttemptView>(started, 201, 'start attempt');
      expect(view.questions).toHaveLength(10);
      expect(JSON.stringify(view)).not.toMatch(/answerKey|"correct"/);
      const answers = view.questions.map((q) => ({ questionId: q.id, response: choose(q.id) }));
      expect(
        (await api.http.put(`/api/attempts/${view.id}/answers`).set(as.learner).send({ answers })).body,
      ).toMatchObject({ saved: 10 });
      return expectStatus(
        await api.http.post(`/api/attempts/${view.id}/submit`).set(as.learner),
        200,
        'submit attempt',
      );
    };

    // ---- fails: every answer wrong ----
    const wrong = (id: string) => ['a', 'b', 'c', 'd'].find((o) => o !== key.get(id)) as string;
    expect(await attempt(wrong)).toMatchObject({
      attemptNo: 1,
      status: 'graded',
      score: 0,
      maxScore: 10,
      percent: 0,
      passed: false,
    });
    const afterFail = expectStatus<EnrolmentDetail>(
      await api.http.get(`/api/enrolments/${enrolment.id}`).set(as.learner),
      200,
      'enrolment',
    );
    expect(afterFail).toMatchObject({ status: 'active', completedAt: null });
    expect(afterFail.modules[0].lessons.find((l) => l.id === quizLesson.id)?.progress).toMatchObject({
      scorePercent: 0,
      passed: false,
    });

    // ---- passes on the second attempt ----
    expect(await attempt((id) => key.get(id) as string)).toMatchObject({
      attemptNo: 2,
      status: 'graded',
      score: 10,
      percent: 100,
      passed: true,
    });

    // ---- completed, with the course's JP ----
    const done = expectStatus<EnrolmentDetail>(
      await api.http.get(`/api/enrolments/${enrolment.id}`).set(as.learner),
      200,
      'enrolment',
    );
    expect(done).toMatchObject({
      status: 'completed',
      progressPercent: 100,
      jp: 6,
      courseTitle: 'Melayani Masyarakat dengan Sepenuh Hati',
      completedAt: expect.any(String),
      resume: null,
    });
    const mine = expectStatus<Page<Enrolment>>(
      await api.http.get('/api/me/enrolments').set(as.learner),
      200,
      'my enrolments',
    );
    expect(mine.items.find((e) => e.id === enrolment.id)).toMatchObject({
      status: 'completed',
      jp: 6,
      progressPercent: 100,
    });

    const completions = await api.db.query(
      `SELECT id, jp::float8 AS jp FROM course_completion WHERE enrolment_id = $1`,
      [enrolment.id],
    );
    expect(completions).toEqual([{ id: expect.any(String), jp: 6 }]);
    const events = await api.db.query(`SELECT payload FROM outbox_event WHERE event_type = $1 AND aggregate_id = $2`, [
      OutboxEvent.CourseCompleted,
      completions[0].id,
    ]);
    expect(events).toEqual([{ payload: { completionId: completions[0].id } }]);
    const allCompletedEvents = await api.db.query(
      `SELECT 1 FROM outbox_event o JOIN course_completion cc ON cc.id = o.aggregate_id WHERE o.event_type = $1 AND cc.enrolment_id = $2`,
      [OutboxEvent.CourseCompleted, enrolment.id],
    );
    expect(allCompletedEvents).toHaveLength(1);
  });
});
