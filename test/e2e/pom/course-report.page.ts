import type { Locator, Page } from 'playwright-core';

/** /kursus/:courseId/laporan: totals, a pre-/post-test chart and one row per learner, in the viewer's zone, filterable. */
export class CourseReportPage {
  readonly table: Locator;

  constructor(
    readonly page: Page,
    private readonly baseUrl: string = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3100',
  ) {
    this.table = page.getByRole('table', { name: 'Laporan kursus' });
  }

  async goto(courseId: string): Promise<void> {
    await this.page.goto(`${this.baseUrl.replace(/\/$/, '')}/kursus/${courseId}/laporan`);
    await this.page.getByRole('heading', { name: 'Laporan kursus', level: 2 }).waitFor();
  }

  /** The row of a learner, by NIP or name. */
  row(text: string): Locator {
    return this.table.getByRole('row').filter({ hasText: text });
  }

  /** The due-date filter: "Semua", "Terlambat" or "Tidak terlambat". */
  async filter(label: 'Semua' | 'Terlambat' | 'Tidak terlambat'): Promise<void> {
    await this.page.getByRole('radiogroup', { name: 'Tenggat' }).getByText(label, { exact: true }).click();
  }

  /** Searches by name or NIP (the list follows the URL a moment later). */
  async search(text: string): Promise<void> {
    await this.page.getByLabel('Cari nama atau NIP').fill(text);
    await this.page.waitForURL(new RegExp(`q=${encodeURIComponent(text)}`));
  }

  /** A total card's number ("Terdaftar", "Selesai", …). */
  async total(key: 'enrolled' | 'notStarted' | 'inProgress' | 'completed' | 'passed' | 'overdue'): Promise<number> {
    const text = (await this.page.getByTestId(`report-total-${key}`).locator('dd').textContent()) ?? '';
    return Number(text.replace(/\D+/g, ''));
  }
}
