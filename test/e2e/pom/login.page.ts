import type { Locator, Page } from 'playwright-core';

/** /login: "NIP atau email", "Kata sandi", "Masuk" (Bahasa Indonesia is the default language). */
export class LoginPage {
  readonly username: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  /** The API's error message after a failed sign-in. */
  readonly error: Locator;

  constructor(
    private readonly page: Page,
    private readonly baseUrl: string = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3100',
  ) {
    this.username = page.getByLabel('NIP atau email');
    this.password = page.getByLabel('Kata sandi', { exact: true });
    this.submit = page.getByRole('button', { name: 'Masuk' });
    this.error = page.getByTestId('login-error');
  }

  async goto(): Promise<void> {
    await this.page.goto(`${this.baseUrl.replace(/\/$/, '')}/login`);
    await this.username.waitFor({ state: 'visible' });
  }

  async login(username: string, password: string): Promise<void> {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.submit.click();
  }
}
