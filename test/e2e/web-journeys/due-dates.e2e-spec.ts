import { randomBytes } from 'node:crypto';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AssignLearnersDialog } from '../pom/assign-learners.dialog';
import { CourseReportPage } from '../pom/course-report.page';
import { MyLearningPage } from '../pom/my-learning.page';
import { api, BASE_URL, PASSWORD, tokenOf } from '../support/api';
import { axeViolations } from '../support/axe';
import { signedInPage } from '../support/sign-in';

jest.setTimeout(60_000);

const WIDYAISWARA = '197803152005012002'; // BPSDM Provinsi NTB (WITA)
const REVIEWER = 'bpsdm@ntbprov.go.id';
const HR_OFFICER = 'pengelola@mataramkota.go.id'; // Kota Mataram (WITA), HR officer of Dinas Kesehatan
const LEARNER = '198609262015051001'; // Kota Mataram, Dinas Kesehatan
const run = randomBytes(2).toString('hex');
const TITLE = `Standar Pelayanan Publik ${run}`;
const ON_TIME = `Survei Kepuasan Masyarakat ${run}`; // an open course the learner takes without a due date

/**
 * Due dates in the browser (decision 0015): an HR officer assigns a course to a unit with a date only, told the zone it
 * is read in; the learner sees the due date in their zone and the course marked overdue (the date is in the past), and
 * can list only overdue courses; the author's course report shows the due date and filters by it.
 */
describe('web: due dates and overdue', () => {
  let browser: Browser;
  let context: BrowserContext | undefined;
  let courseId = '';
  let assigned = false;

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
    const reviewer = await tokenOf(REVIEWER);
    const publish = async (title: string, enrolmentMode: string) => {
      const course = await api<{ id: string }>('/courses', {
        token: author,
        method: 'POST',
        body: {
          title,
          description: 'Menyusun dan memantau standar pelayanan.',
          objectives: [],
          competencyKind: 'teknis',
          learningMethod: 'e_learning',
          jenisDiklatId: 16,
          jp: 2,
          level: 'dasar',
          tags: [],
          visibility: 'province',
          enrolmentMode,
          completionRule: { requiredLessons: 'all' },
        },
      });
      const mod = await api<{ id: string }>(`/courses/${course.id}/modules`, {
        token: author,
        method: 'POST',
        body: { title: 'Materi' },
      });
      await api(`/modules/${mod.id}/lessons`, {
        token: author,
        method: 'POST',
        body: {
          kind: 'text',
          title: 'Pengantar',
          required: true,
          content: { kind: 'text', html: '<p>Standar pelayanan.</p>' },
        },
      });
      await api(`/courses/${course.id}/submit-review`, { token: author, method: 'POST', body: {} });
      await api(`/courses/${course.id}/publish`, { token: reviewer, method: 'POST', body: {} });
      return course.id;
    };
    courseId = await publish(TITLE, 'assigned_only');
    await api(`/courses/${await publish(ON_TIME, 'open')}/enrolments`, {
      token: await tokenOf(LEARNER),
      method: 'POST',
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

  it('the HR officer assigns Dinas Kesehatan with a date, told it ends at 23.59 WITA', async () => {
    const page = await signIn(HR_OFFICER);
    await page.goto(`${BASE_URL}/katalog/${courseId}`);
    const assign = new AssignLearnersDialog(page);
    await assign.open();
    await assign.dialog
      .getByText('Peserta punya waktu sampai pukul 23.59 WITA (zona waktu instansi Anda) pada tanggal ini.')
      .waitFor();
    expect(await assign.dueDate.getAttribute('type')).toBe('date');
    expect(await axeViolations(page, 'the assign dialog')).toEqual([]);
    await assign.assignUnit('Dinas Kesehatan', '2026-01-31');
    const mine = await api<{
      items: Array<{ courseId: string; dueAt: string; dueTimeZone: string; overdue: boolean }>;
    }>('/me/enrolments', { token: await tokenOf(LEARNER) });
    expect(mine.items.find((e) => e.courseId === courseId)).toMatchObject({
      dueAt: '2026-01-31T23:59:59+08:00',
      dueTimeZone: 'Asia/Makassar',
      overdue: true,
    });
    assigned = true;
  });

  it('the learner sees the due date in WITA, the course overdue, and can list only overdue courses', async () => {
    if (!assigned) throw new Error('the assignment step failed');
    const page = await signIn(LEARNER);
    const learning = new MyLearningPage(page, BASE_URL);
    await learning.goto();
    const card = learning.card(TITLE);
    await learning.status(TITLE, 'Terlambat').waitFor();
    expect(await card.textContent()).toMatch(/tenggat 31 Jan 2026,? 23[.:]59 WITA/);
    await learning.card(ON_TIME).waitFor();
    expect(await learning.card(ON_TIME).textContent()).not.toContain('Terlambat');
    // Only overdue courses: the one without a due date leaves the list, the overdue one stays.
    // (The box follows the URL, which the router updates a moment after the click: click, then wait for the list.)
    await learning.overdueOnly().click();
    await learning.card(ON_TIME).waitFor({ state: 'detached' });
    await learning.status(TITLE, 'Terlambat').waitFor();
    expect(await learning.overdueOnly().isChecked()).toBe(true);
    expect(page.url()).toMatch(/overdue=true/);
    for (const text of await learning.cards.allTextContents()) expect(text).toContain('Terlambat');
    expect(await axeViolations(page, 'my learning, overdue only')).toEqual([]);
  });

  it('the author’s course report names the zone, shows the due date, and filters by it', async () => {
    if (!assigned) throw new Error('the assignment step failed');
    const page = await signIn(WIDYAISWARA);
    const report = new CourseReportPage(page, BASE_URL);
    await report.goto(courseId);
    await page.getByText('Semua waktu dalam WITA (zona waktu Anda).').waitFor();
    const row = report.row(LEARNER);
    await row.getByText('Terlambat', { exact: true }).waitFor();
    expect(await row.textContent()).toMatch(/31 Jan 2026,? 23[.:]59 WITA/);
    expect(await axeViolations(page, 'the course report')).toEqual([]);
    await report.filter('Tidak terlambat');
    await page.waitForURL(/overdue=false/);
    await page.getByText('Belum ada peserta.').waitFor();
    await report.filter('Terlambat');
    await report.row(LEARNER).waitFor();
  });
});
