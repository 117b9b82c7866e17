import type { Locator, Page } from 'playwright-core';
import { BASE_URL } from '../support/api';

/** A discussion: the space's thread list and composer, and a thread's replies (apps/web/src/features/discussion). */
export class DiscussionPage {
  constructor(private readonly page: Page) {}

  async gotoCourse(courseId: string): Promise<void> {
    await this.page.goto(`${BASE_URL}/diskusi/pelatihan/${courseId}`);
    await this.page.getByRole('button', { name: 'Topik baru' }).waitFor();
  }

  /** Asks a question from the space's composer; the app opens the new thread. */
  async ask(title: string, text: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Topik baru' }).click();
    await this.page.getByRole('textbox', { name: 'Judul', exact: true }).fill(title);
    const body = this.page.getByRole('textbox', { name: 'Isi', exact: true });
    await body.click();
    await body.pressSequentially(text);
    await this.page.getByRole('button', { name: 'Kirim', exact: true }).click();
    await this.page.getByRole('heading', { level: 1, name: title }).waitFor();
  }

  async reply(text: string): Promise<void> {
    const body = this.page.getByRole('textbox', { name: 'Balasan Anda', exact: true });
    await body.click();
    await body.pressSequentially(text);
    await this.page.getByRole('button', { name: 'Balas', exact: true }).click();
    await this.post(text).waitFor();
  }

  /** The post (article) that shows `text`. */
  post(text: string): Locator {
    return this.page.getByRole('article').filter({ hasText: text });
  }
}
