import {
  ErrorCode,
  type AttemptReview,
  type CourseDetail,
  type CourseFile,
  type CourseLesson,
  type CourseModule,
  type CoursePreview,
  type GradingWaiting,
} from '@kompeten/shared-contracts';
import type { TestApi } from '@kompeten/server-testing';
import { bootApi, DEMO } from './app';

/**
 * Issue 15, authoring: video links refused at entry unless they can be played or embedded; the rich-text allow-list
 * (what the editor produces and nothing else, plain text keeping its paragraphs, pictures only from the course);
 * the course preview (authors and reviewers, with answer keys; everyone else 404; nothing recorded); "submit for
 * review" refused on a published course with no change; a post-test must be passed by default; the grading index's
 * counts and the learner named on the grading page; the CSP that lets YouTube and Vimeo players in.
 */

type Headers = { Authorization: string };

let api: TestApi;
const as = {} as Record<'wi' | 'prov' | 'cityAdmin' | 'learner' | 'kendal', Headers>;

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);

function expectError(res: { status: number; body: { code?: string } }, status: number, code: string) {
  expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
}

async function createCourse(who: Headers, title: string): Promise<CourseDetail> {
  const res = await api.http.post('/api/courses').set(who).send({ title, jp: 2, visibility: 'province' });
  expect(res.status).toBe(201);
  return res.body;
}
async function addModule(who: Headers, courseId: string, title: string): Promise<CourseModule> {
  const res = await api.http.post(`/api/courses/${courseId}/modules`).set(who).send({ title });
  expect(res.status).toBe(201);
  return res.body;
}
const lessonRequest = (who: Headers, moduleId: string, body: Record<string, unknown>) =>
  api.http.post(`/api/modules/${moduleId}/lessons`).set(who).send(body);
async function addLesson(who: Headers, moduleId: string, body: Record<string, unknown>): Promise<CourseLesson> {
  const res = await lessonRequest(who, moduleId, body);
  expect(res.status).toBe(201);
  return res.body;
}
async function uploadImage(who: Headers, courseId: string): Promise<CourseFile> {
  const res = await api.http
    .post(`/api/courses/${courseId}/files`)
    .set(who)
    .field('purpose', 'image')
    .attach('file', PNG, 'bagan.png');
  expect(res.status).toBe(201);
  return res.body;
}

beforeAll(async () => {
  api = await bootApi();
  as.wi = await api.auth(DEMO.widyaiswara);
  as.prov = await api.auth(DEMO.provinceAdmin);
  as.cityAdmin = await api.auth(DEMO.agencyAdmin);
  as.learner = await api.auth(DEMO.learner);
  as.kendal = await api.auth(DEMO.kendalLearner);
});

afterAll(() => api?.close());

describe('video lessons take what can be played or embedded, and refuse the rest at entry', () => {
  let moduleId: string;
  beforeAll(async () => {
    const course = await createCourse(as.wi, 'Video pelatihan');
    moduleId = (await addModule(as.wi, course.id, 'Video')).id;
  });

  it.each([
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    'https://youtu.be/dQw4w9WgXcQ?t=42',
    'https://www.youtube.com/shorts/aBcDeFgHi_-',
    'https://www.youtube.com/embed/dQw4w9WgXcQ',
    'https://vimeo.com/76979871',
    'https://video.example.go.id/berakhlak.mp4',
  ])('accepts %s', async (url) => {
    const lesson = await addLesson(as.wi, moduleId, { title: 'Video', kind: 'video', content: { url } });
    expect(lesson.content).toMatchObject({ kind: 'video', url });
  });

  it.each([
    ['https://www.menpan.go.id/site/berita-terkini', /bukan video YouTube, video Vimeo, atau berkas video/],
    ['https://drive.google.com/file/d/1AbC/view?usp=sharing', /Google Drive/],
    ['https://www.youtube.com/@BKNgoid', /kanal/],
    ['https://www.youtube.com/playlist?list=PL123', /daftar putar/],
    ['https://video.example.go.id/rekaman.avi', /AVI tidak dapat diputar/],
    ['http://video.example.go.id/berakhlak.mp4', /https/],
  ])('refuses %s with 400 and the reason, in Indonesian', async (url, reason) => {
    const res = await lessonRequest(as.wi, moduleId, { title: 'Video', kind: 'video', content: { url } });
    expectError(res, 400, ErrorCode.LEARNING_VIDEO_URL_UNPLAYABLE);
    expect(res.body.message).toMatch(/^content\.url: /);
    expect(res.body.message).toMatch(reason);
  });

  it('refuses it on update too', async () => {
    const lesson = await addLesson(as.wi, moduleId, {
      title: 'Video',
      kind: 'video',
      content: { url: 'https://youtu.be/dQw4w9WgXcQ' },
    });
    const res = await api.http
      .patch(`/api/lessons/${lesson.id}`)
      .set(as.wi)
      .send({ content: { url: 'https://www.facebook.com/watch/?v=1' } });
    expectError(res, 400, ErrorCode.LEARNING_VIDEO_URL_UNPLAYABLE);
  });
});

describe('rich text keeps what the editor produces and nothing else', () => {
  let course: CourseDetail;
  let moduleId: string;
  beforeAll(async () => {
    course = await createCourse(as.wi, 'Teks kaya');
    moduleId = (await addModule(as.wi, course.id, 'Teks')).id;
  });

  it('stores headings, lists, links, tables, marks and a picture of the course; drops scripts, styles, Word markup and foreign pictures', async () => {
    const image = await uploadImage(as.wi, course.id);
    expect(image.purpose).toBe('image');
    const kept =
      '<h2>Nilai dasar</h2><h3>Berorientasi pelayanan</h3><ul><li><p>Ramah</p></li><li><p>Cekatan</p></li></ul>' +
      '<ol><li><p>Satu</p></li></ol><p><strong>Tebal</strong> <em>miring</em> <u>garis</u> <s>coret</s> <code>kode</code></p>' +
      '<blockquote><p>Kutipan</p></blockquote><p><a href="https://bkn.go.id">BKN</a></p>' +
      '<table><tbody><tr><th colspan="1" rowspan="1"><p>Nilai</p></th></tr><tr><td colspan="1" rowspan="1"><p>B</p></td></tr></tbody></table>' +
      `<img src="/api/files/${image.id}" alt="Bagan" />`;
    const junk =
      '<p class="MsoNormal" style="mso-margin-top-alt:auto"><span style="mso-bidi-font-size:12pt" lang="IN"></span></p>' +
      '<script>alert(1)</script><iframe src="https://evil.example"></iframe><style>p{color:red}</style>' +
      '<img src="https://evil.example/pixel.gif" onerror="alert(2)"><p onclick="x()">Bersih</p>';
    const lesson = await addLesson(as.wi, moduleId, { title: 'Teks', kind: 'text', content: { html: kept + junk } });
    expect(lesson.content).toEqual({ kind: 'text', html: `${kept}<p></p><p>Bersih</p>` });
  });

  it('refuses a picture that is not an image of this course', async () => {
    const other = await createCourse(as.wi, 'Kursus lain');
    const foreign = await uploadImage(as.wi, other.id);
    const res = await lessonRequest(as.wi, moduleId, {
      title: 'Teks',
      kind: 'text',
      content: { html: `<p>Gambar</p><img src="/api/files/${foreign.id}">` },
    });
    expectError(res, 400, ErrorCode.LEARNING_INVALID_CONTENT);
    expect(res.body.message).toContain(foreign.id);
  });

  it('keeps the paragraphs of plain text (a description typed before the editor)', async () => {
    const res = await api.http
      .patch(`/api/courses/${course.id}`)
      .set(as.wi)
      .send({ description: 'Paragraf pertama.\nBaris kedua.\n\nParagraf kedua & terakhir.' });
    expect(res.status).toBe(200);
    expect(res.body.description).toBe(
      '<p>Paragraf pertama.<br />Baris kedua.</p><p>Paragraf kedua &amp; terakhir.</p>',
    );
  });

  it('sanitises a prompt written in the editor and keeps a plain prompt exactly as written', async () => {
    const html = await api.http
      .post(`/api/courses/${course.id}/questions`)
      .set(as.wi)
      .send({
        kind: 'true_false',
        prompt: '<p>Apakah <strong>ramah</strong> termasuk nilai pelayanan?</p><script>alert(1)</script>',
        points: 1,
        answerKey: { correct: true },
      });
    expect(html.status).toBe(201);
    expect(html.body.prompt).toBe('<p>Apakah <strong>ramah</strong> termasuk nilai pelayanan?</p>');
    const plain = await api.http
      .post(`/api/courses/${course.id}/questions`)
      .set(as.wi)
      .send({
        kind: 'true_false',
        prompt: 'Apakah 2 < 3?\nJawab benar atau salah.',
        points: 1,
        answerKey: { correct: true },
      });
    expect(plain.status).toBe(201);
    expect(plain.body.prompt).toBe('Apakah 2 < 3?\nJawab benar atau salah.');
    const empty = await api.http
      .post(`/api/courses/${course.id}/questions`)
      .set(as.wi)
      .send({ kind: 'essay', prompt: '<script>alert(1)</script>', points: 1 });
    expectError(empty, 400, ErrorCode.ASSESSMENT_INVALID_QUESTION);
  });
});

describe('preview, submit for review, the post-test default and grading', () => {
  let course: CourseDetail;
  let quizId = '';
  let postTestId = '';
  let textLesson: CourseLesson;
  let quizLesson: CourseLesson;
  let postLesson: CourseLesson;
  let essayId = '';
  let moduleId = '';

  beforeAll(async () => {
    course = await createCourse(as.wi, 'Pratinjau pelatihan');
    const mod = await addModule(as.wi, course.id, 'Modul 1: Pengantar');
    moduleId = mod.id;
    textLesson = await addLesson(as.wi, mod.id, { title: 'Bacaan', kind: 'text', content: { html: '<p>Isi</p>' } });
    const single = await api.http
      .post(`/api/courses/${course.id}/questions`)
      .set(as.wi)
      .send({
        kind: 'single',
        prompt: '<p>Huruf B pada BerAKHLAK berarti …</p>',
        points: 1,
        options: [
          { id: 'a', text: 'Berorientasi Pelayanan' },
          { id: 'b', text: 'Bersih' },
        ],
        answerKey: { correct: 'a' },
      });
    expect(single.status).toBe(201);
    const essay = await api.http
      .post(`/api/courses/${course.id}/questions`)
      .set(as.wi)
      .send({ kind: 'essay', prompt: 'Ceritakan pengalaman melayani warga.', points: 5 });
    expect(essay.status).toBe(201);
    essayId = essay.body.id;
    const quiz = await api.http
      .post(`/api/courses/${course.id}/quizzes`)
      .set(as.wi)
      .send({ title: 'Kuis pengantar', settings: { passPercent: 50 } });
    expect(quiz.status).toBe(201);
    quizId = quiz.body.id;
    quizLesson = await addLesson(as.wi, mod.id, { title: 'Kuis', kind: 'quiz', content: { quizId } });
    const post = await api.http
      .post(`/api/courses/${course.id}/quizzes`)
      .set(as.wi)
      .send({
        title: 'Post-test',
        settings: { role: 'post_test', passPercent: 70, draw: [{ categoryId: null, count: 5 }] },
      });
    expect(post.status).toBe(201);
    postTestId = post.body.id;
  });

  it('a new post-test lesson must be passed by default; a plain quiz lesson changes nothing', async () => {
    const before = await api.http.get(`/api/courses/${course.id}`).set(as.wi);
    expect(before.body.completionRule).toEqual({ requiredLessons: 'all' });
    postLesson = await addLesson(as.wi, moduleId, {
      title: 'Post-test',
      kind: 'quiz',
      content: { quizId: postTestId },
    });
    const after = await api.http.get(`/api/courses/${course.id}`).set(as.wi);
    expect(after.body.completionRule).toEqual({ requiredLessons: 'all', passQuizzes: [postLesson.id] });
  });

  it('the author previews every lesson and quiz with its keys; a quiz that cannot be published says why', async () => {
    const res = await api.http.get(`/api/courses/${course.id}/preview`).set(as.wi);
    expect(res.status).toBe(200);
    const preview: CoursePreview = res.body;
    expect(preview.viewer).toEqual({ isAuthor: true, isReviewer: true, canReview: false });
    expect(preview.modules[0].lessons.map((l) => [l.title, l.kind, l.required])).toEqual([
      ['Bacaan', 'text', true],
      ['Kuis', 'quiz', true],
      ['Post-test', 'quiz', true],
    ]);
    expect(preview.modules[0].lessons[0].content).toEqual({ kind: 'text', html: '<p>Isi</p>' });
    const quiz = preview.quizzes[quizId];
    expect(quiz).toMatchObject({ title: 'Kuis pengantar', questionsPerAttempt: 2, problem: null });
    expect(quiz.questions.map((q) => [q.kind, q.answerKey])).toEqual([
      ['single', { correct: 'a' }],
      ['essay', null],
    ]);
    // Five questions drawn from a bank of two: shown, with the reason it cannot be published yet.
    expect(preview.quizzes[postTestId].questions).toHaveLength(2);
    expect(preview.quizzes[postTestId].problem).toMatch(/pengundian 5 soal.*tersedia 2/);
  });

  it('a reviewer of the agency previews it with the keys; a learner and another agency get 404; nothing is recorded', async () => {
    const rows = async () =>
      (await api.db.query(`SELECT count(*)::int AS n FROM enrolment WHERE course_id = $1`, [course.id]))[0].n;
    const reviewer = await api.http.get(`/api/courses/${course.id}/preview`).set(as.prov);
    expect(reviewer.status).toBe(200);
    expect(reviewer.body.viewer).toEqual({ isAuthor: false, isReviewer: true, canReview: true });
    expect(reviewer.body.quizzes[quizId].questions[0].answerKey).toEqual({ correct: 'a' });
    for (const who of [as.learner, as.kendal, as.cityAdmin]) {
      const res = await api.http.get(`/api/courses/${course.id}/preview`).set(who);
      expectError(res, 404, ErrorCode.LEARNING_COURSE_NOT_FOUND);
    }
    expect(await rows()).toBe(0);
  });

  it('"submit for review" is refused on a published course with no change, and offered again after one', async () => {
    // The post-test asks for more questions than the bank holds: draw all of them instead, then publish.
    expect(
      (
        await api.http
          .patch(`/api/quizzes/${postTestId}`)
          .set(as.wi)
          .send({ settings: { draw: [] } })
      ).status,
    ).toBe(200);
    expect((await api.http.post(`/api/courses/${course.id}/submit-review`).set(as.wi).send({})).status).toBe(200);
    const published = await api.http.post(`/api/courses/${course.id}/publish`).set(as.prov).send({});
    expect(published.status).toBe(200);
    const detail: CourseDetail = (await api.http.get(`/api/courses/${course.id}`).set(as.wi)).body;
    expect(detail.status).toBe('published');
    expect(detail.can).toMatchObject({ edit: true, submit: false });
    const refused = await api.http.post(`/api/courses/${course.id}/submit-review`).set(as.wi).send({});
    expectError(refused, 409, ErrorCode.LEARNING_NOTHING_TO_REVIEW);
    expect(refused.body.message).toMatch(/Tidak ada perubahan sejak versi yang sedang berlaku/);

    const renamed = await api.http.patch(`/api/lessons/${textLesson.id}`).set(as.wi).send({ title: 'Bacaan utama' });
    expect(renamed.status).toBe(200);
    expect((await api.http.get(`/api/courses/${course.id}`).set(as.wi)).body.can.submit).toBe(true);
  });

  it('the grading index counts essays waiting per course, and the grading page names the learner', async () => {
    const enrolment = await api.http.post(`/api/courses/${course.id}/enrolments`).set(as.learner);
    expect(enrolment.status).toBe(201);
    const attempt = await api.http
      .post(`/api/enrolments/${enrolment.body.id}/lessons/${quizLesson.id}/attempts`)
      .set(as.learner)
      .send({});
    expect(attempt.status).toBe(201);
    const saved = await api.http
      .put(`/api/attempts/${attempt.body.id}/answers`)
      .set(as.learner)
      .send({ answers: [{ questionId: essayId, response: 'Saya menyapa warga dengan ramah.' }] });
    expect(saved.status).toBe(200);
    expect((await api.http.post(`/api/attempts/${attempt.body.id}/submit`).set(as.learner)).status).toBe(200);

    const other = await createCourse(as.wi, 'Tanpa esai');
    const counts = await api.http
      .get('/api/grading/waiting')
      .query({ courseIds: `${course.id},${other.id}` })
      .set(as.wi);
    expect(counts.status).toBe(200);
    expect(counts.body as GradingWaiting[]).toEqual([
      { courseId: course.id, essayAttempts: 1 },
      { courseId: other.id, essayAttempts: 0 },
    ]);
    // A learner grades neither course: both ids are left out.
    expect((await api.http.get('/api/grading/waiting').query({ courseIds: course.id }).set(as.learner)).body).toEqual(
      [],
    );
    const bad = await api.http.get('/api/grading/waiting').query({ courseIds: 'bukan-id' }).set(as.wi);
    expect(bad.status).toBe(400);

    const review = await api.http.get(`/api/attempts/${attempt.body.id}/review`).set(as.wi);
    expect(review.status).toBe(200);
    expect((review.body as AttemptReview).learner).toEqual({
      name: 'Lalu Muhammad Hasan, S.Kom.',
      nip: DEMO.learner,
    });
  });
});

describe('structural leadership training names its kind (SIASN latihanStrukturalId) for /diklat/save', () => {
  const create = (body: Record<string, unknown>) =>
    api.http
      .post('/api/courses')
      .set(as.wi)
      .send({ title: 'Pelatihan Kepemimpinan Administrator', jp: 40, ...body });

  it('refuses jenis diklat 1 without a kind, and a kind for any other jenis, in words', async () => {
    const without = await create({ jenisDiklatId: 1 });
    expectError(without, 400, ErrorCode.LEARNING_INVALID_COURSE);
    expect(without.body.message).toMatch(/latihanStrukturalId 1–8/);
    const other = await create({ jenisDiklatId: 16, latihanStrukturalId: 3 });
    expectError(other, 400, ErrorCode.LEARNING_INVALID_COURSE);
    expect(other.body.message).toMatch(/hanya untuk pelatihan struktural/);
    expect((await create({ jenisDiklatId: 1, latihanStrukturalId: 9 })).status).toBe(400);
  });

  it('keeps the kind on the course and in the published version; leaving jenis 1 drops it', async () => {
    const res = await create({ jenisDiklatId: 1, latihanStrukturalId: 3, visibility: 'province' });
    expect(res.status).toBe(201);
    const course: CourseDetail = res.body;
    expect(course).toMatchObject({ jenisDiklatId: 1, latihanStrukturalId: 3 });
    const mod = await addModule(as.wi, course.id, 'Modul 1');
    await addLesson(as.wi, mod.id, { title: 'Bacaan', kind: 'text', content: { html: '<p>Isi</p>' } });
    expect((await api.http.post(`/api/courses/${course.id}/submit-review`).set(as.wi).send({})).status).toBe(200);
    expect((await api.http.post(`/api/courses/${course.id}/publish`).set(as.prov).send({})).status).toBe(200);
    const [version] = await api.db.query(
      `SELECT snapshot FROM course_version WHERE course_id = $1 AND version_no = 1`,
      [course.id],
    );
    expect(version.snapshot).toMatchObject({ jenisDiklatId: 1, latihanStrukturalId: 3 });

    // An edit that keeps jenis 1 cannot clear the kind; moving to another jenis drops it.
    const cleared = await api.http.patch(`/api/courses/${course.id}`).set(as.wi).send({ latihanStrukturalId: null });
    expectError(cleared, 400, ErrorCode.LEARNING_INVALID_COURSE);
    const moved = await api.http.patch(`/api/courses/${course.id}`).set(as.wi).send({ jenisDiklatId: 3 });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ jenisDiklatId: 3, latihanStrukturalId: null });
    const back = await api.http
      .patch(`/api/courses/${course.id}`)
      .set(as.wi)
      .send({ jenisDiklatId: 1, latihanStrukturalId: 5 });
    expect(back.body).toMatchObject({ jenisDiklatId: 1, latihanStrukturalId: 5 });
  });
});

describe('the content security policy', () => {
  it('lets the YouTube and Vimeo players and their API scripts in, and no other frame or script', async () => {
    const res = await api.http.get('/api/health');
    const csp = String(res.headers['content-security-policy']);
    const directive = (name: string) =>
      csp
        .split(';')
        .map((d) => d.trim())
        .find((d) => d.startsWith(`${name} `));
    expect(directive('frame-src')).toBe(
      "frame-src 'self' blob: https://www.youtube.com https://www.youtube-nocookie.com https://player.vimeo.com",
    );
    expect(directive('script-src')).toBe(
      "script-src 'self' https://www.youtube.com/iframe_api https://www.youtube.com/s/player/ https://player.vimeo.com/api/player.js",
    );
  });
});
