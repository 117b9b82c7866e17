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
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
    return Buffer.concat(chunks);
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
    await this.page
      .getByLabel('Berkas PDF sertifikat')
      .setInputFiles({ name, mimeType: 'application/pdf', buffer: bytes });
    await this.page.getByRole('button', { name: 'Periksa berkas' }).click();
  }
}
