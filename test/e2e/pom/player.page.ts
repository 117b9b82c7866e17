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
  readonly video: Locator;
  /** "Ditonton N%; selesai pada M%." while watching, "Selesai (ditonton N%)." once the video lesson is completed. */
  readonly videoStatus: Locator;
  /** The quiz lesson's verdict badge ("Lulus" / "Belum lulus") beside its role. */
  readonly quizVerdict: Locator;
  /** Shown above the player once the enrolment is completed. */
  readonly completedBanner: Locator;
  readonly courseProgress: Locator;

  constructor(readonly page: Page) {
    this.outline = page.getByRole('navigation', { name: 'Daftar materi' });
    this.outlineToggle = page.getByRole('button', { name: /^Daftar materi \(/ });
    this.lessonTitle = page.locator('#lesson-title');
    this.next = page.getByRole('link', { name: /Berikutnya/ });
    this.previous = page.getByRole('link', { name: /Sebelumnya/ });
    this.startQuiz = page.getByRole('button', { name: /^Mulai (kuis|percobaan baru)$/ });
    this.continueQuiz = page.getByRole('link', { name: 'Lanjutkan percobaan' });
    this.video = page.locator('article video');
    this.videoStatus = page.getByText(/^(Ditonton \d+%|Selesai \(ditonton \d+%\))/);
    this.quizVerdict = page.getByRole('article').getByText(/^(Lulus|Belum lulus)$/);
    this.completedBanner = page.getByText('Anda telah menyelesaikan kursus ini. Materi tetap dapat dibuka kembali.');
    this.courseProgress = page.getByRole('progressbar', { name: 'Kemajuan kursus' });
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

  /** Waits until the outline shows a lesson with this status ("Selesai", "Sedang berjalan", "Belum mulai"). */
  async waitForLessonStatus(title: string, status: 'Selesai' | 'Sedang berjalan' | 'Belum mulai'): Promise<void> {
    await this.outlineLesson(title)
      .filter({ hasText: `· ${status}` })
      .waitFor();
  }

  async goNext(title: string): Promise<void> {
    await this.next.click();
    await this.waitForLesson(title);
  }

  /**
   * Plays the lesson's video to the end, muted (headless Chromium allows muted playback without a gesture), as a
   * learner watching it would: the player counts continuous playback only and reports the watched share.
   */
  async watchVideo(): Promise<void> {
    await this.video.waitFor();
    await this.page.waitForFunction(() => {
      const v = document.querySelector<HTMLVideoElement>('article video');
      return !!v && v.readyState >= 1;
    });
    await this.video.evaluate(async (el: HTMLVideoElement) => {
      el.muted = true;
      const ended = new Promise((resolve) => el.addEventListener('ended', resolve, { once: true }));
      await el.play();
      await ended;
    });
  }

  async startAttempt(): Promise<void> {
    await this.startQuiz.click();
    await this.page.waitForURL(/\/kuis\/[0-9a-f-]+$/);
  }
}
