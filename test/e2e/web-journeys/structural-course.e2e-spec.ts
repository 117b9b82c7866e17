import { randomBytes } from 'node:crypto';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CourseBuilderPage } from '../pom/course-builder.page';
import { BASE_URL, PASSWORD } from '../support/api';
import { axeViolations } from '../support/axe';
import { signedInPage } from '../support/sign-in';

const WIDYAISWARA = '197803152005012002'; // BPSDM Provinsi NTB
const TITLE = `Pelatihan Kepemimpinan Pengawas ${randomBytes(2).toString('hex')}`;

/**
 * Decision 0035: a course of structural leadership training (jenis diklat 1) names its kind of latihan struktural,
 * which SIASN's riwayat diklat needs. The choice appears only for jenis 1, is required there, and the page keeps 0
 * axe violations (any impact) at 1366 and 360 px with it shown and with its error.
 */
describe('web: a structural leadership course names its kind of latihan struktural', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    page = await signedInPage(browser, BASE_URL, WIDYAISWARA, PASSWORD, { viewport: { width: 1366, height: 900 } });
    page.setDefaultTimeout(60_000);
  });
  afterAll(async () => {
    await page?.context().close();
    await browser?.close();
  });

  async function axeAtBothWidths(where: string) {
    const found = [];
    for (const [width, height] of [
      [1366, 900],
      [360, 780],
    ]) {
      await page.setViewportSize({ width, height });
      found.push(...(await axeViolations(page, `${where} at ${width} px`)));
    }
    await page.setViewportSize({ width: 1366, height: 900 });
    return found;
  }

  it('shows the kind only for jenis 1, requires it, and creates the course with it', async () => {
    const builder = new CourseBuilderPage(page, BASE_URL);
    await builder.gotoList();
    await builder.createLink.click();
    await page.getByLabel('Judul').fill(TITLE);
    const kind = page.getByRole('combobox', { name: 'Jenis latihan struktural' });
    expect(await kind.count()).toBe(0);

    await page.getByRole('combobox', { name: 'Jenis diklat SIASN' }).click();
    await page.getByRole('option', { name: '1 · Diklat Struktural' }).click();
    await kind.waitFor();
    await page.getByRole('button', { name: 'Buat kursus' }).click();
    await page.getByText('Pilih jenis latihan struktural kepemimpinan.').waitFor();
    expect(await axeAtBothWidths('the course form with the kind required')).toEqual([]);

    await kind.click();
    await page.getByRole('option', { name: /^2 · SEPALA\/ADUM/ }).click();
    await page.getByRole('button', { name: 'Buat kursus' }).click();
    await page.waitForURL(/\/kursus\/[0-9a-f-]+\/konten$/);
    // The course's information section shows the kind it was created with.
    await builder.section('Informasi').click();
    await expect(kind.inputValue()).resolves.toMatch(/^2 · SEPALA\/ADUM/);
  });
});
