import type { Locator, Page } from 'playwright-core';

/** "Tugaskan peserta" on a catalog course page: assigns it to a work unit with a due date (a date, no time). */
export class AssignLearnersDialog {
  readonly dialog: Locator;
  readonly dueDate: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Tugaskan peserta' });
    this.dueDate = this.dialog.getByLabel('Tenggat (opsional)');
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Tugaskan peserta' }).click();
    await this.dialog.waitFor();
  }

  /** Assigns every ASN of a unit of the caller's own agency, due on `date` (YYYY-MM-DD); waits for the result. */
  async assignUnit(unitName: string, date: string): Promise<void> {
    await this.dialog.getByText('Unit kerja', { exact: true }).first().click();
    await this.dialog.getByRole('combobox', { name: 'Unit kerja' }).click();
    await this.page.getByRole('option', { name: unitName, exact: true }).click();
    await this.dueDate.fill(date);
    await this.dialog.getByRole('button', { name: 'Tugaskan', exact: true }).click();
    await this.dialog.getByText('Penugasan selesai').waitFor();
  }
}
