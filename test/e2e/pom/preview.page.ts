import type { Locator, Page } from 'playwright-core';

/** /kursus/:courseId/pratinjau[/:lessonId]: the course as learners will see it, before publishing. */
export class CoursePreviewPage {
  readonly banner: Locator;
  readonly outline: Locator;
  readonly outlineToggle: Locator;
  readonly lessonTitle: Locator;
  readonly article: Locator;
  readonly showKeys: Locator;
  readonly answerKeys: Locator;

  constructor(readonly page: Page) {
    this.banner = page.getByText(/^Pratinjau: beginilah peserta akan melihat kursus ini\./);
    this.outline = page.getByRole('navigation', { name: 'Daftar materi (pratinjau)' });
    this.outlineToggle = page.getByRole('button', { name: 'Daftar materi (pratinjau)' });
    this.lessonTitle = page.locator('#lesson-title');
    this.article = page.getByRole('article');
    this.showKeys = page.getByRole('switch', { name: 'Tampilkan kunci jawaban' });
    this.answerKeys = page.getByTestId('answer-key');
  }

  async waitForLoaded(): Promise<void> {
    await this.banner.waitFor();
  }

  /** Opens a lesson from the outline (unfolding it first on a phone) and waits for its title. */
  async openLesson(title: string): Promise<void> {
    if (await this.outlineToggle.isVisible()) await this.outlineToggle.click();
    await this.outline
      .getByRole('link', { name: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })
      .click();
    await this.page.getByRole('heading', { name: title, level: 1 }).waitFor();
  }
}
