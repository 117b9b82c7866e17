import { randomBytes } from 'node:crypto';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { api, BASE_URL, PASSWORD, tokenOf } from '../support/api';
import { axeViolations } from '../support/axe';
import { signedInPage } from '../support/sign-in';

jest.setTimeout(180_000);

const PROVINCE_ADMIN = 'bpsdm@ntbprov.go.id';
const LEARNER = '199203152022011002'; // Kota Mataram, under the province of NTB
const run = randomBytes(2).toString('hex');
const TRAINING = `Sosialisasi Manajemen Talenta ${run}`;
const MEETING = `https://meet.kompeten.example/webinar-${run}`;
const MIN = 60_000;
const WITA = 8 * 60 * MIN;

/** A local (WITA) date and HH:MM of an instant. */
const local = (t: number) => {
  const iso = new Date(t + WITA).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
};

/**
 * Webinars (issue 18, decision 0038): the province's unlimited webinar whose session starts in 14 minutes (its room is
 * open: 15 minutes before). A learner who never registered opens the webinar page on a phone, presses "Gabung
 * webinar", is registered and sent on to the meeting; the host page shows the join and answers "Cek kehadiran
 * sekarang" before the session starts with the API's Indonesian sentence. No axe violation (any impact); both
 * pages fit 360 px. (A running session's presence check is proven below HTTP in webinar.integration-spec.ts: the API
 * refuses to create a class that has started.)
 */
describe('web: webinar join and host page', () => {
  let browser: Browser;
  let context: BrowserContext | undefined;
  let classId: string;

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
    });
    const token = await tokenOf(PROVINCE_ADMIN);
    const agencies = await api<{ items: Array<{ id: string; code: string }> }>('/agencies?pageSize=100', { token });
    const ntb = agencies.items.find((a) => a.code === 'prov-ntb');
    const offering = await api<{ id: string }>('/calendar/offerings', {
      token,
      method: 'POST',
      body: { agencyId: ntb?.id, title: TRAINING, jenisDiklatId: 7, jp: 2, competencyKind: 'manajerial' },
    });
    // The start: the next whole minute 14 minutes ahead, in WITA; the session lasts 30 minutes (not past midnight).
    const startAt = Math.ceil((Date.now() + 14 * MIN) / MIN) * MIN;
    const start = local(startAt);
    const end = local(Math.min(startAt + 30 * MIN, Date.parse(`${start.date}T23:59:00+08:00`)));
    const cls = await api<{ id: string }>(`/calendar/offerings/${offering.id}/classes`, {
      token,
      method: 'POST',
      body: {
        name: `Webinar ${run}`,
        schedule: [{ date: start.date, start: start.time, end: end.time }],
        mode: 'online',
        meetingUrl: MEETING,
        seats: null,
        registrationOpensAt: new Date(Date.now() - MIN).toISOString(),
        registrationClosesAt: new Date(startAt).toISOString(),
        cancellationDeadline: new Date(startAt).toISOString(),
      },
    });
    classId = cls.id;
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a learner joins from a phone: registered at the door, sent on to the meeting', async () => {
    const phone = await signedInPage(browser, BASE_URL, LEARNER, PASSWORD, { viewport: { width: 360, height: 780 } });
    context = phone.context();
    // The meeting is outside the platform: answer it here.
    await context.route(`${MEETING}**`, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<title>Rapat</title><p>Ruang rapat</p>' }),
    );
    await phone.goto(`${BASE_URL}/kelas/${classId}/webinar`);
    await phone.getByRole('heading', { level: 1, name: `${TRAINING} — Webinar ${run}` }).waitFor();
    await phone.getByText('Anda belum terdaftar; menekan Gabung akan mendaftarkan Anda ke webinar ini.').waitFor();
    await phone.getByText(/WITA/).first().waitFor();
    expect(await axeViolations(phone, '/kelas/:id/webinar at 360 px')).toEqual([]);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await phone.getByRole('link', { name: 'Gabung webinar' }).click();
    await phone.waitForURL(`${MEETING}**`);
    await phone.getByText('Ruang rapat').waitFor();

    // Back on the page: registered, joined this session.
    await phone.goto(`${BASE_URL}/kelas/${classId}/webinar`);
    await phone.getByText('Status pendaftaran: Terdaftar').waitFor();
    await phone.getByText('Anda sudah bergabung pada sesi ini. Gabung lagi bila terputus.').waitFor();
  });

  it('the host page shows the join and refuses a check before the session starts, in Indonesian', async () => {
    const phone = await signedInPage(browser, BASE_URL, PROVINCE_ADMIN, PASSWORD, {
      viewport: { width: 360, height: 780 },
    });
    context = phone.context();
    await phone.goto(`${BASE_URL}/kelas/${classId}/webinar/kelola`);
    await phone.getByRole('heading', { level: 1, name: `Halaman pemateri: ${TRAINING} — Webinar ${run}` }).waitFor();
    await phone.getByText('Tidak ada cek kehadiran yang sedang dibuka.').waitFor();
    await phone.getByRole('table', { name: 'Peserta yang bergabung atau menjawab' }).getByText(LEARNER).waitFor();
    expect(await axeViolations(phone, '/kelas/:id/webinar/kelola at 360 px')).toEqual([]);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await phone.getByRole('button', { name: 'Cek kehadiran sekarang' }).click();
    await phone.getByText('Cek kehadiran hanya dapat dibuka saat sesi berlangsung').waitFor();
  });
});
