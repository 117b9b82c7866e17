import { randomBytes } from 'node:crypto';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { DiscussionPage } from '../pom/discussion.page';
import { BASE_URL, PASSWORD, publishTextCourse } from '../support/api';
import { axeViolations } from '../support/axe';
import { signedInPage } from '../support/sign-in';

jest.setTimeout(180_000);

const WIDYAISWARA = '197803152005012002'; // BPSDM Provinsi NTB
const PROVINCE_ADMIN = 'bpsdm@ntbprov.go.id';
const LEARNER = '199203152022011002'; // Kota Mataram: the province course is offered to them
const run = randomBytes(2).toString('hex');
const COURSE = `Pemutakhiran Data SIASN ${run}`;
const QUESTION = `Riwayat diklat belum tampil ${run}`;

/**
 * A course's discussion (issue 18, decision 0039): a learner asks a question on a phone; the widyaiswara who wrote the
 * course answers it on a desktop and marks the answer; the learner sees the question answered. Axe at 1366 and 360 px.
 */
describe('web: course discussion', () => {
  let browser: Browser;
  let context: BrowserContext | undefined;
  let courseId = '';

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
    });
    courseId = await publishTextCourse({
      author: WIDYAISWARA,
      publisher: PROVINCE_ADMIN,
      title: COURSE,
      description: 'Memutakhirkan data kompetensi ASN di SIASN.',
      jp: 2,
      lessonHtml: '<p>Buka menu Riwayat di SIASN.</p>',
    });
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a learner asks on a phone; the widyaiswara answers and marks it; the learner sees it answered', async () => {
    const phone = await signedInPage(browser, BASE_URL, LEARNER, PASSWORD, { viewport: { width: 360, height: 780 } });
    context = phone.context();
    const learner = new DiscussionPage(phone);
    await learner.gotoCourse(courseId);
    expect(await axeViolations(phone, '/diskusi/pelatihan at 360 px')).toEqual([]);
    await learner.ask(QUESTION, 'Saya sudah mengunggah sertifikat tetapi riwayatnya belum tampil.');
    const threadUrl = phone.url();
    expect(await axeViolations(phone, 'thread at 360 px')).toEqual([]);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await context.close();

    const desk = await signedInPage(browser, BASE_URL, WIDYAISWARA, PASSWORD, {
      viewport: { width: 1366, height: 900 },
    });
    context = desk.context();
    const trainer = new DiscussionPage(desk);
    await trainer.gotoCourse(courseId);
    await desk.getByRole('link', { name: `Buka topik ${QUESTION}` }).click();
    await desk.getByRole('heading', { level: 1, name: QUESTION }).waitFor();
    await trainer.reply('Buka menu Riwayat lalu pilih Sinkronkan.');
    await trainer
      .post('Buka menu Riwayat lalu pilih Sinkronkan.')
      .getByRole('button', { name: 'Tandai sebagai jawaban' })
      .click();
    await trainer.post('Buka menu Riwayat lalu pilih Sinkronkan.').getByText('Jawaban', { exact: true }).waitFor();
    expect(await axeViolations(desk, 'thread at 1366 px')).toEqual([]);
    await context.close();

    const again = await signedInPage(browser, BASE_URL, LEARNER, PASSWORD, { viewport: { width: 360, height: 780 } });
    context = again.context();
    await again.goto(threadUrl);
    await again.getByText('Terjawab', { exact: true }).waitFor();
    await new DiscussionPage(again)
      .post('Buka menu Riwayat lalu pilih Sinkronkan.')
      .getByText('Jawaban', { exact: true })
      .waitFor();
  });
});
