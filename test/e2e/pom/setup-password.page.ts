import type { Locator, Page } from 'playwright-core';

/** /atur-kata-sandi/:token — an ASN sets their own password with a one-time setup link (issue 12). */
export class SetupPasswordPage {
  readonly heading: Locator;
  readonly password: Locator;
  readonly confirm: Locator;
  readonly submit: Locator;
  readonly done: Locator;
  readonly invalid: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Atur kata sandi' });
    this.password = page.getByLabel(/^Kata sandi baru/);
    this.confirm = page.getByLabel(/^Ulangi kata sandi baru/);
    this.submit = page.getByRole('button', { name: 'Simpan kata sandi' });
    this.done = page.getByText('Kata sandi tersimpan');
    this.invalid = page.getByText('Tautan tidak dapat dipakai');
  }

  async goto(baseUrl: string, linkUrl: string): Promise<void> {
    // The link carries PUBLIC_URL; the journey's browser talks to the platform's own address.
    await this.page.goto(`${baseUrl.replace(/\/$/, '')}${new URL(linkUrl).pathname}`);
    await this.heading.waitFor({ state: 'visible' });
  }

  async setPassword(password: string): Promise<void> {
    await this.password.fill(password);
    await this.confirm.fill(password);
    await this.submit.click();
  }
}
