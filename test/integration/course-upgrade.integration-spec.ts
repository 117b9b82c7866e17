import {
  EVENT_CONSUMERS,
  JOB_QUEUE,
  JobName,
  OutboxEvent,
  QueueName,
  type AttemptView,
  type EnrolmentDetail,
  type JobOf,
} from '@kompeten/shared-contracts';
import { CourseVersionPublishedJob, VersionUpgradeService } from '@kompeten/server-enrolment';
// The handler reads what the API wrote; its harness lives with the API tests.
import { type AuthHeaders, authoringApi, type TestApi } from '@kompeten/server-testing';
import { bootApi, DEMO } from '../../apps/api/test/app';

type Published = JobOf<typeof JobName.CourseVersionPublished>;

/**
 * `requiresUpgrade` on a publish (docs/learning.md): learning writes `course.published` in the publishing transaction;
 * enrolment's `course-version.published` job (run by the worker) moves active and pending enrolments to the new version.
 * Driven through the real publishing API; the handler runs against the API's database.
 */
describe('course upgrade on publish', () => {
  let api: TestApi;
  let a: ReturnType<typeof authoringApi>;
  let handler: CourseVersionPublishedJob;
  const as = {} as Record<'wi' | 'prov' | 'learner' | 'supervisor' | 'pppk' | 'hr', AuthHeaders>;

  beforeAll(async () => {
    api = await bootApi();
    a = authoringApi(api);
    handler = new CourseVersionPublishedJob(api.app.get(VersionUpgradeService, { strict: false }));
    as.wi = await api.auth(DEMO.widyaiswara);
    as.prov = await api.auth(DEMO.provinceAdmin);
    as.learner = await api.auth(DEMO.learner);
    as.supervisor = await api.auth(DEMO.supervisor);
    as.pppk = await api.auth(DEMO.pppkLearner);
    as.hr = await api.auth(DEMO.hrOfficer);
  });
  afterAll(() => api?.close());

  /** The payloads of the course's `course.published` events, oldest first. */
  const publishedEvents = async (courseId: string): Promise<Published[]> =>
    (
      await api.db.query(
        `SELECT payload FROM outbox_event WHERE event_type = $1 AND payload->>'courseId' = $2 ORDER BY created_at, id`,
        [OutboxEvent.CoursePublished, courseId],
      )
    ).map((r: { payload: Published }) => r.payload);
  const lastPublished = async (courseId: string) => (await publishedEvents(courseId)).at(-1) as Published;
  const detail = async (who: AuthHeaders, enrolmentId: string): Promise<EnrolmentDetail> => {
    const res = await api.http.get(`/api/enrolments/${enrolmentId}`).set(who);
    expect(res.status).toBe(200);
    return res.body;
  };
  const lessonStates = (d: EnrolmentDetail) =>
    d.modules.flatMap((m) => m.lessons.map((l) => [l.title, l.progress.status]));
  const open = async (who: AuthHeaders, enrolmentId: string, lessonId: string) => {
    const res = await api.http
      .put(`/api/enrolments/${enrolmentId}/lessons/${lessonId}/progress`)
      .set(who)
      .send({ event: 'opened' });
    expect(res.status).toBe(200);
    return res.body;
  };
  const enrolmentRows = (courseId: string) =>
    api.db.query(
      `SELECT id, course_version_id, status, progress_percent, completed_at, updated_at FROM enrolment WHERE course_id = $1 ORDER BY id`,
      [courseId],
    );

  it('consumes the course.published event, on the events queue, with a retry policy', () => {
    expect(EVENT_CONSUMERS[OutboxEvent.CoursePublished]).toContain(JobName.CourseVersionPublished);
    expect(JOB_QUEUE[JobName.CourseVersionPublished]).toBe(QueueName.Events);
    expect(handler.retry.attempts).toBeGreaterThan(1);
  });

  it('keeps learners on their version without upgrade, and with it moves active enrolments keeping progress on lessons that remain', async () => {
    const course = await a.createCourse(as.wi, { title: 'Etika Pelayanan Publik', jp: 4, visibility: 'province' });
    const mod = await a.addModule(as.wi, course.id, 'Modul 1');
    const intro = await a.addLesson(as.wi, mod.id, {
      title: 'Pengantar',
      kind: 'text',
      content: { html: '<p>Pengantar etika.</p>' },
    });
    const code = await a.addLesson(as.wi, mod.id, {
      title: 'Kode etik',
      kind: 'text',
      content: { html: '<p>Kode etik ASN.</p>' },
    });
    const v1 = await a.submitAndPublish(as.wi, as.prov, course.id);
    expect(await publishedEvents(course.id)).toEqual([
      { courseId: course.id, versionId: v1.currentVersionId, requiresUpgrade: false },
    ]);
    expect(await handler.handle(await lastPublished(course.id))).toBe('skipped');

    // v1: the learner completes a lesson; another learner enrols and withdraws.
    const hasan = await a.enrol(as.learner, course.id);
    expect(hasan).toMatchObject({ versionNo: 1, courseVersionId: v1.currentVersionId, status: 'active' });
    expect(await open(as.learner, hasan.id, intro.id)).toMatchObject({
      enrolmentProgressPercent: 50,
      completed: false,
    });
    const quitter = await a.enrol(as.pppk, course.id);
    expect((await api.http.post(`/api/enrolments/${quitter.id}/withdraw`).set(as.pppk)).status).toBe(200);

    // v2 adds a lesson, published without upgrade: the learner stays on v1.
    const cases = await a.addLesson(as.wi, mod.id, {
      title: 'Studi kasus',
      kind: 'text',
      content: { html: '<p>Studi kasus.</p>' },
    });
    const v2 = await a.submitAndPublish(as.wi, as.prov, course.id);
    expect(v2.currentVersionNo).toBe(2);
    expect(await lastPublished(course.id)).toEqual({
      courseId: course.id,
      versionId: v2.currentVersionId,
      requiresUpgrade: false,
    });
    expect(await handler.handle(await lastPublished(course.id))).toBe('skipped');
    expect(await detail(as.learner, hasan.id)).toMatchObject({
      versionNo: 1,
      courseVersionId: v1.currentVersionId,
      progressPercent: 50,
    });

    // A learner on v2 completes two of its three lessons.
    const early = await a.enrol(as.supervisor, course.id);
    expect(early.versionNo).toBe(2);
    await open(as.supervisor, early.id, intro.id);
    expect(await open(as.supervisor, early.id, cases.id)).toMatchObject({
      enrolmentProgressPercent: 66.67,
      completed: false,
    });

    // v3 drops "Kode etik" and is published with upgrade; from now on enrolment needs the supervisor's approval.
    await a.deleteLesson(as.wi, code.id);
    expect(
      (await api.http.patch(`/api/courses/${course.id}`).set(as.wi).send({ enrolmentMode: 'approval' })).status,
    ).toBe(200);
    await a.submit(as.wi, course.id);
    // While v3 is in review the course still takes learners, on v2.
    const during = await a.enrol(as.hr, course.id);
    expect(during).toMatchObject({ versionNo: 2, status: 'pending_approval' });
    const v3 = await a.publish(as.prov, course.id, { requiresUpgrade: true });
    const event = await lastPublished(course.id);
    expect(event).toEqual({ courseId: course.id, versionId: v3.currentVersionId, requiresUpgrade: true });
    // Nothing moves until the worker runs the job.
    expect((await detail(as.learner, hasan.id)).versionNo).toBe(1);
    expect(await handler.handle(event)).toBe('success');

    // The learner is on v3 with the completed lesson still completed; progress counts v3's lessons.
    const moved = await detail(as.learner, hasan.id);
    expect(moved).toMatchObject({
      versionNo: 3,
      courseVersionId: v3.currentVersionId,
      status: 'active',
      progressPercent: 50,
      resume: { lessonId: cases.id },
    });
    expect(lessonStates(moved)).toEqual([
      ['Pengantar', 'completed'],
      ['Studi kasus', 'not_started'],
    ]);
    expect((await api.http.get(`/api/enrolments/${hasan.id}/lessons/${code.id}`).set(as.learner)).status).toBe(404);
    // The v2 learner had done everything v3 asks: the move completes the course, once, with v3's JP.
    expect(await detail(as.supervisor, early.id)).toMatchObject({
      versionNo: 3,
      status: 'completed',
      progressPercent: 100,
      jp: 4,
    });
    const completions = await api.db.query(
      `SELECT course_version_id, jp::float8 AS jp FROM course_completion WHERE enrolment_id = $1`,
      [early.id],
    );
    expect(completions).toEqual([{ course_version_id: v3.currentVersionId, jp: 4 }]);
    const completedEvents = () =>
      api.db.query(
        `SELECT 1 FROM outbox_event o JOIN course_completion cc ON cc.id = o.aggregate_id WHERE o.event_type = $1 AND cc.course_id = $2`,
        [OutboxEvent.CourseCompleted, course.id],
      );
    expect(await completedEvents()).toHaveLength(1);
    // A pending enrolment moves too.
    expect(await detail(as.hr, during.id)).toMatchObject({
      versionNo: 3,
      status: 'pending_approval',
      progressPercent: 0,
    });
    // A withdrawn enrolment keeps its version.
    expect(await detail(as.pppk, quitter.id)).toMatchObject({ versionNo: 1, status: 'withdrawn' });

    // Re-running the job, or replaying an older event, changes nothing.
    const before = await enrolmentRows(course.id);
    expect(await handler.handle(event)).toBe('skipped');
    expect(
      await handler.handle({ courseId: course.id, versionId: v2.currentVersionId as string, requiresUpgrade: true }),
    ).toBe('skipped');
    expect(await enrolmentRows(course.id)).toEqual(before);
    expect(await completedEvents()).toHaveLength(1);

    // The moved learner finishes on v3.
    expect(await open(as.learner, hasan.id, cases.id)).toMatchObject({
      enrolmentProgressPercent: 100,
      enrolmentStatus: 'completed',
      completed: true,
    });
  });

  it('lets an attempt in progress finish on the version it was started with', async () => {
    const course = await a.createCourse(as.wi, { title: 'Kuis Etika Pelayanan', jp: 2, visibility: 'province' });
    const q1 = await a.question(as.wi, course.id, {
      kind: 'single',
      prompt: 'Sikap melayani yang tepat?',
      points: 1,
      options: [
        { id: 'a', text: 'Ramah' },
        { id: 'b', text: 'Acuh' },
      ],
      answerKey: { correct: 'a' },
    });
    const q2 = await a.question(as.wi, course.id, {
      kind: 'true_false',
      prompt: 'ASN boleh menerima gratifikasi.',
      points: 1,
      answerKey: { correct: false },
    });
    const quiz = await a.quiz(as.wi, course.id, 'Kuis', { passPercent: 100 });
    const mod = await a.addModule(as.wi, course.id, 'Modul 1');
    const reading = await a.addLesson(as.wi, mod.id, {
      title: 'Bacaan',
      kind: 'text',
      content: { html: '<p>Bacaan.</p>' },
    });
    const quizLesson = await a.addLesson(as.wi, mod.id, { title: 'Kuis', kind: 'quiz', content: { quizId: quiz.id } });
    const v1 = await a.submitAndPublish(as.wi, as.prov, course.id);
    const e = await a.enrol(as.learner, course.id);
    const started = await api.http.post(`/api/enrolments/${e.id}/lessons/${quizLesson.id}/attempts`).set(as.learner);
    expect(started.status).toBe(201);
    const attempt: AttemptView = started.body;
    expect(attempt.questions.map((q) => q.id).sort()).toEqual([q1.id, q2.id].sort());

    // v2 has a third question in the bank; published with upgrade while the attempt is open.
    const q3 = await a.question(as.wi, course.id, {
      kind: 'true_false',
      prompt: 'Pelayanan publik harus transparan.',
      points: 1,
      answerKey: { correct: true },
    });
    const v2 = await a.submitAndPublish(as.wi, as.prov, course.id, { requiresUpgrade: true });
    expect(await handler.handle(await lastPublished(course.id))).toBe('success');
    expect(await detail(as.learner, e.id)).toMatchObject({ versionNo: 2, courseVersionId: v2.currentVersionId });

    // The attempt keeps v1: the same two questions, graded by v1's keys.
    const [row] = await api.db.query(`SELECT course_version_id FROM quiz_attempt WHERE id = $1`, [attempt.id]);
    expect(row.course_version_id).toBe(v1.currentVersionId);
    const view: AttemptView = (await api.http.get(`/api/attempts/${attempt.id}`).set(as.learner)).body;
    expect(view.questions.map((q) => q.id)).toEqual(attempt.questions.map((q) => q.id));
    expect(view.questions.map((q) => q.id)).not.toContain(q3.id);
    const answers = [
      { questionId: q1.id, response: 'a' },
      { questionId: q2.id, response: false },
    ];
    expect((await api.http.put(`/api/attempts/${attempt.id}/answers`).set(as.learner).send({ answers })).status).toBe(
      200,
    );
    const submitted = await api.http.post(`/api/attempts/${attempt.id}/submit`).set(as.learner);
    expect(submitted.body).toMatchObject({ status: 'graded', percent: 100, passed: true, maxScore: 2 });

    // Its outcome lands on the enrolment, now on v2, whose quiz lesson is the same lesson.
    await open(as.learner, e.id, reading.id);
    expect(await detail(as.learner, e.id)).toMatchObject({ versionNo: 2, status: 'completed', progressPercent: 100 });
  });
});
