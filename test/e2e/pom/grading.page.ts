import type { Locator, Page } from 'playwright-core';

/** /kursus/:courseId/penilaian: essays and assignment submissions waiting for a grade; the grade dialog of a submission. */
export class GradingPage {
  readonly essays: Locator;
  readonly assignments: Locator;
  readonly dialog: Locator;
  readonly downloadButton: Locator;

  constructor(
    readonly page: Page,
    private readonly baseUrl: string = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3100',
  ) {
    this.essays = page.getByRole('region', { name: 'Esai menunggu penilaian', exact: true });
    this.assignments = page.getByRole('region', { name: 'Tugas menunggu penilaian', exact: true });
    this.dialog = page.getByRole('dialog');
    this.downloadButton = this.dialog.getByRole('button', { name: 'Unduh berkas tugas' });
  }

  async goto(courseId: string): Promise<void> {
    await this.page.goto(`${this.baseUrl.replace(/\/$/, '')}/kursus/${courseId}/penilaian`);
    await this.assignments.getByRole('heading', { name: 'Tugas menunggu penilaian', level: 2 }).waitFor();
  }

  /** The row of a submission in the assignments table, by the learner's name or the file name. */
  submission(text: string): Locator {
    return this.assignments.getByRole('row').filter({ hasText: text });
  }

  async openSubmission(employeeName: string): Promise<void> {
    await this.assignments.getByRole('button', { name: `Nilai tugas ${employeeName}` }).click();
    await this.dialog.waitFor();
  }

  /** In the dialog: the score (and feedback), saved; the dialog closes. */
  async grade(score: number, feedback?: string): Promise<void> {
    await this.dialog.getByLabel(/^Nilai/).fill(String(score));
    if (feedback) await this.dialog.getByLabel('Umpan balik').fill(feedback);
    await this.dialog.getByRole('button', { name: 'Simpan nilai' }).click();
    await this.dialog.waitFor({ state: 'detached' });
  }
}
