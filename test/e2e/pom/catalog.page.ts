import type { Locator, Page } from 'playwright-core';

/** /katalog: search box, filters and one card (article) per course; /katalog/:courseId: the course page with the enrol button. */
export class CatalogPage {
  readonly heading: Locator;
  readonly search: Locator;
  readonly cards: Locator;
  readonly enrolButton: Locator;
  readonly continueButton: Locator;
  /** On the course page: the enrolment panel (status badge, progress, continue/open button). */
  readonly enrolmentPanel: Locator;
  readonly openCourseButton: Locator;

  constructor(
    readonly page: Page,
    private readonly baseUrl: string = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3100',
  ) {
    this.heading = page.getByRole('heading', { name: 'Katalog', level: 1 });
    this.search = page.getByLabel('Cari kursus');
    this.cards = page.getByRole('article');
    this.enrolButton = page.getByRole('button', { name: /^(Daftar|Ajukan pendaftaran)$/ });
    this.continueButton = page.getByRole('link', { name: /^(Lanjutkan|Mulai) belajar$/ });
    this.enrolmentPanel = page.getByRole('complementary', { name: 'Pendaftaran' });
    this.openCourseButton = page.getByRole('link', { name: 'Buka kursus' });
  }

  async goto(): Promise<void> {
    await this.page.goto(`${this.baseUrl.replace(/\/$/, '')}/katalog`);
    await this.heading.waitFor({ state: 'visible' });
  }

  async searchFor(text: string): Promise<void> {
    const response = this.page.waitForResponse(
      (res) => res.url().includes('/api/catalog?') && res.url().includes('q='),
    );
    await this.search.fill(text);
    await response;
  }

  card(title: string): Locator {
    return this.cards.filter({ has: this.page.getByRole('heading', { name: title, exact: true }) });
  }

  async openCourse(title: string): Promise<void> {
    await this.card(title).getByRole('link', { name: title, exact: true }).click();
    await this.page.getByRole('heading', { name: title, level: 1, exact: true }).waitFor();
  }

  /** /katalog/:courseId directly. */
  async gotoCourse(courseId: string, title: string): Promise<void> {
    await this.page.goto(`${this.baseUrl.replace(/\/$/, '')}/katalog/${courseId}`);
    await this.page.getByRole('heading', { name: title, level: 1, exact: true }).waitFor();
  }

  /** Enrols in an open course; the player opens at the first lesson. */
  async enrol(): Promise<void> {
    await this.enrolButton.click();
    await this.page.waitForURL(/\/belajar\/[0-9a-f-]+\/[0-9a-f-]+$/);
  }
}
