import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';

const base = (url?: string) => (url ?? process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3100').replace(/\/$/, '');

/** /sertifikat ("Sertifikat saya"): one card per certificate with its downloads. */
export class MyCertificatesPage {
  readonly heading: Locator;

  constructor(
    readonly page: Page,
    private readonly baseUrl?: string,
  ) {
    this.heading = page.getByRole('heading', { name: 'Sertifikat saya', level: 1 });
  }

  async goto(): Promise<void> {
    await this.page.goto(`${base(this.baseUrl)}/sertifikat`);
    await this.heading.waitFor();
  }

  card(training: string): Locator {
    return this.page.getByTestId('my-certificate').filter({ hasText: training });
  }

  /** Clicks "Unduh PDF" on the card and answers the downloaded bytes. */
  async downloadPdf(training: string): Promise<Buffer> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.card(training).getByRole('button', { name: 'Unduh PDF' }).click(),
    ]);
    return readFile(await download.path());
  }
}

/** /verifikasi/:id: the public verification page, with its "Periksa berkas PDF" box. */
export class VerificationPage {
  readonly heading: Locator;
  readonly status: Locator;
  readonly pdfCheck: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Verifikasi sertifikat', level: 1 });
    this.status = page.getByTestId('verification-status');
    this.pdfCheck = page.getByTestId('pdf-check');
  }

  async checkFile(name: string, bytes: Buffer): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByLabel('Berkas PDF sertifikat').click();
    await (await chooser).setFiles({ name, mimeType: 'application/pdf', buffer: bytes });
    await this.page.getByRole('button', { name: 'Periksa berkas' }).click();
  }
}
