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
    return this.page
      .getByRole('region', { name: 'Pelatihan berikutnya', exact: true })
      .getByRole('link', { name: title });
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

/** "1.234,5" (Indonesian) → 1234.5. */
const idNumber = (text: string) => Number(text.replace(/\./g, '').replace(',', '.'));

/** /jp/compliance ("Kepatuhan 20 JP") at the caller's own level: the figures the journeys compare before and after. */
export class JpCompliancePage {
  readonly heading: Locator;

  constructor(
    readonly page: Page,
    private readonly baseUrl?: string,
  ) {
    this.heading = page.getByRole('heading', { name: 'Kepatuhan 20 JP', level: 1 });
  }

  async goto(): Promise<void> {
    await this.page.goto(`${base(this.baseUrl)}/jp/compliance`);
    await this.heading.waitFor();
    await this.page.getByTestId('jp-card-average').waitFor();
  }

  /** ASN that reached 20 JP, the node's total JP (the average card's line) and its 10:20:70 mix (the list under the donut). */
  async figures(): Promise<{
    reached: number;
    totalJp: number;
    formalJp: number;
    socialJp: number;
    experientialJp: number;
  }> {
    const reached = (await this.page.getByTestId('jp-card-reached').locator('p').nth(1).textContent()) ?? '';
    const average = (await this.page.getByTestId('jp-card-average').textContent()) ?? '';
    const total = /Total ([\d.,]+) JP/.exec(average);
    if (!total) throw new Error(`Unexpected compliance figures: ${average}`);
    const mix = async (key: string) => {
      const text = (await this.page.getByTestId(`jp-mix-${key}`).textContent()) ?? '';
      const m = /: ([\d.,]+) JP/.exec(text);
      if (!m) throw new Error(`Unexpected 10:20:70 line: ${text}`);
      return idNumber(m[1]);
    };
    return {
      reached: idNumber(reached.trim()),
      totalJp: idNumber(total[1]),
      formalJp: await mix('formal'),
      socialJp: await mix('social'),
      experientialJp: await mix('experiential'),
    };
  }
}
