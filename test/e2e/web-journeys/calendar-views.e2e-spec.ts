import ICAL from 'ical.js';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { randomBytes } from 'node:crypto';
import { api, BASE_URL, PASSWORD, tokenOf } from '../support/api';
import { axeViolations } from '../support/axe';
import { signedInPage } from '../support/sign-in';

jest.setTimeout(180_000);

const LEARNER = '198609262015051001'; // PNS, Kota Mataram (WITA)
const PROVINCE_ADMIN = 'bpsdm@ntbprov.go.id';
const run = randomBytes(2).toString('hex');
const TRAINING = `Bimtek Tata Naskah ${run}`;
const DAY = 86_400_000;

/**
 * The calendar pages (decision 0040): /kalender in its month, week and list views at 1366 px and as a list on a phone;
 * /kalender/saya with the private subscription: the URL shown once parses as iCalendar (ical.js) with its VTIMEZONE,
 * and revoking it makes it a 404. No axe violation (any impact) on any of them.
 */
describe('web: the training calendar', () => {
  let browser: Browser;
  let context: BrowserContext | undefined;

  let classDate = '';

  beforeAll(async () => {
    // A class of the province (WITA) 30 days ahead, 08:00–12:00, with the learner registered: their feed's event.
    const token = await tokenOf(PROVINCE_ADMIN);
    const me = await api<{ roles: Array<{ role: string; agencyId: string | null }> }>('/me', { token });
    const offering = await api<{ id: string }>('/calendar/offerings', {
      token,
      method: 'POST',
      body: {
        agencyId: me.roles.find((r) => r.role === 'province_admin')?.agencyId,
        title: TRAINING,
        jenisDiklatId: 8,
        jp: 4,
        competencyKind: 'teknis',
      },
    });
    classDate = new Date(Date.now() + 30 * DAY).toISOString().slice(0, 10);
    const cls = await api<{ id: string }>(`/calendar/offerings/${offering.id}/classes`, {
      token,
      method: 'POST',
      body: {
        name: `Angkatan ${run}`,
        schedule: [{ date: classDate, start: '08:00', end: '12:00' }],
        mode: 'classroom',
        venue: 'Aula BPSDM NTB',
        seats: 20,
        registrationOpensAt: new Date(Date.now() - 60_000).toISOString(),
        registrationClosesAt: new Date(Date.now() + 10 * DAY).toISOString(),
        cancellationDeadline: new Date(Date.now() + 20 * DAY).toISOString(),
      },
    });
    await api(`/calendar/classes/${cls.id}/registrations`, { token: await tokenOf(LEARNER), method: 'POST' });
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

  it('month, week and list views at 1366 px; the list on a phone', async () => {
    const page = await signedInPage(browser, BASE_URL, LEARNER, PASSWORD, { viewport: { width: 1366, height: 900 } });
    context = page.context();
    await page.goto(`${BASE_URL}/kalender`);
    await page.getByRole('heading', { level: 1, name: 'Kalender pelatihan' }).waitFor();
    for (const view of ['Bulan', 'Minggu', 'Daftar']) {
      await page.getByRole('radiogroup', { name: 'Tampilan kalender' }).getByText(view, { exact: true }).click();
      await page.waitForLoadState('networkidle');
      expect(await axeViolations(page, `/kalender (${view}) at 1366 px`)).toEqual([]);
    }
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto(`${BASE_URL}/kalender`);
    await page.getByRole('heading', { level: 1, name: 'Kalender pelatihan' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await axeViolations(page, '/kalender at 360 px')).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });

  it('my calendar issues a private iCalendar feed that parses, and revoking it ends it', async () => {
    const page = await signedInPage(browser, BASE_URL, LEARNER, PASSWORD, { viewport: { width: 360, height: 780 } });
    context = page.context();
    await page.goto(`${BASE_URL}/kalender/saya`);
    await page.getByRole('heading', { level: 1, name: 'Kalender saya' }).waitFor();
    const issue = page
      .getByRole('button', { name: 'Buat alamat langganan' })
      .or(page.getByRole('button', { name: 'Terbitkan ulang alamat' }));
    await issue.first().click();
    const confirm = page.getByRole('dialog').getByRole('button', { name: 'Terbitkan ulang alamat' });
    if (await confirm.isVisible().catch(() => false)) await confirm.click();
    const field = page.getByRole('textbox', { name: 'Alamat langganan (rahasia)' });
    await field.waitFor();
    const url = await field.inputValue();
    expect(url).toMatch(/\/api\/public\/calendar\/feeds\/[^/]+\.ics$/);
    expect(await axeViolations(page, '/kalender/saya with a feed at 360 px')).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    const feedUrl = url.replace(/^https?:\/\/[^/]+/, BASE_URL);
    const res = await fetch(feedUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    const cal = new ICAL.Component(ICAL.parse(await res.text()));
    expect(cal.name).toBe('vcalendar');
    for (const zone of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
    const event = cal
      .getAllSubcomponents('vevent')
      .map((e) => new ICAL.Event(e))
      .find((e) => e.summary.includes(TRAINING));
    expect(event).toBeDefined();
    // 08:00 WITA on the class's date is 00:00 UTC.
    expect(event?.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Asia/Makassar');
    expect(event?.startDate.toString()).toBe(`${classDate}T08:00:00`);
    expect(event?.startDate.toJSDate().toISOString()).toBe(`${classDate}T00:00:00.000Z`);

    await page.getByRole('button', { name: 'Cabut langganan' }).click();
    const confirmRevoke = page.getByRole('dialog').getByRole('button', { name: 'Cabut langganan' });
    if (await confirmRevoke.isVisible().catch(() => false)) await confirmRevoke.click();
    await page.getByText('Langganan dicabut; alamatnya tidak berlaku lagi.').first().waitFor();
    expect((await fetch(feedUrl)).status).toBe(404);
  });
});
