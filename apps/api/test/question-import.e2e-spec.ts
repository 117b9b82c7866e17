import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import {
  ErrorCode,
  type CourseDetail,
  type Page,
  type Question,
  type QuestionCategory,
  type QuestionImportReport,
} from '@kompeten/shared-contracts';
import { authoringApi, expectStatus, type AuthHeaders, type TestApi } from '@kompeten/server-testing';
import { bootApi, DEMO } from './app';

/**
 * Question banks in and out over HTTP (issue 15, docs/question-import.md): a widyaiswara previews and imports a GIFT
 * file of 10 questions; refused questions are reported with their line and reason; a retry creates nothing twice;
 * only those who may author the course reach its bank; an export imported into another course gives the same questions.
 */

const GIFT_10 = readFileSync(join(__dirname, '../../../test/fixtures/question-import/berakhlak-10.gift.txt'));

const BROKEN_GIFT = [
  '::Baik::ASN wajib netral.{T}',
  '',
  '::Kurung::Kurung tidak ditutup {=a',
  '~b',
  '',
  '::Deskripsi::Bacalah kasus berikut.',
  '',
  '::Dua benar::Pilih {=a =b ~c}',
  '',
  '::Baik juga::Ibu kota NTB?{=Mataram}',
].join('\n');

/** A question by what it says and asks, never by ids: kind, text, points, feedback, option texts and the key in texts. */
function comparable(q: Pick<Question, 'kind' | 'prompt' | 'points' | 'feedback' | 'options' | 'answerKey'>) {
  const text = new Map(q.options.map((o) => [o.id, o.text]));
  const key = (q.answerKey ?? {}) as Record<string, unknown>;
  const t = (id: unknown) => text.get(id as string);
  let answer: unknown = q.answerKey;
  if (q.kind === 'single') answer = t(key.correct);
  if (q.kind === 'multiple') answer = (key.correct as string[]).map(t).sort();
  if (q.kind === 'ordering') answer = (key.order as string[]).map(t);
  if (q.kind === 'matching')
    answer = (key.pairs as Array<{ left: string; right: string }>).map((p) => `${t(p.left)} -> ${t(p.right)}`).sort();
  return {
    kind: q.kind,
    prompt: q.prompt,
    points: q.points,
    feedback: q.feedback,
    options: q.options.map((o) => `${o.side ?? ''}:${o.text}`).sort(),
    answer,
  };
}

describe('question import and export', () => {
  let api: TestApi;
  let a: ReturnType<typeof authoringApi>;
  const as = {} as Record<'wi' | 'admin' | 'learner' | 'otherWi', AuthHeaders>;
  let course: CourseDetail;
  let category: QuestionCategory;

  const upload = (
    who: AuthHeaders,
    courseId: string,
    body: Buffer | string,
    fileName: string,
    query: Record<string, string | boolean>,
    preview = false,
  ) =>
    api.http
      .post(`/api/courses/${courseId}/question-imports${preview ? '/preview' : ''}`)
      .set(who)
      .query(query)
      .attach('file', Buffer.isBuffer(body) ? body : Buffer.from(body), fileName);

  const questionsOf = async (who: AuthHeaders, courseId: string, query: Record<string, string> = {}) =>
    expectStatus<Page<Question>>(
      await api.http
        .get(`/api/courses/${courseId}/questions`)
        .set(who)
        .query({ pageSize: 100, ...query }),
      200,
      'list questions',
    );

  const newCourse = (title: string) => a.createCourse(as.wi, { title, jp: 2, visibility: 'province' });

  const download = async (who: AuthHeaders, courseId: string, query: Record<string, string>) =>
    api.http
      .get(`/api/courses/${courseId}/questions/export`)
      .set(who)
      .query(query)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });

  beforeAll(async () => {
    api = await bootApi();
    a = authoringApi(api);
    as.wi = await api.auth(DEMO.widyaiswara);
    as.admin = await api.auth(DEMO.provinceAdmin);
    as.learner = await api.auth(DEMO.learner);
    // A second widyaiswara of the same agency: may review the course, may not author its bank.
    const [user] = await api.db.query(
      `SELECT u.id, e.agency_id FROM user_account u JOIN employee e ON e.id = u.employee_id WHERE e.nip = $1`,
      [DEMO.widyaiswara],
    );
    const [other] = await api.db.query(
      `SELECT u.id FROM user_account u JOIN employee e ON e.id = u.employee_id WHERE e.nip = $1`,
      [DEMO.kendalLearner],
    );
    await api.db.query(`INSERT INTO role_assignment (user_id, role, agency_id) VALUES ($1, 'widyaiswara', $2)`, [
      other.id,
      user.agency_id,
    ]);
    as.otherWi = await api.auth(DEMO.kendalLearner);
    course = await newCourse('Nilai Dasar ASN BerAKHLAK');
    category = expectStatus(
      await api.http.post(`/api/courses/${course.id}/question-categories`).set(as.wi).send({ name: 'Impor Moodle' }),
      201,
      'create category',
    );
  });
  afterAll(() => api?.close());

  it('previews a 10-question GIFT file without writing, then imports the 10 questions into the chosen category', async () => {
    const preview = expectStatus<QuestionImportReport>(
      await upload(
        as.wi,
        course.id,
        GIFT_10,
        'bank-berakhlak.gift.txt',
        { format: 'gift', categoryId: category.id },
        true,
      ),
      200,
      'preview',
    );
    expect(preview).toMatchObject({ dryRun: true, total: 10, accepted: 10, refused: 0, duplicates: 0, created: 0 });
    expect(preview.items.every((i) => i.questionId === null && i.category === 'Impor Moodle')).toBe(true);
    expect((await questionsOf(as.wi, course.id)).total).toBe(0);

    const done = expectStatus<QuestionImportReport>(
      await upload(as.wi, course.id, GIFT_10, 'bank-berakhlak.gift.txt', { format: 'gift', categoryId: category.id }),
      201,
      'import',
    );
    expect(done).toMatchObject({ dryRun: false, total: 10, accepted: 10, created: 10, refused: 0 });
    expect(done.items.map((i) => [i.line, i.kind])).toEqual([
      [6, 'single'],
      [14, 'multiple'],
      [20, 'true_false'],
      [22, 'true_false'],
      [24, 'short_answer'],
      [27, 'numeric'],
      [29, 'matching'],
      [37, 'single'],
      [39, 'essay'],
      [41, 'single'],
    ]);
    expect(done.fileSha256).toMatch(/^[0-9a-f]{64}$/);

    const bank = await questionsOf(as.wi, course.id, { categoryId: category.id });
    expect(bank.total).toBe(10);
    expect(bank.items.map((q) => q.id).sort()).toEqual(done.items.map((i) => i.questionId).sort());
    const loket = bank.items.find((q) => q.kind === 'numeric');
    expect(loket).toMatchObject({ points: 2, answerKey: { value: 42, tolerance: 0 } });
    const categories = expectStatus<Page<QuestionCategory>>(
      await api.http.get(`/api/courses/${course.id}/question-categories`).set(as.wi),
      200,
      'categories',
    );
    expect(categories.items.find((c) => c.id === category.id)?.questionCount).toBe(10);

    const [audit] = await api.db.query(
      `SELECT after FROM audit_log WHERE action = 'question.import' AND entity_id = $1`,
      [course.id],
    );
    expect(audit.after).toMatchObject({ format: 'gift', created: 10, fileName: 'bank-berakhlak.gift.txt' });
  });

  it('is safe to retry: the same file sent twice at once is imported once; again later, nothing more unless asked', async () => {
    const target = await newCourse('Impor ganda');
    const query = { format: 'gift' };
    const reports = (
      await Promise.all([
        upload(as.wi, target.id, GIFT_10, 'a.gift', query),
        upload(as.wi, target.id, GIFT_10, 'a.gift', query),
      ])
    ).map((r) => expectStatus<QuestionImportReport>(r, 201, 'concurrent import'));
    expect(reports.map((r) => [r.created, r.duplicates]).sort()).toEqual([
      [0, 10],
      [10, 0],
    ]);
    expect((await questionsOf(as.wi, target.id)).total).toBe(10);

    const retry = expectStatus<QuestionImportReport>(
      await upload(as.wi, target.id, GIFT_10, 'a.gift', query),
      201,
      'retry',
    );
    expect(retry).toMatchObject({ created: 0, duplicates: 10, accepted: 0 });
    expect(retry.items[0]).toMatchObject({ status: 'duplicate', reasonCode: 'QUESTION.DUPLICATE_IN_BANK' });
    expect((await questionsOf(as.wi, target.id)).total).toBe(10);

    const asked = expectStatus<QuestionImportReport>(
      await upload(as.wi, target.id, GIFT_10, 'a.gift', { ...query, includeDuplicates: true }),
      201,
      'import with duplicates',
    );
    expect(asked).toMatchObject({ created: 10, duplicates: 0 });
    expect((await questionsOf(as.wi, target.id)).total).toBe(20);
  });

  it('reports each refused question with its line and a reason in Indonesian or English, and imports the rest', async () => {
    const target = await newCourse('Impor dengan kesalahan');
    const report = expectStatus<QuestionImportReport>(
      await upload(as.wi, target.id, BROKEN_GIFT, 'rusak.gift', { format: 'gift' }),
      201,
      'import with errors',
    );
    expect(report).toMatchObject({ total: 5, accepted: 2, refused: 3, created: 2 });
    expect(report.items.map((i) => [i.line, i.status, i.reasonCode])).toEqual([
      [1, 'accepted', null],
      [3, 'refused', 'GIFT.UNCLOSED_BRACE'],
      [6, 'refused', 'GIFT.DESCRIPTION'],
      [8, 'refused', 'GIFT.SEVERAL_CORRECT'],
      [10, 'accepted', null],
    ]);
    expect(report.items[1].reason).toBe(
      'Kurung kurawal { di baris 3 tidak ditutup dengan }. Periksa juga apakah ada baris kosong di tengah soal: baris kosong memisahkan soal.',
    );
    expect((await questionsOf(as.wi, target.id)).items.map((q) => q.categoryId)).toEqual([null, null]);

    const english = expectStatus<QuestionImportReport>(
      await upload(as.wi, target.id, BROKEN_GIFT, 'rusak.gift', { format: 'gift', lang: 'en' }, true),
      200,
      'preview in English',
    );
    expect(english.items[3].reason).toContain('a single-choice question has one right answer');
    expect(english.items[0]).toMatchObject({ status: 'duplicate' });
    const viaHeader = await upload(as.wi, target.id, BROKEN_GIFT, 'rusak.gift', { format: 'gift' }, true).set(
      'Accept-Language',
      'en-GB,en;q=0.9',
    );
    expect((viaHeader.body as QuestionImportReport).items[2].reason).toBe(
      'No answers in { }: this text is a description, not a question, and is not imported.',
    );
  });

  it('puts questions into the file\u2019s categories when asked, creating the missing ones', async () => {
    const target = await newCourse('Kategori dari berkas');
    const report = expectStatus<QuestionImportReport>(
      await upload(as.wi, target.id, GIFT_10, 'b.gift', { format: 'gift', useFileCategories: true }),
      201,
      'import with file categories',
    );
    expect(report.newCategories).toEqual(['Nilai Dasar BerAKHLAK', 'Pelayanan Publik']);
    const categories = expectStatus<Page<QuestionCategory>>(
      await api.http.get(`/api/courses/${target.id}/question-categories`).set(as.wi),
      200,
      'categories',
    );
    expect(categories.items.map((c) => [c.name, c.questionCount])).toEqual([
      ['Nilai Dasar BerAKHLAK', 7],
      ['Pelayanan Publik', 3],
    ]);
  });

  it('answers 404 to whoever may not author the bank (another widyaiswara, a learner), before reading the file', async () => {
    for (const who of [as.otherWi, as.learner]) {
      for (const preview of [true, false]) {
        const res = await upload(who, course.id, GIFT_10, 'x.gift', { format: 'gift' }, preview);
        expect({ status: res.status, code: res.body.code }).toEqual({
          status: 404,
          code: ErrorCode.ASSESSMENT_COURSE_NOT_FOUND,
        });
      }
      expect((await download(who, course.id, { format: 'gift' })).status).toBe(404);
    }
    // The agency's admin may.
    expect((await upload(as.admin, course.id, GIFT_10, 'x.gift', { format: 'gift' }, true)).status).toBe(200);
    // A category of another course is not a target.
    const other = await newCourse('Kursus lain');
    const res = await upload(as.wi, other.id, GIFT_10, 'x.gift', { format: 'gift', categoryId: category.id }, true);
    expect({ status: res.status, code: res.body.code }).toEqual({
      status: 400,
      code: ErrorCode.ASSESSMENT_CATEGORY_NOT_FOUND,
    });
    expect((await questionsOf(as.wi, other.id)).total).toBe(0);
  });

  it('checks the file against its format and refuses it with a reason the uploader can act on', async () => {
    const bad = async (body: Buffer | string, name: string, format: string, reason: string, status = 400) => {
      const res = await upload(as.wi, course.id, body, name, { format }, true);
      expect({ status: res.status, code: res.body.code, reason: res.body.details?.reason }).toEqual({
        status,
        code: ErrorCode.IMPORT_BAD_FILE,
        reason,
      });
      return res.body.message as string;
    };
    expect(await bad('jenis,soal\nesai,Jelaskan.', 'soal.xlsx', 'xlsx', 'FILE.NOT_XLSX')).toContain(
      'bukan lembar kerja',
    );
    const xlsx = await new ExcelJS.Workbook().xlsx.writeBuffer();
    expect(await bad(Buffer.from(xlsx), 'soal.txt', 'gift', 'FILE.IS_SPREADSHEET')).toContain('Pilih format Excel');
    expect(await bad(Buffer.from([0xc3, 0x28, 0x41]), 'soal.txt', 'aiken', 'FILE.NOT_UTF8')).toContain('UTF-8');
    expect(await bad('nama,nip\nBudi,1', 'soal.csv', 'csv', 'SHEET.HEADER_MISSING')).toContain('jenis, soal');
    expect(await bad('// hanya komentar\n', 'soal.gift', 'gift', 'FILE.NO_QUESTIONS')).toContain('Tidak ada soal');

    const noFile = await api.http
      .post(`/api/courses/${course.id}/question-imports/preview`)
      .set(as.wi)
      .query({ format: 'gift' });
    expect({ status: noFile.status, code: noFile.body.code }).toEqual({
      status: 400,
      code: ErrorCode.IMPORT_FILE_REQUIRED,
    });
    const tooBig = await upload(
      as.wi,
      course.id,
      Buffer.alloc(5 * 1024 * 1024 + 1, 0x41),
      'besar.gift',
      { format: 'gift' },
      true,
    );
    expect({ status: tooBig.status, code: tooBig.body.code }).toEqual({
      status: 413,
      code: ErrorCode.PAYLOAD_TOO_LARGE,
    });
    const wrongFormat = await upload(as.wi, course.id, GIFT_10, 'x.gift', { format: 'docx' }, true);
    expect({ status: wrongFormat.status, code: wrongFormat.body.code }).toEqual({
      status: 400,
      code: ErrorCode.VALIDATION_FAILED,
    });
  });

  it('exports the bank as GIFT and XLSX; importing either into another course gives the same questions', async () => {
    const source = await newCourse('Sumber ekspor');
    await upload(as.wi, source.id, GIFT_10, 'b.gift', { format: 'gift', useFileCategories: true });
    // An ordering question too, which only the spreadsheet formats hold.
    expectStatus(
      await api.http
        .post(`/api/courses/${source.id}/questions`)
        .set(as.wi)
        .send({
          kind: 'ordering',
          prompt: 'Urutkan langkah menangani pengaduan.',
          points: 2,
          options: [
            { id: 'x1', text: 'Terima' },
            { id: 'x2', text: 'Verifikasi' },
            { id: 'x3', text: 'Tindak lanjut' },
          ],
          answerKey: { order: ['x1', 'x2', 'x3'] },
        }),
      201,
      'ordering question',
    );
    const original = (await questionsOf(as.wi, source.id)).items.map(comparable);
    expect(original).toHaveLength(11);

    for (const format of ['gift', 'xlsx'] as const) {
      const file = await download(as.wi, source.id, { format });
      expect(file.status).toBe(200);
      expect(file.headers['x-questions-skipped']).toBe(format === 'gift' ? '1' : '0');
      expect(file.headers['content-disposition']).toContain(
        format === 'gift' ? 'bank-soal.gift.txt' : 'bank-soal.xlsx',
      );
      const copy = await newCourse(`Salinan ${format}`);
      const report = expectStatus<QuestionImportReport>(
        await upload(as.wi, copy.id, file.body as Buffer, `ekspor.${format}`, { format, useFileCategories: true }),
        201,
        `re-import ${format}`,
      );
      expect(report.refused).toBe(0);
      const expected = format === 'gift' ? original.filter((q) => q.kind !== 'ordering') : original;
      const copied = (await questionsOf(as.wi, copy.id)).items.map(comparable);
      const byPrompt = (x: { prompt: string }, y: { prompt: string }) => x.prompt.localeCompare(y.prompt);
      expect(copied.sort(byPrompt)).toEqual([...expected].sort(byPrompt));
    }

    // One category only; Aiken holds the single-answer questions.
    const cats = expectStatus<Page<QuestionCategory>>(
      await api.http.get(`/api/courses/${source.id}/question-categories`).set(as.wi),
      200,
      'categories',
    );
    const pelayanan = cats.items.find((c) => c.name === 'Pelayanan Publik') as QuestionCategory;
    const aiken = await download(as.wi, source.id, { format: 'aiken', categoryId: pelayanan.id });
    expect(aiken.headers['content-disposition']).toContain('bank-soal-pelayanan-publik.aiken.txt');
    expect(aiken.headers['x-questions-exported']).toBe('2');
    expect((aiken.body as Buffer).toString('utf8')).toContain('ANSWER: A');
    expect((await download(as.wi, source.id, { format: 'aiken', categoryId: category.id })).status).toBe(404);
  });

  it('serves the spreadsheet template, whose examples import as they are', async () => {
    const target = await newCourse('Templat');
    for (const format of ['xlsx', 'csv'] as const) {
      const res = await api.http
        .get('/api/question-imports/template')
        .set(as.wi)
        .query({ format })
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        });
      expect(res.status).toBe(200);
      const preview = expectStatus<QuestionImportReport>(
        await upload(as.wi, target.id, res.body as Buffer, `templat.${format}`, { format }, true),
        200,
        `template ${format}`,
      );
      expect(preview).toMatchObject({ total: 8, accepted: 8, refused: 0 });
    }
  });
});
