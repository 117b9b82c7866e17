import type { Locator, Page } from 'playwright-core';

/** /belajar ("Pembelajaran saya"): one card per enrolment with its progress bar. */
export class MyLearningPage {
  readonly heading: Locator;
  readonly cards: Locator;

  constructor(
    readonly page: Page,
    private readonly baseUrl: string = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3100',
  ) {
    this.heading = page.getByRole('heading', { name: 'Pembelajaran saya', level: 1 });
    this.cards = page.getByRole('article');
  }

  async goto(filter: 'active' | 'completed' | 'all' = 'active'): Promise<void> {
    await this.page.goto(`${this.baseUrl.replace(/\/$/, '')}/belajar${filter === 'active' ? '' : `?status=${filter}`}`);
    await this.heading.waitFor({ state: 'visible' });
  }

  card(courseTitle: string): Locator {
    return this.cards.filter({ hasText: courseTitle });
  }

  /** The enrolment's status badge ("Aktif", "Selesai", …) on its card. */
  status(courseTitle: string, label: string): Locator {
    return this.card(courseTitle).getByText(label, { exact: true });
  }

  /** "Hanya yang terlambat": shows only enrolments past their due date. */
  overdueOnly(): Locator {
    return this.page.getByRole('checkbox', { name: 'Hanya yang terlambat' });
  }

  /** The progress bar of a course (its value is aria-valuenow). */
  progress(courseTitle: string): Locator {
    return this.page.getByRole('progressbar', { name: `Kemajuan ${courseTitle}` });
  }
}
