import type { Locator, Page } from 'playwright-core';

/** The header's notification bell and its popover, and /notifikasi (issue 17). */
export class NotificationsUi {
  /** The bell, whatever its count ("Notifikasi" or "Notifikasi, 3 belum dibaca"). */
  readonly bell: Locator;
  readonly popover: Locator;
  readonly heading: Locator;
  readonly markAll: Locator;

  constructor(page: Page) {
    this.bell = page.getByRole('button', { name: /^Notifikasi(, \d+ belum dibaca)?$/ });
    this.popover = page.getByRole('dialog', { name: /^Notifikasi/ });
    this.heading = page.getByRole('heading', { level: 1, name: 'Notifikasi' });
    this.markAll = page.getByRole('button', { name: 'Tandai semua dibaca' });
  }

  /** The number in the bell's accessible name (0 when it has none). */
  async unreadInBell(): Promise<number> {
    const name = (await this.bell.getAttribute('aria-label')) ?? '';
    return Number(/, (\d+) belum dibaca$/.exec(name)?.[1] ?? 0);
  }

  async openBell(): Promise<void> {
    await this.bell.click();
    await this.popover.waitFor({ state: 'visible' });
  }

  async openAll(): Promise<void> {
    await this.popover.getByRole('link', { name: 'Lihat semua notifikasi' }).click();
    await this.heading.waitFor({ state: 'visible' });
  }
}
