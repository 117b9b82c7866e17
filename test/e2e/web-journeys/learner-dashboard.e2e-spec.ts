import { randomBytes } from 'node:crypto';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { EnrolmentDetail, Employee, Me, Page as ListPage } from '@kompeten/shared-contracts';
import { MyLearningPage } from '../pom/my-learning.page';
import { QuizAttemptPage } from '../pom/quiz-attempt.page';
import { api, BASE_URL, PASSWORD, tokenOf } from '../support/api';
import { axeViolations } from '../support/axe';
import { signedInPage } from '../support/sign-in';

// The machine running the journeys is shared: give slow steps time rather than fail them.
jest.setTimeout(150_000);

const WIDYAISWARA = '197803152005012002'; // BPSDM Provinsi NTB (WITA)
const REVIEWER = 'bpsdm@ntbprov.go.id';
const HR_OFFICER = 'pengelola@mataramkota.go.id'; // Kota Mataram (WITA), HR officer of Dinas Kesehatan
const LEARNER = '198609262015051001'; // Kota Mataram, Dinas Kesehatan
const AGENCY_ADMIN = 'bkpsdm@mataramkota.go.id';
/** Named demo people other journeys sign in as: never reset them here. */
const NAMED = new Set([
  '198609262015051001',
  '199203152022011002',
  '197501012000031003',
  '197803152005012002',
  '198807212010122004',
  '198003142005011003',
]);
const run = randomBytes(2).toString('hex');
const TITLE = `Etika Pelayanan Kesehatan ${run}`;
const QUIZ_TITLE = `Kuis singkat etika ${run}`;
const QUIZ_LESSON = 'Kuis satu menit';
/** The due date, two weeks ahead as a WITA calendar day ("2026-12-18"); the learner has until 23.59 WITA of it. */
const DUE_DATE = new Date(Date.now() + 8 * 3600_000 + 14 * 86400_000).toISOString().slice(0, 10);
const MONTHS_ID = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];
const DUE_SHOWN = (() => {
  const [y, m, d] = DUE_DATE.split('-').map(Number);
  return `Tenggat ${d} ${MONTHS_ID[m - 1]} ${y}, 23.59 WITA`;
})();

/**
 * The learner's experience (issue 15, "Learning"): an HR officer assigns a course with a due date (set up through the
 * API); the learner's dashboard lists it first with its due date and "Mulai", as does "Pembelajaran saya". The quiz
 * has a real one-minute limit, and the app counts down from the server's clock, so the journey waits out the real
 * minute (a faked browser clock would submit before the server's deadline and prove nothing): the warning is visible,
 * the answers are submitted at time-up, the result says so, shows the pass mark and the attempts, and "Coba lagi"
 * starts a second attempt. axe: 0 axe violations (any impact) on every page, at 1366 px and 360 px.
 */
describe('web: the learner dashboard and quiz time-up', () => {
  let browser: Browser;
  let context: BrowserContext | undefined;
  let enrolmentId = '';
  let quizLessonId = '';

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
        title: TITLE,
        description: 'Etika melayani pasien dan keluarganya.',
        objectives: [],
        competencyKind: 'teknis',
        learningMethod: 'e_learning',
        jenisDiklatId: 16,
        jp: 2,
        level: 'dasar',
        tags: [],
        visibility: 'province',
        enrolmentMode: 'assigned_only',
        completionRule: { requiredLessons: 'all' },
      },
    });
    await api(`/courses/${course.id}/questions`, {
      token: author,
      method: 'POST',
      body: {
        kind: 'true_false',
        prompt: 'Pasien berhak atas informasi yang jelas tentang layanan.',
        points: 1,
        answerKey: { correct: true },
      },
    });
    const quiz = await api<{ id: string }>(`/courses/${course.id}/quizzes`, {
      token: author,
      method: 'POST',
      body: { title: QUIZ_TITLE, settings: { timeLimitSeconds: 60, maxAttempts: 2, passPercent: 100 } },
    });
    const mod = await api<{ id: string }>(`/courses/${course.id}/modules`, {
      token: author,
      method: 'POST',
      body: { title: 'Evaluasi' },
    });
    // A text lesson the learner leaves unread keeps the course unfinished, so the quiz may be taken again (a completed
    // enrolment takes no new attempts).
    await api(`/modules/${mod.id}/lessons`, {
      token: author,
      method: 'POST',
      body: { kind: 'text', title: 'Pengantar', required: true, content: { kind: 'text', html: '<p>Etika.</p>' } },
    });
    await api(`/modules/${mod.id}/lessons`, {
      token: author,
      method: 'POST',
      body: { kind: 'quiz', title: QUIZ_LESSON, required: true, content: { kind: 'quiz', quizId: quiz.id } },
    });
    await api(`/courses/${course.id}/submit-review`, { token: author, method: 'POST', body: {} });
    await api(`/courses/${course.id}/publish`, { token: await tokenOf(REVIEWER), method: 'POST', body: {} });

    const learnerToken = await tokenOf(LEARNER);
    const me = await api<Me>('/me', { token: learnerToken });
    await api(`/courses/${course.id}/assignments`, {
      token: await tokenOf(HR_OFFICER),
      method: 'POST',
      body: { employeeIds: [me.employee?.id], dueDate: DUE_DATE },
    });
    const mine = await api<{ items: Array<{ id: string; courseId: string }> }>('/me/enrolments?pageSize=100', {
      token: learnerToken,
    });
    enrolmentId = mine.items.find((e) => e.courseId === course.id)?.id ?? '';
    const detail = await api<EnrolmentDetail>(`/enrolments/${enrolmentId}`, { token: learnerToken });
    quizLessonId = detail.modules.flatMap((m) => m.lessons).find((l) => l.title === QUIZ_LESSON)?.id ?? '';
  });

  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function signIn(username: string): Promise<Page> {
    const page = await signedInPage(browser, BASE_URL, username, PASSWORD, { viewport: { width: 1366, height: 900 } });
    context = page.context();
    page.setDefaultTimeout(30_000);
    return page;
  }

  async function axeAtBothWidths(page: Page, where: string) {
    const found = [];
    for (const [width, height] of [
      [1366, 900],
      [360, 780],
    ]) {
      await page.setViewportSize({ width, height });
      found.push(...(await axeViolations(page, `${where} at ${width} px`)));
    }
    await page.setViewportSize({ width: 1366, height: 900 });
    return found;
  }

  it('the dashboard lists the assigned course with its due date and "Mulai"; so does Pembelajaran saya', async () => {
    expect(enrolmentId).not.toBe('');
    const page = await signIn(LEARNER);
    const inProgress = page.getByRole('region', { name: 'Sedang berjalan dan ditugaskan', exact: true });
    const item = inProgress.getByTestId('dashboard-in-progress-item').filter({ hasText: TITLE });
    await item.waitFor();
    expect(await item.textContent()).toContain(DUE_SHOWN);
    await item.getByRole('link', { name: `Mulai: ${TITLE}` }).waitFor();
    expect(await item.getByText('Penugasan', { exact: true }).isVisible()).toBe(true);
    // The JP card shows the ledger's numbers and the recommendations card is there (certificate links of recent
    // completions are proven in certificate.e2e-spec.ts).
    await page.getByTestId('jp-progress').waitFor();
    await page.getByRole('region', { name: 'Rekomendasi untuk Anda', exact: true }).waitFor();
    expect(await axeAtBothWidths(page, 'the dashboard')).toEqual([]);

    const learning = new MyLearningPage(page, BASE_URL);
    await learning.goto();
    const card = learning.card(TITLE);
    await card.waitFor();
    expect(await card.textContent()).toMatch(/tenggat \d+ \w+ \d{4}, 23\.59 WITA/);
    await card.getByRole('link', { name: `Mulai: ${TITLE}` }).waitFor();
    expect(await axeAtBothWidths(page, 'Pembelajaran saya')).toEqual([]);
  });

  it('a one-minute quiz warns, submits at time-up, says so with the pass mark and attempts, and offers "Coba lagi"', async () => {
    expect(quizLessonId).not.toBe('');
    const page = await signIn(LEARNER);
    await page.goto(`${BASE_URL}/belajar/${enrolmentId}/${quizLessonId}`);
    await page.getByRole('button', { name: 'Mulai kuis' }).click();
    await page.waitForURL(/\/kuis\/[0-9a-f-]+$/);
    const firstUrl = page.url();
    const quiz = new QuizAttemptPage(page);
    await quiz.waitForLoaded();
    // Focus starts on the quiz heading.
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    expect(await quiz.heading.textContent()).toBe(QUIZ_TITLE);
    // One minute or less left from the start: the visible warning (not only for screen readers).
    await quiz.timeWarning.waitFor();
    expect(await quiz.timeWarning.textContent()).toContain('Sisa waktu 1 menit');
    // Answer wrongly; the save is announced politely.
    await quiz
      .question(/Pasien berhak/)
      .getByRole('radio', { name: 'Salah' })
      .check();
    await quiz.saveAnnouncement.filter({ hasText: 'Semua jawaban tersimpan.' }).waitFor();
    expect(await quiz.saveAnnouncement.getAttribute('aria-live')).toBe('polite');
    expect(await axeAtBothWidths(page, 'the quiz attempt')).toEqual([]);

    // Nobody presses "Kumpulkan": the real minute runs out and the page submits by itself.
    await page.waitForURL(/\/kuis\/[0-9a-f-]+\/hasil$/, { timeout: 90_000 });
    await quiz.timeUpNotice.waitFor();
    expect(await quiz.timeUpNotice.textContent()).toContain('Waktu habis, jawaban Anda telah dikirim');
    await quiz.resultPercent.waitFor();
    expect(await quiz.resultPercent.textContent()).toBe('Nilai 0 %');
    expect(await quiz.resultRules.textContent()).toContain('Nilai lulus: 100 %');
    expect(await quiz.resultAttempts.textContent()).toBe('Percobaan: 1 dari 2 terpakai, sisa 1');
    await quiz.retryButton.waitFor();
    expect(await axeAtBothWidths(page, 'the time-up result')).toEqual([]);

    await quiz.retryButton.click();
    await page.waitForURL((url) => /\/kuis\/[0-9a-f-]+$/.test(url.pathname) && url.href !== firstUrl);
    await quiz.waitForLoaded();
    expect(await page.getByText('Percobaan ke-2').isVisible()).toBe(true);
  }, 240_000);

  it('"Lupa kata sandi": an ASN asks by NIP without email; their agency admin sees the request and issues the link', async () => {
    const list = await api<ListPage<Employee>>('/employees?pageSize=100', { token: await tokenOf(AGENCY_ADMIN) });
    const asker = [...list.items]
      .reverse()
      .find(
        (e) =>
          e.hasAccount &&
          !NAMED.has(e.nip) &&
          !/^Kepala/.test(e.positionName ?? '') &&
          e.agencyName === 'Pemerintah Kota Mataram',
      ) as Employee;
    expect(asker).toBeDefined();

    const publicContext = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    try {
      const page = await publicContext.newPage();
      page.setDefaultTimeout(30_000);
      await page.goto(`${BASE_URL}/login`);
      await page.getByRole('link', { name: 'Lupa kata sandi?' }).click();
      await page.getByRole('heading', { name: 'Lupa kata sandi?' }).waitFor();
      expect(await page.getByText('Setelah notifikasi email tersedia').isVisible()).toBe(true);
      expect(await axeAtBothWidths(page, 'the forgot-password page')).toEqual([]);
      await page.getByRole('textbox', { name: 'NIP atau email' }).fill(asker.nip);
      await page.getByRole('button', { name: 'Kirim permintaan' }).click();
      const answer = page.getByTestId('forgot-answer');
      await answer.waitFor();
      const known = await answer.textContent();
      expect(known).toContain('Jika NIP atau email tersebut terdaftar');
      // An unknown NIP gets exactly the same answer (no account enumeration).
      await page.reload();
      await page.getByRole('textbox', { name: 'NIP atau email' }).fill('199912312020121999');
      await page.getByRole('button', { name: 'Kirim permintaan' }).click();
      await answer.waitFor();
      expect(await answer.textContent()).toBe(known);
    } finally {
      await publicContext.close();
    }

    const page = await signIn(AGENCY_ADMIN);
    await page.goto(`${BASE_URL}/admin/pegawai`);
    const requests = page.getByRole('region', { name: /^Permintaan atur ulang kata sandi/ });
    await requests.waitFor();
    const row = requests.getByRole('listitem').filter({ hasText: asker.nip });
    await row.waitFor();
    expect(await axeAtBothWidths(page, 'the employee list with reset requests')).toEqual([]);
    page.once('dialog', (dialog) => void dialog.accept());
    await row.getByRole('button', { name: /^Buat tautan/ }).click();
    const link = page.getByTestId('reset-request-link');
    await link.waitFor();
    expect(await link.textContent()).toMatch(/\/atur-kata-sandi\/[A-Za-z0-9_-]{20,}$/);
    await row.waitFor({ state: 'detached' });
  });
});
