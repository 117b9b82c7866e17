import {
  ErrorCode,
  type CourseDetail,
  type CourseFile,
  type CourseLesson,
  type Enrolment,
} from '@kompeten/shared-contracts';
import { type AuthHeaders, authoringApi, type TestApi } from '@kompeten/server-testing';
import { bootApi, DEMO } from './app';

/**
 * GET /api/files/:id for learners (docs/learning.md: files are served to learners enrolled in a version that uses
 * them), and byte ranges for videos so the player can seek.
 */

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
/** An MP4 as far as the type check goes (an `ftyp` box), then 100 KB of bytes that differ by position. */
const MP4 = Buffer.concat([
  Buffer.from([0, 0, 0, 0x20]),
  Buffer.from('ftypisom'),
  Buffer.from(Array.from({ length: 100_000 }, (_, i) => (i * 7 + (i >> 8)) % 256)),
]);

describe('course files for learners', () => {
  let api: TestApi;
  let a: ReturnType<typeof authoringApi>;
  const as = {} as Record<'wi' | 'prov' | 'learner' | 'pppk' | 'kendal', AuthHeaders>;
  let course: CourseDetail;
  let pdf: CourseFile;
  let video: CourseFile;
  let unused: CourseFile;
  let docLesson: CourseLesson;
  let videoLesson: CourseLesson;

  const get = (who: AuthHeaders, fileId: string, range?: string) => {
    const req = api.http.get(`/api/files/${fileId}`).set(who);
    if (range) req.set('Range', range);
    return req.buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
  };
  const statusOf = async (who: AuthHeaders, fileId: string) => (await get(who, fileId)).status;

  beforeAll(async () => {
    api = await bootApi();
    a = authoringApi(api);
    as.wi = await api.auth(DEMO.widyaiswara);
    as.prov = await api.auth(DEMO.provinceAdmin);
    as.learner = await api.auth(DEMO.learner);
    as.pppk = await api.auth(DEMO.pppkLearner);
    as.kendal = await api.auth(DEMO.kendalLearner);

    course = await a.createCourse(as.wi, { title: 'Pelayanan Prima di Puskesmas', jp: 2, visibility: 'province' });
    pdf = await a.upload(as.wi, course.id, 'document', PDF, 'Modul Pelayanan Prima.pdf');
    video = await a.upload(as.wi, course.id, 'video', MP4, 'Video Pelayanan Prima.mp4');
    unused = await a.upload(as.wi, course.id, 'document', PDF, 'Lampiran tidak dipakai.pdf');
    expect(video).toMatchObject({ mime: 'video/mp4', size: MP4.length });
    const mod = await a.addModule(as.wi, course.id, 'Modul 1');
    docLesson = await a.addLesson(as.wi, mod.id, {
      title: 'Modul bacaan',
      kind: 'document',
      content: { fileId: pdf.id },
    });
    videoLesson = await a.addLesson(as.wi, mod.id, {
      title: 'Video',
      kind: 'video',
      content: { fileId: video.id, durationSeconds: 120 },
    });
    await a.submitAndPublish(as.wi, as.prov, course.id);
  });
  afterAll(() => api?.close());

  it('serves the files of the version a learner is enrolled in (active or completed), and 404 to everyone else', async () => {
    // Not enrolled: the files do not exist for the learner.
    expect([await statusOf(as.learner, pdf.id), await statusOf(as.learner, video.id)]).toEqual([404, 404]);
    const res = await get(as.learner, pdf.id);
    expect(res.body).toBeInstanceOf(Buffer);
    expect(JSON.parse((res.body as Buffer).toString())).toMatchObject({ code: ErrorCode.LEARNING_FILE_NOT_FOUND });

    const e = await a.enrol(as.learner, course.id);
    const got = await get(as.learner, pdf.id);
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toMatch(/^application\/pdf/);
    expect(Buffer.compare(got.body as Buffer, PDF)).toBe(0);
    // A deliberate private cache for files (range requests on video), not the API's default no-store; a refusal is no-store.
    expect(got.headers['cache-control']).toBe('private, max-age=3600');
    expect((await get(as.pppk, pdf.id)).headers['cache-control']).toBe('no-store');
    expect(await statusOf(as.learner, video.id)).toBe(200);
    // A file of the course that no lesson of the learner's version uses stays hidden; so does one added to the draft since.
    expect(await statusOf(as.learner, unused.id)).toBe(404);
    const later = await a.upload(as.wi, course.id, 'document', PDF, 'Bacaan tambahan.pdf');
    await a.addLesson(as.wi, docLesson.moduleId, {
      title: 'Bacaan tambahan',
      kind: 'document',
      content: { fileId: later.id },
    });
    expect(await statusOf(as.learner, later.id)).toBe(404);
    expect(await statusOf(as.wi, later.id)).toBe(200);

    // Completed: still served.
    const put = (lessonId: string, body: Record<string, unknown>) =>
      api.http.put(`/api/enrolments/${e.id}/lessons/${lessonId}/progress`).set(as.learner).send(body);
    expect((await put(docLesson.id, { event: 'opened' })).status).toBe(200);
    await api.db.query(`UPDATE enrolment SET last_progress_at = last_progress_at - interval '1 day' WHERE id = $1`, [
      e.id,
    ]); // the video had time to play
    expect((await put(videoLesson.id, { event: 'video', watchedRatio: 1 })).body).toMatchObject({
      enrolmentStatus: 'completed',
      completed: true,
    });
    expect([await statusOf(as.learner, pdf.id), await statusOf(as.learner, video.id)]).toEqual([200, 200]);

    // Withdrawn, or another province: 404.
    const quitter: Enrolment = await a.enrol(as.pppk, course.id);
    expect(await statusOf(as.pppk, pdf.id)).toBe(200);
    expect((await api.http.post(`/api/enrolments/${quitter.id}/withdraw`).set(as.pppk)).status).toBe(200);
    expect(await statusOf(as.pppk, pdf.id)).toBe(404);
    expect([await statusOf(as.kendal, pdf.id), await statusOf(as.kendal, video.id)]).toEqual([404, 404]);
  });

  describe('byte ranges of a video', () => {
    const size = MP4.length;

    it('answers a whole request with 200 and Accept-Ranges: bytes', async () => {
      const res = await get(as.wi, video.id);
      expect(res.status).toBe(200);
      expect(res.headers).toMatchObject({
        'accept-ranges': 'bytes',
        'content-type': 'video/mp4',
        'content-length': String(size),
      });
      expect(Buffer.compare(res.body as Buffer, MP4)).toBe(0);
    });

    it.each([
      ['bytes=0-99', 0, 99],
      ['bytes=50000-50999', 50_000, 50_999],
      ['bytes=90000-', 90_000, size - 1],
      ['bytes=-1000', size - 1000, size - 1],
      ['bytes=99000-999999999', 99_000, size - 1],
    ])('answers %s with 206 and exactly those bytes', async (range, start, end) => {
      const res = await get(as.wi, video.id, range);
      expect(res.status).toBe(206);
      expect(res.headers).toMatchObject({
        'accept-ranges': 'bytes',
        'content-type': 'video/mp4',
        'content-range': `bytes ${start}-${end}/${size}`,
        'content-length': String(end - start + 1),
      });
      expect(Buffer.compare(res.body as Buffer, MP4.subarray(start, end + 1))).toBe(0);
    });

    it('lets an enrolled learner seek too, and nobody else', async () => {
      const res = await get(as.learner, video.id, 'bytes=1000-1999');
      expect(res.status).toBe(206);
      expect(Buffer.compare(res.body as Buffer, MP4.subarray(1000, 2000))).toBe(0);
      expect((await get(as.kendal, video.id, 'bytes=0-99')).status).toBe(404);
    });

    it('answers a range past the end with 416 and the size; serves the whole video for a malformed or multiple range', async () => {
      const past = await get(as.wi, video.id, `bytes=${size}-`);
      expect(past.status).toBe(416);
      expect(past.headers['content-range']).toBe(`bytes */${size}`);
      for (const range of ['bytes=abc', 'bytes=0-9,20-29', 'items=0-9']) {
        const res = await get(as.wi, video.id, range);
        expect({ range, status: res.status, length: (res.body as Buffer).length }).toEqual({
          range,
          status: 200,
          length: size,
        });
      }
    });

    it('serves other files whole, without advertising ranges', async () => {
      const res = await get(as.wi, pdf.id, 'bytes=0-9');
      expect(res.status).toBe(200);
      expect(res.headers['accept-ranges']).toBeUndefined();
      expect(Buffer.compare(res.body as Buffer, PDF)).toBe(0);
    });
  });
});
