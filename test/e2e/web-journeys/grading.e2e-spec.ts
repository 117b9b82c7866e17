import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { GradingPage } from '../pom/grading.page';
import { PlayerPage } from '../pom/player.page';
import { api, BASE_URL, PASSWORD, tokenOf } from '../support/api';
import { axeViolations } from '../support/axe';
import { signedInPage } from '../support/sign-in';

jest.setTimeout(60_000);

const WIDYAISWARA = '197803152005012002';
const REVIEWER = 'bpsdm@ntbprov.go.id';
const LEARNER = '198609262015051001';
const FILE_NAME = 'Rencana aksi – Puskesmas ✓.pdf';
const FILE_BODY = '%PDF-1.4 rencana aksi pelayanan puskesmas';

/**
 * Grading an assignment in the browser: the submission a learner handed in waits in the course's grading page; the
 * widyaiswara downloads it and grades it; it leaves the queue and the learner sees the grade. The course and the
 * submission are set up through the API (the authoring and learning journeys are covered in learning.e2e-spec.ts).
 */
describe('web: grading an assignment', () => {
  let browser: Browser;
  let context: BrowserContext | undefined;
  const setup = { courseId: '', lessonId: '', enrolmentId: '' };

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const author = await tokenOf(WIDYAISWARA);
    const course = await api<{ id: string }>('/courses', {
      token: author,
      method: 'POST',
      body: {
        title: `Rencana Aksi Puskesmas ${randomBytes(2).toString('hex')}`,
        description: 'Menyusun rencana aksi unit kerja.',
        objectives: [],
        competencyKind: 'teknis',
        learningMethod: 'e_learning',
        jenisDiklatId: 16,
        jp: 2,
        level: 'dasar',
        tags: [],
        visibility: 'province',
        enrolmentMode: 'open',
        completionRule: { requiredLessons: 'all' },
      },
    });
    const mod = await api<{ id: string }>(`/courses/${course.id}/modules`, {
      token: author,
      method: 'POST',
      body: { title: 'Praktik' },
    });
    const lesson = await api<{ id: string }>(`/modules/${mod.id}/lessons`, {
      token: author,
      method: 'POST',
      body: {
        kind: 'assignment',
        title: 'Rencana aksi',
        required: true,
        content: { kind: 'assignment', instructions: 'Susun rencana aksi unit Anda.', maxScore: 100, passScore: 70 },
      },
    });
    await api(`/courses/${course.id}/submit-review`, { token: author, method: 'POST', body: {} });
    await api(`/courses/${course.id}/publish`, { token: await tokenOf(REVIEWER), method: 'POST', body: {} });
    const learner = await tokenOf(LEARNER);
    const enrolment = await api<{ id: string }>(`/courses/${course.id}/enrolments`, { token: learner, method: 'POST' });
    const form = new FormData();
    form.append('file', new Blob([FILE_BODY], { type: 'application/pdf' }), FILE_NAME);
    await api(`/enrolments/${enrolment.id}/lessons/${lesson.id}/submission`, { token: learner, method: 'POST', form });
    Object.assign(setup, { courseId: course.id, lessonId: lesson.id, enrolmentId: enrolment.id });
  });

  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function signIn(username: string): Promise<Page> {
    const page = await signedInPage(browser, BASE_URL, username, PASSWORD, { acceptDownloads: true });
    context = page.context();
    return page;
  }

  it('the widyaiswara downloads the submission, grades it, and it leaves the queue; the learner sees the grade', async () => {
    const page = await signIn(WIDYAISWARA);
    const grading = new GradingPage(page, BASE_URL);
    await grading.goto(setup.courseId);
    const row = grading.submission(FILE_NAME);
    await row.waitFor();
    expect(await row.textContent()).toContain(LEARNER);
    expect(await row.textContent()).toContain('Rencana aksi');
    expect(await axeViolations(page, 'the grading page')).toEqual([]);

    const name = ((await row.getByRole('cell').first().textContent()) ?? '').trim();
    await grading.openSubmission(name);
    const [download] = await Promise.all([page.waitForEvent('download'), grading.downloadButton.click()]);
    expect(download.suggestedFilename()).toBe(FILE_NAME);
    expect(await readFile(await download.path(), 'utf8')).toBe(FILE_BODY);
    await grading.dialog.getByText('Nilai lulus: 70').waitFor();
    await grading.grade(85, 'Rencana jelas dan terukur.');
    await page.getByText('Nilai disimpan.').waitFor();
    await grading.assignments.getByText('Tidak ada tugas yang menunggu penilaian.').waitFor();
    await context?.close();

    const learnerPage = await signIn(LEARNER);
    await learnerPage.goto(`${BASE_URL}/belajar/${setup.enrolmentId}/${setup.lessonId}`);
    const player = new PlayerPage(learnerPage);
    await player.waitForLesson('Rencana aksi');
    await learnerPage.getByText('Nilai 85 dari 100').waitFor();
    await learnerPage.getByText('Rencana jelas dan terukur.').waitFor();
    await player.completedBanner.waitFor();
  });
});
