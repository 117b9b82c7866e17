import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { chromium, type Browser, type Page } from 'playwright-core';
import { api, BASE_URL, PASSWORD, tokenOf } from '../support/api';
import { axeViolations } from '../support/axe';
import { signedInPage } from '../support/sign-in';

jest.setTimeout(120_000);

const AGENCY_ADMIN = 'bkpsdm@mataramkota.go.id'; // Kota Mataram
const PROVINCE_ADMIN = 'bpsdm@ntbprov.go.id';
const LEARNER = '198609262015051001'; // Kota Mataram
const run = randomBytes(2).toString('hex');
const POSITION = `Analis Pelayanan ${run}`;

/** axe at the desktop width and on a 360 px phone, then back. */
async function axeAtBothWidths(page: Page, where: string): Promise<void> {
  await page.setViewportSize({ width: 1366, height: 900 });
  expect(await axeViolations(page, `${where} at 1366 px`)).toEqual([]);
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await axeViolations(page, `${where} at 360 px`)).toEqual([]);
  await page.setViewportSize({ width: 1366, height: 900 });
}

/**
 * An agency admin's day (issue 15): a wrong header explained as a wrong header, the refused rows downloaded to fix,
 * the attention panel counting what failed, and the audit log in words, filtered by action, showing what a province
 * admin did to one of the agency's people.
 */
describe('web: admin operations', () => {
  let browser: Browser;
  let page: Page | undefined;

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
    });
    // The province admin changes a Mataram ASN's position: filed under Mataram, made by someone outside it.
    const province = await tokenOf(PROVINCE_ADMIN);
    const [learner] = (await api<{ items: Array<{ id: string }> }>(`/employees?q=${LEARNER}`, { token: province }))
      .items;
    await api(`/employees/${learner.id}`, { token: province, method: 'PATCH', body: { positionName: POSITION } });
    page = await signedInPage(browser, BASE_URL, AGENCY_ADMIN, PASSWORD, {
      viewport: { width: 1366, height: 900 },
      acceptDownloads: true,
    });
  });

  afterAll(async () => {
    await page?.context().close();
    await browser?.close();
  });

  const upload = async (p: Page, name: string, text: string) => {
    await p.locator('input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
    await p.getByRole('button', { name: 'Unggah dan proses' }).click();
  };

  it('explains a wrong header as a wrong header, and lets the refused rows be downloaded to fix', async () => {
    const p = page as Page;
    await p.goto(`${BASE_URL}/admin/impor`);
    await p.getByRole('heading', { name: 'Impor ASN', level: 1 }).waitFor();
    await p.getByRole('button', { name: 'Kolom berkas CSV' }).waitFor();
    await p.getByText('Baris pertama berisi nama kolom.').waitFor();

    await upload(p, `judul-salah-${run}.csv`, 'nomor_induk,nama,status\n199605052021011001,Salah Judul,PNS\n');
    const problem = p.getByRole('alert').filter({ hasText: 'Baris judul berkas salah' });
    await problem.waitFor({ timeout: 60_000 });
    await problem.getByText('Kolom wajib yang tidak ada: nip, jenis_pegawai').waitFor();
    await problem.getByText('Kolom yang tidak dikenali: nomor_induk, status').waitFor();
    expect(await p.getByRole('button', { name: /Unduh baris yang ditolak/ }).count()).toBe(0);
    await axeAtBothWidths(p, 'the import screen with a wrong header');

    const rows = [
      'nip,nama,jenis_pegawai,golongan,kode_unit',
      `199605052021011${String((parseInt(run, 16) % 899) + 100)},Golongan Keliru,PNS,V/a,BAPPEDA`,
    ].join('\n');
    await upload(p, `baris-salah-${run}.csv`, rows);
    const button = p.getByRole('button', { name: /Unduh baris yang ditolak/ });
    await button.waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([p.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe(`baris-salah-${run}-baris-ditolak.csv`);
    const text = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
    const lines = text.trim().split(/\r?\n/);
    expect(lines[0]).toBe('nip,nama,jenis_pegawai,golongan,kode_unit,alasan');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('Golongan Keliru,PNS,V/a,BAPPEDA,');
    expect(lines[1]).toMatch(/golongan/i);
  });

  it('counts the failed imports on the attention panel', async () => {
    const p = page as Page;
    await p.goto(`${BASE_URL}/`);
    const panel = p.getByRole('region', { name: 'Perlu perhatian', exact: true });
    await panel.waitFor();
    const imports = panel.getByRole('region', { name: /^Impor yang gagal/ });
    await imports.getByRole('link', { name: `judul-salah-${run}.csv` }).waitFor();
    await imports.getByRole('link', { name: `baris-salah-${run}.csv` }).waitFor();
    expect(Number(await p.getByTestId('attention-imports-count').innerText())).toBeGreaterThanOrEqual(2);
    await panel.getByRole('region', { name: 'Penugasan lewat tenggat', exact: true }).waitFor();
    await axeAtBothWidths(p, 'the dashboard with the attention panel');
  });

  it('shows the audit log in words, filtered by action, with the before/after of the change', async () => {
    const p = page as Page;
    await p.goto(`${BASE_URL}/admin/audit`);
    await p.getByRole('heading', { name: 'Log audit', level: 1 }).waitFor();
    await p
      .locator('input')
      .and(p.getByLabel('Tindakan', { exact: true }))
      .click();
    await p.getByRole('option', { name: 'Pegawai diubah' }).click();
    await p.waitForURL(/action=employee\.update/);
    const row = p
      .getByRole('row')
      .filter({ hasText: /Pegawai «Lalu Muhammad Hasan, S\.Kom\.» diubah oleh Drs\. H\. Lalu Abdul Wahab/ });
    await row.first().waitFor();
    // Every row on the page is an employee change: the filter reached the server. The unfiltered page (with the same
    // row among others) may still be on screen for a moment after the URL changed, so wait for the filtered answer.
    const rowTexts = () =>
      p
        .getByRole('row')
        .filter({ has: p.getByRole('cell') })
        .allInnerTexts();
    let cells = await rowTexts();
    for (let i = 0; i < 50 && !(cells.length > 0 && cells.every((c) => c.includes('diubah oleh'))); i++) {
      await p.waitForTimeout(200);
      cells = await rowTexts();
    }
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.filter((c) => !c.includes('diubah oleh'))).toEqual([]);
    await axeAtBothWidths(p, 'the audit log filtered by action');

    await row
      .first()
      .getByRole('button', { name: /Lihat rincian/ })
      .click();
    const dialog = p.getByRole('dialog');
    const change = dialog.getByRole('row').filter({ hasText: 'positionName' });
    await change.getByText(POSITION).waitFor();
    await axeAtBothWidths(p, 'an audit entry with its changes');
    await p.keyboard.press('Escape');
  });
});
