import type { Locator, Page } from 'playwright-core';

/** "/" after sign-in: heading "Beranda", greeting "Selamat datang, <name>", role-aware navigation. */
export class DashboardPage {
  readonly heading: Locator;
  readonly greeting: Locator;
  readonly jpProgress: Locator;
  readonly navigation: Locator;
  /** Only shown on narrow screens. */
  readonly burger: Locator;
  readonly logoutButton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Beranda', level: 1 });
    this.greeting = page.getByTestId('dashboard-greeting');
    this.jpProgress = page.getByTestId('jp-progress');
    this.navigation = page.getByRole('navigation', { name: 'Navigasi utama' });
    this.burger = page.getByRole('button', { name: /navigasi/i });
    this.logoutButton = page.getByRole('button', { name: 'Keluar' });
  }

  navLink(name: string): Locator {
    return this.navigation.getByRole('link', { name });
  }

  async waitForLoaded(timeout = 30_000): Promise<void> {
    await this.page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout });
    await this.heading.waitFor({ state: 'visible', timeout });
  }

  async openNavigation(): Promise<void> {
    await this.burger.click();
  }
}
