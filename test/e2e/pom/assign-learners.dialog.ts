import type { Locator, Page } from 'playwright-core';

/**
 * "Tugaskan peserta" on a catalog course page. A work unit is assigned live (decision 0025): the dialog shows the
 * reach first ("Lihat jangkauan"), then the assignment is confirmed.
 */
export class AssignLearnersDialog {
  readonly dialog: Locator;
  /** The due date field (named ASN, or a unit with the "Tanggal" due rule). */
  readonly dueDate: Locator;
  /** The reach shown before confirming. */
  readonly preview: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Tugaskan peserta' });
    this.dueDate = this.dialog.getByLabel('Tenggat (opsional)');
    this.preview = this.dialog.getByTestId('audience-preview');
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Tugaskan peserta' }).click();
    await this.dialog.waitFor();
  }

  /** Chooses a unit of the caller's own agency (with its sub-units) and asks for the reach; answers the count shown. */
  async previewUnit(unitName: string, o: { date?: string; mandatory?: boolean } = {}): Promise<number> {
    // The unit form is shown once the choice has registered (a click during the dialog's opening transition can be lost).
    const unitForm = this.dialog.getByLabel('Termasuk unit di bawahnya');
    for (let i = 0; i < 5 && !(await unitForm.isVisible()); i++) {
      await this.dialog
        .getByRole('radiogroup', { name: 'Tugaskan kepada' })
        .getByText('Unit kerja', { exact: true })
        .click();
      await unitForm.waitFor({ timeout: 3000 }).catch(() => undefined);
    }
    await unitForm.waitFor();
    const unit = this.dialog.getByRole('combobox', { name: 'Unit kerja' });
    await unit.click();
    await this.page.getByRole('option', { name: unitName, exact: true }).click();
    for (let i = 0; i < 40 && (await unit.inputValue()) !== unitName; i++) await this.page.waitForTimeout(250);
    if (o.mandatory) await this.dialog.getByLabel('Wajib (peserta tidak dapat mengundurkan diri)').check();
    if (o.date) {
      await this.dialog.getByRole('radiogroup', { name: 'Tenggat' }).getByText('Tanggal', { exact: true }).click();
      await this.dueDate.fill(o.date);
    }
    await this.dialog.getByRole('button', { name: 'Lihat jangkauan' }).click();
    const reach = this.preview.getByText(/^Penugasan ini menjangkau \d+ ASN$/);
    await reach.waitFor();
    return Number(((await reach.textContent()) ?? '').replace(/\D+/g, ''));
  }

  /** Confirms the previewed assignment; waits for the result and answers how many were enrolled. */
  async confirm(): Promise<number> {
    await this.dialog.getByRole('button', { name: 'Konfirmasi penugasan' }).click();
    const done = this.dialog.getByText(/^Penugasan berjalan dibuat: \d+ peserta didaftarkan\.$/);
    await done.waitFor();
    return Number(((await done.textContent()) ?? '').replace(/\D+/g, ''));
  }

  /** Assigns every ASN of a unit of the caller's own agency, due on `date` (YYYY-MM-DD); waits for the result. */
  async assignUnit(unitName: string, date: string): Promise<void> {
    await this.previewUnit(unitName, { date });
    await this.confirm();
    await this.dialog.getByText('Penugasan selesai').waitFor();
  }
}
