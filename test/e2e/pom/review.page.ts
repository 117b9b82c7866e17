import type { Locator, Page } from 'playwright-core';

/** /review (courses waiting for review) and /review/:courseId (what the reviewer checks, publish or return). */
export class ReviewPage {
  readonly heading: Locator;
  readonly publishButton: Locator;
  readonly returnButton: Locator;
  readonly dialog: Locator;

  constructor(
    readonly page: Page,
    private readonly baseUrl: string = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3100',
  ) {
    this.heading = page.getByRole('heading', { name: 'Review kursus', level: 1 });
    this.publishButton = page.getByRole('button', { name: 'Terbitkan' });
    this.returnButton = page.getByRole('button', { name: 'Kembalikan' });
    this.dialog = page.getByRole('dialog');
  }

  async goto(): Promise<void> {
    await this.page.goto(`${this.baseUrl.replace(/\/$/, '')}/review`);
    await this.heading.waitFor({ state: 'visible' });
  }

  /** The queue's link to a course. */
  courseLink(title: string): Locator {
    return this.page.getByRole('link', { name: title, exact: true });
  }

  async openCourse(title: string): Promise<void> {
    await this.courseLink(title).click();
    await this.page.getByRole('heading', { name: title, level: 1 }).waitFor();
  }

  /** Publishes the open course (with an optional version note) and returns to the queue. */
  async publish(note?: string): Promise<void> {
    await this.publishButton.click();
    if (note) await this.dialog.getByLabel('Catatan versi (opsional)').fill(note);
    const published = this.page.waitForResponse(
      (res) => /\/api\/courses\/[0-9a-f-]+\/publish$/.test(res.url()) && res.request().method() === 'POST',
    );
    await this.dialog.getByRole('button', { name: 'Terbitkan' }).click();
    const res = await published;
    if (!res.ok()) throw new Error(`Publishing failed: ${res.status()} ${await res.text()}`);
    await this.page.waitForURL((url) => url.pathname === '/review');
    await this.page.getByText('Kursus diterbitkan.').waitFor();
  }
}
