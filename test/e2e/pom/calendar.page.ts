import type { Locator, Page } from 'playwright-core';

const base = (url?: string) => (url ?? process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3100').replace(/\/$/, '');

/** /kelas ("Kelas pelatihan"): the classes open to me with a register button, and my registrations. */
export class ClassesPage {
  readonly heading: Locator;
  /** The polite live region that says the answer to a registration. */
  readonly announcement: Locator;

  constructor(
    readonly page: Page,
    private readonly baseUrl?: string,
  ) {
    this.heading = page.getByRole('heading', { name: 'Kelas pelatihan', level: 1 });
    this.announcement = page.getByRole('status').filter({ hasText: /terdaftar|daftar tunggu|persetujuan/ });
  }

  async goto(): Promise<void> {
    await this.page.goto(`${base(this.baseUrl)}/kelas`);
    await this.heading.waitFor();
  }

  async register(className: string, offeringTitle: string): Promise<void> {
    await this.page.getByRole('button', { name: `Daftar ke ${className} — ${offeringTitle}` }).click();
  }

  myRegistration(title: string): Locator {
    return this.page.getByRole('table', { name: 'Pendaftaran saya' }).getByRole('row').filter({ hasText: title });
  }
}

/** /kelas/kelola ("Kelola kelas"): a new training, then its classes with quotas. */
export class ClassAdminPage {
  readonly heading: Locator;

  constructor(
    readonly page: Page,
    private readonly baseUrl?: string,
  ) {
    this.heading = page.getByRole('heading', { name: 'Kelola kelas', level: 1 });
  }

  async goto(): Promise<void> {
    await this.page.goto(`${base(this.baseUrl)}/kelas/kelola`);
    await this.heading.waitFor();
  }

  async createTraining(title: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Judul pelatihan' }).fill(title);
    await this.page.getByRole('button', { name: 'Simpan pelatihan' }).click();
  }
}
