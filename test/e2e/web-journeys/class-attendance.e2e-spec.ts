import { randomBytes } from 'node:crypto';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { api, BASE_URL, PASSWORD, tokenOf } from '../support/api';
import { axeViolations } from '../support/axe';
import { signedInPage } from '../support/sign-in';

jest.setTimeout(180_000);

const PROVINCE_ADMIN = 'bpsdm@ntbprov.go.id';
const LEARNER = '199203152022011002'; // Kota Mataram, PPPK
const run = randomBytes(2).toString('hex');
const TRAINING = `Bimtek Kearsipan ${run}`;
const DAY = 86_400_000;

/**
 * Class attendance pages (decision 0037): the organising admin's attendance screen with the rotating QR code and the
 * list at 1366 px; the learner's scan landing at 360 px answering a forged code and a code of a session that is not
 * open, in Indonesian; the learner's class page. No axe violation (any impact) on any of them.
 */
describe('web: class attendance', () => {
  let browser: Browser;
  let context: BrowserContext | undefined;
  let classId = '';

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
    });
    const token = await tokenOf(PROVINCE_ADMIN);
    const me = await api<{ roles: Array<{ role: string; agencyId: string | null }> }>('/me', { token });
    const agencyId = me.roles.find((r) => r.role === 'province_admin')?.agencyId;
    const offering = await api<{ id: string }>('/calendar/offerings', {
      token,
      method: 'POST',
      body: { agencyId, title: TRAINING, jenisDiklatId: 8, jp: 16, competencyKind: 'teknis' },
    });
    const date = new Date(Date.now() + 40 * DAY).toISOString().slice(0, 10);
    const cls = await api<{ id: string }>(`/calendar/offerings/${offering.id}/classes`, {
      token,
      method: 'POST',
      body: {
        name: `Angkatan ${run}`,
        schedule: [{ date, start: '08:00', end: '16:00' }],
        mode: 'classroom',
        venue: 'Aula BPSDM NTB',
        seats: 10,
        registrationOpensAt: new Date(Date.now() - 60_000).toISOString(),
        registrationClosesAt: new Date(Date.now() + 10 * DAY).toISOString(),
        cancellationDeadline: new Date(Date.now() + 20 * DAY).toISOString(),
      },
    });
    classId = cls.id;
    await api(`/calendar/classes/${classId}/registrations`, { token: await tokenOf(LEARNER), method: 'POST' });
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the organising admin shows the session’s QR code and the list', async () => {
    const page = await signedInPage(browser, BASE_URL, PROVINCE_ADMIN, PASSWORD, {
      viewport: { width: 1366, height: 900 },
    });
    context = page.context();
    await page.goto(`${BASE_URL}/kelas/${classId}/presensi`);
    await page.getByRole('img', { name: /Kode QR presensi/ }).waitFor();
    await page.getByText(/Kode berganti dalam \d+ detik/).waitFor();
    expect(await axeViolations(page, '/kelas/:id/presensi (QR) at 1366 px')).toEqual([]);
    await page.getByRole('tab', { name: 'Daftar hadir' }).click();
    await page.getByRole('table', { name: 'Daftar hadir sesi' }).getByText('Belum tercatat').first().waitFor();
    expect(await page.getByRole('button', { name: 'Selesaikan kelas' }).isDisabled()).toBe(true);
    expect(await axeViolations(page, '/kelas/:id/presensi (list) at 1366 px')).toEqual([]);
  });

  it('a learner’s phone lands on the scan page and reads why a code is not accepted; their class page shows the sessions', async () => {
    const phone = await signedInPage(browser, BASE_URL, LEARNER, PASSWORD, { viewport: { width: 360, height: 780 } });
    context = phone.context();
    const qr = await api<{ url: string; token: string }>(`/calendar/classes/${classId}/sessions/0/attendance-qr`, {
      token: await tokenOf(PROVINCE_ADMIN),
    });
    const forged = `${qr.token.slice(0, -2)}${qr.token.endsWith('AA') ? 'BB' : 'AA'}`;
    await phone.goto(`${BASE_URL}/kelas/${classId}/hadir?t=${encodeURIComponent(forged)}`);
    await phone.getByText(/Kode QR presensi tidak sah/).waitFor();
    expect(await axeViolations(phone, '/kelas/:id/hadir (forged) at 360 px')).toEqual([]);
    // The genuine code of a session 40 days away: scanning is not open yet.
    await phone.goto(qr.url.replace(/^https?:\/\/[^/]+/, BASE_URL));
    await phone.getByText('Presensi sesi ini tidak sedang dibuka.').waitFor();
    await phone.getByRole('link', { name: 'Lihat kehadiran saya di kelas ini' }).click();
    await phone.getByRole('table', { name: 'Kehadiran per sesi' }).getByText('Belum tercatat').waitFor();
    expect(await axeViolations(phone, '/kelas/:id at 360 px')).toEqual([]);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });
});
