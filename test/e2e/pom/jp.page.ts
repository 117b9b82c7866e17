import type { Locator, Page } from 'playwright-core';

const base = (url?: string) => (url ?? process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3100').replace(/\/$/, '');

/** /jp ("JP saya"): the year's ring, the 10:20:70 mix, the lines, previous years and the courses to take next. */
export class JpPage {
  readonly heading: Locator;
  /** "17 dari 20 JP". */
  readonly progress: Locator;
  readonly standing: Locator;

  constructor(
    readonly page: Page,
    private readonly baseUrl?: string,
  ) {
    this.heading = page.getByRole('heading', { name: 'JP saya', level: 1 });
    this.progress = page.getByTestId('jp-progress');
    this.standing = page.getByTestId('jp-standing');
  }

  async goto(): Promise<void> {
    await this.page.goto(`${base(this.baseUrl)}/jp`);
    await this.heading.waitFor();
    await this.progress.waitFor();
  }

  /** The year's total as the ring's text says it. */
  async total(): Promise<number> {
    const text = (await this.progress.textContent()) ?? '';
    const m = /^([\d.,]+) dari/.exec(text.trim());
    if (!m) throw new Error(`Unexpected JP progress text: ${text}`);
    return Number(m[1].replace(/\./g, '').replace(',', '.'));
  }

  nextCourse(title: string): Locator {
    return this.page.getByRole('region', { name: 'Pelatihan berikutnya' }).getByRole('link', { name: title });
  }

  line(title: string): Locator {
    return this.page.getByRole('table', { name: 'Rincian JP' }).getByRole('row').filter({ hasText: title });
  }
}

/** /jp/claims: the claim form and "Klaim saya". */
export class JpClaimsPage {
  readonly heading: Locator;
  readonly list: Locator;

  constructor(
    readonly page: Page,
    private readonly baseUrl?: string,
  ) {
    this.heading = page.getByRole('heading', { name: 'Klaim pembelajaran', level: 1 });
    this.list = page.getByRole('table', { name: 'Klaim saya' });
  }

  async goto(): Promise<void> {
    await this.page.goto(`${base(this.baseUrl)}/jp/claims`);
    await this.heading.waitFor();
  }

  async claim(input: {
    form: string;
    title: string;
    organiser: string;
    startDate: string;
    endDate: string;
    quantity: string;
    certificateNumber?: string;
    file: { name: string; mimeType: string; buffer: Buffer };
  }): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Bentuk pengembangan' }).click();
    await this.page.getByRole('option', { name: input.form, exact: true }).click();
    await this.page.getByLabel('Nama kegiatan').fill(input.title);
    await this.page.getByLabel('Penyelenggara').fill(input.organiser);
    await this.page.getByLabel('Tanggal mulai').fill(input.startDate);
    await this.page.getByLabel('Tanggal selesai').fill(input.endDate);
    await this.page.getByLabel(/^Jumlah /).fill(input.quantity);
    if (input.certificateNumber) await this.page.getByLabel(/^Nomor sertifikat/).fill(input.certificateNumber);
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Pilih berkas' }).click();
    await (await chooser).setFiles(input.file);
    await this.page.getByText(`Berkas: ${input.file.name}`).waitFor();
    await this.page.getByRole('button', { name: 'Kirim klaim' }).click();
  }

  row(title: string): Locator {
    return this.list.getByRole('row').filter({ hasText: title });
  }
}

/** /jp/verification: the claims the caller may decide. */
export class JpVerificationPage {
  readonly heading: Locator;

  constructor(
    readonly page: Page,
    private readonly baseUrl?: string,
  ) {
    this.heading = page.getByRole('heading', { name: 'Verifikasi klaim JP', level: 1 });
  }

  async goto(): Promise<void> {
    await this.page.goto(`${base(this.baseUrl)}/jp/verification`);
    await this.heading.waitFor();
  }

  verifyButton(title: string): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^Verifikasi klaim ${title} dari `) });
  }
}
