import { randomBytes } from 'node:crypto';
import jsQR from 'jsqr';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ClassAdminPage, ClassesPage } from '../pom/calendar.page';
import { DiscussionPage } from '../pom/discussion.page';
import { JpPage } from '../pom/jp.page';
import { api, BASE_URL, PASSWORD, tokenOf } from '../support/api';
import { axeViolations } from '../support/axe';
import { signedInPage } from '../support/sign-in';

jest.setTimeout(420_000);

const PROVINCE_ADMIN = 'bpsdm@ntbprov.go.id';
const TRAINER = '197803152005012002'; // widyaiswara, BPSDM NTB
const SUPERVISOR = '197501012000031003'; // Kepala Dinas Kesehatan Kota Mataram
const LEARNER = '198609262015051001'; // PNS, Kota Mataram; reports to the supervisor
const SECOND = '198807212010122004'; // PNS, Kota Mataram; reports to the supervisor
const run = randomBytes(2).toString('hex');
const TRAINING = `Bimtek Pengelolaan Arsip ${run}`;
const CLASS = `Angkatan ${run}`;
const TITLE = `${TRAINING} — ${CLASS}`;
const QUESTION = `Apakah arsip vital disimpan terpisah? ${run}`;
const ANSWER = `Ya, arsip vital disimpan di ruang khusus. ${run}`;
const WITA = 8 * 3600_000;

/** "YYYY-MM-DD" and "HH:MM" of an instant in WITA (the province's zone). */
const wita = (ms: number) => {
  const iso = new Date(ms + WITA).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
};

/** The text of the QR code shown in `img` (drawn on a canvas in the page, decoded with jsQR here). */
async function qrTextOf(page: Page, selector: string): Promise<string> {
  const pixels = await page.locator(selector).evaluate((img: HTMLImageElement) => {
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height);
    return { width: data.width, height: data.height, rgba: Array.from(data.data) };
  });
  const code = jsQR(Uint8ClampedArray.from(pixels.rgba), pixels.width, pixels.height);
  if (!code) throw new Error('No QR code could be read from the attendance screen');
  return code.data;
}

/**
 * Issue 18's journey, every step in the web app: the province admin creates a training and a class with quotas per
 * agency, a widyaiswara as its trainer and the supervisor's approval required; an ASN registers on a phone and the
 * supervisor approves; the trainer shows the session's rotating QR code, which the learner's phone opens; a second
 * learner asks in the class discussion and the trainer answers; after the (one-minute) session the trainer finalises
 * the class and the learner's JP rises by the class's JP through the worker (class.completed → JP ledger).
 */
describe('web: a class from creation to JP', () => {
  let browser: Browser;
  const contexts: Array<{ close(): Promise<void> }> = [];

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
    });
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
  });

  const open = async (username: string, width = 1366): Promise<Page> => {
    const page = await signedInPage(browser, BASE_URL, username, PASSWORD, {
      viewport: { width, height: width < 500 ? 780 : 900 },
    });
    contexts.push(page.context());
    return page;
  };

  it('admin creates, ASN registers, supervisor approves, QR attendance, discussion, completion and JP', async () => {
    // The learner's JP before, on their JP page.
    const learner = await open(LEARNER, 360);
    const jp = new JpPage(learner);
    await jp.goto();
    const before = await jp.total();

    // 1. The province admin creates the training and its class with quotas on /kelas/kelola.
    const admin = await open(PROVINCE_ADMIN);
    const manage = new ClassAdminPage(admin);
    await manage.goto();
    await admin.getByRole('textbox', { name: 'Judul pelatihan' }).fill(TRAINING);
    await admin.getByRole('textbox', { name: 'JP', exact: true }).fill('6');
    await manage.createTraining(TRAINING);
    await admin.getByText(`Pelatihan ${TRAINING} disimpan.`).first().waitFor();
    await admin.getByRole('textbox', { name: 'Nama kelas' }).fill(CLASS);
    // A one-minute session starting in 100 s to 160 s (WITA): registration closes when it starts.
    const startMs = Math.ceil((Date.now() + 100_000) / 60_000) * 60_000;
    const start = wita(startMs);
    const end = wita(startMs + 60_000);
    await admin.getByRole('textbox', { name: 'Tanggal (YYYY-MM-DD)' }).fill(start.date);
    await admin.getByRole('textbox', { name: 'Mulai (HH:MM)' }).fill(start.time);
    await admin.getByRole('textbox', { name: 'Selesai (HH:MM)' }).fill(end.time);
    await admin.getByRole('textbox', { name: 'Tempat' }).fill('Aula BPSDM NTB');
    await admin.getByRole('textbox', { name: 'Jumlah kursi' }).fill('10');
    await admin.getByRole('textbox', { name: 'NIP widyaiswara / narasumber internal' }).fill(TRAINER);
    await admin.getByRole('checkbox', { name: 'Perlu persetujuan atasan' }).check();
    await admin.getByRole('button', { name: 'Tambah kuota' }).click();
    await admin
      .getByRole('combobox', { name: /^Instansi kuota/ })
      .nth(0)
      .click();
    await admin.getByRole('option', { name: 'Pemerintah Kota Mataram', exact: true }).click();
    await admin.getByRole('textbox', { name: 'Kursi kuota 1' }).fill('3');
    await admin.getByRole('button', { name: 'Tambah kuota' }).click();
    await admin
      .getByRole('combobox', { name: /^Instansi kuota/ })
      .nth(1)
      .click();
    await admin.getByRole('option', { name: 'Pemerintah Kota Bima', exact: true }).click();
    await admin.getByRole('textbox', { name: 'Kursi kuota 2' }).fill('2');
    await admin.getByRole('button', { name: 'Simpan kelas' }).click();
    await admin.getByText(`Kelas ${CLASS} disimpan.`).first().waitFor();
    expect(await axeViolations(admin, '/kelas/kelola with a class at 1366 px')).toEqual([]);
    const adminToken = await tokenOf(PROVINCE_ADMIN);
    const classes = await api<{
      items: Array<{ id: string; name: string; quotas: Array<{ agencyName: string; seats: number }> }>;
    }>(`/calendar/classes?pageSize=100`, { token: adminToken });
    const cls = classes.items.find((c) => c.name === CLASS);
    expect(cls?.quotas.map((q) => [q.agencyName, q.seats]).sort()).toEqual([
      ['Pemerintah Kota Bima', 2],
      ['Pemerintah Kota Mataram', 3],
    ]);
    const classId = cls?.id as string;

    // 2. Two ASN of Kota Mataram register; the registration waits for their supervisor.
    const classesPage = new ClassesPage(learner);
    await classesPage.goto();
    await classesPage.register(CLASS, TRAINING);
    await classesPage.announcement.filter({ hasText: /persetujuan/ }).waitFor();
    const second = await open(SECOND);
    const secondClasses = new ClassesPage(second);
    await secondClasses.goto();
    await secondClasses.register(CLASS, TRAINING);
    await secondClasses.announcement.filter({ hasText: /persetujuan/ }).waitFor();

    // 3. The supervisor approves both on /persetujuan.
    const supervisor = await open(SUPERVISOR);
    await supervisor.goto(`${BASE_URL}/persetujuan`);
    const queue = supervisor.getByRole('table', { name: 'Pendaftaran kelas' });
    for (const who of ['Lalu Muhammad Hasan', 'Baiq Rina Susanti']) {
      await queue.getByRole('button', { name: new RegExp(`^Setujui pendaftaran ${who}.* ke ${TITLE}$`) }).click();
      await supervisor
        .getByText(new RegExp(`Pendaftaran ${who}.* ke ${TITLE} disetujui`))
        .first()
        .waitFor();
    }
    expect(await axeViolations(supervisor, '/persetujuan at 1366 px')).toEqual([]);
    await classesPage.goto();
    await classesPage.myRegistration(TITLE).getByText('Terdaftar', { exact: true }).waitFor();

    // 4. The trainer shows the session's QR code; the learner's phone opens what it encodes.
    const trainer = await open(TRAINER);
    await trainer.goto(`${BASE_URL}/kelas/presensi`);
    await trainer
      .getByRole('link', { name: new RegExp(CLASS) })
      .first()
      .click();
    const qrImage = trainer.getByRole('img', { name: /Kode QR presensi/ });
    await qrImage.waitFor();
    await trainer.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('img[alt^="Kode QR presensi"]');
      return !!img && img.complete && img.naturalWidth > 0;
    });
    const url = await qrTextOf(trainer, 'img[alt^="Kode QR presensi"]');
    expect(url).toMatch(new RegExp(`/kelas/${classId}/hadir\\?t=`));
    await learner.goto(url.replace(/^https?:\/\/[^/]+/, BASE_URL));
    // On failure, say what the scan page showed instead (this step failed in two full runs on 5 December and passed
    // in four runs of this file alone; the cause is not known yet).
    await learner
      .getByText('Kedatangan Anda tercatat.')
      .waitFor()
      .catch(async (error: unknown) => {
        const shown = await learner.evaluate(() => document.querySelector('main')?.innerText ?? '(no main)');
        throw new Error(
          `The scan page did not confirm the arrival; it showed: ${JSON.stringify(shown)}\n${String(error)}`,
        );
      });
    expect(await axeViolations(learner, '/kelas/:id/hadir (recorded) at 360 px')).toEqual([]);

    // 5. The second learner asks in the class discussion; the trainer answers.
    const discussion = new DiscussionPage(second);
    await second.goto(`${BASE_URL}/diskusi/kelas/${classId}`);
    await second.getByRole('button', { name: 'Topik baru' }).waitFor();
    await discussion.ask(QUESTION, 'Mohon penjelasan dari pengajar.');
    const threadUrl = second.url();
    await trainer.goto(threadUrl);
    await trainer.getByRole('heading', { level: 1, name: QUESTION }).waitFor();
    await new DiscussionPage(trainer).reply(ANSWER);
    await second.reload();
    await discussion.post(ANSWER).waitFor();

    // 6. After the session the trainer finalises the class: the learner completes it, the second one did not attend.
    await trainer.goto(`${BASE_URL}/kelas/${classId}/presensi`);
    const finalise = trainer.getByRole('button', { name: 'Selesaikan kelas' });
    await trainer.waitForTimeout(Math.max(0, startMs + 60_000 - Date.now() + 2_000));
    await trainer.reload();
    await finalise.waitFor();
    await trainer.waitForFunction(
      () =>
        ![...document.querySelectorAll('button')].some(
          (b) => b.textContent?.trim() === 'Selesaikan kelas' && b.disabled,
        ),
      undefined,
      { timeout: 30_000 },
    );
    await finalise.click();
    await trainer
      .getByText(/1 dari 2 peserta lulus/)
      .first()
      .waitFor();
    expect(await axeViolations(trainer, '/kelas/:id/presensi finalised at 1366 px')).toEqual([]);

    // 7. The worker credits the class's JP to the learner's ledger (class.completed → jp.credit-class-completion).
    const deadline = Date.now() + 90_000;
    let after = before;
    while (Date.now() < deadline) {
      await jp.goto();
      after = await jp.total();
      if (after > before) break;
      await learner.waitForTimeout(2_000);
    }
    expect(after).toBe(before + 6);
    await jp.line(TRAINING).waitFor();
  });
});
