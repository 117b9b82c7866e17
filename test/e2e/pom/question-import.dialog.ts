import type { Locator, Page } from 'playwright-core';
import type { UploadFile } from './course-builder.page';

/** The "Impor soal" dialog and the "Ekspor" menu of a course's question bank (/kursus/:courseId/bank-soal). */
export class QuestionImportDialog {
  readonly openButton: Locator;
  readonly exportButton: Locator;
  readonly dialog: Locator;
  readonly report: Locator;

  constructor(readonly page: Page) {
    this.openButton = page.getByRole('button', { name: 'Impor soal' });
    this.exportButton = page.getByRole('button', { name: 'Ekspor' });
    this.dialog = page.getByRole('dialog');
    this.report = this.dialog.getByRole('table', { name: 'Laporan per soal' });
  }

  async open(): Promise<void> {
    await this.openButton.click();
    await this.dialog.getByText('Format berkas').waitFor();
  }

  async chooseFormat(label: 'GIFT (Moodle)' | 'Aiken' | 'Excel (XLSX)' | 'CSV'): Promise<void> {
    await this.dialog.getByRole('radio', { name: label }).check();
  }

  async chooseCategory(name: string): Promise<void> {
    await this.dialog.getByRole('combobox', { name: 'Masukkan ke kategori' }).click();
    await this.page.getByRole('option', { name, exact: true }).click();
  }

  /** Picks the file through the file chooser, as a person does. */
  async chooseFile(file: UploadFile): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.dialog.getByRole('button', { name: 'Berkas soal' }).click();
    await (await chooser).setFiles(file);
    await this.dialog.getByText(file.name).waitFor();
  }

  /** Uploads for the preview and waits for its report. */
  async preview(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Pratinjau' }).click();
    await this.report.waitFor();
  }

  /** Confirms the import of `count` questions and waits for the result. */
  async confirm(count: number): Promise<void> {
    await this.dialog.getByRole('button', { name: `Impor ${count} soal` }).click();
    await this.dialog
      .getByRole('status')
      .filter({ hasText: `Soal diimpor: ${count}.` })
      .waitFor();
  }

  async finish(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Selesai' }).click();
    await this.dialog.waitFor({ state: 'detached' });
  }

  /** Rows of the report with a status (header excluded). */
  reportRows(status?: 'Diterima' | 'Diimpor' | 'Sudah ada' | 'Ditolak'): Locator {
    const rows = this.report.getByRole('row').filter({ has: this.page.getByRole('cell') });
    return status ? rows.filter({ hasText: status }) : rows;
  }
}
