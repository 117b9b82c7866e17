import {
  ErrorCode,
  type CatalogCourseDetail,
  type CourseDetail,
  type CourseFile,
  type CourseLesson,
  type CourseModule,
  type CourseSnapshot,
  type CourseSummary,
  type Page,
} from '@kompeten/shared-contracts';
import { idOf, type TestApi } from '@kompeten/server-testing';
import { bootApi, DEMO } from './app';

/** Course authoring, review and publishing, files and the catalog (docs/learning.md), over HTTP on the demo world. */

type Headers = { Authorization: string };

let api: TestApi;
const as = {} as Record<'wi' | 'prov' | 'cityAdmin' | 'learner' | 'kendal', Headers>;
const ids = {} as Record<'ntb' | 'mataram' | 'wiEmployee' | 'cityAdminEmployee', string>;

const MB = 1024 * 1024;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);
const UNSAFE =
  '<p>Nilai <strong>BerAKHLAK</strong><script>alert("xss")</script><img src="x" onerror="alert(1)"><a href="javascript:alert(2)">klik</a></p>';

function expectError(res: { status: number; body: { code?: string } }, status: number, code?: string) {
  expect({ status: res.status, code: res.body.code }).toEqual({ status, code: code ?? res.body.code });
}

const versionSnapshot = async (courseId: string, no: number): Promise<CourseSnapshot> =>
  (
    await api.db.query(`SELECT snapshot FROM course_version WHERE course_id = $1 AND version_no = $2`, [courseId, no])
  )[0]?.snapshot;

async function createCourse(who: Headers, body: Record<string, unknown>): Promise<CourseDetail> {
  const res = await api.http.post('/api/courses').set(who).send(body);
  expect(res.status).toBe(201);
  return res.body;
}
async function addModule(who: Headers, courseId: string, title: string): Promise<CourseModule> {
  const res = await api.http.post(`/api/courses/${courseId}/modules`).set(who).send({ title });
  expect(res.status).toBe(201);
  return res.body;
}
async function addLesson(who: Headers, moduleId: string, body: Record<string, unknown>): Promise<CourseLesson> {
  const res = await api.http.post(`/api/modules/${moduleId}/lessons`).set(who).send(body);
  expect(res.status).toBe(201);
  return res.body;
}
async function submitAndPublish(
  author: Headers,
  reviewer: Headers,
  courseId: string,
  body: Record<string, unknown> = {},
): Promise<CourseDetail> {
  expect((await api.http.post(`/api/courses/${courseId}/submit-review`).set(author).send({})).status).toBe(200);
  const res = await api.http.post(`/api/courses/${courseId}/publish`).set(reviewer).send(body);
  expect(res.status).toBe(200);
  return res.body;
}

beforeAll(async () => {
  api = await bootApi();
  as.wi = await api.auth(DEMO.widyaiswara);
  as.prov = await api.auth(DEMO.provinceAdmin);
  as.cityAdmin = await api.auth(DEMO.agencyAdmin);
  as.learner = await api.auth(DEMO.learner);
  as.kendal = await api.auth(DEMO.kendalLearner);
  ids.ntb = await idOf(api.db, `SELECT id FROM agency WHERE code = 'prov-ntb'`);
  ids.mataram = await idOf(api.db, `SELECT id FROM agency WHERE code = 'kota-mataram'`);
  ids.wiEmployee = await idOf(api.db, `SELECT id FROM employee WHERE nip = $1`, [DEMO.widyaiswara]);
  ids.cityAdminEmployee = await idOf(
    api.db,
    `SELECT e.id FROM employee e JOIN user_account u ON u.employee_id = e.id WHERE u.email = $1`,
    [DEMO.agencyAdmin],
  );
});

afterAll(() => api?.close());

describe('authoring a course', () => {
  let course: CourseDetail;
  let m1: CourseModule;
  let m2: CourseModule;
  let text: CourseLesson;
  let video: CourseLesson;
  let closing: CourseLesson;

  it('lets a widyaiswara create a draft in its agency and makes it the owner author', async () => {
    course = await createCourse(as.wi, {
      title: 'Melayani dengan BerAKHLAK',
      jp: 4,
      visibility: 'province',
      tags: ['berakhlak'],
      objectives: ['Menjelaskan nilai dasar ASN'],
      description: UNSAFE,
    });
    expect(course).toMatchObject({
      agencyId: ids.ntb,
      status: 'draft',
      jp: 4,
      jenisDiklatId: 16,
      competencyKind: 'teknis',
      learningMethod: 'e_learning',
      visibility: 'province',
      currentVersionId: null,
      completionRule: { requiredLessons: 'all' },
      modules: [],
      versions: [],
      authors: [
        {
          employeeId: ids.wiEmployee,
          nip: DEMO.widyaiswara,
          role: 'owner',
          name: 'Dr. Nurhayati Rahman, S.Pd., M.Pd.',
        },
      ],
      can: { edit: true, review: false, manageAuthors: true, archive: true },
    });
    const [audit] = await api.db.query(`SELECT action FROM audit_log WHERE entity_id = $1`, [course.id]);
    expect(audit.action).toBe('course.create');
  });

  it('sanitises rich text: scripts, event handlers and javascript: links are gone', async () => {
    for (const html of [course.description]) {
      expect(html).toContain('<strong>BerAKHLAK</strong>');
      expect(html).not.toMatch(/script|onerror|javascript:|alert/i);
    }
    m1 = await addModule(as.wi, course.id, 'Modul 1: Nilai Dasar');
    text = await addLesson(as.wi, m1.id, { title: 'Apa itu BerAKHLAK?', kind: 'text', content: { html: UNSAFE } });
    const html = (text.content as { html: string }).html;
    expect(html).toContain('<strong>BerAKHLAK</strong>');
    expect(html).not.toMatch(/<script|onerror|javascript:|alert/i);
  });

  it('adds video lessons and modules in order', async () => {
    video = await addLesson(as.wi, m1.id, {
      title: 'Video pengantar',
      kind: 'video',
      required: false,
      content: { url: 'https://video.example.go.id/berakhlak.mp4', durationSeconds: 600 },
    });
    expect(video).toMatchObject({
      position: 2,
      kind: 'video',
      required: false,
      content: {
        kind: 'video',
        url: 'https://video.example.go.id/berakhlak.mp4',
        durationSeconds: 600,
        completeAtRatio: 0.9,
      },
    });
    m2 = await addModule(as.wi, course.id, 'Modul 2: Penerapan');
    expect(m2.position).toBe(2);
    closing = await addLesson(as.wi, m2.id, {
      title: 'Rangkuman',
      kind: 'text',
      content: { html: '<p>Rangkuman</p>' },
    });
  });

  it('validates lesson content per kind with clear 400s', async () => {
    const bad = async (body: Record<string, unknown>, pattern: RegExp) => {
      const res = await api.http
        .post(`/api/modules/${m1.id}/lessons`)
        .set(as.wi)
        .send({ title: 'Salah', ...body });
      expectError(res, 400);
      expect(res.body.message).toMatch(pattern);
    };
    await bad({ kind: 'video', content: {} }, /tepat satu sumber/);
    await bad(
      { kind: 'video', content: { url: 'https://a.go.id/v.mp4', fileId: '00000000-0000-4000-8000-000000000000' } },
      /tepat satu sumber/,
    );
    await bad({ kind: 'text', content: {} }, /content\.html/);
    await bad({ kind: 'link', content: { url: 'javascript:alert(1)' } }, /content\.url/);
    await bad({ kind: 'text', content: { html: '<p>x</p>', extra: 1 } }, /content\.extra/);
    await bad(
      { kind: 'document', content: { fileId: '00000000-0000-4000-8000-000000000000' } },
      /tidak ada di pelatihan ini/,
    );
    await bad(
      { kind: 'assignment', content: { instructions: '<p>Unggah</p>', maxScore: 50, passScore: 70 } },
      /passScore/,
    );
    await bad(
      {
        kind: 'live',
        content: { startsAt: '2026-12-01T03:00:00Z', endsAt: '2026-12-01T01:00:00Z', joinUrl: 'https://zoom.us/j/1' },
      },
      /endsAt/,
    );
    await bad({ kind: 'podcast', content: {} }, /kind harus salah satu/);
  });

  it('reorders modules and moves lessons between modules in one call', async () => {
    const res = await api.http
      .put(`/api/courses/${course.id}/outline`)
      .set(as.wi)
      .send({
        modules: [
          { id: m2.id, lessonIds: [video.id, closing.id] },
          { id: m1.id, lessonIds: [text.id] },
        ],
      });
    expect(res.status).toBe(200);
    const detail: CourseDetail = res.body;
    expect(detail.modules.map((m) => [m.title, m.lessons.map((l) => l.title)])).toEqual([
      ['Modul 2: Penerapan', ['Video pengantar', 'Rangkuman']],
      ['Modul 1: Nilai Dasar', ['Apa itu BerAKHLAK?']],
    ]);
    expect(detail.modules[0].lessons.map((l) => [l.moduleId, l.position])).toEqual([
      [m2.id, 1],
      [m2.id, 2],
    ]);
    // An outline that forgets a lesson is refused, and nothing changes.
    const partial = await api.http
      .put(`/api/courses/${course.id}/outline`)
      .set(as.wi)
      .send({
        modules: [
          { id: m2.id, lessonIds: [video.id] },
          { id: m1.id, lessonIds: [text.id] },
        ],
      });
    expectError(partial, 400, ErrorCode.LEARNING_INVALID_OUTLINE);
    expect(partial.body.message).toContain('Rangkuman');
    const again: CourseDetail = (await api.http.get(`/api/courses/${course.id}`).set(as.wi)).body;
    expect(again.modules.map((m) => m.lessons.length)).toEqual([2, 1]);
  });

  it('keeps drafts from learners and from other agencies (404)', async () => {
    expectError(
      await api.http.get(`/api/courses/${course.id}`).set(as.learner),
      404,
      ErrorCode.LEARNING_COURSE_NOT_FOUND,
    );
    expectError(
      await api.http.get(`/api/courses/${course.id}`).set(as.kendal),
      404,
      ErrorCode.LEARNING_COURSE_NOT_FOUND,
    );
    // The Mataram admin does not administer the province's own agency.
    expectError(
      await api.http.get(`/api/courses/${course.id}`).set(as.cityAdmin),
      404,
      ErrorCode.LEARNING_COURSE_NOT_FOUND,
    );
    expectError(await api.http.patch(`/api/courses/${course.id}`).set(as.learner).send({ title: 'Dibajak' }), 404);
    expectError(
      await api.http.patch(`/api/lessons/${text.id}`).set(as.learner).send({ title: 'Dibajak' }),
      404,
      ErrorCode.LEARNING_LESSON_NOT_FOUND,
    );
    expectError(
      await api.http.delete(`/api/modules/${m1.id}`).set(as.kendal),
      404,
      ErrorCode.LEARNING_MODULE_NOT_FOUND,
    );
    const list: Page<CourseSummary> = (await api.http.get('/api/courses').set(as.learner)).body;
    expect(list.items.map((c) => c.id)).not.toContain(course.id);
    expect(
      (await api.http.get('/api/catalog').set(as.learner)).body.items.map((c: CourseSummary) => c.id),
    ).not.toContain(course.id);
  });

  it('lists the course for its author and for the province admin, with status and text filters', async () => {
    const mine: Page<CourseSummary> = (await api.http.get('/api/courses?status=draft&q=pelayanan').set(as.wi)).body;
    expect(mine.items.map((c) => c.id)).toEqual([course.id]);
    expect((await api.http.get('/api/courses?status=published').set(as.wi)).body.items).toEqual([]);
    const prov: Page<CourseSummary> = (await api.http.get('/api/courses').set(as.prov)).body;
    expect(prov.items.map((c) => c.id)).toContain(course.id);
  });

  describe('review and publishing', () => {
    let v1: CourseSnapshot;

    it('does not let an author publish its own course (403), nor publish before review (409)', async () => {
      expectError(
        await api.http.post(`/api/courses/${course.id}/publish`).set(as.prov).send({}),
        409,
        ErrorCode.LEARNING_WRONG_STATUS,
      );
      expect(
        (await api.http.post(`/api/courses/${course.id}/submit-review`).set(as.wi).send({ note: 'Siap ditinjau' })).body
          .status,
      ).toBe('in_review');
      expectError(
        await api.http.post(`/api/courses/${course.id}/publish`).set(as.wi).send({}),
        403,
        ErrorCode.LEARNING_AUTHOR_CANNOT_REVIEW,
      );
      expectError(await api.http.post(`/api/courses/${course.id}/publish`).set(as.learner).send({}), 404);
      // Frozen while in review.
      expectError(
        await api.http.patch(`/api/courses/${course.id}`).set(as.wi).send({ jp: 5 }),
        409,
        ErrorCode.LEARNING_WRONG_STATUS,
      );
    });

    it('shows it in the review queue of a reviewer, not of its author', async () => {
      const queue: Page<CourseSummary> = (await api.http.get('/api/reviews').set(as.prov)).body;
      expect(queue.items.map((c) => c.id)).toContain(course.id);
      expect((await api.http.get('/api/reviews').set(as.wi)).body.items.map((c: CourseSummary) => c.id)).not.toContain(
        course.id,
      );
    });

    it('lets a reviewer return it with a note, then publish it as version 1 whose snapshot matches the draft', async () => {
      const returned = await api.http
        .post(`/api/courses/${course.id}/return`)
        .set(as.prov)
        .send({ note: 'Tambahkan rangkuman.' });
      expect(returned.body).toMatchObject({ status: 'draft' });
      expect(
        returned.body.reviewEvents.map((e: { action: string; note: string | null }) => [e.action, e.note]),
      ).toEqual([
        ['submit', 'Siap ditinjau'],
        ['return', 'Tambahkan rangkuman.'],
      ]);
      const published = await submitAndPublish(as.wi, as.prov, course.id, { note: 'Layak terbit' });
      expect(published).toMatchObject({
        status: 'published',
        currentVersionNo: 1,
        versions: [{ versionNo: 1, jp: 4, requiresUpgrade: false }],
      });
      const draft: CourseDetail = (await api.http.get(`/api/courses/${course.id}`).set(as.wi)).body;
      v1 = await versionSnapshot(course.id, 1);
      expect(v1).toEqual({
        courseId: course.id,
        versionNo: 1,
        title: draft.title,
        description: draft.description,
        jp: 4,
        jenisDiklatId: 16,
        completionRule: { requiredLessons: 'all' },
        quizzes: {},
        modules: draft.modules.map((m) => ({
          id: m.id,
          title: m.title,
          lessons: m.lessons.map((l) => ({ id: l.id, title: l.title, required: l.required, content: l.content })),
        })),
      });
      const actions = (
        await api.db.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY created_at`, [course.id])
      ).map((r: { action: string }) => r.action);
      expect(actions).toEqual(
        expect.arrayContaining(['course.create', 'course.outline', 'course.submit', 'course.return', 'course.publish']),
      );
    });

    it('publishes edits as version 2 and leaves version 1 untouched; version numbers never repeat', async () => {
      expect(
        (await api.http.patch(`/api/lessons/${closing.id}`).set(as.wi).send({ title: 'Rangkuman dan refleksi' }))
          .status,
      ).toBe(200);
      expect((await api.http.patch(`/api/courses/${course.id}`).set(as.wi).send({ jp: 5 })).status).toBe(200);
      expect((await api.http.post(`/api/courses/${course.id}/submit-review`).set(as.wi).send({})).status).toBe(200);
      // The live version stays in the catalog while the next one is reviewed.
      expect((await api.http.get(`/api/catalog/${course.id}`).set(as.learner)).status).toBe(200);
      const [a, b] = await Promise.all([
        api.http.post(`/api/courses/${course.id}/publish`).set(as.prov).send({ requiresUpgrade: true }),
        api.http.post(`/api/courses/${course.id}/publish`).set(as.prov).send({ requiresUpgrade: true }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const v2 = await versionSnapshot(course.id, 2);
      expect(v2.jp).toBe(5);
      expect(v2.modules[0].lessons[1].title).toBe('Rangkuman dan refleksi');
      expect(await versionSnapshot(course.id, 1)).toEqual(v1);
      const versions = await api.db.query(
        `SELECT version_no, jp::float8 AS jp, requires_upgrade FROM course_version WHERE course_id = $1 ORDER BY version_no`,
        [course.id],
      );
      expect(versions).toEqual([
        { version_no: 1, jp: 4, requires_upgrade: false },
        { version_no: 2, jp: 5, requires_upgrade: true },
      ]);
    });

    it('refuses to publish quiz lessons without quiz snapshots (400)', async () => {
      const quizCourse = await createCourse(as.wi, { title: 'Pre-test Literasi Digital', jp: 2 });
      const mod = await addModule(as.wi, quizCourse.id, 'Tes');
      await addLesson(as.wi, mod.id, {
        title: 'Pre-test',
        kind: 'quiz',
        content: { quizId: '11111111-1111-4111-8111-111111111111' },
      });
      expect((await api.http.post(`/api/courses/${quizCourse.id}/submit-review`).set(as.wi).send({})).status).toBe(200);
      const res = await api.http.post(`/api/courses/${quizCourse.id}/publish`).set(as.prov).send({});
      expect(res.status).toBe(400);
      // Without the assessment lib bound: our own error; with it: the quiz does not exist.
      expect([ErrorCode.LEARNING_QUIZ_PORT_MISSING, 'ASSESSMENT.QUIZ_NOT_FOUND']).toContain(res.body.code);
      expect(await api.db.query(`SELECT 1 FROM course_version WHERE course_id = $1`, [quizCourse.id])).toEqual([]);
    });
  });

  describe('files', () => {
    let pdf: CourseFile;

    const upload = (who: Headers, purpose: string, data: Buffer, name: string) =>
      api.http.post(`/api/courses/${course.id}/files`).set(who).field('purpose', purpose).attach('file', data, name);

    it('accepts a PDF document and serves it inline to the course team', async () => {
      const res = await upload(as.wi, 'document', PDF, 'Modul BerAKHLAK.pdf');
      expect(res.status).toBe(201);
      pdf = res.body;
      expect(pdf).toMatchObject({
        purpose: 'document',
        mime: 'application/pdf',
        size: PDF.length,
        fileName: 'Modul BerAKHLAK.pdf',
      });
      for (const who of [as.wi, as.prov]) {
        const got = await api.http
          .get(`/api/files/${pdf.id}`)
          .set(who)
          .buffer(true)
          .parse((r, cb) => {
            const chunks: Buffer[] = [];
            r.on('data', (c: Buffer) => chunks.push(c));
            r.on('end', () => cb(null, Buffer.concat(chunks)));
          });
        expect(got.status).toBe(200);
        expect(got.headers['content-type']).toMatch(/^application\/pdf/);
        expect(got.headers['content-disposition']).toMatch(/^inline; filename="Modul BerAKHLAK.pdf"/);
        expect(Buffer.compare(got.body as Buffer, PDF)).toBe(0);
      }
      expect(
        await api.db.query(`SELECT 1 FROM audit_log WHERE action = 'course_file.upload' AND entity_id = $1`, [pdf.id]),
      ).toHaveLength(1);
    });

    it('checks the real type and the size for each purpose', async () => {
      expectError(await upload(as.wi, 'document', PNG, 'menyamar.pdf'), 400, ErrorCode.LEARNING_BAD_FILE);
      expectError(
        await upload(as.wi, 'cover', Buffer.from('<html><script>alert(1)</script></html>'), 'sampul.png'),
        400,
        ErrorCode.LEARNING_BAD_FILE,
      );
      expectError(await upload(as.wi, 'video', PDF, 'video.mp4'), 400, ErrorCode.LEARNING_BAD_FILE);
      expectError(
        await upload(as.wi, 'cover', Buffer.concat([PNG, Buffer.alloc(5 * MB)]), 'besar.png'),
        413,
        ErrorCode.LEARNING_FILE_TOO_LARGE,
      );
      expectError(await upload(as.wi, 'poster', PNG, 'x.png'), 400, ErrorCode.VALIDATION_FAILED);
      expectError(
        await api.http.post(`/api/courses/${course.id}/files`).set(as.wi).field('purpose', 'document'),
        400,
        ErrorCode.LEARNING_FILE_REQUIRED,
      );
      expectError(await upload(as.learner, 'document', PDF, 'x.pdf'), 404);
    });

    it('serves files only to those who may see them', async () => {
      expectError(await api.http.get(`/api/files/${pdf.id}`).set(as.learner), 404, ErrorCode.LEARNING_FILE_NOT_FOUND);
      expectError(await api.http.get(`/api/files/${pdf.id}`).set(as.kendal), 404, ErrorCode.LEARNING_FILE_NOT_FOUND);
      // A published course's cover is public to whoever sees the course in the catalog.
      const cover: CourseFile = (await upload(as.wi, 'cover', PNG, 'sampul.png')).body;
      expect(
        (await api.http.patch(`/api/courses/${course.id}`).set(as.wi).send({ coverFileId: cover.id })).body.coverFileId,
      ).toBe(cover.id);
      const got = await api.http.get(`/api/files/${cover.id}`).set(as.learner);
      expect(got.status).toBe(200);
      expect(got.headers['content-type']).toMatch(/^image\/png/);
      expectError(await api.http.get(`/api/files/${cover.id}`).set(as.kendal), 404);
      // A document lesson takes a PDF of this course, not an image.
      const wrong = await api.http
        .post(`/api/modules/${m1.id}/lessons`)
        .set(as.wi)
        .send({ title: 'Bacaan', kind: 'document', content: { fileId: cover.id } });
      expectError(wrong, 400, ErrorCode.LEARNING_INVALID_CONTENT);
      const doc = await addLesson(as.wi, m1.id, { title: 'Bacaan', kind: 'document', content: { fileId: pdf.id } });
      expect(doc.content).toEqual({ kind: 'document', fileId: pdf.id });
    });
  });
});

describe('catalog', () => {
  let provinceCourse: CourseDetail;
  let cityCourse: CourseDetail;

  beforeAll(async () => {
    provinceCourse = await createCourse(as.wi, {
      title: 'Teknik Melayani Masyarakat',
      jp: 3,
      visibility: 'province',
      competencyKind: 'teknis',
      level: 'menengah',
      tags: ['layanan publik'],
      description: '<p>Standar layanan untuk ASN.</p>',
    });
    const mod = await addModule(as.wi, provinceCourse.id, 'Modul Inti');
    await addLesson(as.wi, mod.id, {
      title: 'Standar pelayanan',
      kind: 'text',
      content: { html: '<p>Rahasia isi pelajaran</p>' },
    });
    await addLesson(as.wi, mod.id, {
      title: 'Tautan SIASN',
      kind: 'link',
      content: { url: 'https://siasn.bkn.go.id' },
    });
    await submitAndPublish(as.wi, as.prov, provinceCourse.id);

    // A city course with agency visibility: the city admin writes it, the province admin (who administers the city) reviews.
    cityCourse = await createCourse(as.cityAdmin, {
      title: 'Pemutakhiran Data Kompetensi di SIASN',
      jp: 2,
      visibility: 'agency',
      competencyKind: 'manajerial',
    });
    expect(cityCourse.agencyId).toBe(ids.mataram);
    expect(cityCourse.authors.map((a) => a.employeeId)).toEqual([ids.cityAdminEmployee]);
    const cm = await addModule(as.cityAdmin, cityCourse.id, 'Pengantar');
    await addLesson(as.cityAdmin, cm.id, {
      title: 'Mengapa data harus mutakhir',
      kind: 'text',
      content: { html: '<p>…</p>' },
    });
    await submitAndPublish(as.cityAdmin, as.prov, cityCourse.id);
  });

  const catalogIds = async (who: Headers, query = '') => {
    const res = await api.http.get(`/api/catalog${query}`).set(who);
    expect(res.status).toBe(200);
    return (res.body as Page<CourseSummary>).items.map((c) => c.id);
  };

  it('shows a province course across the province, not in another province', async () => {
    expect(await catalogIds(as.learner)).toContain(provinceCourse.id);
    expect(await catalogIds(as.cityAdmin)).toContain(provinceCourse.id);
    expect(await catalogIds(as.kendal)).not.toContain(provinceCourse.id);
    expectError(
      await api.http.get(`/api/catalog/${provinceCourse.id}`).set(as.kendal),
      404,
      ErrorCode.LEARNING_COURSE_NOT_FOUND,
    );
  });

  it('shows an agency course only in its agency', async () => {
    expect(await catalogIds(as.learner)).toContain(cityCourse.id);
    expect(await catalogIds(as.wi)).not.toContain(cityCourse.id);
    expect(await catalogIds(as.kendal)).not.toContain(cityCourse.id);
  });

  it('shows a course to exactly the ASN who may enrol in it: a role in another agency does not widen it (decision 0016)', async () => {
    // The Kendal learner also holds the widyaiswara role in Kota Mataram: that lets it review Mataram's courses, not take them.
    const [user] = await api.db.query(
      `SELECT u.id FROM user_account u JOIN employee e ON e.id = u.employee_id WHERE e.nip = $1`,
      [DEMO.kendalLearner],
    );
    await api.db.query(`INSERT INTO role_assignment (user_id, role, agency_id) VALUES ($1, 'widyaiswara', $2)`, [
      user.id,
      ids.mataram,
    ]);
    try {
      const kendalReviewer = { Authorization: `Bearer ${(await api.login(DEMO.kendalLearner)).accessToken}` };
      for (const [who, sees] of [
        [as.learner, true],
        [kendalReviewer, false],
      ] as const) {
        expect(await catalogIds(who)).toEqual(
          sees ? expect.arrayContaining([cityCourse.id]) : expect.not.arrayContaining([cityCourse.id]),
        );
        expect((await api.http.get(`/api/catalog/${cityCourse.id}`).set(who)).status).toBe(sees ? 200 : 404);
      }
      expectError(
        await api.http.post(`/api/courses/${cityCourse.id}/enrolments`).set(kendalReviewer),
        404,
        ErrorCode.ENROLMENT_COURSE_NOT_FOUND,
      );
    } finally {
      await api.db.query(`DELETE FROM role_assignment WHERE user_id = $1 AND role = 'widyaiswara'`, [user.id]);
    }
  });

  it('finds "Melayani" by q=pelayanan (Indonesian stemming), requires every term, and filters', async () => {
    const found = await catalogIds(as.learner, '?q=pelayanan');
    expect(found).toEqual(expect.arrayContaining([provinceCourse.id]));
    expect(found).not.toContain(cityCourse.id);
    expect(await catalogIds(as.learner, '?q=dimutakhirkan')).toEqual([cityCourse.id]);
    expect(await catalogIds(as.learner, '?q=layanan%20pengawasan')).toEqual([]);
    expect(await catalogIds(as.learner, '?q=pelayanan&competencyKind=manajerial')).toEqual([]);
    expect(await catalogIds(as.learner, `?agencyId=${ids.mataram}`)).toEqual([cityCourse.id]);
    expect(await catalogIds(as.learner, '?jpMin=3&jpMax=3')).toEqual([provinceCourse.id]);
    expect(await catalogIds(as.learner, '?level=menengah')).toEqual([provinceCourse.id]);
    expectError(await api.http.get('/api/catalog?level=ahli').set(as.learner), 400);
  });

  it('gives a public course page with the outline but no lesson content', async () => {
    const res = await api.http.get(`/api/catalog/${provinceCourse.id}`).set(as.learner);
    expect(res.status).toBe(200);
    const page: CatalogCourseDetail = res.body;
    expect(page).toMatchObject({
      title: 'Teknik Melayani Masyarakat',
      jp: 3,
      currentVersionNo: 1,
      enrolmentStatus: null,
      authors: [{ name: 'Dr. Nurhayati Rahman, S.Pd., M.Pd.', role: 'owner' }],
      outline: [
        {
          title: 'Modul Inti',
          lessons: [
            { title: 'Standar pelayanan', kind: 'text', required: true },
            { title: 'Tautan SIASN', kind: 'link', required: true },
          ],
        },
      ],
    });
    expect(JSON.stringify(page)).not.toContain('Rahasia isi pelajaran');
    expect(JSON.stringify(page)).not.toContain('siasn.bkn.go.id');
  });

  it('takes an archived course out of the catalog', async () => {
    expectError(await api.http.post(`/api/courses/${cityCourse.id}/archive`).set(as.learner).send({}), 404);
    expect((await api.http.post(`/api/courses/${cityCourse.id}/archive`).set(as.cityAdmin).send({})).body.status).toBe(
      'archived',
    );
    expect(await catalogIds(as.learner)).not.toContain(cityCourse.id);
    expectError(
      await api.http.patch(`/api/courses/${cityCourse.id}`).set(as.cityAdmin).send({ jp: 3 }),
      409,
      ErrorCode.LEARNING_WRONG_STATUS,
    );
  });
});
