import {
  ErrorCode,
  type AssignmentSubmission,
  type CompletionRule,
  type Enrolment,
  type ProgressResult,
} from '@kompeten/shared-contracts';
import { FILE_STORAGE, type FileStorage } from '@kompeten/server-core';
import { authoringApi, rewindLearningClock, seedPublishedCourse, type TestApi } from '@kompeten/server-testing';
import { bootApi, DEMO } from './app';

/**
 * Learning records that reflect real work (issue 13; docs/learning.md, "Time and video the server credits",
 * "Minimum time", assignments): each abuse found by the independent check, replayed against the real API.
 */
describe('Learning records API', () => {
  let api: TestApi;

  const enrol = async (who: string, courseId: string) =>
    (await api.http.post(`/api/courses/${courseId}/enrolments`).set(await api.auth(who))).body as Enrolment;
  const progress = async (who: string, enrolmentId: string, lessonId: string, body: Record<string, unknown>) => {
    const res = await api.http
      .put(`/api/enrolments/${enrolmentId}/lessons/${lessonId}/progress`)
      .set(await api.auth(who))
      .send(body);
    expect(res.status).toBe(200);
    return res.body as ProgressResult;
  };
  const completions = async (enrolmentId: string) =>
    (await api.db.query(`SELECT count(*)::int AS n FROM course_completion WHERE enrolment_id = $1`, [enrolmentId]))[0]
      .n as number;
  /** Sets the published version's completion rule (lesson ids are only known once seeded). */
  const setRule = async (versionId: string, rule: CompletionRule) =>
    api.db.query(
      `UPDATE course_version SET snapshot = jsonb_set(snapshot, '{completionRule}', $2::jsonb) WHERE id = $1`,
      [versionId, JSON.stringify(rule)],
    );

  beforeAll(async () => {
    api = await bootApi();
  });
  afterAll(() => api?.close());

  describe('time is credited only as wall-clock time passes', () => {
    it('5 hours claimed within a second credit nothing; after a real pause, one event credits at most the pause and at most 300 s', async () => {
      const c = await seedPublishedCourse(api.db, { jp: 4 });
      const e = await enrol(DEMO.learner, c.courseId);
      let last: ProgressResult | undefined;
      for (let i = 0; i < 5; i++)
        last = await progress(DEMO.learner, e.id, c.lesson.intro, { event: 'heartbeat', secondsSpent: 3600 });
      expect(last?.lesson.timeSpentSeconds).toBeLessThanOrEqual(2);

      // 40 s of real time: a claim of 60 credits 40 (give or take the request's own second).
      await rewindLearningClock(api.db, e.id, 40);
      const after40 = await progress(DEMO.learner, e.id, c.lesson.intro, { event: 'heartbeat', secondsSpent: 60 });
      expect(after40.lesson.timeSpentSeconds - (last?.lesson.timeSpentSeconds ?? 0)).toBeGreaterThanOrEqual(40);
      expect(after40.lesson.timeSpentSeconds - (last?.lesson.timeSpentSeconds ?? 0)).toBeLessThanOrEqual(42);

      // Two hours away, then one event claiming an hour: capped at 300 s.
      await rewindLearningClock(api.db, e.id, 7200);
      const capped = await progress(DEMO.learner, e.id, c.lesson.intro, { event: 'heartbeat', secondsSpent: 3600 });
      expect(capped.lesson.timeSpentSeconds - after40.lesson.timeSpentSeconds).toBe(300);

      // Time is per learner, not per lesson: two lessons reporting at once share the same wall-clock.
      await rewindLearningClock(api.db, e.id, 30);
      const [a, b] = await Promise.all([
        progress(DEMO.learner, e.id, c.lesson.intro, { event: 'heartbeat', secondsSpent: 30 }),
        progress(DEMO.learner, e.id, c.lesson.video, { event: 'heartbeat', secondsSpent: 30 }),
      ]);
      const [{ total }] = await api.db.query(
        `SELECT sum(time_spent_seconds)::int AS total FROM lesson_progress WHERE enrolment_id = $1`,
        [e.id],
      );
      expect(total - capped.lesson.timeSpentSeconds).toBeLessThanOrEqual(32);
      expect([a.lesson.lessonId, b.lesson.lessonId]).toEqual([c.lesson.intro, c.lesson.video]);
    });

    it('the course report shows the time credited beside completion', async () => {
      const c = await seedPublishedCourse(api.db, { jp: 2 });
      const e = await enrol(DEMO.pppkLearner, c.courseId);
      await rewindLearningClock(api.db, e.id, 3600);
      for (let i = 0; i < 3; i++) {
        await progress(DEMO.pppkLearner, e.id, c.lesson.intro, { event: 'heartbeat', secondsSpent: 300 });
        await rewindLearningClock(api.db, e.id, 300);
      }
      const report = (await api.http.get(`/api/courses/${c.courseId}/report`).set(await api.auth(DEMO.agencyAdmin)))
        .body;
      expect(report.items.find((r: { enrolmentId: string }) => r.enrolmentId === e.id)).toMatchObject({
        status: 'active',
        timeSpentMinutes: 15,
      });
    });
  });

  describe('video is credited only as fast as it plays', () => {
    it('a 60-minute video claimed as fully watched right after enrolling is not credited; ten minutes later at most 12.5 minutes are', async () => {
      const c = await seedPublishedCourse(api.db, {
        modules: [
          {
            lessons: [
              {
                key: 'video',
                content: {
                  kind: 'video',
                  url: 'https://video.example.go.id/satu-jam.mp4',
                  durationSeconds: 3600,
                  completeAtRatio: 0.9,
                },
              },
            ],
          },
        ],
      });
      const e = await enrol(DEMO.learner, c.courseId);
      const claim = await progress(DEMO.learner, e.id, c.lesson.video, {
        event: 'video',
        watchedRatio: 1,
        position: { seconds: 3600 },
      });
      expect(claim.lesson.watchedRatio).toBeLessThan(0.01);
      expect(claim.lesson.status).toBe('in_progress');
      expect(claim.completed).toBe(false);

      await rewindLearningClock(api.db, e.id, 600);
      const tenMinutes = await progress(DEMO.learner, e.id, c.lesson.video, { event: 'video', watchedRatio: 1 });
      expect(tenMinutes.lesson.watchedRatio).toBeGreaterThanOrEqual(0.2083);
      expect(tenMinutes.lesson.watchedRatio).toBeLessThan(0.22); // 600 s × 1.25 / 3600 s
      expect(tenMinutes.lesson.status).toBe('in_progress');

      // Honest playback to the end completes it.
      await rewindLearningClock(api.db, e.id, 3000);
      const done = await progress(DEMO.learner, e.id, c.lesson.video, { event: 'video', watchedRatio: 0.95 });
      expect(done.lesson).toMatchObject({ status: 'completed', watchedRatio: 0.95 });
      expect(await completions(e.id)).toBe(1);
    });

    it('a video without a known duration is bounded as a 5-minute video', async () => {
      const c = await seedPublishedCourse(api.db, {
        modules: [
          {
            lessons: [
              {
                key: 'video',
                content: { kind: 'video', url: 'https://video.example.go.id/tanpa-durasi.mp4', completeAtRatio: 0.9 },
              },
            ],
          },
        ],
      });
      const e = await enrol(DEMO.learner, c.courseId);
      await rewindLearningClock(api.db, e.id, 60);
      const early = await progress(DEMO.learner, e.id, c.lesson.video, { event: 'video', watchedRatio: 1 });
      expect(early.lesson.watchedRatio).toBeLessThanOrEqual(0.26); // 60 s × 1.25 / 300 s
      expect(early.lesson.status).toBe('in_progress');
    });
  });

  describe('an author\u2019s minimum time', () => {
    it('a 4-JP course with a course minimum is not completed by opening every lesson in a fraction of a second', async () => {
      const c = await seedPublishedCourse(api.db, {
        jp: 4,
        modules: [
          {
            lessons: [
              { key: 'a', content: { kind: 'text', html: '<p>Satu</p>' } },
              { key: 'b', content: { kind: 'text', html: '<p>Dua</p>' } },
              { key: 'c', content: { kind: 'link', url: 'https://jdih.go.id' } },
            ],
          },
        ],
      });
      await setRule(c.versionId, { requiredLessons: 'all', minMinutes: 10 });
      const e = await enrol(DEMO.learner, c.courseId);
      const started = Date.now();
      let last: ProgressResult | undefined;
      for (const key of ['a', 'b', 'c']) last = await progress(DEMO.learner, e.id, c.lesson[key], { event: 'opened' });
      expect(Date.now() - started).toBeLessThan(5000);
      expect(last).toMatchObject({ enrolmentProgressPercent: 100, completed: false, enrolmentStatus: 'active' });
      expect(last?.timeRemaining?.courseSeconds).toBe(600);
      expect(last?.notice).toMatch(/minimal 10 menit; kurang 10 menit lagi/);
      expect(await completions(e.id)).toBe(0);

      // Ten real minutes of reading later, the course completes.
      for (let i = 0; i < 2; i++) {
        await rewindLearningClock(api.db, e.id, 300);
        last = await progress(DEMO.learner, e.id, c.lesson.b, { event: 'heartbeat', secondsSpent: 300 });
      }
      expect(last).toMatchObject({ completed: true, enrolmentStatus: 'completed', notice: null });
      expect(await completions(e.id)).toBe(1);
    });

    it('a lesson with a minimum time is completed only once that time is credited, then by a heartbeat while it is open', async () => {
      const c = await seedPublishedCourse(api.db);
      await setRule(c.versionId, { requiredLessons: 'all', lessonMinMinutes: { [c.lesson.intro]: 2 } });
      const e = await enrol(DEMO.learner, c.courseId);
      const opened = await progress(DEMO.learner, e.id, c.lesson.intro, { event: 'opened' });
      expect(opened.lesson.status).toBe('in_progress');
      expect(opened.timeRemaining?.lessonSeconds).toBe(120);
      expect(opened.notice).toMatch(/Materi ini baru selesai setelah waktu belajar minimal 2 menit/);
      await rewindLearningClock(api.db, e.id, 90);
      const part = await progress(DEMO.learner, e.id, c.lesson.intro, { event: 'heartbeat', secondsSpent: 90 });
      expect(part.lesson).toMatchObject({ status: 'in_progress', timeSpentSeconds: 90 });
      expect(part.timeRemaining?.lessonSeconds).toBe(30);
      await rewindLearningClock(api.db, e.id, 30);
      const done = await progress(DEMO.learner, e.id, c.lesson.intro, { event: 'heartbeat', secondsSpent: 30 });
      expect(done.lesson).toMatchObject({ status: 'completed', timeSpentSeconds: 120 });
      expect(done.timeRemaining?.lessonSeconds).toBe(0);
    });
  });

  describe('authoring', () => {
    it('an author sets a course and a lesson minimum time; unknown lessons and non-whole minutes are refused; deleting the lesson drops its minimum', async () => {
      const a = authoringApi(api);
      const wi = await api.auth(DEMO.widyaiswara);
      const course = await a.createCourse(wi, {
        title: 'Literasi Digital ASN',
        jp: 4,
        competencyKind: 'teknis',
        description: '<p>Literasi digital.</p>',
        objectives: ['Mengenali hoaks'],
      });
      const mod = await a.addModule(wi, course.id, 'Modul 1');
      const text = await a.addLesson(wi, mod.id, {
        title: 'Mengenali hoaks',
        kind: 'text',
        content: { html: '<p>Periksa sumbernya.</p>' },
      });
      const patch = (completionRule: Record<string, unknown>) =>
        api.http.patch(`/api/courses/${course.id}`).set(wi).send({ completionRule });

      const saved = await patch({ requiredLessons: 'all', minMinutes: 180, lessonMinMinutes: { [text.id]: 15 } });
      expect(saved.status).toBe(200);
      expect(saved.body.completionRule).toEqual({
        requiredLessons: 'all',
        minMinutes: 180,
        lessonMinMinutes: { [text.id]: 15 },
      });

      const unknown = await patch({
        requiredLessons: 'all',
        lessonMinMinutes: { '00000000-0000-4000-8000-000000000000': 5 },
      });
      expect({ status: unknown.status, code: unknown.body.code }).toEqual({
        status: 400,
        code: ErrorCode.LEARNING_INVALID_COURSE,
      });
      for (const bad of [
        { minMinutes: 0 },
        { minMinutes: 2.5 },
        { lessonMinMinutes: { [text.id]: 0 } },
        { lessonMinMinutes: [15] },
      ]) {
        const res = await patch({ requiredLessons: 'all', ...bad });
        expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: ErrorCode.VALIDATION_FAILED });
      }

      await a.deleteLesson(wi, text.id);
      const after = (await api.http.get(`/api/courses/${course.id}`).set(wi)).body;
      expect(after.completionRule).toEqual({ requiredLessons: 'all', minMinutes: 180 });
    });

    it('a short-answer key with * is refused when saved: it is not a wildcard', async () => {
      const a = authoringApi(api);
      const wi = await api.auth(DEMO.widyaiswara);
      const course = await a.createCourse(wi, {
        title: 'Standar Pelayanan Publik',
        jp: 2,
        competencyKind: 'teknis',
        description: '<p>SPP.</p>',
        objectives: ['Menyusun SP'],
      });
      const res = await api.http
        .post(`/api/courses/${course.id}/questions`)
        .set(wi)
        .send({ kind: 'short_answer', prompt: 'Dasar negara?', points: 1, answerKey: { accepted: ['Panca*'] } });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toMatch(/bukan wildcard/);
    });
  });

  describe('assignment uploads', () => {
    let enrolmentId: string;
    let lessonId: string;
    const handIn = async (name: string, body: Buffer | string) =>
      api.http
        .post(`/api/enrolments/${enrolmentId}/lessons/${lessonId}/submission`)
        .set(await api.auth(DEMO.learner))
        .attach('file', typeof body === 'string' ? Buffer.from(body, 'latin1') : body, name);

    beforeAll(async () => {
      const c = await seedPublishedCourse(api.db, {
        modules: [
          {
            lessons: [
              {
                key: 'task',
                content: { kind: 'assignment', instructions: 'Unggah rencana aksi.', maxScore: 100, passScore: 70 },
              },
            ],
          },
        ],
      });
      enrolmentId = (await enrol(DEMO.learner, c.courseId)).id;
      lessonId = c.lesson.task;
    });

    it.each([
      [
        'a Windows executable named .pdf',
        'rencana.pdf',
        'MZ\x90\x00\x03\x00\x00\x00This program cannot be run in DOS mode',
      ],
      ['an HTML page named .png', 'foto.png', '<!doctype html><html><script>fetch("/api/me")</script></html>'],
      [
        'a script-bearing SVG named .png',
        'bagan.png',
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>',
      ],
      ['an HTML page named .txt', 'catatan.txt', '<html><body onload="alert(1)">hai</body></html>'],
      ['a PNG named .pdf', 'laporan.pdf', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])],
    ])('refuses %s with 400 ENROLMENT.BAD_FILE and stores nothing', async (_what, name, body) => {
      const res = await handIn(name, body);
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: ErrorCode.ENROLMENT_BAD_FILE });
      expect(res.body.message).toMatch(/Isi berkas tidak sesuai/);
      const [{ n }] = await api.db.query(
        `SELECT count(*)::int AS n FROM assignment_submission WHERE enrolment_id = $1`,
        [enrolmentId],
      );
      expect(n).toBe(0);
    });

    it('a re-submission replaces the previous file: the last three are kept as history, older files are removed', async () => {
      const storage = api.app.get<FileStorage>(FILE_STORAGE, { strict: false });
      const handed: AssignmentSubmission[] = [];
      const keys: string[] = [];
      for (let i = 1; i <= 5; i++) {
        const res = await handIn(`rencana-v${i}.pdf`, `%PDF-1.7 versi ${i}`);
        expect(res.status).toBe(201);
        handed.push(res.body);
        keys.push(
          (await api.db.query(`SELECT storage_key FROM assignment_submission WHERE id = $1`, [res.body.id]))[0]
            .storage_key,
        );
      }
      const rows: Array<{ id: string; storage_key: string }> = await api.db.query(
        `SELECT id, storage_key FROM assignment_submission WHERE enrolment_id = $1 AND lesson_id = $2 ORDER BY submitted_at DESC, id DESC`,
        [enrolmentId, lessonId],
      );
      expect(rows.map((r) => r.id)).toEqual([handed[4].id, handed[3].id, handed[2].id]);
      for (const r of rows) expect(await storage.size(r.storage_key)).toBeGreaterThan(0);
      for (const gone of keys.slice(0, 2)) await expect(storage.size(gone)).rejects.toThrow();
      // The player shows the latest.
      const lesson = await api.http
        .get(`/api/enrolments/${enrolmentId}/lessons/${lessonId}`)
        .set(await api.auth(DEMO.learner));
      expect(lesson.body.content.submission).toMatchObject({ id: handed[4].id, fileName: 'rencana-v5.pdf' });
      expect(lesson.body.content.history.map((h: AssignmentSubmission) => h.fileName)).toEqual([
        'rencana-v4.pdf',
        'rencana-v3.pdf',
      ]);
      // An earlier version is still downloadable by the learner; a removed one is gone.
      expect(
        (await api.http.get(`/api/submissions/${handed[3].id}/file`).set(await api.auth(DEMO.learner))).status,
      ).toBe(200);
      expect(
        (await api.http.get(`/api/submissions/${handed[0].id}/file`).set(await api.auth(DEMO.learner))).status,
      ).toBe(404);
    });
  });
});
