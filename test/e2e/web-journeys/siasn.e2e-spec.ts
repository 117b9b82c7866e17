import { chromium, type Browser, type Page } from 'playwright-core';
import { BASE_URL, PASSWORD } from '../support/api';
import { axeViolations } from '../support/axe';
import { signedInPage } from '../support/sign-in';

jest.setTimeout(120_000);

const AGENCY_ADMIN = 'bkpsdm@mataramkota.go.id'; // Kota Mataram

async function axeAtBothWidths(page: Page, where: string): Promise<void> {
  await page.setViewportSize({ width: 1366, height: 900 });
  expect(await axeViolations(page, `${where} at 1366 px`)).toEqual([]);
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await axeViolations(page, `${where} at 360 px`)).toEqual([]);
  await page.setViewportSize({ width: 1366, height: 900 });
}

/**
 * An agency admin's SIASN page (issue 17) on the platform `npm start` runs, with the SIASN simulator standing in:
 * the counts and the list, the connection test fetching both tokens from the install's default credentials, and a
 * reconciliation run on demand, reported on the page once the worker ran it.
 */
describe('web: SIASN delivery page', () => {
  let browser: Browser;
  let page: Page | undefined;

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
    });
    page = await signedInPage(browser, BASE_URL, AGENCY_ADMIN, PASSWORD, { viewport: { width: 1366, height: 900 } });
  });

  afterAll(async () => {
    await page?.context().close();
    await browser?.close();
  });

  it('shows the counts and the list, tests the connection, and runs a reconciliation', async () => {
    const p = page as Page;
    await p.goto(`${BASE_URL}/admin/siasn`);
    await p.getByRole('heading', { name: 'Pengiriman SIASN', level: 1 }).waitFor();
    await p.getByRole('heading', { name: 'Daftar pengiriman' }).waitFor();
    await p.getByText('Diterima SIASN').first().waitFor();
    await p.getByText('kredensial bawaan server').waitFor();
    await axeAtBothWidths(p, 'the SIASN page');

    await p.getByRole('button', { name: 'Uji koneksi' }).click();
    await p.getByText('Token gateway (APIM) berhasil diambil. Token SSO berhasil diambil.').waitFor();

    await p.getByRole('button', { name: 'Jalankan rekonsiliasi' }).click();
    await p.getByText(/riwayat diperiksa, 0 selisih/).waitFor({ timeout: 45_000 });
    await p.getByText('Tidak ada selisih: semua yang dikirim ada di SIASN apa adanya.').waitFor();
    await axeAtBothWidths(p, 'the SIASN page after a reconciliation');
  });

  it('reads the official IP ASN from SIASN beside the estimate on the IP ASN view', async () => {
    const p = page as Page;
    await p.goto(`${BASE_URL}/jp/ip-asn`);
    await p
      .getByRole('button', { name: /^Rincian estimasi / })
      .first()
      .click();
    const dialog = p.getByRole('dialog');
    await dialog.getByText('Belum ada nilai resmi dari SIASN.').waitFor();
    await dialog.getByRole('button', { name: 'Ambil dari SIASN' }).click();
    // The simulator `npm start` runs answers a score for every NIP; the time it was read is shown with it.
    await dialog.getByText(/IP ASN resmi \(SIASN\): \d+(,\d+)? \(dibaca /).waitFor();
    await axeAtBothWidths(p, 'the IP ASN estimate with the official score from SIASN');
  });
});
