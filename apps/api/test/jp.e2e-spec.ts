import {
  ErrorCode,
  OutboxEvent,
  type JpClaim,
  type JpLedgerLine,
  type JpRuleSet,
  type JpYearSummary,
  type Page,
} from '@kompeten/shared-contracts';
import { CourseCompletionCredit, CreditCourseCompletionJob } from '@kompeten/server-jp';
import { binaryBody, seedPublishedCourse, type TestApi } from '@kompeten/server-testing';
import { bootApi, DEMO } from './app';

const PDF = Buffer.from('%PDF-1.4\n% sertifikat seminar\n');

/** The JP ledger over HTTP (issue 16), on the seeded demo world: the learner's year, claims, verification, corrections. */
describe('JP API', () => {
  let api: TestApi;
  const get = async <T>(who: string, url: string) => {
    const res = await api.http.get(url).set(await api.auth(who));
    return { status: res.status, body: res.body as T & { code?: string; message?: string } };
  };
  const post = async <T>(who: string, url: string, body: object) => {
    const res = await api.http
      .post(url)
      .set(await api.auth(who))
      .send(body);
    return { status: res.status, body: res.body as T & { code?: string; message?: string } };
  };
  const claim = async (
    who: string,
    fields: Record<string, string | number>,
    file: [Buffer, string] | null = [PDF, 'sertifikat.pdf'],
  ) => {
    let req = api.http.post('/api/jp/claims').set(await api.auth(who));
    for (const [k, v] of Object.entries(fields)) req = req.field(k, String(v));
    if (file) req = req.attach('file', file[0], file[1]);
    const res = await req;
    return { status: res.status, body: res.body as JpClaim & { code?: string; message?: string } };
  };
  const summary = async (who: string) => (await get<JpYearSummary>(who, '/api/jp/me/summary')).body;
  const seminar = {
    jenisDiklatId: 9,
    title: 'Seminar Manajemen Risiko Pemerintah Daerah',
    organiser: 'BPKP Perwakilan NTB',
    startDate: '2026-10-20',
    endDate: '2026-10-20',
    quantity: '4.5',
    deliveryMode: 'classroom',
    competencyKind: 'teknis',
    certificateNumber: 'BPKP/NTB/2026/0042',
  };

  beforeAll(async () => {
    api = await bootApi();
  });
  afterAll(() => api?.close());

  describe('the learner’s year', () => {
    it('shows the seeded year against 20 JP with the 10:20:70 mix', async () => {
      const s = await summary(DEMO.learner);
      expect(s).toMatchObject({
        employeeType: 'PNS',
        totalJp: 17,
        targetJp: 20,
        ceilingJp: null,
        remainingJp: 3,
        standing: 'in_progress',
        currentYear: true,
        channels: { formal: 14, social: 3, experiential: 0 },
      });
      const years = await get<Page<{ year: number; totalJp: number; standing: string }>>(
        DEMO.learner,
        '/api/jp/me/years',
      );
      expect(years.body.items.map((y) => [y.totalJp, y.standing])).toEqual([
        [17, 'in_progress'],
        [24, 'met'],
      ]);
      const lines = await get<Page<JpLedgerLine>>(DEMO.learner, `/api/jp/me/lines?year=${s.year}&pageSize=2`);
      expect(lines.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
      expect(lines.body.items[0]).toMatchObject({ sourceType: 'external_claim', ruleSetEffectiveFrom: '2000-01-01' });
    });

    it('a PPPK sees the target and the ceiling of 24, never below target', async () => {
      const s = await summary(DEMO.pppkLearner);
      expect(s).toMatchObject({
        employeeType: 'PPPK',
        totalJp: 10,
        targetJp: 20,
        ceilingJp: 24,
        standing: 'in_progress',
      });
      const years = await get<Page<{ standing: string }>>(DEMO.pppkLearner, '/api/jp/me/years');
      expect(years.body.items.map((y) => y.standing)).toEqual(['in_progress', 'below_reference']);
    });

    it('an admin account without an ASN record gets a 404 that says why', async () => {
      // The demo's agency admin is an ASN too; the platform admin's account has no ASN record.
      expect((await get(DEMO.agencyAdmin, '/api/jp/me/summary')).status).toBe(200);
      const platform = await get(DEMO.platformAdmin, '/api/jp/me/summary');
      expect({ status: platform.status, code: platform.body.code }).toEqual({
        status: 404,
        code: ErrorCode.JP_NO_EMPLOYEE,
      });
    });
  });

  describe('completing a course raises the learner’s JP once', () => {
    it('the course.completed consumer credits the version’s JP; a second delivery adds nothing', async () => {
      const before = await summary(DEMO.learner);
      const c = await seedPublishedCourse(api.db, {
        title: 'Literasi Digital ASN',
        jp: 4,
        modules: [{ lessons: [{ key: 'intro', content: { kind: 'text', html: '<p>Literasi digital</p>' } }] }],
      });
      const next = await get<Page<{ courseId: string; jp: number }>>(DEMO.learner, '/api/jp/me/next-courses');
      expect(next.body.items.find((x) => x.courseId === c.courseId)).toMatchObject({ jp: 4 });
      const auth = await api.auth(DEMO.learner);
      const e = await api.http.post(`/api/courses/${c.courseId}/enrolments`).set(auth);
      const done = await api.http
        .put(`/api/enrolments/${e.body.id}/lessons/${c.lesson.intro}/progress`)
        .set(auth)
        .send({ event: 'opened' });
      expect(done.body.completed).toBe(true);
      const [event] = await api.db.query(
        `SELECT payload FROM outbox_event WHERE event_type = $1 ORDER BY created_at DESC LIMIT 1`,
        [OutboxEvent.CourseCompleted],
      );
      // The worker's handler, built from the API's own JP providers (the same classes the worker wires).
      const job = new CreditCourseCompletionJob(api.db, api.app.get(CourseCompletionCredit, { strict: false }));
      expect(await job.handle(event.payload)).toBe('success');
      expect(await job.handle(event.payload)).toBe('success');
      const after = await summary(DEMO.learner);
      expect(after.totalJp).toBe(before.totalJp + 4);
      expect(after.byForm.find((f) => f.jenisDiklatId === 16)).toEqual({
        jenisDiklatId: 16,
        name: 'E-Learning',
        jp: 4,
      });
      const again = await get<Page<{ courseId: string }>>(DEMO.learner, '/api/jp/me/next-courses');
      expect(again.body.items.map((x) => x.courseId)).not.toContain(c.courseId);
    });
  });

  describe('claims and verification', () => {
    let submitted: JpClaim;

    it('a learner claims a seminar with a PDF certificate (multipart)', async () => {
      const res = await claim(DEMO.learner, seminar);
      expect(res.status).toBe(201);
      submitted = res.body;
      expect(submitted).toMatchObject({ status: 'pending', unit: 'hour', quantity: 4.5, verifier: 'hr_officer' });
      const mine = await get<Page<JpClaim>>(DEMO.learner, '/api/jp/claims?status=pending');
      expect(mine.body.items.map((c) => c.id)).toContain(submitted.id);
    });

    it('refuses duplicates, fake evidence and bad fields with 4xx messages', async () => {
      const dup = await claim(DEMO.learner, {
        ...seminar,
        title: 'Judul Lain',
        certificateNumber: 'bpkp ntb 2026 0042',
      });
      expect({ status: dup.status, code: dup.body.code }).toEqual({ status: 409, code: ErrorCode.JP_DUPLICATE_CLAIM });
      expect(dup.body.message).toContain('nomor ini sudah Anda klaim');
      const fake = await claim(DEMO.learner, { ...seminar, title: 'Lain', certificateNumber: 'X1' }, [
        Buffer.from('<html><script>alert(1)</script></html>'),
        'sertifikat.pdf',
      ]);
      expect({ status: fake.status, code: fake.body.code }).toEqual({ status: 400, code: ErrorCode.JP_BAD_EVIDENCE });
      const none = await claim(DEMO.learner, { ...seminar, title: 'Lain', certificateNumber: 'X2' }, null);
      expect({ status: none.status, code: none.body.code }).toEqual({
        status: 400,
        code: ErrorCode.JP_EVIDENCE_REQUIRED,
      });
      const bad = await claim(DEMO.learner, { ...seminar, jenisDiklatId: 99, endDate: '2026-02-30' });
      expect({ status: bad.status, code: bad.body.code }).toEqual({ status: 400, code: ErrorCode.VALIDATION_FAILED });
      expect(bad.body.message).toContain('jenisDiklatId antara 1 dan 25');
      expect(bad.body.message).toContain('2026-02-30 tidak ada di kalender');
    });

    it('the HR officer of the unit finds it in the queue, opens the evidence and verifies it; the learner’s total rises', async () => {
      const before = (await summary(DEMO.learner)).totalJp;
      const queue = await get<Page<JpClaim>>(DEMO.hrOfficer, '/api/jp/claims/queue');
      expect(queue.status).toBe(200);
      // The seeded workshop waits too.
      expect(queue.body.items.map((c) => c.title)).toEqual(
        expect.arrayContaining(['Workshop Penyusunan Sasaran Kinerja Pegawai', seminar.title]),
      );
      const evidence = await api.http
        .get(`/api/jp/claims/${submitted.id}/evidence`)
        .set(await api.auth(DEMO.hrOfficer))
        .buffer(true)
        .parse(binaryBody);
      expect(evidence.status).toBe(200);
      expect(evidence.headers['content-type']).toBe('application/pdf');
      expect(Buffer.from(evidence.body as Buffer).equals(PDF)).toBe(true);
      const verified = await post<JpClaim>(DEMO.hrOfficer, `/api/jp/claims/${submitted.id}/decision`, {
        decision: 'verify',
      });
      expect(verified.status).toBe(201);
      // 4.5 classroom hours at 45 minutes per JP.
      expect(verified.body).toMatchObject({ status: 'verified', creditedJp: 6 });
      expect((await summary(DEMO.learner)).totalJp).toBe(before + 6);
    });

    it('a claim of another agency’s ASN is a 404 for this agency’s HR officer and admin', async () => {
      const kendal = await claim(DEMO.kendalLearner, {
        ...seminar,
        organiser: 'BPSDM Provinsi Jawa Tengah',
        certificateNumber: 'JATENG/2026/77',
      });
      expect(kendal.status).toBe(201);
      for (const who of [DEMO.hrOfficer, DEMO.agencyAdmin]) {
        expect((await get(who, `/api/jp/claims/${kendal.body.id}`)).status).toBe(404);
        expect((await api.http.get(`/api/jp/claims/${kendal.body.id}/evidence`).set(await api.auth(who))).status).toBe(
          404,
        );
        const decided = await post(who, `/api/jp/claims/${kendal.body.id}/decision`, { decision: 'verify' });
        expect({ status: decided.status, code: decided.body.code }).toEqual({
          status: 404,
          code: ErrorCode.JP_CLAIM_NOT_FOUND,
        });
        const queue = await get<Page<JpClaim>>(who, '/api/jp/claims/queue?pageSize=100');
        expect(queue.body.items.map((c) => c.id)).not.toContain(kendal.body.id);
      }
      const rejectWithoutReason = await post(DEMO.platformAdmin, `/api/jp/claims/${kendal.body.id}/decision`, {
        decision: 'reject',
      });
      expect(rejectWithoutReason.status).toBe(400);
    });

    it('the agency admin corrects the credit with a reversing line, once', async () => {
      const before = (await summary(DEMO.learner)).totalJp;
      const [{ ledger_line_id }] = await api.db.query(`SELECT ledger_line_id FROM jp_claim WHERE id = $1`, [
        submitted.id,
      ]);
      const byLearner = await post(DEMO.learner, `/api/jp/lines/${ledger_line_id}/reversal`, { reason: 'salah' });
      expect(byLearner.status).toBe(403);
      const reversed = await post<JpLedgerLine>(DEMO.agencyAdmin, `/api/jp/lines/${ledger_line_id}/reversal`, {
        reason: 'Sertifikat atas nama pegawai lain',
      });
      expect(reversed.status).toBe(201);
      expect(reversed.body).toMatchObject({ jp: -6, reversesId: ledger_line_id });
      expect((await summary(DEMO.learner)).totalJp).toBe(before - 6);
      const twice = await post(DEMO.agencyAdmin, `/api/jp/lines/${ledger_line_id}/reversal`, { reason: 'lagi' });
      expect({ status: twice.status, code: twice.body.code }).toEqual({
        status: 409,
        code: ErrorCode.JP_ALREADY_REVERSED,
      });
      const claimNow = await get<JpClaim>(DEMO.learner, `/api/jp/claims/${submitted.id}`);
      expect(claimNow.body).toMatchObject({ status: 'verified', reversed: true });
      const employeeLines = await get<Page<JpLedgerLine>>(
        DEMO.hrOfficer,
        `/api/jp/lines?employeeId=${reversed.body.employeeId}&pageSize=100`,
      );
      expect(employeeLines.body.items.map((l) => l.id)).toContain(reversed.body.id);
    });
  });

  describe('rule versions', () => {
    it('a learner reads the national rules and those in force for them, but cannot change them', async () => {
      const list = await get<Page<JpRuleSet>>(DEMO.learner, '/api/jp/rule-sets');
      expect(list.status).toBe(200);
      expect(list.body.items[0]).toMatchObject({ agencyId: null, effectiveFrom: '2000-01-01' });
      expect(list.body.items[0].rules).toHaveLength(25);
      const mine = await get<{ ruleSet: JpRuleSet }>(DEMO.learner, '/api/jp/me/rules?on=2026-10-20');
      expect(mine.body.ruleSet.id).toBe(list.body.items[0].id);
      const body = { ...list.body.items[0], agencyId: null, effectiveFrom: '2031-01-01', note: 'x' };
      const { id: _id, agencyName: _n, createdAt: _c, lineCount: _l, ...create } = body;
      expect((await post(DEMO.learner, '/api/jp/rule-sets', create)).status).toBe(403);
      const incomplete = await post(DEMO.platformAdmin, '/api/jp/rule-sets', {
        ...create,
        rules: create.rules.slice(1),
      });
      expect({ status: incomplete.status, code: incomplete.body.code }).toEqual({
        status: 400,
        code: ErrorCode.VALIDATION_FAILED,
      });
      const created = await post<JpRuleSet>(DEMO.platformAdmin, '/api/jp/rule-sets', create);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ agencyId: null, effectiveFrom: '2031-01-01', lineCount: 0 });
    });
  });
});
