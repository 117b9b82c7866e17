import {
  ErrorCode,
  type AssignmentSubmission,
  type Enrolment,
  type Page,
  type SubmissionForGrading,
} from '@kompeten/shared-contracts';
import { type SeededCourse, seedPublishedCourse, type TestApi } from '@kompeten/server-testing';
import { bootApi, DEMO } from './app';

/** Assignment grading: the course's list of submissions to grade and the submitted files (docs/learning.md). */
describe('Assignment submissions API', () => {
  let api: TestApi;
  let c: SeededCourse;
  let enrolments: Record<string, string>;
  /** Submission ids by name, in the order they were handed in. */
  const sub: Record<string, AssignmentSubmission> = {};

  const expectError = (res: { status: number; body: Record<string, unknown> }, status: number, code: string) =>
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
  const list = async (who: string, query = '') =>
    api.http.get(`/api/courses/${c.courseId}/submissions${query}`).set(await api.auth(who));
  const handIn = async (who: string, lesson: string, name: string, body: string) => {
    const res = await api.http
      .post(`/api/enrolments/${enrolments[who]}/lessons/${c.lesson[lesson]}/submission`)
      .set(await api.auth(who))
      .attach('file', Buffer.from(body), name);
    expect(res.status).toBe(201);
    return res.body as AssignmentSubmission;
  };

  beforeAll(async () => {
    api = await bootApi();
    c = await seedPublishedCourse(api.db, {
      title: 'Pelayanan Prima di Puskesmas',
      authorNips: [DEMO.widyaiswara],
      modules: [
        {
          lessons: [
            {
              key: 'plan',
              title: 'Rencana aksi pelayanan',
              content: { kind: 'assignment', instructions: 'Susun rencana aksi.', maxScore: 100, passScore: 70 },
            },
            {
              key: 'report',
              title: 'Laporan praktik',
              content: { kind: 'assignment', instructions: 'Laporkan hasil praktik.', maxScore: 50, passScore: 30 },
            },
          ],
        },
      ],
    });
    enrolments = {};
    for (const who of [DEMO.learner, DEMO.pppkLearner, DEMO.hrOfficer]) {
      const res = await api.http.post(`/api/courses/${c.courseId}/enrolments`).set(await api.auth(who));
      enrolments[who] = (res.body as Enrolment).id;
    }
    // Handed in one after another, so "oldest first" has a definite order.
    sub.learnerPlanOld = await handIn(DEMO.learner, 'plan', 'rencana-aksi-v1.pdf', '%PDF-1.4 versi pertama');
    sub.pppkPlan = await handIn(DEMO.pppkLearner, 'plan', 'Rencana aksi – PPPK ✓.docx', 'PK\x03\x04 rencana pppk');
    sub.learnerReport = await handIn(DEMO.learner, 'report', 'laporan praktik.txt', 'Laporan: 12 warga dilayani.');
    sub.hrPlan = await handIn(DEMO.hrOfficer, 'plan', 'rencana-hr.pdf', '%PDF-1.4 hr');
    // A second file for the same lesson replaces the first in the list: only the latest counts.
    sub.learnerPlan = await handIn(DEMO.learner, 'plan', 'rencana-aksi-v2.pdf', '%PDF-1.4 versi kedua');
    // A withdrawn learner's file leaves the list.
    expect(
      (
        await api.http
          .post(`/api/enrolments/${enrolments[DEMO.hrOfficer]}/withdraw`)
          .set(await api.auth(DEMO.hrOfficer))
      ).status,
    ).toBe(200);
  });
  afterAll(() => api?.close());

  describe('GET /api/courses/:courseId/submissions', () => {
    it('lists the latest ungraded submission per learner and assignment, oldest first, with who handed it in and the lesson\u2019s scores', async () => {
      const res = await list(DEMO.widyaiswara);
      expect(res.status).toBe(200);
      const page = res.body as Page<SubmissionForGrading>;
      expect({ total: page.total, page: page.page, pageSize: page.pageSize }).toEqual({
        total: 3,
        page: 1,
        pageSize: 20,
      });
      expect(page.items.map((s) => s.id)).toEqual([sub.pppkPlan.id, sub.learnerReport.id, sub.learnerPlan.id]);
      const [unitName] = await api.db.query(
        `SELECT e.id, u.name FROM employee e LEFT JOIN work_unit u ON u.id = e.unit_id WHERE e.nip = $1`,
        [DEMO.learner],
      );
      expect(page.items[1]).toEqual({
        id: sub.learnerReport.id,
        enrolmentId: enrolments[DEMO.learner],
        lessonId: c.lesson.report,
        fileName: 'laporan praktik.txt',
        submittedAt: sub.learnerReport.submittedAt,
        score: null,
        feedback: null,
        passed: null,
        gradedAt: null,
        employeeId: unitName.id,
        employeeName: expect.any(String),
        nip: DEMO.learner,
        unitName: unitName.name,
        lessonTitle: 'Laporan praktik',
        maxScore: 50,
        passScore: 30,
      });
      // The browser's UTF-8 file name is kept (multer reads it as latin1).
      expect(page.items[0]).toMatchObject({
        nip: DEMO.pppkLearner,
        fileName: 'Rencana aksi – PPPK ✓.docx',
        lessonTitle: 'Rencana aksi pelayanan',
        maxScore: 100,
        passScore: 70,
      });
      expect(page.items[2]).toMatchObject({ fileName: 'rencana-aksi-v2.pdf', lessonId: c.lesson.plan });
    });

    it('pages with page and pageSize', async () => {
      const first = (await list(DEMO.widyaiswara, '?pageSize=2')).body as Page<SubmissionForGrading>;
      const second = (await list(DEMO.widyaiswara, '?pageSize=2&page=2')).body as Page<SubmissionForGrading>;
      expect([first.total, first.items.length, second.total, second.items.length]).toEqual([3, 2, 3, 1]);
      expect([...first.items, ...second.items].map((s) => s.id)).toEqual([
        sub.pppkPlan.id,
        sub.learnerReport.id,
        sub.learnerPlan.id,
      ]);
      const past = (await list(DEMO.widyaiswara, '?page=5')).body as Page<SubmissionForGrading>;
      expect({ total: past.total, items: past.items }).toEqual({ total: 3, items: [] });
      expectError(await list(DEMO.widyaiswara, '?pageSize=101'), 400, ErrorCode.VALIDATION_FAILED);
      expectError(await list(DEMO.widyaiswara, '?status=waiting'), 400, ErrorCode.VALIDATION_FAILED);
    });

    it('moves a graded submission from ungraded to graded; all lists both', async () => {
      const graded = await api.http
        .post(`/api/submissions/${sub.pppkPlan.id}/grade`)
        .set(await api.auth(DEMO.widyaiswara))
        .send({ score: 82, feedback: 'Terukur.' });
      expect(graded.status).toBe(200);
      const ungraded = (await list(DEMO.widyaiswara, '?status=ungraded')).body as Page<SubmissionForGrading>;
      expect(ungraded.items.map((s) => s.id)).toEqual([sub.learnerReport.id, sub.learnerPlan.id]);
      const done = (await list(DEMO.widyaiswara, '?status=graded')).body as Page<SubmissionForGrading>;
      expect(done.items).toEqual([
        expect.objectContaining({
          id: sub.pppkPlan.id,
          score: 82,
          passed: true,
          feedback: 'Terukur.',
          gradedAt: expect.any(String),
        }),
      ]);
      const all = (await list(DEMO.widyaiswara, '?status=all')).body as Page<SubmissionForGrading>;
      expect(all.total).toBe(3);
    });

    it('is for the course\u2019s authors and admins: a learner of the agency gets 403, anyone outside it 404', async () => {
      for (const who of [DEMO.agencyAdmin, DEMO.provinceAdmin, DEMO.platformAdmin]) {
        expect({ who, status: (await list(who)).status }).toEqual({ who, status: 200 });
      }
      expectError(await list(DEMO.learner), 403, ErrorCode.AUTH_FORBIDDEN);
      expectError(await list(DEMO.kendalLearner), 404, ErrorCode.ENROLMENT_COURSE_NOT_FOUND);
      const unknown = await api.http
        .get(`/api/courses/${c.versionId}/submissions`)
        .set(await api.auth(DEMO.widyaiswara));
      expectError(unknown, 404, ErrorCode.ENROLMENT_COURSE_NOT_FOUND);
      expect((await api.http.get(`/api/courses/${c.courseId}/submissions`)).status).toBe(401);
    });
  });

  describe('GET /api/submissions/:id/file', () => {
    const file = async (who: string | null, id: string) => {
      const req = api.http
        .get(`/api/submissions/${id}/file`)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          // Files stay bytes; error responses are JSON.
          res.on('end', () => {
            const bytes = Buffer.concat(chunks);
            done(null, /json/.test(String(res.headers['content-type'])) ? JSON.parse(bytes.toString()) : bytes);
          });
        });
      return who ? req.set(await api.auth(who)) : req;
    };

    it('streams the file as an attachment with its name and type to the learner who handed it in and to the course\u2019s graders', async () => {
      for (const who of [DEMO.learner, DEMO.widyaiswara, DEMO.agencyAdmin, DEMO.provinceAdmin]) {
        const res = await file(who, sub.learnerReport.id);
        expect({ who, status: res.status }).toEqual({ who, status: 200 });
        expect((res.body as Buffer).toString()).toBe('Laporan: 12 warga dilayani.');
        expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
        expect(res.headers['content-length']).toBe(String(Buffer.byteLength('Laporan: 12 warga dilayani.')));
        expect(res.headers['content-disposition']).toBe(
          `attachment; filename="laporan praktik.txt"; filename*=UTF-8''laporan%20praktik.txt`,
        );
        expect(res.headers['cache-control']).toBe('private, no-store');
      }
      const pdf = await file(DEMO.widyaiswara, sub.learnerPlan.id);
      expect([pdf.status, pdf.headers['content-type'], (pdf.body as Buffer).toString()]).toEqual([
        200,
        'application/pdf',
        '%PDF-1.4 versi kedua',
      ]);
      const docx = await file(DEMO.pppkLearner, sub.pppkPlan.id);
      expect([docx.status, docx.headers['content-type']]).toEqual([
        200,
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ]);
      expect(docx.headers['content-disposition']).toBe(
        `attachment; filename="Rencana aksi _ PPPK _.docx"; filename*=UTF-8''${encodeURIComponent('Rencana aksi – PPPK ✓.docx')}`,
      );
      // An earlier file of the same lesson stays readable (it is replaced in the list, not deleted).
      expect((await file(DEMO.learner, sub.learnerPlanOld.id)).status).toBe(200);
    });

    it('answers 404 to everyone else: another learner of the course, a supervisor, another agency, unknown ids', async () => {
      for (const who of [DEMO.pppkLearner, DEMO.supervisor, DEMO.kendalLearner]) {
        expectError(await file(who, sub.learnerReport.id), 404, ErrorCode.ENROLMENT_SUBMISSION_NOT_FOUND);
      }
      expectError(await file(DEMO.widyaiswara, c.versionId), 404, ErrorCode.ENROLMENT_SUBMISSION_NOT_FOUND);
      expect((await file(DEMO.widyaiswara, 'not-a-uuid')).status).toBe(404);
      expect((await file(null, sub.learnerReport.id)).status).toBe(401);
    });

    it('answers 404 when the stored file is gone', async () => {
      const [row] = await api.db.query(`SELECT storage_key FROM assignment_submission WHERE id = $1`, [sub.hrPlan.id]);
      await api.db.query(`UPDATE assignment_submission SET storage_key = $2 WHERE id = $1`, [
        sub.hrPlan.id,
        `${row.storage_key}.missing`,
      ]);
      expectError(await file(DEMO.widyaiswara, sub.hrPlan.id), 404, ErrorCode.ENROLMENT_SUBMISSION_NOT_FOUND);
    });
  });

  it('is documented in OpenAPI: summaries, bearer, page/pageSize/status on the list, a binary file', async () => {
    const doc = (await api.http.get('/api/docs-json')).body as {
      paths: Record<
        string,
        Record<
          string,
          {
            summary?: string;
            security?: Array<Record<string, unknown>>;
            parameters?: Array<{ name: string; in: string; schema?: { maximum?: number; enum?: string[] } }>;
            responses: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }>;
          }
        >
      >;
    };
    const listOp = doc.paths['/api/courses/{courseId}/submissions']?.get;
    const fileOp = doc.paths['/api/submissions/{id}/file']?.get;
    for (const op of [listOp, fileOp]) {
      expect(op?.summary).toEqual(expect.stringMatching(/\w{5,}/));
      expect(op?.security).toEqual([{ bearer: [] }]);
      expect(Object.keys(op?.responses ?? {})).toEqual(expect.arrayContaining(['200', '401', '404']));
    }
    const query = Object.fromEntries(
      (listOp?.parameters ?? []).filter((p) => p.in === 'query').map((p) => [p.name, p.schema]),
    );
    expect(query).toMatchObject({
      page: {},
      pageSize: { maximum: 100 },
      status: { enum: ['ungraded', 'graded', 'all'] },
    });
    expect(listOp?.responses['403']).toBeDefined();
    expect(fileOp?.responses['200'].content?.['application/octet-stream']?.schema).toEqual({
      type: 'string',
      format: 'binary',
    });
  });
});
