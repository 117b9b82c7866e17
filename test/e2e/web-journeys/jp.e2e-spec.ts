import { randomBytes } from 'node:crypto';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { JpClaimsPage, JpCompliancePage, JpPage, JpVerificationPage } from '../pom/jp.page';
import { api, BASE_URL, PASSWORD, tokenOf, publishTextCourse } from '../support/api';
import { axeViolations } from '../support/axe';
import { signedInPage } from '../support/sign-in';

jest.setTimeout(240_000);

const WIDYAISWARA = '197803152005012002'; // BPSDM Provinsi NTB (WITA)
const REVIEWER = 'bpsdm@ntbprov.go.id';
const HR_OFFICER = 'pengelola@mataramkota.go.id'; // Kota Mataram, HR officer of Dinas Kesehatan
const AGENCY_ADMIN = 'bkpsdm@mataramkota.go.id';
const LEARNER = '198609262015051001'; // Kota Mataram, Dinas Kesehatan (PNS)
const run = randomBytes(2).toString('hex');
const COURSE = `Literasi Digital ASN ${run}`;
const CLAIM = `Seminar Keamanan Siber ${run}`;

/** A local date in WITA, `days` before today. */
const daysAgo = (days: number) => new Date(Date.now() + 8 * 3_600_000 - days * 86_400_000).toISOString().slice(0, 10);

/**
 * The JP ledger in the browser (issue 16): a learner completes a course and sees their JP rise (the worker's
 * course.completed consumer); claims a seminar with a PDF certificate; the HR officer of their unit verifies it; the
 * learner's total rises again. Totals are compared before and after, since other journeys share the demo learner.
 */
describe('web: the JP ledger', () => {
  let browser: Browser;
  let context: BrowserContext | undefined;
  let courseId = '';
  /** The learner's JP this year before a step. */
  let before = 0;

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
    });
    courseId = await publishTextCourse({
      author: WIDYAISWARA,
      publisher: REVIEWER,
      title: COURSE,
      description: 'Literasi digital untuk ASN.',
      jp: 2,
      lessonHtml: '<p>Literasi.</p>',
    });
  });

  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function signIn(username: string): Promise<Page> {
    const page = await signedInPage(browser, BASE_URL, username, PASSWORD);
    context = page.context();
    return page;
  }

  /** Reloads /jp until the year's total reaches `atLeast` (the worker credits completions a moment later). */
  async function totalReaches(jp: JpPage, atLeast: number): Promise<number> {
    for (let i = 0; i < 30; i++) {
      await jp.goto();
      const total = await jp.total();
      if (total >= atLeast) return total;
      await jp.page.waitForTimeout(1000);
    }
    return jp.total();
  }

  it('completing a course raises the learner’s JP by its JP', async () => {
    const page = await signIn(LEARNER);
    const jp = new JpPage(page);
    await jp.goto();
    before = await jp.total();
    await jp.nextCourse(COURSE).waitFor();
    expect(await axeViolations(page, 'my JP')).toEqual([]);

    const token = await tokenOf(LEARNER);
    const enrolment = await api<{ id: string }>(`/courses/${courseId}/enrolments`, { token, method: 'POST' });
    const player = await api<{ modules: Array<{ lessons: Array<{ id: string }> }> }>(`/enrolments/${enrolment.id}`, {
      token,
    });
    const done = await api<{ completed: boolean }>(
      `/enrolments/${enrolment.id}/lessons/${player.modules[0].lessons[0].id}/progress`,
      { token, method: 'PUT', body: { event: 'opened' } },
    );
    expect(done.completed).toBe(true);

    expect(await totalReaches(jp, before + 2)).toBe(before + 2);
    await jp.line(COURSE).waitFor();
    expect(await jp.line(COURSE).textContent()).toContain('Pelatihan di Kompeten');
  });

  it('the learner claims a seminar with its certificate; the HR officer verifies it; the learner’s total, the unit’s compliance and the agency’s mix change', async () => {
    before = (await api<{ totalJp: number }>('/jp/me/summary', { token: await tokenOf(LEARNER) })).totalJp;
    const page = await signIn(LEARNER);
    const claims = new JpClaimsPage(page);
    await claims.goto();
    await claims.claim({
      form: '9. Seminar',
      title: CLAIM,
      organiser: 'Badan Siber dan Sandi Negara',
      startDate: daysAgo(3),
      endDate: daysAgo(3),
      quantity: '3',
      certificateNumber: `BSSN/${run}/2026`,
      file: { name: 'sertifikat.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% sertifikat\n') },
    });
    await claims.row(CLAIM).getByText('Menunggu verifikasi').waitFor();
    expect(await axeViolations(page, 'JP claims')).toEqual([]);
    await context?.close();

    // The agency's 10:20:70 mix before (the agency admin's own level: Kota Mataram).
    const admin = await signIn(AGENCY_ADMIN);
    const agencyReport = new JpCompliancePage(admin);
    await agencyReport.goto();
    const agencyBefore = await agencyReport.figures();
    await context?.close();

    const hr = await signIn(HR_OFFICER);
    // The unit's compliance before (the HR officer's own level: Dinas Kesehatan, the learner's unit).
    const unitReport = new JpCompliancePage(hr);
    await unitReport.goto();
    const unitBefore = await unitReport.figures();
    expect(await axeViolations(hr, 'JP compliance')).toEqual([]);
    const queue = new JpVerificationPage(hr);
    await queue.goto();
    await queue.verifyButton(CLAIM).waitFor();
    expect(await axeViolations(hr, 'JP verification')).toEqual([]);
    await queue.verifyButton(CLAIM).click();
    // 3 classroom hours at 45 minutes per JP.
    await hr
      .getByText(new RegExp(`Klaim ${CLAIM} dari .* terverifikasi: 4 JP dikreditkan`))
      .first()
      .waitFor();
    // The unit's figures follow at once (the aggregate is written in the credit's transaction): 4 JP more, and one
    // more ASN at 20 JP exactly when this claim carried the learner (a PNS) across the line.
    await unitReport.goto();
    const crossed = before < 20 && before + 4 >= 20 ? 1 : 0;
    expect(await unitReport.figures()).toEqual({
      ...unitBefore,
      reached: unitBefore.reached + crossed,
      totalJp: unitBefore.totalJp + 4,
      formalJp: unitBefore.formalJp + 4,
    });
    await context?.close();

    // A seminar is formal learning: the agency's mix moves on its formal side only.
    const admin2 = await signIn(AGENCY_ADMIN);
    const agencyAfter = new JpCompliancePage(admin2);
    await agencyAfter.goto();
    expect(await agencyAfter.figures()).toEqual({
      ...agencyBefore,
      reached: agencyBefore.reached + crossed,
      totalJp: agencyBefore.totalJp + 4,
      formalJp: agencyBefore.formalJp + 4,
    });
    await context?.close();

    const learner = await signIn(LEARNER);
    const jp = new JpPage(learner);
    expect(await totalReaches(jp, before + 4)).toBe(before + 4);
    await jp.line(CLAIM).waitFor();
  });

  it('the agency admin reads the rule versions', async () => {
    const page = await signIn(AGENCY_ADMIN);
    await page.goto(`${BASE_URL}/jp/rules`);
    await page.getByRole('heading', { name: 'Ketentuan pengakuan JP', level: 1 }).waitFor();
    await page.getByRole('table', { name: 'Versi' }).getByRole('row').filter({ hasText: 'Nasional' }).first().waitFor();
    expect(await axeViolations(page, 'JP rules')).toEqual([]);
  });
});
