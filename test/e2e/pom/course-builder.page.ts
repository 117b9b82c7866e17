import type { Locator, Page } from 'playwright-core';

/** /kursus (Kursus saya), /kursus/baru and the course workspace /kursus/:courseId/* of a widyaiswara. */
export class CourseBuilderPage {
  readonly createLink: Locator;
  readonly dialog: Locator;
  /** Live region announcing moves and saves in the content editor. */
  readonly announcement: Locator;

  constructor(
    readonly page: Page,
    private readonly baseUrl: string = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3100',
  ) {
    this.createLink = page.getByRole('link', { name: 'Buat kursus' });
    this.dialog = page.getByRole('dialog');
    this.announcement = page.getByRole('status').filter({ hasText: /posisi|ditambahkan|disimpan|dihapus/ });
  }

  async gotoList(): Promise<void> {
    await this.page.goto(`${this.baseUrl.replace(/\/$/, '')}/kursus`);
    await this.page.getByRole('heading', { name: 'Kursus saya', level: 1 }).waitFor();
  }

  /** Fills the create form and lands on the content section; returns the course id. */
  async createCourse(input: { title: string; description?: string; visibility?: RegExp }): Promise<string> {
    await this.createLink.click();
    await this.page.getByLabel('Judul').fill(input.title);
    if (input.description) await this.page.getByLabel('Deskripsi').fill(input.description);
    if (input.visibility) {
      await this.page.getByRole('combobox', { name: 'Visibilitas' }).click();
      await this.page.getByRole('option', { name: input.visibility }).click();
    }
    await this.page.getByRole('button', { name: 'Buat kursus' }).click();
    await this.page.waitForURL(/\/kursus\/[0-9a-f-]+\/konten$/);
    return new URL(this.page.url()).pathname.split('/')[2];
  }

  section(name: 'Informasi' | 'Konten' | 'Aturan kelulusan' | 'Bank soal' | 'Kuis' | 'Penilaian' | 'Laporan'): Locator {
    return this.page.getByRole('navigation', { name: 'Bagian kursus' }).getByRole('link', { name });
  }

  moduleHeading(title: string): Locator {
    return this.page.getByRole('heading', { name: new RegExp(`^Modul \\d+: ${escapeRegExp(title)}$`) });
  }

  async addModule(title: string): Promise<void> {
    await this.page.getByLabel('Modul baru').fill(title);
    await this.page.getByRole('button', { name: 'Tambah modul' }).click();
    await this.moduleHeading(title).waitFor();
  }

  /** Opens the lesson editor for a module and picks the kind (e.g. "Teks", "Tautan", "Kuis"). */
  async startLesson(moduleTitle: string, kind: string, title: string): Promise<void> {
    await this.page.getByRole('button', { name: `Tambah pelajaran ke ${moduleTitle}` }).click();
    await this.dialog.getByRole('combobox', { name: 'Jenis pelajaran' }).click();
    await this.page.getByRole('option', { name: kind, exact: true }).click();
    await this.dialog.getByLabel('Judul pelajaran').fill(title);
  }

  async saveLesson(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Simpan' }).click();
    await this.dialog.waitFor({ state: 'detached' });
  }

  moveLessonUp(title: string): Locator {
    return this.page.getByRole('button', { name: `Pindahkan pelajaran ${title} ke atas` });
  }

  moveLessonDown(title: string): Locator {
    return this.page.getByRole('button', { name: `Pindahkan pelajaran ${title} ke bawah` });
  }

  async submitForReview(): Promise<void> {
    await this.page.getByRole('button', { name: 'Ajukan review' }).click();
    await this.dialog.getByRole('button', { name: 'Ajukan review' }).click();
    await this.page.getByText('Kursus diajukan untuk direview.').waitFor();
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
