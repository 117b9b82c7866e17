import { randomBytes } from 'node:crypto';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { ClassAdminPage, ClassesPage } from '../pom/calendar.page';
import { api, BASE_URL, PASSWORD, tokenOf } from '../support/api';
import { axeViolations } from '../support/axe';
import { signedInPage } from '../support/sign-in';

jest.setTimeout(180_000);

const PROVINCE_ADMIN = 'bpsdm@ntbprov.go.id';
const LEARNER = '199203152022011002'; // Kota Mataram, PPPK
const run = randomBytes(2).toString('hex');
const TRAINING = `Pelatihan Pelayanan Publik ${run}`;
const DAY = 86_400_000;

/**
 * The training calendar's first web pages (issue 18): the province admin creates a training on /kelas/kelola; a class
 * with quotas is added (through the API: the date-time pickers are the quiz settings' and tested there); a learner
 * registers on /kelas at phone width and reads the answer; both pages have no axe violation.
 */
describe('web: classes and registration', () => {
  let browser: Browser;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
    });
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the province admin creates a training; a learner registers for its class on a phone', async () => {
    const page = await signedInPage(browser, BASE_URL, PROVINCE_ADMIN, PASSWORD, {
      viewport: { width: 1366, height: 900 },
    });
    context = page.context();
    const admin = new ClassAdminPage(page);
    await admin.goto();
    await admin.createTraining(TRAINING);
    await page.getByText(`Pelatihan ${TRAINING} disimpan.`).first().waitFor();
    await page.getByRole('textbox', { name: 'Nama kelas' }).waitFor();
    expect(await axeViolations(page, '/kelas/kelola at 1366 px')).toEqual([]);

    const token = await tokenOf(PROVINCE_ADMIN);
    const offerings = await api<{ items: Array<{ id: string; title: string }> }>('/calendar/offerings?pageSize=100', {
      token,
    });
    const offering = offerings.items.find((o) => o.title === TRAINING);
    expect(offering).toBeDefined();
    const agencies = await api<{ items: Array<{ id: string; code: string }> }>('/agencies?pageSize=100', { token });
    const mataram = agencies.items.find((a) => a.code === 'kota-mataram');
    const start = new Date(Date.now() + 45 * DAY).toISOString().slice(0, 10);
    await api(`/calendar/offerings/${offering?.id}/classes`, {
      token,
      method: 'POST',
      body: {
        name: `Angkatan ${run}`,
        schedule: [{ date: start, start: '08:00', end: '16:00' }],
        mode: 'classroom',
        venue: 'Aula BPSDM NTB',
        seats: 10,
        quotas: [{ agencyId: mataram?.id, seats: 2 }],
        registrationOpensAt: new Date(Date.now() - 60_000).toISOString(),
        registrationClosesAt: new Date(Date.now() + 10 * DAY).toISOString(),
        cancellationDeadline: new Date(Date.now() + 20 * DAY).toISOString(),
      },
    });
    await context.close();

    const phone = await signedInPage(browser, BASE_URL, LEARNER, PASSWORD, {
      viewport: { width: 360, height: 780 },
    });
    context = phone.context();
    const classes = new ClassesPage(phone);
    await classes.goto();
    await classes.register(`Angkatan ${run}`, TRAINING);
    await phone.getByText(`Anda terdaftar di ${TRAINING} — Angkatan ${run}.`).first().waitFor();
    await classes.myRegistration(TRAINING).getByText('Terdaftar').waitFor();
    expect(await axeViolations(phone, '/kelas at 360 px')).toEqual([]);
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
  });
});
