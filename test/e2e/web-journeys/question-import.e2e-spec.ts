import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { QuestionImportDialog } from '../pom/question-import.dialog';
import { api, BASE_URL, PASSWORD, tokenOf } from '../support/api';
import { signedInPage } from '../support/sign-in';

// Slow on a shared machine: a sign-in, two uploads, a download and six axe runs per width.
jest.setTimeout(240_000);

const WIDYAISWARA = '197803152005012002';
const GIFT_FILE = join(__dirname, '../../fixtures/question-import/berakhlak-10.gift.txt');

/** Every axe violation (any impact, not only serious and critical) on the page as it is now, as "rule: targets". */
async function axeViolations(page: Page, where: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  const found = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  if (found.length) console.log(`axe violations on ${where}:\n- ${found.join('\n- ')}`);
  return found;
}

/**
 * Issue 15: a widyaiswara brings a Moodle question bank along. On the course's "Bank soal" page: "Impor soal", GIFT,
 * a category, the file, the preview report of 10 questions, confirm; the 10 questions are in the bank; "Ekspor" gives
 * the bank back as GIFT. At 1366 px and at 360 px, with no axe violation on any step.
 */
describe('web: importing questions from a GIFT file', () => {
  let browser: Browser;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** A draft course of the widyaiswara with one empty question category, made through the API. */
  async function courseWithCategory(): Promise<string> {
    const token = await tokenOf(WIDYAISWARA);
    const course = await api<{ id: string }>('/courses', {
      token,
      method: 'POST',
      body: {
        title: `Nilai Dasar ASN BerAKHLAK ${randomBytes(2).toString('hex')}`,
        description: 'Memahami dan menerapkan nilai dasar ASN.',
        objectives: [],
        competencyKind: 'sosial_kultural',
        learningMethod: 'e_learning',
        jenisDiklatId: 16,
        jp: 2,
        level: 'dasar',
        tags: [],
        visibility: 'province',
        enrolmentMode: 'open',
        completionRule: { requiredLessons: 'all' },
      },
    });
    await api(`/courses/${course.id}/question-categories`, { token, method: 'POST', body: { name: 'Impor Moodle' } });
    return course.id;
  }

  it.each([
    ['1366 px', { width: 1366, height: 768 }],
    ['360 px', { width: 360, height: 740 }],
  ])('at %s: imports the 10 questions of a GIFT file and sees them in the bank', async (width, viewport) => {
    const courseId = await courseWithCategory();
    const page = await signedInPage(browser, BASE_URL, WIDYAISWARA, PASSWORD, { viewport, acceptDownloads: true });
    context = page.context();
    await page.goto(`${BASE_URL}/kursus/${courseId}/bank-soal`);
    await page.getByRole('heading', { name: 'Bank soal', level: 2 }).first().waitFor();
    await page.getByText('Belum ada soal. Tambahkan soal pertama.').waitFor();
    expect(await axeViolations(page, `the empty bank at ${width}`)).toEqual([]);

    const importer = new QuestionImportDialog(page);
    await importer.open();
    await importer.chooseFormat('GIFT (Moodle)');
    await importer.chooseCategory('Impor Moodle');
    await importer.chooseFile({
      name: 'bank-berakhlak.gift.txt',
      mimeType: 'text/plain',
      buffer: await readFile(GIFT_FILE),
    });
    expect(await axeViolations(page, `the import dialog at ${width}`)).toEqual([]);

    await importer.preview();
    await importer.dialog.getByText('Siap diimpor: 10').waitFor();
    expect(await importer.reportRows('Diterima').count()).toBe(10);
    await importer.report.getByRole('cell', { name: 'Menjodohkan' }).waitFor();
    expect(await axeViolations(page, `the preview report at ${width}`)).toEqual([]);

    await importer.confirm(10);
    expect(await importer.reportRows('Diimpor').count()).toBe(10);
    expect(await axeViolations(page, `the import result at ${width}`)).toEqual([]);
    await importer.finish();

    // The bank lists the 10 questions, in the chosen category.
    const bank = page.getByRole('region', { name: 'Tabel Daftar soal', exact: true });
    await bank.getByText('Huruf "A" pertama dalam BerAKHLAK adalah singkatan dari …').waitFor();
    await bank.getByText('Standar pelayanan wajib _____ kepada masyarakat.').waitFor();
    expect(
      await bank
        .getByRole('row')
        .filter({ has: page.getByRole('cell') })
        .count(),
    ).toBe(10);
    const category = page.getByRole('navigation', { name: 'Kategori' }).getByRole('button', { name: /Impor Moodle/ });
    await category.filter({ hasText: '10' }).waitFor();
    expect(await axeViolations(page, `the bank with imported questions at ${width}`)).toEqual([]);

    // And the bank goes out again as GIFT.
    await importer.exportButton.click();
    // The menu fades in: axe reads half-transparent items as low contrast, so wait until it is fully painted.
    await page.getByRole('menu').evaluate(
      (menu) =>
        new Promise<void>((done) => {
          const opaque = () => (getComputedStyle(menu).opacity === '1' ? done() : requestAnimationFrame(opaque));
          opaque();
        }),
    );
    expect(await axeViolations(page, `the export menu at ${width}`)).toEqual([]);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: /^GIFT/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('bank-soal.gift.txt');
    const exported = await readFile(await download.path(), 'utf8');
    expect(exported).toContain('$CATEGORY: $course$/top/Impor Moodle');
    expect(exported.match(/^::/gm)).toHaveLength(10);
  });
});
