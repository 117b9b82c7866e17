import { EVENT_CONSUMERS, JOB_QUEUE, JobName, OutboxEvent, QueueName } from '@kompeten/shared-contracts';
import { CourseCompletionRecordedJob } from '@kompeten/server-enrolment';
// The handler reads what the API wrote; its harness lives with the API tests.
import { seedPublishedCourse, type TestApi } from '@kompeten/server-testing';
import { bootApi, DEMO } from '../../apps/api/test/app';

describe('course-completion.recorded handler', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await bootApi();
  });
  afterAll(() => api?.close());

  it('consumes the course.completed event, on the events queue, with a retry policy', () => {
    expect(EVENT_CONSUMERS[OutboxEvent.CourseCompleted]).toContain(JobName.CourseCompletionRecorded);
    expect(JOB_QUEUE[JobName.CourseCompletionRecorded]).toBe(QueueName.Events);
    expect(new CourseCompletionRecordedJob(api.db).retry.attempts).toBeGreaterThan(1);
  });

  it('answers success for a recorded completion and skipped for an unknown one', async () => {
    const c = await seedPublishedCourse(api.db, {
      modules: [{ lessons: [{ key: 'intro', content: { kind: 'text', html: '<p>x</p>' } }] }],
    });
    const auth = await api.auth(DEMO.learner);
    const e = await api.http.post(`/api/courses/${c.courseId}/enrolments`).set(auth);
    const done = await api.http
      .put(`/api/enrolments/${e.body.id}/lessons/${c.lesson.intro}/progress`)
      .set(auth)
      .send({ event: 'opened' });
    expect(done.body.completed).toBe(true);
    const [event] = await api.db.query(`SELECT payload FROM outbox_event WHERE event_type = $1`, [
      OutboxEvent.CourseCompleted,
    ]);
    const handler = new CourseCompletionRecordedJob(api.db);
    expect(await handler.handle(event.payload)).toBe('success');
    expect(await handler.handle({ completionId: '00000000-0000-4000-8000-000000000000' })).toBe('skipped');
  });
});
