import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import {
  ErrorCode,
  OutboxEvent,
  type AssignmentResult,
  type Enrolment,
  type EnrolmentDetail,
  type PlayerLesson,
  type ProgressResult,
} from '@kompeten/shared-contracts';
import { scoreQuestion } from '@kompeten/server-assessment';
import { CompletionService, QuizOutcomeService } from '@kompeten/server-enrolment';
import {
  binaryBody,
  idOf,
  makeQuiz,
  rewindLearningClock,
  type SeededCourse,
  seedPublishedCourse,
  type TestApi,
} from '@kompeten/server-testing';
import { bootApi, DEMO } from './app';

/** The report's columns, as a viewer in a WITA agency downloads them (CSV and XLSX alike). */
const REPORT_HEADERS_WITA = [
  'NIP',
  'Nama',
  'Unit Kerja',
  'Status',
  'Progres (%)',
  'Pre-test (%)',
  'Post-test (%)',
  'Kenaikan',
  'Waktu belajar (menit)',
  'Tenggat (WITA)',
  'Terlambat',
  'Selesai (WITA)',
];
const MB = 1024 * 1024;

/** Enrolment, progress, completion and the course report over HTTP, on the demo world. */
describe('Enrolment API', () => {
  let api: TestApi;
  let ids: {
    learner: string;
    supervisor: string;
    kendal: string;
    pppk: string;
    hr: string;
    mataram: string;
    dinkes: string;
    setda: string;
  };

  const enrol = async (who: string, courseId: string) =>
    api.http.post(`/api/courses/${courseId}/enrolments`).set(await api.auth(who));
  const progress = async (who: string, enrolmentId: string, lessonId: string, body: Record<string, unknown>) =>
    api.http
      .put(`/api/enrolments/${enrolmentId}/lessons/${lessonId}/progress`)
      .set(await api.auth(who))
      .send(body);
  const expectError = (res: { status: number; body: Record<string, unknown> }, status: number, code: string) =>
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
  const count = async (sql: string, params: unknown[]) => (await api.db.query(sql, params))[0].n as number;
  const completions = (enrolmentId: string) =>
    count(`SELECT count(*)::int AS n FROM course_completion WHERE enrolment_id = $1`, [enrolmentId]);
  const events = (enrolmentId: string) =>
    count(
      `SELECT count(*)::int AS n FROM outbox_event o JOIN course_completion cc ON cc.id = o.aggregate_id WHERE o.event_type = $1 AND cc.enrolment_id = $2`,
      [OutboxEvent.CourseCompleted, enrolmentId],
    );
  /** Completes every required lesson of the default course but `except`. */
  const completeDefault = async (who: string, enrolmentId: string, c: SeededCourse, except: string[] = []) => {
    for (const key of ['intro', 'video', 'reading'].filter((k) => !except.includes(k))) {
      // The 10-minute video is credited only as fast as it plays: let the learner have watched it.
      if (key === 'video') await rewindLearningClock(api.db, enrolmentId, 600);
      const body = key === 'video' ? { event: 'video', watchedRatio: 0.95 } : { event: 'opened' };
      expect((await progress(who, enrolmentId, c.lesson[key], body)).status).toBe(200);
    }
  };

  beforeAll(async () => {
    api = await bootApi();
    const emp = (nip: string) => idOf(api.db, `SELECT id FROM employee WHERE nip = $1`, [nip]);
    ids = {
      learner: await emp(DEMO.learner),
      supervisor: await emp(DEMO.supervisor),
      kendal: await emp(DEMO.kendalLearner),
      pppk: await emp(DEMO.pppkLearner),
      hr: await idOf(api.db, `SELECT employee_id AS id FROM user_account WHERE email = $1`, [DEMO.hrOfficer]),
      mataram: await idOf(api.db, `SELECT id FROM agency WHERE code = 'kota-mataram'`),
      dinkes: await idOf(
        api.db,
        `SELECT u.id FROM work_unit u JOIN agency a ON a.id = u.agency_id WHERE a.code = 'kota-mataram' AND u.code = 'DINKES'`,
      ),
      setda: await idOf(
        api.db,
        `SELECT u.id FROM work_unit u JOIN agency a ON a.id = u.agency_id WHERE a.code = 'kota-mataram' AND u.code = 'SETDA'`,
      ),
    };
  });
  afterAll(() => api?.close());

  describe('self-enrolment', () => {
    it('enrols in an open course once: repeating answers 200 with the same enrolment, and it shows in my learning', async () => {
      const c = await seedPublishedCourse(api.db, { title: 'Literasi Digital ASN', jp: 6 });
      const first = await enrol(DEMO.learner, c.courseId);
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        courseId: c.courseId,
        courseVersionId: c.versionId,
        status: 'active',
        source: 'self',
        progressPercent: 0,
        courseTitle: 'Literasi Digital ASN',
        jp: 6,
        employeeId: ids.learner,
      });
      const again = await enrol(DEMO.learner, c.courseId);
      expect(again.status).toBe(200);
      expect(again.body.id).toBe(first.body.id);
      expect(await count(`SELECT count(*)::int AS n FROM enrolment WHERE course_id = $1`, [c.courseId])).toBe(1);
      const mine = await api.http.get('/api/me/enrolments').set(await api.auth(DEMO.learner));
      expect(mine.status).toBe(200);
      expect(mine.body).toMatchObject({ page: 1, pageSize: 20 });
      expect(mine.body.items.find((e: Enrolment) => e.id === first.body.id)).toMatchObject({
        courseTitle: 'Literasi Digital ASN',
        status: 'active',
        progressPercent: 0,
        dueAt: null,
      });
    });

    it('enrols once however many identical requests race: one 201, the rest 200 with the same enrolment', async () => {
      const c = await seedPublishedCourse(api.db, { title: 'Etika Pelayanan Publik', jp: 4 });
      const headers = await api.auth(DEMO.pppkLearner);
      const all = await Promise.all(
        Array.from({ length: 8 }, () => api.http.post(`/api/courses/${c.courseId}/enrolments`).set(headers)),
      );
      expect(all.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
      expect(new Set(all.map((r) => r.body.id)).size).toBe(1);
      expect(all[0].body).toMatchObject({
        courseId: c.courseId,
        status: 'active',
        courseTitle: 'Etika Pelayanan Publik',
        jp: 4,
        employeeId: ids.pppk,
      });
      expect(await count(`SELECT count(*)::int AS n FROM enrolment WHERE course_id = $1`, [c.courseId])).toBe(1);
    });

    it('hides courses the learner may not see: another agency, another province, unpublished (404)', async () => {
      const kendalOnly = await seedPublishedCourse(api.db, { agency: 'kab-kendal', visibility: 'agency' });
      expectError(await enrol(DEMO.learner, kendalOnly.courseId), 404, ErrorCode.ENROLMENT_COURSE_NOT_FOUND);
      expect((await enrol(DEMO.kendalLearner, kendalOnly.courseId)).status).toBe(201);

      const ntbWide = await seedPublishedCourse(api.db, { agency: 'kota-bima', visibility: 'province' });
      expect((await enrol(DEMO.learner, ntbWide.courseId)).status).toBe(201);
      expectError(await enrol(DEMO.kendalLearner, ntbWide.courseId), 404, ErrorCode.ENROLMENT_COURSE_NOT_FOUND);

      const national = await seedPublishedCourse(api.db, { agency: 'prov-jateng', visibility: 'national' });
      expect((await enrol(DEMO.learner, national.courseId)).status).toBe(201);

      // A draft never published has no live version.
      const draft = await seedPublishedCourse(api.db, { status: 'draft' });
      await api.db.query(`UPDATE course SET current_version_id = NULL WHERE id = $1`, [draft.courseId]);
      expectError(await enrol(DEMO.learner, draft.courseId), 404, ErrorCode.ENROLMENT_COURSE_NOT_FOUND);
      expect((await api.http.post(`/api/courses/not-a-uuid/enrolments`).set(await api.auth(DEMO.learner))).status).toBe(
        404,
      );
    });

    it('keeps taking enrolments and assignments on the live version while the next revision is a draft or in review; not once archived', async () => {
      for (const status of ['in_review', 'draft'] as const) {
        const c = await seedPublishedCourse(api.db, { status });
        const self = await enrol(DEMO.learner, c.courseId);
        expect({ status, code: self.status, body: self.body }).toMatchObject({
          status,
          code: 201,
          body: { courseVersionId: c.versionId, status: 'active' },
        });
        const assigned = await api.http
          .post(`/api/courses/${c.courseId}/assignments`)
          .set(await api.auth(DEMO.agencyAdmin))
          .send({ employeeIds: [ids.pppk] });
        expect({ status, code: assigned.status, body: assigned.body }).toEqual({
          status,
          code: 200,
          body: { enrolled: 1, alreadyEnrolled: 0, skippedOutOfScope: 0 },
        });
      }
      const archived = await seedPublishedCourse(api.db, { status: 'archived' });
      expectError(await enrol(DEMO.learner, archived.courseId), 404, ErrorCode.ENROLMENT_COURSE_NOT_FOUND);
      expectError(
        await api.http
          .post(`/api/courses/${archived.courseId}/assignments`)
          .set(await api.auth(DEMO.agencyAdmin))
          .send({ employeeIds: [ids.pppk] }),
        404,
        ErrorCode.ENROLMENT_COURSE_NOT_FOUND,
      );
    });

    it('refuses assigned-only courses and missing prerequisites', async () => {
      const assignedOnly = await seedPublishedCourse(api.db, { enrolmentMode: 'assigned_only' });
      expectError(await enrol(DEMO.learner, assignedOnly.courseId), 403, ErrorCode.ENROLMENT_ASSIGNED_ONLY);

      const basic = await seedPublishedCourse(api.db);
      const advanced = await seedPublishedCourse(api.db, { prerequisiteCourseIds: [basic.courseId] });
      const refused = await enrol(DEMO.pppkLearner, advanced.courseId);
      expectError(refused, 403, ErrorCode.ENROLMENT_PREREQUISITES_NOT_MET);
      expect(refused.body.details).toEqual({ missingCourseIds: [basic.courseId] });
      const e = await enrol(DEMO.pppkLearner, basic.courseId);
      await completeDefault(DEMO.pppkLearner, e.body.id, basic);
      expect((await enrol(DEMO.pppkLearner, advanced.courseId)).status).toBe(201);
    });

    it('withdraws, and re-enrolling reactivates the same enrolment with its progress', async () => {
      const c = await seedPublishedCourse(api.db);
      const e = (await enrol(DEMO.learner, c.courseId)).body as Enrolment;
      await progress(DEMO.learner, e.id, c.lesson.intro, { event: 'opened' });
      const w = await api.http.post(`/api/enrolments/${e.id}/withdraw`).set(await api.auth(DEMO.learner));
      expect(w.body).toMatchObject({ id: e.id, status: 'withdrawn' });
      expect(
        (await api.http.post(`/api/enrolments/${e.id}/withdraw`).set(await api.auth(DEMO.learner))).body.status,
      ).toBe('withdrawn');
      expectError(
        await progress(DEMO.learner, e.id, c.lesson.video, { event: 'opened' }),
        409,
        ErrorCode.ENROLMENT_NOT_ACTIVE,
      );
      const back = await enrol(DEMO.learner, c.courseId);
      expect(back.status).toBe(200);
      expect(back.body).toMatchObject({ id: e.id, status: 'active', progressPercent: expect.any(Number) });
      const detail = (await api.http.get(`/api/enrolments/${e.id}`).set(await api.auth(DEMO.learner)))
        .body as EnrolmentDetail;
      expect(detail.modules[0].lessons[0].progress.status).toBe('completed');
    });

    it('re-enrols once however many identical requests race after a withdrawal: all 200, the same enrolment, active', async () => {
      const c = await seedPublishedCourse(api.db);
      const headers = await api.auth(DEMO.pppkLearner);
      const e = (await enrol(DEMO.pppkLearner, c.courseId)).body as Enrolment;
      expect((await api.http.post(`/api/enrolments/${e.id}/withdraw`).set(headers)).body.status).toBe('withdrawn');
      const all = await Promise.all(
        Array.from({ length: 8 }, () => api.http.post(`/api/courses/${c.courseId}/enrolments`).set(headers)),
      );
      expect(all.map((r) => [r.status, r.body.id, r.body.status])).toEqual(
        Array.from({ length: 8 }, () => [200, e.id, 'active']),
      );
      expect(await count(`SELECT count(*)::int AS n FROM enrolment WHERE course_id = $1`, [c.courseId])).toBe(1);
    });

    it('re-activates a withdrawn assignment without approval, even on assigned-only and approval courses', async () => {
      const admin = await api.auth(DEMO.agencyAdmin);
      for (const enrolmentMode of ['assigned_only', 'approval'] as const) {
        const c = await seedPublishedCourse(api.db, { enrolmentMode });
        expect(
          (
            await api.http
              .post(`/api/courses/${c.courseId}/assignments`)
              .set(admin)
              .send({ employeeIds: [ids.pppk] })
          ).body.enrolled,
        ).toBe(1);
        const [{ id }] = await api.db.query(`SELECT id FROM enrolment WHERE course_id = $1 AND employee_id = $2`, [
          c.courseId,
          ids.pppk,
        ]);
        expect(
          (await api.http.post(`/api/enrolments/${id}/withdraw`).set(await api.auth(DEMO.pppkLearner))).body.status,
        ).toBe('withdrawn');
        const back = await enrol(DEMO.pppkLearner, c.courseId);
        expect({ enrolmentMode, status: back.status, body: back.body }).toMatchObject({
          enrolmentMode,
          status: 200,
          body: { id, source: 'assigned', status: 'active' },
        });
      }
    });

    it('answers a pending request again with 200; after a rejection asks again with the decision cleared', async () => {
      const c = await seedPublishedCourse(api.db, { enrolmentMode: 'approval', title: 'Manajemen Risiko', jp: 3 });
      const first = await enrol(DEMO.pppkLearner, c.courseId);
      expect(first.status).toBe(201);
      const again = await enrol(DEMO.pppkLearner, c.courseId);
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);
      await api.http.post(`/api/enrolments/${first.body.id}/reject`).set(await api.auth(DEMO.agencyAdmin));
      const asked = await enrol(DEMO.pppkLearner, c.courseId);
      expect(asked.status).toBe(200);
      expect(asked.body).toMatchObject({
        id: first.body.id,
        status: 'pending_approval',
        source: 'self',
        courseTitle: 'Manajemen Risiko',
        jp: 3,
      });
      expect(await api.db.query(`SELECT decided_by, decided_at FROM enrolment WHERE id = $1`, [first.body.id])).toEqual(
        [{ decided_by: null, decided_at: null }],
      );
    });

    it('refuses an ASN whose employee record is inactive (403)', async () => {
      const c = await seedPublishedCourse(api.db);
      const headers = await api.auth(DEMO.kendalLearner);
      await api.db.query(`UPDATE employee SET active = false WHERE id = $1`, [ids.kendal]);
      try {
        expectError(
          await api.http.post(`/api/courses/${c.courseId}/enrolments`).set(headers),
          403,
          ErrorCode.AUTH_FORBIDDEN,
        );
      } finally {
        await api.db.query(`UPDATE employee SET active = true WHERE id = $1`, [ids.kendal]);
      }
      expect(await count(`SELECT count(*)::int AS n FROM enrolment WHERE course_id = $1`, [c.courseId])).toBe(0);
    });
  });

  describe('approval by the supervisor', () => {
    it('waits for the learner\u2019s supervisor, who sees it in approvals and approves it; others cannot', async () => {
      const c = await seedPublishedCourse(api.db, { enrolmentMode: 'approval' });
      const e = await enrol(DEMO.learner, c.courseId);
      expect(e.status).toBe(201);
      expect(e.body.status).toBe('pending_approval');
      expectError(
        await progress(DEMO.learner, e.body.id, c.lesson.intro, { event: 'opened' }),
        409,
        ErrorCode.ENROLMENT_NOT_ACTIVE,
      );
      expectError(
        await api.http.get(`/api/enrolments/${e.body.id}/lessons/${c.lesson.intro}`).set(await api.auth(DEMO.learner)),
        409,
        ErrorCode.ENROLMENT_NOT_ACTIVE,
      );

      const list = await api.http.get('/api/approvals').set(await api.auth(DEMO.supervisor));
      expect(list.status).toBe(200);
      expect(list.body.items.find((x: { id: string }) => x.id === e.body.id)).toMatchObject({
        nip: DEMO.learner,
        unitName: 'Dinas Kesehatan',
        status: 'pending_approval',
      });
      const kendalList = await api.http.get('/api/approvals').set(await api.auth(DEMO.kendalLearner));
      expect(kendalList.body.items.some((x: { id: string }) => x.id === e.body.id)).toBe(false);

      expectError(
        await api.http.post(`/api/enrolments/${e.body.id}/approve`).set(await api.auth(DEMO.kendalLearner)),
        404,
        ErrorCode.ENROLMENT_NOT_FOUND,
      );
      expectError(
        await api.http.post(`/api/enrolments/${e.body.id}/approve`).set(await api.auth(DEMO.learner)),
        404,
        ErrorCode.ENROLMENT_NOT_FOUND,
      );
      const ok = await api.http.post(`/api/enrolments/${e.body.id}/approve`).set(await api.auth(DEMO.supervisor));
      expect(ok.status).toBe(200);
      expect(ok.body.status).toBe('active');
      expect(
        (await api.http.post(`/api/enrolments/${e.body.id}/approve`).set(await api.auth(DEMO.supervisor))).body.status,
      ).toBe('active');
      expectError(
        await api.http.post(`/api/enrolments/${e.body.id}/reject`).set(await api.auth(DEMO.supervisor)),
        409,
        ErrorCode.ENROLMENT_NOT_PENDING,
      );
      const [row] = await api.db.query(`SELECT decided_by, decided_at FROM enrolment WHERE id = $1`, [e.body.id]);
      expect(row.decided_at).not.toBeNull();
      expect((await progress(DEMO.learner, e.body.id, c.lesson.intro, { event: 'opened' })).status).toBe(200);
    });

    it('lets an admin of the learner\u2019s agency reject', async () => {
      const c = await seedPublishedCourse(api.db, { enrolmentMode: 'approval' });
      const e = await enrol(DEMO.pppkLearner, c.courseId);
      const res = await api.http.post(`/api/enrolments/${e.body.id}/reject`).set(await api.auth(DEMO.agencyAdmin));
      expect(res.body.status).toBe('rejected');
      // Asking again goes back to the queue.
      expect((await enrol(DEMO.pppkLearner, c.courseId)).body.status).toBe('pending_approval');
    });
  });

  describe('assignment', () => {
    const assign = async (who: string, courseId: string, body: Record<string, unknown>) =>
      api.http
        .post(`/api/courses/${courseId}/assignments`)
        .set(await api.auth(who))
        .send(body);
    const activeIn = (unitId: string) =>
      count(
        `SELECT count(*)::int AS n FROM employee e JOIN work_unit u ON u.id = e.unit_id WHERE e.active AND u.path LIKE (SELECT path FROM work_unit WHERE id = $1) || '%'`,
        [unitId],
      );

    it('assigns a whole unit subtree once; repeating it finds everyone already enrolled', async () => {
      const c = await seedPublishedCourse(api.db, { enrolmentMode: 'assigned_only' });
      const inDinkes = await activeIn(ids.dinkes);
      expect(inDinkes).toBeGreaterThan(3);
      const first = await assign(DEMO.hrOfficer, c.courseId, { unitId: ids.dinkes, dueDate: '2026-12-31' });
      expect(first.status).toBe(200);
      expect(first.body).toEqual<AssignmentResult>({ enrolled: inDinkes, alreadyEnrolled: 0, skippedOutOfScope: 0 });
      expect(await assign(DEMO.hrOfficer, c.courseId, { unitId: ids.dinkes }).then((r) => r.body)).toEqual({
        enrolled: 0,
        alreadyEnrolled: inDinkes,
        skippedOutOfScope: 0,
      });
      const mine = await api.http.get('/api/me/enrolments').set(await api.auth(DEMO.learner));
      expect(mine.body.items.find((e: Enrolment) => e.courseId === c.courseId)).toMatchObject({
        source: 'assigned',
        status: 'active',
        dueAt: '2026-12-31T23:59:59+08:00',
        dueDate: '2026-12-31',
        dueTimeZone: 'Asia/Makassar',
        overdue: false,
      });
      // An assigned learner "enrolling" in an assigned-only course gets the enrolment it has.
      expect((await enrol(DEMO.learner, c.courseId)).status).toBe(200);
    });

    // Issue 12: named ASN and units are resolved through the caller's scope like path ids. The old behaviour (skip
    // and count them) confirmed that another agency's ids exist; now any of them makes the whole request a 404.
    it('answers 404 for named ASN or a unit outside the caller\u2019s scope, exactly as for unknown ids', async () => {
      const c = await seedPublishedCourse(api.db, { visibility: 'national' });
      const setdaPerson = await idOf(api.db, `SELECT id FROM employee WHERE unit_id = $1 LIMIT 1`, [ids.setda]);
      for (const outsider of [setdaPerson, ids.kendal, '00000000-0000-4000-8000-000000000000']) {
        const res = await assign(DEMO.hrOfficer, c.courseId, { employeeIds: [ids.learner, ids.supervisor, outsider] });
        expect({ status: res.status, code: res.body.code }).toEqual({ status: 404, code: 'EMPLOYEE.NOT_FOUND' });
      }
      expect((await assign(DEMO.hrOfficer, c.courseId, { employeeIds: [ids.learner, ids.supervisor] })).body).toEqual({
        enrolled: 2,
        alreadyEnrolled: 0,
        skippedOutOfScope: 0,
      });
      // The unit of another agency is not even readable by this HR officer.
      const kendalUnit = await idOf(
        api.db,
        `SELECT u.id FROM work_unit u JOIN agency a ON a.id = u.agency_id WHERE a.code = 'kab-kendal' LIMIT 1`,
      );
      expect((await assign(DEMO.hrOfficer, c.courseId, { unitId: kendalUnit })).status).toBe(404);
      // The SETDA unit lies outside the HR officer's subtree (404); the agency admin manages it.
      const setdaCount = await activeIn(ids.setda);
      expect((await assign(DEMO.hrOfficer, c.courseId, { unitId: ids.setda })).status).toBe(404);
      expect((await assign(DEMO.agencyAdmin, c.courseId, { unitId: ids.setda })).body).toEqual({
        enrolled: setdaCount,
        alreadyEnrolled: 0,
        skippedOutOfScope: 0,
      });
    });

    it('assigns by position name within the caller\u2019s scope', async () => {
      const c = await seedPublishedCourse(api.db, { agency: 'prov-ntb', visibility: 'province' });
      const [pos] = await api.db.query(
        `SELECT position_name, count(*)::int AS n FROM employee WHERE agency_id = $1 AND active AND position_name IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 1`,
        [ids.mataram],
      );
      const res = await assign(DEMO.agencyAdmin, c.courseId, { positionName: pos.position_name.toUpperCase() });
      expect(res.body).toEqual({ enrolled: pos.n, alreadyEnrolled: 0, skippedOutOfScope: 0 });
    });

    it('refuses learners (403), empty requests (400) and unknown courses (404)', async () => {
      const c = await seedPublishedCourse(api.db);
      expectError(
        await assign(DEMO.learner, c.courseId, { employeeIds: [ids.learner] }),
        403,
        ErrorCode.AUTH_FORBIDDEN,
      );
      expectError(await assign(DEMO.hrOfficer, c.courseId, {}), 400, ErrorCode.ENROLMENT_NO_TARGETS);
      expectError(await assign(DEMO.hrOfficer, c.courseId, { employeeIds: ['x'] }), 400, ErrorCode.VALIDATION_FAILED);
      expectError(
        await assign(DEMO.hrOfficer, '00000000-0000-4000-8000-000000000000', { unitId: ids.dinkes }),
        404,
        ErrorCode.ENROLMENT_COURSE_NOT_FOUND,
      );
    });

    it('assigns 2,000 learners of a unit in one call, and a repeat enrols nobody twice', async () => {
      const [unit] = await api.db.query(
        `WITH id AS (SELECT gen_random_uuid() AS id)
         INSERT INTO work_unit (id, agency_id, code, name, path, depth) SELECT id.id, $1, 'BULK', 'Unit Uji Massal', '/' || id.id || '/', 0 FROM id RETURNING id`,
        [ids.mataram],
      );
      await api.db.query(
        `INSERT INTO employee (nip, agency_id, unit_id, employee_type, full_name, birth_date, gender)
         SELECT '19900130' || '201501' || '1' || lpad(g::text, 3, '0'), $1::uuid, $2::uuid, 'PNS', 'Peserta A' || g, '1990-01-30'::date, 'L' FROM generate_series(1, 999) g
         UNION ALL
         SELECT '19910130' || '201601' || '2' || lpad(g::text, 3, '0'), $1, $2, 'PNS', 'Peserta B' || g, '1991-01-30', 'P' FROM generate_series(1, 999) g
         UNION ALL
         SELECT '19920130' || '201701' || '1' || lpad(g::text, 3, '0'), $1, $2, 'PNS', 'Peserta C' || g, '1992-01-30', 'L' FROM generate_series(1, 2) g`,
        [ids.mataram, unit.id],
      );
      const c = await seedPublishedCourse(api.db);
      // How fast (one call for 2,000) is the bench's "Assign 2,000 learners in one call" row, not a timing here.
      const res = await assign(DEMO.agencyAdmin, c.courseId, { unitId: unit.id });
      expect(res.body).toEqual({ enrolled: 2000, alreadyEnrolled: 0, skippedOutOfScope: 0 });
      expect((await assign(DEMO.agencyAdmin, c.courseId, { unitId: unit.id })).body).toEqual({
        enrolled: 0,
        alreadyEnrolled: 2000,
        skippedOutOfScope: 0,
      });
    });
  });

  describe('progress and completion', () => {
    it('completes text on open and video only past its watch ratio; time adds up; the outline resumes at the first incomplete lesson', async () => {
      const c = await seedPublishedCourse(api.db);
      const e = (await enrol(DEMO.learner, c.courseId)).body as Enrolment;
      // The server credits time and video only as wall-clock time passes: each step first lets that time pass.
      await rewindLearningClock(api.db, e.id, 60);
      const opened = await progress(DEMO.learner, e.id, c.lesson.intro, {
        event: 'opened',
        secondsSpent: 30,
        position: { scroll: 0.4 },
      });
      expect(opened.status).toBe(200);
      expect(opened.body).toMatchObject<Partial<ProgressResult>>({
        enrolmentProgressPercent: 33.33,
        enrolmentStatus: 'active',
        completed: false,
      });
      expect(opened.body.lesson).toMatchObject({
        status: 'completed',
        timeSpentSeconds: 30,
        position: { scroll: 0.4 },
      });
      await rewindLearningClock(api.db, e.id, 15);
      const reopened = await progress(DEMO.learner, e.id, c.lesson.intro, { event: 'opened', secondsSpent: 15 });
      expect(reopened.body.lesson).toMatchObject({
        status: 'completed',
        timeSpentSeconds: 45,
        position: { scroll: 0.4 },
      });

      await rewindLearningClock(api.db, e.id, 240);
      const half = await progress(DEMO.learner, e.id, c.lesson.video, {
        event: 'video',
        watchedRatio: 0.5,
        position: { seconds: 300 },
      });
      expect(half.body.lesson).toMatchObject({ status: 'in_progress', watchedRatio: 0.5 });
      await rewindLearningClock(api.db, e.id, 60);
      const beat = await progress(DEMO.learner, e.id, c.lesson.video, {
        event: 'heartbeat',
        secondsSpent: 60,
        watchedRatio: 0.3,
      });
      expect(beat.body.lesson).toMatchObject({ status: 'in_progress', watchedRatio: 0.5, timeSpentSeconds: 60 });
      const detail = (await api.http.get(`/api/enrolments/${e.id}`).set(await api.auth(DEMO.learner)))
        .body as EnrolmentDetail;
      expect(detail.resume).toEqual({ moduleId: c.snapshot.modules[0].id, lessonId: c.lesson.video });
      expect(detail.modules.map((m) => m.lessons.map((l) => [l.kind, l.required, l.progress.status]))).toEqual([
        [
          ['text', true, 'completed'],
          ['video', true, 'in_progress'],
        ],
        [
          ['document', true, 'not_started'],
          ['file', false, 'not_started'],
        ],
      ]);
      await rewindLearningClock(api.db, e.id, 210);
      const done = await progress(DEMO.learner, e.id, c.lesson.video, { event: 'video', watchedRatio: 0.92 });
      expect(done.body.lesson).toMatchObject({ status: 'completed', watchedRatio: 0.92 });
      expect(done.body.enrolmentProgressPercent).toBe(66.67);

      expectError(
        await progress(DEMO.learner, e.id, c.lesson.intro, { event: 'video', watchedRatio: 1 }),
        400,
        ErrorCode.ENROLMENT_WRONG_LESSON_KIND,
      );
      expectError(
        await progress(DEMO.learner, e.id, c.lesson.intro, { event: 'skip' }),
        400,
        ErrorCode.VALIDATION_FAILED,
      );
      expectError(
        await progress(DEMO.learner, e.id, c.lesson.intro, { event: 'video', watchedRatio: 1.5 }),
        400,
        ErrorCode.VALIDATION_FAILED,
      );
      expectError(
        await progress(DEMO.learner, e.id, '00000000-0000-4000-8000-000000000000', { event: 'opened' }),
        404,
        ErrorCode.ENROLMENT_LESSON_NOT_FOUND,
      );
      // The optional file completes on download.
      expect((await progress(DEMO.learner, e.id, c.lesson.handout, { event: 'downloaded' })).body.lesson.status).toBe(
        'completed',
      );
    });

    it('completing every required lesson writes exactly one completion with the version\u2019s JP, and one course.completed event', async () => {
      const c = await seedPublishedCourse(api.db, { jp: 12.5 });
      const e = (await enrol(DEMO.learner, c.courseId)).body as Enrolment;
      await completeDefault(DEMO.learner, e.id, c, ['reading']);
      expect(await completions(e.id)).toBe(0);
      const last = await progress(DEMO.learner, e.id, c.lesson.reading, { event: 'opened' });
      expect(last.body).toMatchObject({ completed: true, enrolmentStatus: 'completed', enrolmentProgressPercent: 100 });
      const [cc] = await api.db.query(
        `SELECT id, jp, course_version_id, employee_id FROM course_completion WHERE enrolment_id = $1`,
        [e.id],
      );
      expect({ jp: Number(cc.jp), version: cc.course_version_id, employee: cc.employee_id }).toEqual({
        jp: 12.5,
        version: c.versionId,
        employee: ids.learner,
      });
      const outbox = await api.db.query(
        `SELECT payload FROM outbox_event WHERE event_type = $1 AND aggregate_id = $2`,
        [OutboxEvent.CourseCompleted, cc.id],
      );
      expect(outbox).toEqual([{ payload: { completionId: cc.id } }]);
      // Anything after that changes nothing.
      await progress(DEMO.learner, e.id, c.lesson.reading, { event: 'opened' });
      await progress(DEMO.learner, e.id, c.lesson.handout, { event: 'downloaded' });
      expect([await completions(e.id), await events(e.id)]).toEqual([1, 1]);
      const mine = await api.http.get('/api/me/enrolments?status=completed').set(await api.auth(DEMO.learner));
      expect(mine.body.items.find((x: Enrolment) => x.id === e.id)).toMatchObject({
        status: 'completed',
        progressPercent: 100,
        completedAt: expect.any(String),
      });
      expectError(
        await api.http.post(`/api/enrolments/${e.id}/withdraw`).set(await api.auth(DEMO.learner)),
        409,
        ErrorCode.ENROLMENT_ALREADY_COMPLETED,
      );
    });

    it('two concurrent last-lesson events write one completion and one event', async () => {
      for (let i = 0; i < 5; i++) {
        const c = await seedPublishedCourse(api.db);
        const e = (await enrol(DEMO.learner, c.courseId)).body as Enrolment;
        await completeDefault(DEMO.learner, e.id, c, ['video', 'reading']);
        // The learner opened the video ten minutes ago (which starts its clock), then both events land at once.
        await progress(DEMO.learner, e.id, c.lesson.video, { event: 'opened' });
        await rewindLearningClock(api.db, e.id, 600);
        const [a, b] = await Promise.all([
          progress(DEMO.learner, e.id, c.lesson.video, { event: 'video', watchedRatio: 1 }),
          progress(DEMO.learner, e.id, c.lesson.reading, { event: 'opened' }),
        ]);
        expect([a.status, b.status]).toEqual([200, 200]);
        expect(a.body.completed || b.body.completed).toBe(true);
        expect([await completions(e.id), await events(e.id)]).toEqual([1, 1]);
      }
    });

    it('two concurrent evaluations of a complete enrolment write one completion and one event', async () => {
      const completion = api.app.get(CompletionService, { strict: false });
      for (let i = 0; i < 5; i++) {
        const c = await seedPublishedCourse(api.db);
        const e = (await enrol(DEMO.learner, c.courseId)).body as Enrolment;
        await api.db.query(
          `INSERT INTO lesson_progress (enrolment_id, lesson_id, status, completed_at) SELECT $1, unnest($2::uuid[]), 'completed', now()`,
          [e.id, [c.lesson.intro, c.lesson.video, c.lesson.reading]],
        );
        const outcomes = await Promise.all([1, 2].map(() => api.db.transaction((m) => completion.evaluate(m, e.id))));
        expect(outcomes.map((o) => o.completed)).toEqual([true, true]);
        expect(outcomes.filter((o) => o.recorded)).toHaveLength(1);
        expect([await completions(e.id), await events(e.id)]).toEqual([1, 1]);
      }
    });

    it('records quiz outcomes for the assessment lib and holds the post-test to the rule\u2019s minimum', async () => {
      const pre = makeQuiz('pre_test');
      const post = makeQuiz('post_test');
      const c = await seedPublishedCourse(api.db, {
        modules: [
          {
            lessons: [
              { key: 'pre', content: { kind: 'quiz', quizId: pre.id } },
              { key: 'intro', content: { kind: 'text', html: '<p>Materi</p>' } },
              { key: 'post', content: { kind: 'quiz', quizId: post.id } },
            ],
          },
        ],
        quizzes: { [pre.id]: pre, [post.id]: post },
        completionRule: { requiredLessons: 'all', minPostTestPercent: 70 },
      });
      const e = (await enrol(DEMO.learner, c.courseId)).body as Enrolment;
      const player = await api.http
        .get(`/api/enrolments/${e.id}/lessons/${c.lesson.post}`)
        .set(await api.auth(DEMO.learner));
      expect(player.status).toBe(200);
      expect(player.body.content).toEqual({
        kind: 'quiz',
        quiz: {
          quizId: post.id,
          title: 'Post-test',
          role: 'post_test',
          questionCount: 2,
          timeLimitSeconds: 900,
          opensAt: null,
          closesAt: null,
          maxAttempts: 2,
          passPercent: 70,
        },
      });
      expect(JSON.stringify(player.body)).not.toMatch(/BerAKHLAK berarti|Akuntabel|"key"/);

      const progressService = api.app.get(QuizOutcomeService, { strict: false });
      const record = (lessonId: string, gradePercent: number, passed: boolean) =>
        api.db.transaction((m) => progressService.recordQuizOutcome(m, e.id, lessonId, { gradePercent, passed }));
      await progress(DEMO.learner, e.id, c.lesson.intro, { event: 'opened' });
      expect(await record(c.lesson.pre, 40, false)).toEqual({ courseCompleted: false });
      expect(await record(c.lesson.post, 60, false)).toEqual({ courseCompleted: false });
      expect(await completions(e.id)).toBe(0);
      expect(await record(c.lesson.post, 85, true)).toEqual({ courseCompleted: true });
      expect([await completions(e.id), await events(e.id)]).toEqual([1, 1]);
      await expect(
        api.db.transaction((m) =>
          progressService.recordQuizOutcome(m, e.id, c.lesson.intro, { gradePercent: 1, passed: true }),
        ),
      ).rejects.toMatchObject({ code: ErrorCode.ENROLMENT_WRONG_LESSON_KIND });
    });

    it('seeds quiz snapshots whose keys assessment grades: right answers score full points, wrong ones none', () => {
      const [tf, single] = makeQuiz('post_test').questions;
      expect([tf.key, single.key]).toEqual([{ correct: true }, { correct: 'a' }]);
      expect([
        scoreQuestion(tf, true),
        scoreQuestion(tf, false),
        scoreQuestion(single, 'a'),
        scoreQuestion(single, 'b'),
      ]).toEqual([1, 0, 1, 0]);
    });

    it('completes an assignment on submission and passes it when graded; refuses files over 20 MB', async () => {
      const c = await seedPublishedCourse(api.db, {
        authorNips: [DEMO.widyaiswara],
        modules: [
          {
            lessons: [
              {
                key: 'task',
                content: { kind: 'assignment', instructions: 'Susun rencana aksi.', maxScore: 100, passScore: 70 },
              },
            ],
          },
        ],
        completionRule: { requiredLessons: 'all', passAssignments: [] },
      });
      c.snapshot.completionRule.passAssignments = [c.lesson.task];
      await api.db.query(`UPDATE course_version SET snapshot = $2 WHERE id = $1`, [
        c.versionId,
        JSON.stringify(c.snapshot),
      ]);
      const e = (await enrol(DEMO.pppkLearner, c.courseId)).body as Enrolment;
      const url = `/api/enrolments/${e.id}/lessons/${c.lesson.task}/submission`;
      expectError(
        await api.http
          .post(url)
          .set(await api.auth(DEMO.pppkLearner))
          .field('x', '1'),
        400,
        ErrorCode.ENROLMENT_FILE_REQUIRED,
      );
      expect(
        (
          await api.http
            .post(url)
            .set(await api.auth(DEMO.pppkLearner))
            .attach('file', Buffer.alloc(20 * MB + 1, 1), 'besar.pdf')
        ).status,
      ).toBe(413);
      expectError(
        await api.http
          .post(url)
          .set(await api.auth(DEMO.pppkLearner))
          .attach('file', Buffer.from('MZ'), 'virus.exe'),
        400,
        ErrorCode.ENROLMENT_BAD_FILE,
      );
      expect(
        (
          await api.http
            .post(url)
            .set(await api.auth(DEMO.learner))
            .attach('file', Buffer.from('%PDF-1.4'), 'a.pdf')
        ).status,
      ).toBe(404);
      const sub = await api.http
        .post(url)
        .set(await api.auth(DEMO.pppkLearner))
        .attach('file', Buffer.from('%PDF-1.4 rencana aksi'), 'rencana-aksi.pdf');
      expect(sub.status).toBe(201);
      expect(sub.body).toMatchObject({ fileName: 'rencana-aksi.pdf', score: null, passed: null });
      const player = (
        await api.http.get(`/api/enrolments/${e.id}/lessons/${c.lesson.task}`).set(await api.auth(DEMO.pppkLearner))
      ).body as PlayerLesson;
      expect(player.progress.status).toBe('completed');
      expect(player.content).toMatchObject({ kind: 'assignment', passScore: 70, submission: { id: sub.body.id } });
      expect(await completions(e.id)).toBe(0);

      const gradeUrl = `/api/submissions/${sub.body.id}/grade`;
      expectError(
        await api.http
          .post(gradeUrl)
          .set(await api.auth(DEMO.pppkLearner))
          .send({ score: 100 }),
        404,
        ErrorCode.ENROLMENT_SUBMISSION_NOT_FOUND,
      );
      expectError(
        await api.http
          .post(gradeUrl)
          .set(await api.auth(DEMO.widyaiswara))
          .send({ score: 101 }),
        400,
        ErrorCode.ENROLMENT_INVALID_SCORE,
      );
      const low = await api.http
        .post(gradeUrl)
        .set(await api.auth(DEMO.widyaiswara))
        .send({ score: 60, feedback: 'Perlu indikator.' });
      expect(low.body).toMatchObject({ score: 60, passed: false, feedback: 'Perlu indikator.' });
      expect(await completions(e.id)).toBe(0);
      const high = await api.http
        .post(gradeUrl)
        .set(await api.auth(DEMO.widyaiswara))
        .send({ score: 80 });
      expect(high.body).toMatchObject({ score: 80, passed: true, gradedAt: expect.any(String) });
      expect([await completions(e.id), await events(e.id)]).toEqual([1, 1]);
    });

    it('records live attendance for enrolled ASN only (authors, admins)', async () => {
      const c = await seedPublishedCourse(api.db, {
        modules: [
          {
            lessons: [
              {
                key: 'live',
                content: {
                  kind: 'live',
                  startsAt: '2026-03-02T01:00:00Z',
                  endsAt: '2026-03-02T03:00:00Z',
                  joinUrl: 'https://meet.example.go.id/abc',
                },
              },
            ],
          },
        ],
        completionRule: { requiredLessons: 'all', minLiveAttendance: 1 },
      });
      const e = (await enrol(DEMO.learner, c.courseId)).body as Enrolment;
      const url = `/api/courses/${c.courseId}/lessons/${c.lesson.live}/attendance`;
      expectError(
        await api.http
          .post(url)
          .set(await api.auth(DEMO.learner))
          .send({ employeeIds: [ids.learner] }),
        403,
        ErrorCode.AUTH_FORBIDDEN,
      );
      const res = await api.http
        .post(url)
        .set(await api.auth(DEMO.agencyAdmin))
        .send({ employeeIds: [ids.learner, ids.kendal] });
      expect(res.body).toEqual({ recorded: 1, notEnrolled: 1 });
      expect([await completions(e.id), await events(e.id)]).toEqual([1, 1]);
    });
  });

  describe('who may read an enrolment', () => {
    it('is the learner, the course\u2019s authors and admins; another learner gets 404 everywhere', async () => {
      const c = await seedPublishedCourse(api.db, { authorNips: [DEMO.widyaiswara] });
      const e = (await enrol(DEMO.learner, c.courseId)).body as Enrolment;
      for (const who of [DEMO.pppkLearner, DEMO.kendalLearner, DEMO.supervisor]) {
        expectError(
          await api.http.get(`/api/enrolments/${e.id}`).set(await api.auth(who)),
          404,
          ErrorCode.ENROLMENT_NOT_FOUND,
        );
        expectError(
          await api.http.get(`/api/enrolments/${e.id}/lessons/${c.lesson.intro}`).set(await api.auth(who)),
          404,
          ErrorCode.ENROLMENT_NOT_FOUND,
        );
        expectError(await progress(who, e.id, c.lesson.intro, { event: 'opened' }), 404, ErrorCode.ENROLMENT_NOT_FOUND);
        expectError(
          await api.http.post(`/api/enrolments/${e.id}/withdraw`).set(await api.auth(who)),
          404,
          ErrorCode.ENROLMENT_NOT_FOUND,
        );
      }
      for (const who of [DEMO.learner, DEMO.widyaiswara, DEMO.agencyAdmin, DEMO.provinceAdmin, DEMO.platformAdmin]) {
        expect({
          who,
          status: (await api.http.get(`/api/enrolments/${e.id}`).set(await api.auth(who))).status,
        }).toEqual({ who, status: 200 });
      }
      // Authors may look, but progress is the learner's own.
      expectError(
        await progress(DEMO.widyaiswara, e.id, c.lesson.intro, { event: 'opened' }),
        404,
        ErrorCode.ENROLMENT_NOT_FOUND,
      );
      const lesson = await api.http
        .get(`/api/enrolments/${e.id}/lessons/${c.lesson.intro}`)
        .set(await api.auth(DEMO.learner));
      expect(lesson.body).toMatchObject({
        kind: 'text',
        content: { kind: 'text', html: expect.stringContaining('Berorientasi Pelayanan') },
        nextLessonId: c.lesson.video,
        previousLessonId: null,
      });
    });
  });

  describe('course report', () => {
    let c: SeededCourse;
    let enrolments: Record<string, string>;

    beforeAll(async () => {
      const pre = makeQuiz('pre_test');
      const post = makeQuiz('post_test');
      c = await seedPublishedCourse(api.db, {
        title: 'Pemutakhiran Data Kompetensi di SIASN',
        authorNips: [DEMO.widyaiswara],
        modules: [
          {
            lessons: [
              { key: 'pre', content: { kind: 'quiz', quizId: pre.id } },
              { key: 'intro', content: { kind: 'text', html: '<p>SIASN</p>' } },
              { key: 'post', content: { kind: 'quiz', quizId: post.id } },
            ],
          },
        ],
        quizzes: { [pre.id]: pre, [post.id]: post },
      });
      const progressService = api.app.get(QuizOutcomeService, { strict: false });
      enrolments = {};
      for (const who of [DEMO.learner, DEMO.pppkLearner, DEMO.hrOfficer])
        enrolments[who] = (await enrol(who, c.courseId)).body.id;
      const quiz = (who: string, lessonId: string, gradePercent: number) =>
        api.db.transaction((m) =>
          progressService.recordQuizOutcome(m, enrolments[who], lessonId, { gradePercent, passed: gradePercent >= 70 }),
        );
      await quiz(DEMO.learner, c.lesson.pre, 40);
      await progress(DEMO.learner, enrolments[DEMO.learner], c.lesson.intro, { event: 'opened' });
      // Five minutes of reading, credited after five minutes or more of wall-clock time.
      await rewindLearningClock(api.db, enrolments[DEMO.learner], 900);
      await progress(DEMO.learner, enrolments[DEMO.learner], c.lesson.intro, { event: 'heartbeat', secondsSpent: 300 });
      await quiz(DEMO.learner, c.lesson.post, 90);
      await quiz(DEMO.pppkLearner, c.lesson.pre, 55.5);
    });

    it('answers a page of rows with pre-test, post-test and gain (authors, admins only)', async () => {
      const res = await api.http
        .get(`/api/courses/${c.courseId}/report?pageSize=2`)
        .set(await api.auth(DEMO.widyaiswara));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
      expect(res.body.items).toHaveLength(2);
      const all = (
        await api.http.get(`/api/courses/${c.courseId}/report?format=json`).set(await api.auth(DEMO.agencyAdmin))
      ).body.items;
      const hasan = all.find((r: { nip: string }) => r.nip === DEMO.learner);
      expect(hasan).toMatchObject({
        name: 'Lalu Muhammad Hasan, S.Kom.',
        unitName: 'Dinas Kesehatan',
        status: 'completed',
        progressPercent: 100,
        preTestPercent: 40,
        postTestPercent: 90,
        gain: 50,
        timeSpentMinutes: 5,
        completedAt: expect.any(String),
      });
      expect(all.find((r: { nip: string }) => r.nip === DEMO.pppkLearner)).toMatchObject({
        status: 'active',
        preTestPercent: 55.5,
        postTestPercent: null,
        gain: null,
        completedAt: null,
      });
      expectError(
        await api.http.get(`/api/courses/${c.courseId}/report`).set(await api.auth(DEMO.learner)),
        403,
        ErrorCode.AUTH_FORBIDDEN,
      );
      expectError(
        await api.http.get(`/api/courses/${c.courseId}/report`).set(await api.auth(DEMO.kendalLearner)),
        404,
        ErrorCode.ENROLMENT_COURSE_NOT_FOUND,
      );
      expectError(
        await api.http.get(`/api/courses/${c.courseId}/report?format=pdf`).set(await api.auth(DEMO.agencyAdmin)),
        400,
        ErrorCode.VALIDATION_FAILED,
      );
    });

    it('downloads every row as CSV', async () => {
      const res = await api.http
        .get(`/api/courses/${c.courseId}/report?format=csv`)
        .set(await api.auth(DEMO.agencyAdmin))
        .buffer(true);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['content-disposition']).toMatch(
        /attachment; filename="laporan-pemutakhiran-data-kompetensi-di-siasn\.csv"/,
      );
      const rows: string[][] = parse(res.text, { bom: true });
      expect(rows[0]).toEqual(REPORT_HEADERS_WITA);
      expect(rows).toHaveLength(4);
      // The NIP is written as ="…" so spreadsheets keep all 18 digits (decision 0025).
      const hasan = rows.find((r) => r[0] === `="${DEMO.learner}"`) as string[];
      expect(hasan.slice(0, 8)).toEqual([
        `="${DEMO.learner}"`,
        'Lalu Muhammad Hasan, S.Kom.',
        'Dinas Kesehatan',
        'Selesai',
        '100',
        '40',
        '90',
        '50',
      ]);
      expect(hasan[8]).toBe('5');
      expect(hasan[9]).toBe('');
      expect(hasan[11]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      expect(rows.find((r) => r[0] === `="${DEMO.pppkLearner}"`)?.slice(3, 12)).toEqual([
        'Aktif',
        '33.33',
        '55.5',
        '',
        '',
        '0',
        '',
        '',
        '',
      ]);
    });

    it('downloads every row as XLSX, NIPs kept as text', async () => {
      const res = await api.http
        .get(`/api/courses/${c.courseId}/report?format=xlsx`)
        .set(await api.auth(DEMO.widyaiswara))
        .buffer(true)
        .parse(binaryBody);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(
        (res.body as Buffer).buffer.slice(
          (res.body as Buffer).byteOffset,
          (res.body as Buffer).byteOffset + (res.body as Buffer).byteLength,
        ) as ArrayBuffer,
      );
      const sheet = wb.getWorksheet('Laporan');
      const values = (sheet?.getSheetValues() ?? []).filter(Boolean).map((row) => (row as unknown[]).slice(1));
      expect(values[0]).toEqual(REPORT_HEADERS_WITA);
      expect(values).toHaveLength(4);
      const hasan = values.find((r) => r[0] === DEMO.learner) as unknown[];
      expect(hasan.slice(0, 9)).toEqual([
        DEMO.learner,
        'Lalu Muhammad Hasan, S.Kom.',
        'Dinas Kesehatan',
        'Selesai',
        100,
        40,
        90,
        50,
        5,
      ]);
    });
  });
});
