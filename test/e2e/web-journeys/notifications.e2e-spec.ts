import { chromium, type Browser, type Page } from 'playwright-core';
import type {
  AppNotification,
  CourseSummary,
  Employee,
  Enrolment,
  JpClaim,
  NotificationPage,
  Page as ListPage,
} from '@kompeten/shared-contracts';
import { DashboardPage } from '../pom/dashboard.page';
import { LoginPage } from '../pom/login.page';
import { SetupPasswordPage } from '../pom/setup-password.page';
import { NotificationsUi } from '../pom/notifications.page';
import { api, BASE_URL, PASSWORD, tokenOf } from '../support/api';
import { axeViolations } from '../support/axe';
import { signedInPage } from '../support/sign-in';

jest.setTimeout(120_000);

const LEARNER = '198609262015051001';
const LEARNER_EMAIL = 'hasan@mataramkota.go.id';
const HR_OFFICER = 'pengelola@mataramkota.go.id';
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
const run = Date.now().toString(36);
const NEW_PASSWORD = 'Gili-Trawangan-8-Senja';
const CLAIM = `Seminar Keamanan Data ${run}`;
/** The mail capture that `npm start` runs beside the platform when SMTP_URL is unset: its page on PORT+4. */
const CAPTURE = `http://127.0.0.1:${Number(new URL(BASE_URL).port) + 4}`;
const daysAgo = (days: number) => new Date(Date.now() + 8 * 3_600_000 - days * 86_400_000).toISOString().slice(0, 10);

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, ms = 45_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/**
 * Notifications in the running platform (issue 17): the HR officer rejects a learner's JP claim; the worker writes the
 * learner's in-app notification and emails them through SMTP to the local mail capture; the learner sees the count on
 * the bell (in its accessible name), opens the list, and marks everything read. Axe at 1366 and 360 px.
 */
describe('web: notifications', () => {
  let browser: Browser;
  let notification: AppNotification;

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
    });
    const learner = await tokenOf(LEARNER);
    const form = new FormData();
    for (const [k, v] of Object.entries({
      jenisDiklatId: '9',
      title: CLAIM,
      organiser: 'Badan Siber dan Sandi Negara',
      startDate: daysAgo(2),
      endDate: daysAgo(2),
      quantity: '2',
      certificateNumber: `BSSN/NOTIF/${run}`,
    }))
      form.append(k, v);
    form.append(
      'file',
      new Blob([Buffer.from('%PDF-1.4\n% sertifikat\n')], { type: 'application/pdf' }),
      'sertifikat.pdf',
    );
    const claim = await api<JpClaim>('/jp/claims', { token: learner, method: 'POST', form });
    await api(`/jp/claims/${claim.id}/decision`, {
      token: await tokenOf(HR_OFFICER),
      method: 'POST',
      body: { decision: 'reject', reason: 'Sertifikat tidak terbaca; unggah pindaian yang jelas' },
    });
    // The worker relays the event and writes the notification (never the request that decided).
    notification = await waitFor('the in-app notification', async () =>
      (await api<NotificationPage>('/notifications/me?pageSize=50', { token: learner })).items.find((n) =>
        n.body.includes(CLAIM),
      ),
    );
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('the learner is told in the app and by email (captured over SMTP, listed on the capture page)', async () => {
    expect(notification).toMatchObject({
      kind: 'jp_claim_rejected',
      title: 'Klaim JP ditolak',
      link: '/jp',
      readAt: null,
    });
    expect(notification.body).toContain('Alasan: Sertifikat tidak terbaca');
    const mail = await waitFor('the captured email', async () => {
      const res = await fetch(`${CAPTURE}/api/messages?to=${encodeURIComponent(LEARNER_EMAIL)}&pageSize=100`);
      const list = (await res.json()) as { items: Array<{ subject: string; text: string }> };
      return list.items.find((m) => m.subject === `Klaim JP ditolak: ${CLAIM}`);
    });
    expect(mail.text).toContain('Alasan: Sertifikat tidak terbaca');
    const page = await (await fetch(`${CAPTURE}/`)).text();
    expect(page).toContain(`Klaim JP ditolak: ${CLAIM}`);
  });

  it('the bell names the unread count; the popover and the list open; marking all read empties the count (axe at 1366 px)', async () => {
    const page = await signedInPage(browser, BASE_URL, LEARNER, PASSWORD, { viewport: { width: 1366, height: 900 } });
    try {
      const ui = new NotificationsUi(page);
      await page.getByRole('button', { name: /^Notifikasi, \d+ belum dibaca$/ }).waitFor();
      expect(await ui.unreadInBell()).toBeGreaterThanOrEqual(1);
      await ui.openBell();
      await ui.popover.getByText(CLAIM, { exact: false }).first().waitFor();
      expect(await axeViolations(page, 'notification popover (1366)')).toEqual([]);
      await ui.openAll();
      await page
        .getByRole('main')
        .getByText(`Klaim pengembangan kompetensi "${CLAIM}" ditolak`, { exact: false })
        .waitFor();
      expect(await axeViolations(page, 'notifications page (1366)')).toEqual([]);
      await ui.markAll.click();
      await page.getByRole('button', { name: 'Notifikasi', exact: true }).waitFor();
      expect(await ui.unreadInBell()).toBe(0);
    } finally {
      await page.context().close();
    }
  });

  it('works at 360 px: the bell, the popover and the list (axe)', async () => {
    const page: Page = await signedInPage(browser, BASE_URL, LEARNER, PASSWORD, {
      viewport: { width: 360, height: 740 },
    });
    try {
      const ui = new NotificationsUi(page);
      await ui.openBell();
      await ui.popover.getByText(CLAIM, { exact: false }).first().waitFor();
      expect(await axeViolations(page, 'notification popover (360)')).toEqual([]);
      await ui.openAll();
      expect(await axeViolations(page, 'notifications page (360)')).toEqual([]);
      await page.goto(`${BASE_URL}/profil`);
      await page.getByRole('heading', { name: 'Notifikasi email' }).waitFor();
      await page.getByRole('switch', { name: 'Klaim JP ditolak' }).waitFor();
      expect(await axeViolations(page, 'profile with email choices (360)')).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it('a password reset is emailed with its own link, minted at sending, which sets the password once', async () => {
    const admin = await tokenOf(AGENCY_ADMIN);
    const list = await api<ListPage<Employee>>('/employees?pageSize=100', { token: admin });
    // The last fitting ASN (the setup-link journey takes the first), given a contact address for this run.
    const person = [...list.items]
      .reverse()
      .find(
        (e) =>
          e.hasAccount &&
          !NAMED.has(e.nip) &&
          e.positionName !== 'Kepala Bidang' &&
          e.agencyName === 'Pemerintah Kota Mataram',
      ) as Employee;
    expect(person).toBeDefined();
    const address = `notif.${run}@mataramkota.go.id`;
    await api(`/employees/${person.id}`, { token: admin, method: 'PATCH', body: { email: address } });
    const reset = await api<{ setupLink: { url: string } }>(`/employees/${person.id}/account/reset`, {
      token: admin,
      method: 'POST',
    });
    const mail = await waitFor('the password email', async () => {
      const res = await fetch(`${CAPTURE}/api/messages?to=${encodeURIComponent(address)}`);
      return ((await res.json()) as { items: Array<{ subject: string; text: string }> }).items[0];
    });
    expect(['Atur ulang kata sandi Kompeten', 'Buat kata sandi akun Kompeten Anda']).toContain(mail.subject);
    const emailed = /(https?:\/\/\S+\/atur-kata-sandi\/[\w-]{20,})/.exec(mail.text)?.[1] as string;
    expect(emailed).toBeTruthy();
    // Its own token for the same one-time link: not the one the officer was shown.
    expect(emailed).not.toBe(reset.setupLink.url);

    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      const setup = new SetupPasswordPage(page);
      await setup.goto(BASE_URL, emailed);
      await setup.setPassword(NEW_PASSWORD);
      await setup.done.waitFor({ state: 'visible' });
      const login = new LoginPage(page, BASE_URL);
      await login.goto();
      await login.login(person.nip, NEW_PASSWORD);
      await new DashboardPage(page).waitForLoaded();
      // Used once, both copies of the link are spent.
      await setup.goto(BASE_URL, reset.setupLink.url);
      await setup.invalid.waitFor({ state: 'visible' });
    } finally {
      await context.close();
    }
  });

  it('an admin rejects an enrolment request with a reason in the approvals dialog; the learner is told why', async () => {
    const pppk = '199203152022011002';
    const learner = await tokenOf(pppk);
    const catalog = await api<ListPage<CourseSummary>>(`/catalog?q=${encodeURIComponent('coaching mentoring')}`, {
      token: learner,
    });
    const course = catalog.items.find(
      (c) => c.title === 'Kepemimpinan Pengawas: Coaching dan Mentoring',
    ) as CourseSummary;
    expect(course).toBeDefined();
    const enrolment = await api<Enrolment>(`/courses/${course.id}/enrolments`, {
      token: learner,
      method: 'POST',
    });
    expect(enrolment.status).toBe('pending_approval');

    const admin = await signedInPage(browser, BASE_URL, AGENCY_ADMIN, PASSWORD, {
      viewport: { width: 1366, height: 900 },
    });
    try {
      await admin.goto(`${BASE_URL}/persetujuan`);
      await admin
        .getByRole('button', { name: new RegExp(`^Tolak .* untuk ${course.title}$`) })
        .first()
        .click();
      const dialog = admin.getByRole('dialog', { name: 'Tolak pendaftaran?' });
      await dialog.getByLabel(/^Alasan \(opsional\)/).fill('Kursus ini untuk pejabat pengawas');
      expect(await axeViolations(admin, 'reject dialog with a reason (1366)')).toEqual([]);
      await dialog.getByRole('button', { name: 'Tolak' }).click();
      await dialog.waitFor({ state: 'hidden' });
    } finally {
      await admin.context().close();
    }
    const told = await waitFor('the rejection notice', async () =>
      (await api<NotificationPage>('/notifications/me?pageSize=50', { token: learner })).items.find(
        (n) => n.kind === 'enrolment_rejected' && n.body.includes(course.title),
      ),
    );
    expect(told.body).toBe(
      `Pendaftaran Anda pada pelatihan "${course.title}" ditolak. Alasan: Kursus ini untuk pejabat pengawas`,
    );
  });
});
