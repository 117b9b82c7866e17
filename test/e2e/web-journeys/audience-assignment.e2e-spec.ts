import { randomInt } from 'node:crypto';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { AudiencePreview, CourseReportPage as ReportPage, Me } from '@kompeten/shared-contracts';
import { AssignLearnersDialog } from '../pom/assign-learners.dialog';
import { CourseReportPage } from '../pom/course-report.page';
import { PlayerPage } from '../pom/player.page';
import { api, BASE_URL, PASSWORD, tokenOf } from '../support/api';
import { axeViolations } from '../support/axe';
import { signedInPage } from '../support/sign-in';

jest.setTimeout(240_000);

const WIDYAISWARA = '197803152005012002'; // BPSDM Provinsi NTB (WITA), the course's author
const REVIEWER = 'bpsdm@ntbprov.go.id';
const AGENCY_ADMIN = 'bkpsdm@mataramkota.go.id';
const HR_OFFICER = 'pengelola@mataramkota.go.id'; // Kota Mataram, HR officer of Dinas Kesehatan
const LEARNER = '198609262015051001'; // Kota Mataram, Dinas Kesehatan (PNS)
const run = randomInt(1000, 9999);
const TITLE = `Standar Pelayanan Publik ${run}`;
const NEWCOMER = `Baiq Pendatang ${run}`;
/** A valid PNS NIP (DOMAIN.md §2): born 1991-MM-DD, CPNS 2016-03, female, a random serial. */
const NIP = `1991${String(randomInt(1, 13)).padStart(2, '0')}${String(randomInt(1, 29)).padStart(2, '0')}2016032${String(randomInt(100, 1000)).padStart(3, '0')}`;
const WIDE = { width: 1366, height: 900 };
const PHONE = { width: 360, height: 800 };

/**
 * Live assignment by audience (issue 15): the agency admin assigns Dinas Kesehatan and sees the reach before
 * confirming; the HR officer then adds a new ASN to the unit, and the worker enrols them without anyone assigning again
 * (the journey waits for the worker as the JP journey does); the course report shows them. axe at 1366 and 360 px.
 */
describe('web: live audience assignment', () => {
  let browser: Browser;
  let context: BrowserContext | undefined;
  let courseId = '';
  let assigned = false;
  let enrolledLater = false;

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
    });
    const author = await tokenOf(WIDYAISWARA);
    const course = await api<{ id: string }>('/courses', {
      token: author,
      method: 'POST',
      body: {
        title: TITLE,
        description: 'Standar pelayanan publik untuk ASN.',
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
    const mod = await api<{ id: string }>(`/courses/${course.id}/modules`, {
      token: author,
      method: 'POST',
      body: { title: 'Materi' },
    });
    await api(`/modules/${mod.id}/lessons`, {
      token: author,
      method: 'POST',
      body: { kind: 'text', title: 'Pengantar', required: true, content: { kind: 'text', html: '<p>Standar.</p>' } },
    });
    // A second required lesson: opening the first does not complete the course.
    await api(`/modules/${mod.id}/lessons`, {
      token: author,
      method: 'POST',
      body: { kind: 'text', title: 'Maklumat', required: true, content: { kind: 'text', html: '<p>Maklumat.</p>' } },
    });
    await api(`/courses/${course.id}/submit-review`, { token: author, method: 'POST', body: {} });
    await api(`/courses/${course.id}/publish`, { token: await tokenOf(REVIEWER), method: 'POST', body: {} });
    courseId = course.id;
  });

  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function signIn(username: string): Promise<Page> {
    const page = await signedInPage(browser, BASE_URL, username, PASSWORD, { viewport: WIDE });
    context = page.context();
    return page;
  }

  async function axeAtBothWidths(page: Page, where: string): Promise<void> {
    expect(await axeViolations(page, `${where} at 1366 px`)).toEqual([]);
    await page.setViewportSize(PHONE);
    expect(await axeViolations(page, `${where} at 360 px`)).toEqual([]);
    await page.setViewportSize(WIDE);
  }

  it('the agency admin sees how many ASN a unit reaches before confirming, then assigns it live and mandatory', async () => {
    const page = await signIn(AGENCY_ADMIN);
    await page.goto(`${BASE_URL}/katalog/${courseId}`);
    const assign = new AssignLearnersDialog(page);
    await assign.open();
    const reach = await assign.previewUnit('Dinas Kesehatan', { mandatory: true });
    expect(reach).toBeGreaterThan(0);
    // Nobody is enrolled by looking: the report is still empty.
    const report = await api<ReportPage>(`/courses/${courseId}/report`, { token: await tokenOf(WIDYAISWARA) });
    expect(report.total).toBe(0);
    await assign.dialog.getByText('Contoh peserta').waitFor();
    await axeAtBothWidths(page, 'the assign dialog with its reach');
    expect(await assign.confirm()).toBe(reach);
    await assign.dialog.getByTestId('live-assignment').filter({ hasText: 'Dinas Kesehatan' }).waitFor();
    await assign.dialog.getByText('Berjalan', { exact: true }).waitFor();
    const after = await api<ReportPage>(`/courses/${courseId}/report`, { token: await tokenOf(WIDYAISWARA) });
    expect(after.total).toBe(reach);
    assigned = true;
  });

  it('a new ASN added to the unit by the HR officer is enrolled by the worker, once', async () => {
    if (!assigned) throw new Error('the assignment step failed');
    const hr = await tokenOf(HR_OFFICER);
    const me = await api<Me>('/me', { token: hr });
    const role = me.roles.find((r) => r.role === 'hr_officer');
    if (!role?.unitId) throw new Error('the demo HR officer has no unit');
    // The preview now counts the assigned people as already enrolled, and nobody new.
    const before = await api<AudiencePreview>(`/courses/${courseId}/audience-assignments/preview`, {
      token: await tokenOf(AGENCY_ADMIN),
      method: 'POST',
      body: { audience: { kind: 'unit', unitId: role.unitId, includeSubUnits: true } },
    });
    expect(before.newEnrolments).toBe(0);
    await api('/employees', {
      token: hr,
      method: 'POST',
      body: { agencyId: role.agencyId, unitId: role.unitId, nip: NIP, employeeType: 'PNS', fullName: NEWCOMER },
    });
    // The worker relays identity's placement event to enrolment's job; wait for its effect.
    const author = await tokenOf(WIDYAISWARA);
    let found: ReportPage | null = null;
    for (let i = 0; i < 60 && !found; i++) {
      const page = await api<ReportPage>(`/courses/${courseId}/report?q=${NIP}`, { token: author });
      if (page.total > 0) found = page;
      else await new Promise((r) => setTimeout(r, 1000));
    }
    expect(found?.items).toEqual([expect.objectContaining({ nip: NIP, name: NEWCOMER, status: 'active' })]);
    const all = await api<ReportPage>(`/courses/${courseId}/report`, { token: author });
    expect(all.total).toBe(before.reach + 1);
    enrolledLater = true;
  });

  it('the course report shows them, with its totals, searchable by NIP', async () => {
    if (!enrolledLater) throw new Error('the enrolment step failed');
    const page = await signIn(WIDYAISWARA);
    const report = new CourseReportPage(page, BASE_URL);
    await report.goto(courseId);
    await report.row(NEWCOMER).waitFor();
    const enrolled = await report.total('enrolled');
    expect(enrolled).toBeGreaterThan(1);
    expect(await report.total('notStarted')).toBe(enrolled);
    await report.search(NIP);
    // The table keeps the previous page while the search loads: wait until only the header and the newcomer remain.
    for (let i = 0; i < 40 && (await report.table.getByRole('row').count()) !== 2; i++) await page.waitForTimeout(250);
    expect(await report.table.getByRole('row').count()).toBe(2);
    await report.row(NEWCOMER).waitFor();
    expect(await report.total('enrolled')).toBe(1); // the totals follow the search
    await axeAtBothWidths(page, 'the course report');
  });

  it('a learner of the unit cannot withdraw from the mandatory course: no button, and the API refuses', async () => {
    if (!assigned) throw new Error('the assignment step failed');
    const token = await tokenOf(LEARNER);
    const mine = await api<{ items: Array<{ id: string; courseId: string; mandatory: boolean }> }>(
      '/me/enrolments?pageSize=100',
      { token },
    );
    const enrolment = mine.items.find((e) => e.courseId === courseId);
    expect(enrolment).toMatchObject({ mandatory: true });
    await expect(api(`/enrolments/${enrolment?.id}/withdraw`, { token, method: 'POST' })).rejects.toThrow(
      /403 .*ENROLMENT\.MANDATORY/,
    );
    const page = await signIn(LEARNER);
    await page.goto(`${BASE_URL}/belajar/${enrolment?.id}`);
    await new PlayerPage(page).waitForLesson('Pengantar');
    const outline = page.locator('#player-outline');
    await outline.getByText('Pelatihan ini wajib bagi Anda: tidak dapat mengundurkan diri.').waitFor();
    expect(await outline.getByRole('button', { name: 'Mengundurkan diri' }).count()).toBe(0);
  });
});
