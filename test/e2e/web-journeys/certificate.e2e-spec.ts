import { randomBytes } from 'node:crypto';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { PDFDocument } from 'pdf-lib';
import { MyCertificatesPage, VerificationPage } from '../pom/certificates.page';
import { api, BASE_URL, PASSWORD, tokenOf, publishTextCourse } from '../support/api';
import { axeViolations } from '../support/axe';
import { qrCodesOf } from '../support/pdf-qr';
import { signedInPage } from '../support/sign-in';

jest.setTimeout(240_000);

const WIDYAISWARA = '197803152005012002'; // BPSDM Provinsi NTB (WITA)
const PROVINCE_ADMIN = 'bpsdm@ntbprov.go.id';
const MATARAM_ADMIN = 'bkpsdm@mataramkota.go.id'; // the learner's agency: its SIASN page holds the push
const LEARNER = '198609262015051001'; // Kota Mataram, Dinas Kesehatan (PNS)
const run = randomBytes(2).toString('hex');
const COURSE = `Standar Pelayanan Publik ${run}`;

/**
 * Certificates in the browser (issue 17): a learner completes a course; the worker issues the certificate, which
 * appears under "Sertifikat saya"; its PDF's QR code opens the public verification page (no login), which says
 * "Sertifikat sah", and the PDF checked there is genuine while an edited copy is not; the admin of the learner's agency
 * sees the push acknowledged on the SIASN page (the simulator `npm start` runs stands in for SIASN). The template page
 * draws a live preview for the province admin. Axe at 1366 and 360 px.
 */
describe('web: certificates', () => {
  let browser: Browser;
  let context: BrowserContext | undefined;
  let courseId = '';
  let pdf: Buffer = Buffer.alloc(0);

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
    });
    courseId = await publishTextCourse({
      author: WIDYAISWARA,
      publisher: PROVINCE_ADMIN,
      title: COURSE,
      description: 'Standar pelayanan publik untuk ASN.',
      jp: 3,
      lessonHtml: '<p>Standar.</p>',
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

  it('a completed course gives a certificate under Sertifikat saya, whose PDF carries the QR code', async () => {
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

    const page = await signIn(LEARNER);
    const mine = new MyCertificatesPage(page);
    // The worker issues it a moment after the completion.
    for (let i = 0; i < 40; i++) {
      await mine.goto();
      if (await mine.card(COURSE).count()) break;
      await page.waitForTimeout(1000);
    }
    await mine.card(COURSE).waitFor();
    expect(await mine.card(COURSE).textContent()).toContain('Sah');
    expect(await axeViolations(page, 'Sertifikat saya (1366)')).toEqual([]);
    await page.setViewportSize({ width: 360, height: 780 });
    expect(await axeViolations(page, 'Sertifikat saya (360)')).toEqual([]);
    await page.setViewportSize({ width: 1366, height: 900 });

    pdf = await mine.downloadPdf(COURSE);
    expect(pdf.subarray(0, 60).toString('latin1')).toMatch(/^%PDF-/);

    // The dashboard's recently completed course links to its certificate.
    await page.goto(`${BASE_URL}/`);
    await page.getByRole('link', { name: `Lihat sertifikat ${COURSE}` }).click();
    await mine.card(COURSE).waitFor();
  });

  it('the QR code opens the public verification page, which says Sah without a login and checks the PDF', async () => {
    const [url] = (await qrCodesOf(pdf)).filter((u) => u.includes('/verifikasi/'));
    expect(url).toMatch(/\/verifikasi\/[0-9a-f-]{36}$/);
    context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${BASE_URL}${new URL(url).pathname}`);
    const verification = new VerificationPage(page);
    await verification.heading.waitFor();
    await verification.status.waitFor();
    expect(await verification.status.getAttribute('data-status')).toBe('valid');
    expect(await verification.status.textContent()).toContain('Sertifikat sah');
    expect(await page.getByRole('cell', { name: '198609******051001' }).count()).toBe(1);
    expect(await page.getByText(COURSE).count()).toBeGreaterThan(0);
    expect(await axeViolations(page, 'verification (1366)')).toEqual([]);

    await verification.checkFile('sertifikat.pdf', pdf);
    await verification.pdfCheck.waitFor();
    expect(await verification.pdfCheck.getAttribute('data-status')).toBe('valid');

    const doc = await PDFDocument.load(pdf);
    doc.setSubject('Pelatihan lain');
    await verification.checkFile('diubah.pdf', Buffer.from(await doc.save({ useObjectStreams: false })));
    await page.locator('[data-testid="pdf-check"][data-status="tampered"]').waitFor();
    expect(await verification.pdfCheck.textContent()).toContain('TIDAK sama');

    await page.setViewportSize({ width: 360, height: 780 });
    expect(await axeViolations(page, 'verification (360)')).toEqual([]);
    await page.screenshot({ path: '/tmp/cert-verify-360.png', fullPage: true });
  });

  it('the admin of the learner\u2019s agency sees the push acknowledged by SIASN on the SIASN page', async () => {
    const mine = await api<{ items: Array<{ number: string; trainingName: string }> }>('/me/certificates', {
      token: await tokenOf(LEARNER),
    });
    const number = mine.items.find((c) => c.trainingName === COURSE)?.number;
    expect(number).toBeTruthy();
    const page = await signIn(MATARAM_ADMIN);
    const row = page.getByRole('row').filter({ hasText: number as string });
    // The worker pushes after issuing; the sweep retries what the simulator refused.
    for (let i = 0; i < 30; i++) {
      await page.goto(`${BASE_URL}/admin/siasn`);
      await page.getByRole('heading', { name: 'Pengiriman SIASN', level: 1 }).waitFor();
      const search = page.getByLabel('Cari');
      await search.fill(number as string);
      await search.press('Enter');
      await row
        .first()
        .waitFor({ timeout: 10_000 })
        .catch(() => undefined);
      if ((await row.filter({ hasText: 'Diterima SIASN' }).count()) > 0) break;
      await page.waitForTimeout(1000);
    }
    await row.filter({ hasText: 'Diterima SIASN' }).first().waitFor();
    expect(await row.first().textContent()).toContain(COURSE);
    expect(await axeViolations(page, 'SIASN page with the push (1366)')).toEqual([]);
  });

  it('the province admin edits the template with a live preview', async () => {
    const page = await signIn(PROVINCE_ADMIN);
    await page.goto(`${BASE_URL}/admin/templat-sertifikat`);
    await page.getByRole('heading', { name: 'Templat sertifikat', level: 1 }).waitFor();
    await page.getByTestId('certificate-preview').waitFor();
    const city = page.getByLabel('Tempat penerbitan');
    await city.fill('Mataram');
    await page.screenshot({ path: '/tmp/cert-template-1366.png', fullPage: false });
    expect(await axeViolations(page, 'certificate template (1366)')).toEqual([]);
    await page.setViewportSize({ width: 360, height: 780 });
    expect(await axeViolations(page, 'certificate template (360)')).toEqual([]);

    // The admin list finds the learner's certificate; axe at both widths.
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${BASE_URL}/admin/sertifikat?q=${encodeURIComponent('Hasan')}`);
    await page.getByRole('heading', { name: 'Sertifikat', level: 1 }).waitFor();
    await page.getByRole('row').filter({ hasText: COURSE }).first().waitFor();
    expect(await axeViolations(page, 'certificates admin (1366)')).toEqual([]);
    await page.setViewportSize({ width: 360, height: 780 });
    expect(await axeViolations(page, 'certificates admin (360)')).toEqual([]);
    await page.screenshot({ path: '/tmp/cert-admin-360.png', fullPage: false });
  });
});
