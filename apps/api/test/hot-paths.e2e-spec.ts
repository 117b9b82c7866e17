import { Client } from 'pg';
import { createDraftCourse, type TestApi } from '@kompeten/server-testing';
import { bootApi, DEMO, publishQuizzes } from './app';

/**
 * The SQL statements one call of each hot path sends (docs/decisions/0009-hot-paths.md, tools/bench): reading
 * another lib's data through its readers and published views (decision 0016) must not add a round trip. Counted at
 * the driver, with caches warm (a first call of the same kind before each measured one).
 */
describe('hot paths: statements per call', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await bootApi();
  });
  afterAll(() => api?.close());

  /** Statements the API sends to PostgreSQL while `fn` runs (nothing else talks to it meanwhile). */
  async function statements(fn: () => Promise<unknown>): Promise<number> {
    const original = Client.prototype.query;
    let n = 0;
    Client.prototype.query = function (this: Client, ...args: unknown[]) {
      n++;
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof Client.prototype.query;
    try {
      await fn();
    } finally {
      Client.prototype.query = original;
    }
    return n;
  }

  it('self-enrolment, course page, quiz start, autosave and submit keep their statement counts', async () => {
    // A province course of NTB with one quiz (two questions), published; both learners work in Kota Mataram.
    const author = await api.auth(DEMO.widyaiswara);
    const courseId = (await createDraftCourse(api.db, { authorNips: [DEMO.widyaiswara] })).courseId;
    for (const body of [
      {
        kind: 'single',
        prompt: 'Pilih B',
        points: 1,
        options: [
          { id: 'a', text: 'A' },
          { id: 'b', text: 'B' },
        ],
        answerKey: { correct: 'b' },
      },
      { kind: 'true_false', prompt: 'Benar?', points: 1, answerKey: { correct: true } },
    ])
      expect((await api.http.post(`/api/courses/${courseId}/questions`).set(author).send(body)).status).toBe(201);
    const quiz = await api.http
      .post(`/api/courses/${courseId}/quizzes`)
      .set(author)
      .send({ title: 'Kuis', settings: { passPercent: 50 } });
    expect(quiz.status).toBe(201);
    const version = await publishQuizzes(api, courseId, [quiz.body.id]);
    const c = { courseId, lesson: { quiz: version.lessonOf[quiz.body.id] } };
    const learner = await api.auth(DEMO.learner);
    const other = await api.auth(DEMO.pppkLearner);

    // Warm: the agency tree, the version cache and the prepared statements on the pool's connections.
    const warm = await api.http.post(`/api/courses/${c.courseId}/enrolments`).set(other);
    expect(warm.status).toBe(201);
    let enrolmentId = '';
    expect(
      await statements(async () => {
        const res = await api.http.post(`/api/courses/${c.courseId}/enrolments`).set(learner);
        expect(res.status).toBe(201);
        enrolmentId = res.body.id;
      }),
    ).toBe(2);

    expect((await api.http.get(`/api/enrolments/${warm.body.id}`).set(other)).status).toBe(200);
    expect(
      await statements(async () =>
        expect((await api.http.get(`/api/enrolments/${enrolmentId}`).set(learner)).status).toBe(200),
      ),
    ).toBe(1);

    const startPath = (id: string) => `/api/enrolments/${id}/lessons/${c.lesson.quiz}/attempts`;
    const warmAttempt = await api.http.post(startPath(warm.body.id)).set(other);
    expect(warmAttempt.status).toBe(201);
    let attempt: { id: string; questions: Array<{ id: string; kind: string; options: Array<{ id: string }> }> } = {
      id: '',
      questions: [],
    };
    expect(
      await statements(async () => {
        const res = await api.http.post(startPath(enrolmentId)).set(learner);
        expect(res.status).toBe(201);
        attempt = res.body;
      }),
    ).toBe(2);

    const answer = (q: (typeof attempt.questions)[number]) => (q.kind === 'true_false' ? true : q.options[0].id);
    for (const q of warmAttempt.body.questions)
      expect(
        (
          await api.http
            .put(`/api/attempts/${warmAttempt.body.id}/answers/${q.id}`)
            .set(other)
            .send({ response: answer(q) })
        ).status,
      ).toBe(200);
    const [first, second] = attempt.questions;
    expect(
      (
        await api.http
          .put(`/api/attempts/${attempt.id}/answers/${first.id}`)
          .set(learner)
          .send({ response: answer(first) })
      ).status,
    ).toBe(200);
    expect(
      await statements(async () =>
        expect(
          (
            await api.http
              .put(`/api/attempts/${attempt.id}/answers/${second.id}`)
              .set(learner)
              .send({ response: answer(second) })
          ).status,
        ).toBe(200),
      ),
    ).toBe(1);

    expect((await api.http.post(`/api/attempts/${warmAttempt.body.id}/submit`).set(other)).status).toBe(200);
    // Submit: 8, as decision 0009 counts them (locks, answers, scores, the lesson and the percent, inside one transaction),
    // plus 2 reads after it for the result page (issue 15): the attempts used and whether the enrolment may try again.
    expect(
      await statements(async () =>
        expect((await api.http.post(`/api/attempts/${attempt.id}/submit`).set(learner)).status).toBe(200),
      ),
    ).toBe(10);
  });
});
