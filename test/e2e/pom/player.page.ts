import type { Locator, Page } from 'playwright-core';

/** /belajar/:enrolmentId/:lessonId: the outline with per-lesson status, the lesson, previous/next. */
export class PlayerPage {
  readonly outline: Locator;
  readonly outlineToggle: Locator;
  readonly lessonTitle: Locator;
  readonly next: Locator;
  readonly previous: Locator;
  readonly startQuiz: Locator;
  readonly continueQuiz: Locator;

  constructor(readonly page: Page) {
    this.outline = page.getByRole('navigation', { name: 'Daftar materi' });
    this.outlineToggle = page.getByRole('button', { name: /^Daftar materi \(/ });
    this.lessonTitle = page.locator('#lesson-title');
    this.next = page.getByRole('link', { name: /Berikutnya/ });
    this.previous = page.getByRole('link', { name: /Sebelumnya/ });
    this.startQuiz = page.getByRole('button', { name: /^Mulai (kuis|percobaan baru)$/ });
    this.continueQuiz = page.getByRole('link', { name: 'Lanjutkan percobaan' });
  }

  async waitForLesson(title?: string): Promise<void> {
    await this.page.waitForURL(/\/belajar\/[0-9a-f-]+\/[0-9a-f-]+$/);
    if (title) await this.page.getByRole('heading', { name: title, level: 1 }).waitFor();
    else await this.lessonTitle.waitFor();
  }

  /** The outline link of a lesson; its text includes the status ("Selesai", "Sedang berjalan", "Belum mulai"). */
  outlineLesson(title: string): Locator {
    return this.outline.getByRole('link', { name: new RegExp(title) });
  }

  async startAttempt(): Promise<void> {
    await this.startQuiz.click();
    await this.page.waitForURL(/\/kuis\/[0-9a-f-]+$/);
  }
}
