import type { Locator, Page } from 'playwright-core';

export type SaveState = 'saved' | 'unsaved' | 'saving' | 'queued' | 'error' | 'empty';

/** /kuis/:attemptId: countdown from the server's deadline, autosaved answers with a per-question save state, submit. */
export class QuizAttemptPage {
  readonly countdown: Locator;
  readonly answered: Locator;
  readonly unsent: Locator;
  readonly questions: Locator;
  readonly submitButton: Locator;
  readonly dialog: Locator;
  /** On the result page (/kuis/:attemptId/hasil): "Nilai N%" and the verdict badge of the summary. */
  readonly resultPercent: Locator;
  readonly resultVerdict: Locator;
  readonly backToLesson: Locator;
  /** The visible 5- and 1-minute warning in the status bar. */
  readonly timeWarning: Locator;
  /** The polite live region that announces save-state changes. */
  readonly saveAnnouncement: Locator;
  readonly heading: Locator;
  /** On the result page: "Waktu habis, jawaban Anda telah dikirim", the pass mark and attempts, "Coba lagi". */
  readonly timeUpNotice: Locator;
  readonly resultAttempts: Locator;
  readonly resultRules: Locator;
  readonly retryButton: Locator;

  constructor(readonly page: Page) {
    this.countdown = page.getByTestId('quiz-countdown');
    this.answered = page.getByTestId('quiz-answered');
    this.unsent = page.getByTestId('quiz-unsent');
    this.questions = page.locator('section[aria-labelledby^="q-"]');
    this.submitButton = page.getByRole('button', { name: 'Kumpulkan' }).first();
    this.dialog = page.getByRole('dialog');
    this.resultPercent = page.getByTestId('attempt-percent');
    this.resultVerdict = page
      .getByRole('region', { name: 'Ringkasan', exact: true })
      .getByText(/^(Lulus|Belum lulus)$/);
    this.backToLesson = page.getByRole('link', { name: /Kembali ke pelajaran/ });
    this.timeWarning = page.getByTestId('quiz-time-warning');
    this.saveAnnouncement = page.getByTestId('quiz-save-announcement');
    this.heading = page.getByRole('heading', { level: 1 });
    this.timeUpNotice = page.getByTestId('result-time-up');
    this.resultAttempts = page.getByTestId('result-attempts');
    this.resultRules = page.getByTestId('result-rules');
    this.retryButton = page.getByRole('button', { name: 'Coba lagi' });
  }

  async waitForLoaded(): Promise<void> {
    await this.countdown.waitFor({ state: 'visible' });
  }

  /** The question card whose prompt contains the text. */
  question(prompt: string | RegExp): Locator {
    return this.questions.filter({ hasText: prompt });
  }

  /** Picks an option of a single-choice question (autosaved). */
  async choose(prompt: string | RegExp, option: string): Promise<void> {
    await this.question(prompt).getByRole('radio', { name: option, exact: true }).check();
  }

  /** Waits until every answer is saved on the server ("Semua jawaban tersimpan"). */
  async waitForAllSaved(answered: number, total: number): Promise<void> {
    await this.answered.filter({ hasText: `${answered} dari ${total} terjawab` }).waitFor();
    await this.unsent.filter({ hasText: 'Semua jawaban tersimpan' }).waitFor();
  }

  async saveState(prompt: string | RegExp): Promise<SaveState> {
    return ((await this.question(prompt).locator('[data-save-state]').getAttribute('data-save-state')) ??
      'empty') as SaveState;
  }

  /** Seconds left as shown (mm:ss or h:mm:ss); null without a time limit. */
  async secondsLeft(): Promise<number | null> {
    const text = (await this.countdown.textContent()) ?? '';
    if (!/\d+:\d{2}/.test(text)) return null;
    return text.split(':').reduce((total, part) => total * 60 + Number(part), 0);
  }

  async submit(): Promise<void> {
    await this.submitButton.click();
    await this.dialog.getByRole('button', { name: 'Kumpulkan' }).click();
    await this.page.waitForURL(/\/kuis\/[0-9a-f-]+\/hasil$/);
  }
}
