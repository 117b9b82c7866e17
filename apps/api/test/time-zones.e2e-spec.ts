import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import {
  ErrorCode,
  type CourseReportPage,
  type CourseReportRow,
  type Enrolment,
  type Quiz,
} from '@kompeten/shared-contracts';
import {
  binaryBody,
  createDraftCourse,
  createEnrolment,
  idOf,
  seedPublishedCourse,
  type TestApi,
} from '@kompeten/server-testing';
import { bootApi, DEMO, publishQuizzes } from './app';

/**
 * Time in the learner's zone (issue 13, decision 0015): due dates are local days of the agency that set them, overdue
 * enrolments, date-times that must name their offset, quiz-window messages and course reports in the reader's zone.
 * The demo world has WITA agencies (NTB, Mataram) and a WIB one (Kendal); the platform admin's root agency is WIB.
 */
describe('Time zones', () => {
  let api: TestApi;
  let ids: { learner: string; supervisor: string; pppk: string; kendal: string };

  const assign = async (who: string, courseId: string, body: Record<string, unknown>) =>
    api.http
      .post(`/api/courses/${courseId}/assignments`)
      .set(await api.auth(who))
      .send(body);
  const mine = async (who: string, query = '') =>
    await api.http.get(`/api/me/enrolments${query}`).set(await api.auth(who));
  const mineIn = async (who: string, courseId: string, query = ''): Promise<Enrolment | undefined> =>
    (await mine(who, query)).body.items.find((e: Enrolment) => e.courseId === courseId);
  const expect400 = (res: { status: number; body: { code?: string; message?: string } }, message: RegExp) => {
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: res.body.code });
    expect(res.body.message).toMatch(message);
  };

  beforeAll(async () => {
    api = await bootApi();
    const emp = (nip: string) => idOf(api.db, `SELECT id FROM employee WHERE nip = $1`, [nip]);
    ids = {
      learner: await emp(DEMO.learner),
      supervisor: await emp(DEMO.supervisor),
      pppk: await emp(DEMO.pppkLearner),
      kendal: await emp(DEMO.kendalLearner),
    };
  });
  afterAll(() => api?.close());

  describe('due dates', () => {
    it('reads a date as the end of that day in the assigner’s zone and states it with that zone', async () => {
      const c = await seedPublishedCourse(api.db, { visibility: 'national', enrolmentMode: 'assigned_only' });
      // The HR officer of Kota Mataram works in WITA: 31 December ends at 23:59:59+08:00 = 15:59:59 UTC.
      expect(
        (await assign(DEMO.hrOfficer, c.courseId, { employeeIds: [ids.learner], dueDate: '2026-12-31' })).body,
      ).toEqual({ enrolled: 1, alreadyEnrolled: 0, skippedOutOfScope: 0 });
      expect(await mineIn(DEMO.learner, c.courseId)).toMatchObject({
        dueAt: '2026-12-31T23:59:59+08:00',
        dueDate: '2026-12-31',
        dueTimeZone: 'Asia/Makassar',
        overdue: false,
      });
      // The platform admin's agency is WIB: the same date set by it for the Kendal learner ends an hour later in UTC.
      expect(
        (await assign(DEMO.platformAdmin, c.courseId, { employeeIds: [ids.kendal], dueDate: '2026-12-31' })).body
          .enrolled,
      ).toBe(1);
      expect(await mineIn(DEMO.kendalLearner, c.courseId)).toMatchObject({
        dueAt: '2026-12-31T23:59:59+07:00',
        dueDate: '2026-12-31',
        dueTimeZone: 'Asia/Jakarta',
      });
      const stored = await api.db.query(
        `SELECT employee_id, to_char(due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') AS utc, due_time_zone FROM enrolment WHERE course_id = $1 ORDER BY due_at`,
        [c.courseId],
      );
      expect(stored).toEqual([
        { employee_id: ids.learner, utc: '2026-12-31T15:59:59', due_time_zone: 'Asia/Makassar' },
        { employee_id: ids.kendal, utc: '2026-12-31T16:59:59', due_time_zone: 'Asia/Jakarta' },
      ]);
      // The audit entry records the due date as it was read.
      const [audit] = await api.db.query(
        `SELECT after FROM audit_log WHERE action = 'enrolment.assign' AND entity_id = $1 ORDER BY created_at LIMIT 1`,
        [c.courseId],
      );
      expect(audit.after).toMatchObject({
        dueAt: '2026-12-31T23:59:59+08:00',
        dueDate: '2026-12-31',
        dueTimeZone: 'Asia/Makassar',
      });
    });

    it('takes a date-time with an offset as it says, and states it in the assigner’s zone', async () => {
      const c = await seedPublishedCourse(api.db, { enrolmentMode: 'assigned_only' });
      expect(
        (await assign(DEMO.hrOfficer, c.courseId, { employeeIds: [ids.learner], dueAt: '2026-12-31T10:00:00+09:00' }))
          .status,
      ).toBe(200);
      expect(await mineIn(DEMO.learner, c.courseId)).toMatchObject({
        dueAt: '2026-12-31T09:00:00+08:00',
        dueDate: '2026-12-31',
        dueTimeZone: 'Asia/Makassar',
      });
    });

    it('refuses a date-time without an offset, a date the calendar lacks, and both fields at once (400, nothing written)', async () => {
      const c = await seedPublishedCourse(api.db, { enrolmentMode: 'assigned_only' });
      const noOffset = await assign(DEMO.hrOfficer, c.courseId, {
        employeeIds: [ids.learner],
        dueAt: '2026-12-31T23:59:59',
      });
      expect400(noOffset, /dueAt tanpa zona waktu.*tambahkan offset.*atau kirim tanggal saja di dueDate/);
      expect(noOffset.body.code).toBe(ErrorCode.VALIDATION_FAILED);
      expect400(
        await assign(DEMO.hrOfficer, c.courseId, { employeeIds: [ids.learner], dueDate: '2026-02-30' }),
        /dueDate 2026-02-30 tidak ada di kalender/,
      );
      expect400(
        await assign(DEMO.hrOfficer, c.courseId, { employeeIds: [ids.learner], dueDate: '31-12-2026' }),
        /dueDate harus tanggal berformat YYYY-MM-DD/,
      );
      expect400(
        await assign(DEMO.hrOfficer, c.courseId, { employeeIds: [ids.learner], dueAt: '2026-12-31' }),
        /kirim di dueDate/,
      );
      expect400(
        await assign(DEMO.hrOfficer, c.courseId, {
          employeeIds: [ids.learner],
          dueDate: '2026-12-31',
          dueAt: '2026-12-31T23:59:59+08:00',
        }),
        /salah satu saja/,
      );
      expect(
        (await api.db.query(`SELECT count(*)::int AS n FROM enrolment WHERE course_id = $1`, [c.courseId]))[0].n,
      ).toBe(0);
    });
  });

  describe('overdue', () => {
    let courseId: string;
    const enrolmentOf = async (employeeId: string) =>
      idOf(api.db, `SELECT id FROM enrolment WHERE course_id = $1 AND employee_id = $2`, [courseId, employeeId]);

    beforeAll(async () => {
      courseId = (await seedPublishedCourse(api.db, { enrolmentMode: 'assigned_only', authorNips: [DEMO.widyaiswara] }))
        .courseId;
      expect(
        (
          await assign(DEMO.agencyAdmin, courseId, {
            employeeIds: [ids.learner, ids.supervisor, ids.pppk],
            dueDate: '2026-01-31',
          })
        ).body.enrolled,
      ).toBe(3);
      // All three were due on 31 Jan 2026; the supervisor completed, and the PPPK learner's due date moved a minute into the future.
      await api.db.query(`UPDATE enrolment SET due_at = now() - interval '1 second' WHERE id = $1`, [
        await enrolmentOf(ids.learner),
      ]);
      await api.db.query(`UPDATE enrolment SET status = 'completed', completed_at = now() WHERE id = $1`, [
        await enrolmentOf(ids.supervisor),
      ]);
      await api.db.query(`UPDATE enrolment SET due_at = now() + interval '1 minute' WHERE id = $1`, [
        await enrolmentOf(ids.pppk),
      ]);
    });

    it('marks an open enrolment past its due instant, never a completed one or one not yet due', async () => {
      expect((await mineIn(DEMO.learner, courseId))?.overdue).toBe(true);
      expect((await mineIn(DEMO.supervisor, courseId))?.overdue).toBe(false);
      expect((await mineIn(DEMO.pppkLearner, courseId))?.overdue).toBe(false);
      // Withdrawn and rejected enrolments are not overdue either.
      await api.db.query(`UPDATE enrolment SET status = 'withdrawn' WHERE id = $1`, [await enrolmentOf(ids.learner)]);
      expect((await mineIn(DEMO.learner, courseId))?.overdue).toBe(false);
      await api.db.query(`UPDATE enrolment SET status = 'active' WHERE id = $1`, [await enrolmentOf(ids.learner)]);
    });

    it('filters the learner’s list by ?overdue=', async () => {
      expect(await mineIn(DEMO.learner, courseId, '?overdue=true')).toMatchObject({ overdue: true });
      expect(await mineIn(DEMO.learner, courseId, '?overdue=false')).toBeUndefined();
      expect(await mineIn(DEMO.pppkLearner, courseId, '?overdue=true')).toBeUndefined();
      expect(await mineIn(DEMO.pppkLearner, courseId, '?overdue=false')).toMatchObject({ overdue: false });
      const overdueOnly = (await mine(DEMO.learner, '?overdue=true')).body;
      expect(overdueOnly.items.every((e: Enrolment) => e.overdue)).toBe(true);
      expect(overdueOnly.total).toBe(overdueOnly.items.length);
      expect400(await mine(DEMO.learner, '?overdue=ya'), /overdue harus true atau false/);
    });

    it('filters the course report (JSON, CSV) by ?overdue= and shows each row’s due date', async () => {
      const report = async (query: string) =>
        (await api.http.get(`/api/courses/${courseId}/report${query}`).set(await api.auth(DEMO.agencyAdmin)))
          .body as CourseReportPage;
      const late = await report('?overdue=true');
      expect(late.total).toBe(1);
      expect(late.items).toEqual([
        expect.objectContaining({ employeeId: ids.learner, overdue: true, dueTimeZone: 'Asia/Makassar' }),
      ]);
      const onTime = await report('?overdue=false');
      expect(onTime.items.map((r: CourseReportRow) => r.employeeId).sort()).toEqual([ids.supervisor, ids.pppk].sort());
      expect((await report('')).items.find((r) => r.employeeId === ids.supervisor)).toMatchObject({
        dueAt: '2026-01-31T23:59:59+08:00',
        dueDate: '2026-01-31',
        overdue: false,
      });
      const csv = await api.http
        .get(`/api/courses/${courseId}/report?format=csv&overdue=true`)
        .set(await api.auth(DEMO.agencyAdmin))
        .buffer(true);
      const rows: string[][] = parse(csv.text, { bom: true });
      expect(rows).toHaveLength(2);
      expect(rows[0].slice(9)).toEqual(['Tenggat (WITA)', 'Terlambat', 'Selesai (WITA)']);
      expect(rows[1][0]).toBe(`="${DEMO.learner}"`); // kept as text in spreadsheets (decision 0025)
      expect(rows[1][10]).toBe('Ya');
      expect400(
        await api.http.get(`/api/courses/${courseId}/report?overdue=1`).set(await api.auth(DEMO.agencyAdmin)),
        /overdue harus true atau false/,
      );
    });
  });

  describe('no date-time without an offset', () => {
    const author = () => api.auth(DEMO.widyaiswara);
    let courseId: string;
    let moduleId: string;

    beforeAll(async () => {
      const course = await api.http
        .post('/api/courses')
        .set(await author())
        .send({ title: 'Kelas Langsung Pelayanan Publik', jp: 2 });
      courseId = course.body.id;
      moduleId = (
        await api.http
          .post(`/api/courses/${courseId}/modules`)
          .set(await author())
          .send({ title: 'Modul 1' })
      ).body.id;
    });

    it('quiz opensAt and closesAt: refused without an offset, accepted with Z or +08:00', async () => {
      const create = async (settings: Record<string, unknown>) =>
        api.http
          .post(`/api/courses/${courseId}/quizzes`)
          .set(await author())
          .send({ title: 'Kuis', settings });
      expect400(
        await create({ opensAt: '2026-12-31T10:00:00' }),
        /settings\.opensAt tanpa zona waktu tidak jelas maksudnya: tambahkan offset/,
      );
      expect400(await create({ closesAt: '2026-12-31T10:00:00' }), /settings\.closesAt tanpa zona waktu/);
      expect400(await create({ opensAt: '2026-12-31' }), /settings\.opensAt harus memuat jam dan zona waktu/);
      const made = await create({ opensAt: '2026-12-31T10:00:00+08:00', closesAt: '2026-12-31T12:00:00Z' });
      expect(made.status).toBe(201);
      expect((made.body as Quiz).settings).toMatchObject({
        opensAt: '2026-12-31T02:00:00.000Z',
        closesAt: '2026-12-31T12:00:00.000Z',
      });
      const patch = await api.http
        .patch(`/api/quizzes/${made.body.id}`)
        .set(await author())
        .send({ settings: { closesAt: '2026-12-31T23:00:00' } });
      expect400(patch, /settings\.closesAt tanpa zona waktu/);
    });

    it('live lesson startsAt and endsAt: refused without an offset, accepted with one', async () => {
      const add = async (content: Record<string, unknown>) =>
        api.http
          .post(`/api/modules/${moduleId}/lessons`)
          .set(await author())
          .send({
            title: 'Kelas langsung',
            kind: 'live',
            content: { joinUrl: 'https://meet.example.go.id/abc', ...content },
          });
      const noOffset = await add({ startsAt: '2026-12-01T09:00:00', endsAt: '2026-12-01T11:00:00+08:00' });
      expect400(noOffset, /content\.startsAt tanpa zona waktu tidak jelas maksudnya/);
      expect(noOffset.body.code).toBe(ErrorCode.LEARNING_INVALID_CONTENT);
      expect400(
        await add({ startsAt: '2026-12-01T09:00:00+08:00', endsAt: '2026-12-01T11:00:00' }),
        /content\.endsAt tanpa zona waktu/,
      );
      const ok = await add({ startsAt: '2026-12-01T09:00:00+08:00', endsAt: '2026-12-01T03:00:00Z' });
      expect(ok.status).toBe(201);
      expect(ok.body.content).toMatchObject({
        startsAt: '2026-12-01T01:00:00.000Z',
        endsAt: '2026-12-01T03:00:00.000Z',
      });
      expect400(
        await api.http
          .patch(`/api/lessons/${ok.body.id}`)
          .set(await author())
          .send({
            content: {
              startsAt: '2026-12-01T09:00:00',
              endsAt: '2026-12-01T11:00:00',
              joinUrl: 'https://meet.example.go.id/abc',
            },
          }),
        /tanpa zona waktu/,
      );
    });

    it('documents the offset requirement on every date-time input in OpenAPI', async () => {
      const doc = (await api.http.get('/api/docs-json')).body as {
        components: {
          schemas: Record<string, { properties?: Record<string, { format?: string; description?: string }> }>;
        };
      };
      const inputs = [
        'AssignCourseDto.dueAt',
        'QuizSettingsInputDto.opensAt',
        'QuizSettingsInputDto.closesAt',
        'LiveContentDto.startsAt',
        'LiveContentDto.endsAt',
      ];
      for (const path of inputs) {
        const [schema, property] = path.split('.');
        expect({ path, description: doc.components.schemas[schema]?.properties?.[property]?.description }).toEqual({
          path,
          description: expect.stringContaining('WITH an offset'),
        });
      }
      expect(doc.components.schemas.AssignCourseDto.properties?.dueDate).toMatchObject({ format: 'date' });
    });
  });

  describe('quiz window messages in the learner’s zone', () => {
    let v: Awaited<ReturnType<typeof publishQuizzes>>;
    let early: Quiz;
    let late: Quiz;
    let courseId: string;

    beforeAll(async () => {
      courseId = (await createDraftCourse(api.db, { authorNips: [DEMO.widyaiswara] })).courseId;
      const h = await api.auth(DEMO.widyaiswara);
      expect(
        (
          await api.http
            .post(`/api/courses/${courseId}/questions`)
            .set(h)
            .send({ kind: 'true_false', prompt: 'Benar?', points: 1, answerKey: { correct: true } })
        ).status,
      ).toBe(201);
      early = (await api.http.post(`/api/courses/${courseId}/quizzes`).set(h).send({ title: 'Pre-test' })).body;
      late = (await api.http.post(`/api/courses/${courseId}/quizzes`).set(h).send({ title: 'Post-test' })).body;
      v = await publishQuizzes(api, courseId, [early.id, late.id], {
        [early.id]: { opensAt: '2099-12-05T00:00:00.000Z' },
        [late.id]: { closesAt: '2020-03-01T01:00:00.000Z' },
      });
    });

    it.each([
      [
        DEMO.learner,
        'Kuis belum dibuka. Kuis dibuka 5 Des 2099 08.00 WITA.',
        'Kuis sudah ditutup 1 Mar 2020 09.00 WITA.',
        'Asia/Makassar',
      ],
      [
        DEMO.kendalLearner,
        'Kuis belum dibuka. Kuis dibuka 5 Des 2099 07.00 WIB.',
        'Kuis sudah ditutup 1 Mar 2020 08.00 WIB.',
        'Asia/Jakarta',
      ],
    ])(
      '%s reads the time in its own zone, with the instant kept in details',
      async (nip, notOpen, closed, timeZone) => {
        const enrolmentId = await createEnrolment(api.db, { courseId, versionId: v.versionId, nip });
        const start = async (quizId: string) =>
          api.http
            .post(`/api/enrolments/${enrolmentId}/lessons/${v.lessonOf[quizId]}/attempts`)
            .set(await api.auth(nip));
        const a = await start(early.id);
        expect({ status: a.status, code: a.body.code, message: a.body.message, details: a.body.details }).toEqual({
          status: 409,
          code: ErrorCode.ASSESSMENT_QUIZ_NOT_OPEN,
          message: notOpen,
          details: { opensAt: '2099-12-05T00:00:00.000Z', timeZone },
        });
        const b = await start(late.id);
        expect({ status: b.status, code: b.body.code, message: b.body.message, details: b.body.details }).toEqual({
          status: 409,
          code: ErrorCode.ASSESSMENT_QUIZ_CLOSED,
          message: closed,
          details: { closesAt: '2020-03-01T01:00:00.000Z', timeZone },
        });
      },
    );

    it('states when a review opens in the learner’s zone', async () => {
      const c = (await createDraftCourse(api.db, { authorNips: [DEMO.widyaiswara] })).courseId;
      const h = await api.auth(DEMO.widyaiswara);
      await api.http
        .post(`/api/courses/${c}/questions`)
        .set(h)
        .send({ kind: 'true_false', prompt: 'Benar?', points: 1, answerKey: { correct: true } });
      const z = (await api.http.post(`/api/courses/${c}/quizzes`).set(h).send({ title: 'Kuis' })).body as Quiz;
      const pv = await publishQuizzes(api, c, [z.id], {
        [z.id]: { closesAt: '2099-01-01T01:30:00.000Z', reviewPolicy: 'after_close' },
      });
      const enrolmentId = await createEnrolment(api.db, { courseId: c, versionId: pv.versionId, nip: DEMO.learner });
      const learner = await api.auth(DEMO.learner);
      const attempt = (
        await api.http.post(`/api/enrolments/${enrolmentId}/lessons/${pv.lessonOf[z.id]}/attempts`).set(learner)
      ).body;
      expect((await api.http.post(`/api/attempts/${attempt.id}/submit`).set(learner)).status).toBe(200);
      const review = await api.http.get(`/api/attempts/${attempt.id}/review`).set(learner);
      expect({ status: review.status, code: review.body.code, message: review.body.message }).toEqual({
        status: 403,
        code: ErrorCode.ASSESSMENT_REVIEW_NOT_ALLOWED,
        message: 'Ulasan tersedia setelah kuis ditutup 1 Jan 2099 09.30 WITA.',
      });
    });
  });

  it('migration: due dates made before zones were stored get the assigner’s agency zone, else the learner’s', async () => {
    const c = await seedPublishedCourse(api.db, { visibility: 'national' });
    const runner = api.db.createQueryRunner();
    const migration = api.db.migrations.find((m) => m.name === 'EnrolmentDueTimeZone1796900000000');
    if (!migration) throw new Error('EnrolmentDueTimeZone migration not registered');
    try {
      await migration.down(runner);
      const userOf = (email: string) => idOf(api.db, `SELECT id FROM user_account WHERE email = $1`, [email]);
      const rows: Array<[string, string | null]> = [
        [ids.kendal, await userOf(DEMO.hrOfficer)], // assigned by a Mataram (WITA) officer to a Kendal (WIB) learner
        [ids.learner, await userOf(DEMO.platformAdmin)], // the assigner is no ASN: the learner's agency (WITA)
        [ids.pppk, null],
      ];
      for (const [employeeId, assignedBy] of rows) {
        await api.db.query(
          `INSERT INTO enrolment (course_id, course_version_id, employee_id, agency_id, source, assigned_by, due_at, status)
           SELECT $1, current_version_id, e.id, e.agency_id, 'assigned', $3, '2026-12-31T16:00:00Z', 'active' FROM course, employee e WHERE course.id = $1 AND e.id = $2`,
          [c.courseId, employeeId, assignedBy],
        );
      }
      await api.db.query(
        `UPDATE enrolment SET agency_id = (SELECT id FROM agency WHERE code = 'kab-kendal') WHERE course_id = $1 AND employee_id = $2`,
        [c.courseId, ids.pppk],
      );
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    const zones = await api.db.query(`SELECT employee_id, due_time_zone FROM enrolment WHERE course_id = $1`, [
      c.courseId,
    ]);
    expect(
      Object.fromEntries(
        zones.map((z: { employee_id: string; due_time_zone: string }) => [z.employee_id, z.due_time_zone]),
      ),
    ).toEqual({
      [ids.kendal]: 'Asia/Makassar',
      [ids.learner]: 'Asia/Makassar',
      [ids.pppk]: 'Asia/Jakarta',
    });
    // The constraint holds a due instant and its zone together.
    await expect(
      api.db.query(`UPDATE enrolment SET due_time_zone = NULL WHERE course_id = $1`, [c.courseId]),
    ).rejects.toThrow(/enrolment_due_time_zone_check/);
  });

  describe('course report in the viewer’s zone', () => {
    let courseId: string;

    beforeAll(async () => {
      // A national course of Kota Mataram (WITA) with a learner there and one in Kendal (WIB), both finished at the
      // same instant: 30 June 2026 16:30 UTC, which is 1 July 00:30 WITA but still 30 June 23:30 WIB.
      courseId = (await seedPublishedCourse(api.db, { visibility: 'national', title: 'Literasi Digital ASN' }))
        .courseId;
      for (const nip of [DEMO.learner, DEMO.kendalLearner])
        expect((await api.http.post(`/api/courses/${courseId}/enrolments`).set(await api.auth(nip))).status).toBe(201);
      await api.db.query(
        `UPDATE enrolment SET status = 'completed', completed_at = '2026-06-30T16:30:00Z' WHERE course_id = $1`,
        [courseId],
      );
      // The Kendal learner's due date was set in WIB: 30 June 23:59:59+07:00.
      await api.db.query(
        `UPDATE enrolment SET due_at = '2026-06-30T16:59:59Z', due_time_zone = 'Asia/Jakarta' WHERE course_id = $1 AND employee_id = $2`,
        [courseId, ids.kendal],
      );
    });

    const csvOf = async (who: string) =>
      parse(
        (
          await api.http
            .get(`/api/courses/${courseId}/report?format=csv`)
            .set(await api.auth(who))
            .buffer(true)
        ).text,
        { bom: true },
      ) as string[][];
    const xlsxOf = async (who: string) => {
      const res = await api.http
        .get(`/api/courses/${courseId}/report?format=xlsx`)
        .set(await api.auth(who))
        .buffer(true)
        .parse(binaryBody);
      const wb = new ExcelJS.Workbook();
      const body = res.body as Buffer;
      await wb.xlsx.load(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer);
      return (wb.getWorksheet('Laporan')?.getSheetValues() ?? [])
        .filter(Boolean)
        .map((row) => (row as unknown[]).slice(1));
    };

    it.each([
      [DEMO.agencyAdmin, 'Asia/Makassar', 'WITA', '2026-07-01 00:30', '2026-07-01 00:59'],
      [DEMO.platformAdmin, 'Asia/Jakarta', 'WIB', '2026-06-30 23:30', '2026-06-30 23:59'],
    ])(
      'for %s: every learner’s times in the viewer’s %s, named %s in the headers',
      async (who, zone, label, completed, due) => {
        const json = (await api.http.get(`/api/courses/${courseId}/report`).set(await api.auth(who)))
          .body as CourseReportPage;
        expect(json.timeZone).toBe(zone);
        // JSON keeps instants: completion in UTC, the due date stated with the zone it was set in (whoever reads it).
        expect(
          json.items
            .map((r) => ({ nip: r.nip, completedAt: r.completedAt, dueAt: r.dueAt }))
            .sort((a, b) => a.nip.localeCompare(b.nip)),
        ).toEqual(
          [
            { nip: DEMO.learner, completedAt: '2026-06-30T16:30:00.000Z', dueAt: null },
            { nip: DEMO.kendalLearner, completedAt: '2026-06-30T16:30:00.000Z', dueAt: '2026-06-30T23:59:59+07:00' },
          ].sort((a, b) => a.nip.localeCompare(b.nip)),
        );

        for (const rows of [await csvOf(who), (await xlsxOf(who)) as string[][]]) {
          expect(rows[0].slice(9)).toEqual([`Tenggat (${label})`, 'Terlambat', `Selesai (${label})`]);
          const byNip = new Map(rows.slice(1).map((r) => [String(r[0]).replace(/^="(\d+)"$/, '$1'), r]));
          // The WIB learner's and the WITA learner's times are both in the viewer's zone, never under another label.
          expect(byNip.get(DEMO.learner)?.[11]).toBe(completed);
          expect(byNip.get(DEMO.kendalLearner)?.[11]).toBe(completed);
          expect(byNip.get(DEMO.kendalLearner)?.[9]).toBe(due);
        }
      },
    );
  });
});
