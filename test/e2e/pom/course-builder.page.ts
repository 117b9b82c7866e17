import type { Locator, Page } from 'playwright-core';

/** A file handed to a file chooser (Playwright's FilePayload). */
export interface UploadFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** A single-choice question of the bank: its options in order and the index of the right one. */
export interface SingleChoiceQuestion {
  prompt: string;
  options: string[];
  correct: number;
}

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

  /** A module's heading: "Modul N: title", or the title alone when the author numbered it ("Modul 1: Pengantar"). */
  moduleHeading(title: string): Locator {
    return this.page.getByRole('heading', {
      name: new RegExp(`^(Modul \\d+: )?${escapeRegExp(title)}$`),
    });
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

  /** The writing area of a rich-text editor (lesson text, description, instructions, prompt), by its label. */
  editor(label: string, within: Locator | Page = this.dialog): Locator {
    return within.getByRole('textbox', { name: label, exact: true });
  }

  /** In the lesson dialog of a text lesson: its content, pasted as HTML into the editor (as from another program). */
  async fillText(html: string): Promise<void> {
    const editor = this.editor('Isi pelajaran');
    await editor.click();
    await pasteHtml(editor, html);
  }

  /**
   * In the lesson dialog of a text lesson: writes with the editor's toolbar as an author does — a section heading,
   * then a bulleted list of `items`.
   */
  async writeHeadingAndList(heading: string, items: string[]): Promise<void> {
    const editor = this.editor('Isi pelajaran');
    await editor.click();
    await this.dialog.getByRole('button', { name: 'Tajuk 2 (bagian)', exact: true }).click();
    await editor.pressSequentially(heading);
    await editor.press('Enter');
    await this.dialog.getByRole('button', { name: 'Daftar berbutir', exact: true }).click();
    for (const [i, item] of items.entries()) {
      await editor.pressSequentially(item);
      if (i < items.length - 1) await editor.press('Enter');
    }
  }

  /** Pastes HTML at the end of the text (what a paste from Word does); a click would move the caret, so none. */
  async pasteIntoText(html: string): Promise<void> {
    const editor = this.editor('Isi pelajaran');
    await editor.focus();
    await editor.press('Control+End');
    await pasteHtml(editor, html);
  }

  /** In the lesson dialog of a video lesson given by link: its address (YouTube, Vimeo or a video file). */
  async setVideoUrl(url: string): Promise<void> {
    await this.dialog.getByText('Tautan video', { exact: true }).first().waitFor();
    await this.dialog.getByRole('textbox', { name: 'Tautan video' }).fill(url);
  }

  /** Opens the editor of an existing lesson from the content section. */
  async openLesson(title: string): Promise<void> {
    await this.page.getByRole('button', { name: `Ubah ${title}`, exact: true }).click();
    await this.dialog.waitFor();
  }

  /** The course header's "Pratinjau sebagai peserta" (the preview of the whole course). */
  async openPreview(): Promise<void> {
    await this.page.getByRole('link', { name: 'Pratinjau sebagai peserta' }).click();
    await this.page.waitForURL(/\/kursus\/[0-9a-f-]+\/pratinjau$/);
  }

  /** In the lesson dialog of a video lesson: uploads the file (instead of a URL) and waits until it is attached. */
  async uploadVideo(file: UploadFile): Promise<void> {
    await this.dialog.getByText('Unggah berkas', { exact: true }).click();
    const chooser = this.page.waitForEvent('filechooser');
    await this.dialog.getByRole('button', { name: 'Pilih berkas' }).click();
    await (await chooser).setFiles(file);
    await this.dialog.getByText(`Berkas: ${file.name}`).waitFor();
  }

  /** In the lesson dialog of a video lesson: its length in seconds. */
  async setVideoDuration(seconds: number): Promise<void> {
    await this.dialog.getByRole('textbox', { name: 'Durasi (detik)' }).fill(String(seconds));
  }

  /** In the lesson dialog of a quiz lesson: picks one of the course's quizzes. */
  async chooseQuiz(quizTitle: string): Promise<void> {
    await this.dialog.getByRole('combobox', { name: 'Kuis', exact: true }).click();
    await this.page.getByRole('option', { name: quizTitle, exact: true }).click();
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

  /** Opens a section of the course workspace and waits for its heading. */
  async openSection(
    name: 'Konten' | 'Aturan kelulusan' | 'Bank soal' | 'Kuis',
    heading: string | RegExp = name,
  ): Promise<void> {
    await this.section(name).click();
    await this.page.getByRole('heading', { name: heading, level: 2 }).first().waitFor();
  }

  /** On "Bank soal": adds a single-choice question through the question editor. */
  async addSingleChoiceQuestion(q: SingleChoiceQuestion): Promise<void> {
    await this.page.getByRole('button', { name: 'Tambah soal' }).click();
    await this.dialog.getByLabel('Pertanyaan').fill(q.prompt);
    for (const [i, text] of q.options.entries()) {
      if (i >= 2) await this.dialog.getByRole('button', { name: 'Tambah pilihan' }).click();
      await this.dialog.getByLabel(`Pilihan ${i + 1}`, { exact: true }).fill(text);
    }
    await this.dialog.getByRole('radio', { name: `Pilihan ${q.correct + 1} benar` }).check();
    await this.dialog.getByRole('button', { name: 'Simpan' }).click();
    await this.dialog.waitFor({ state: 'detached' });
    await this.page.getByRole('cell', { name: q.prompt, exact: true }).waitFor();
  }

  /** On "Kuis": creates a quiz and lands on its settings; returns the quiz id. */
  async createQuiz(title: string): Promise<string> {
    await this.page.getByLabel('Judul kuis').fill(title);
    await this.page.getByRole('button', { name: 'Buat kuis' }).click();
    await this.page.waitForURL(/\/kuis\/[0-9a-f-]+$/);
    await this.page.getByRole('heading', { name: 'Pengaturan kuis', level: 2 }).waitFor();
    return new URL(this.page.url()).pathname.split('/').pop() as string;
  }

  /** On a quiz's settings: sets the pass mark (percent) and, when given, the attempt limit, then saves. */
  async saveQuizSettings(input: { passPercent: number; maxAttempts?: number }): Promise<void> {
    await this.page.getByLabel('Nilai lulus').fill(String(input.passPercent));
    if (input.maxAttempts !== undefined)
      await this.page.getByLabel('Jumlah percobaan maksimal').fill(String(input.maxAttempts));
    const saved = this.page.waitForResponse(
      (res) => /\/api\/quizzes\/[0-9a-f-]+$/.test(res.url()) && res.request().method() === 'PATCH',
    );
    await this.page.getByRole('button', { name: 'Simpan' }).click();
    if (!(await saved).ok()) throw new Error('Quiz settings were not saved');
    await this.page.getByText('Pengaturan kuis disimpan.').waitFor();
  }

  /** On "Aturan kelulusan": the quiz lessons whose quiz must be passed, then saves the rule. */
  async requirePassingQuizzes(lessonTitles: string[]): Promise<void> {
    const group = this.page.getByRole('group', { name: 'Kuis yang harus lulus' });
    for (const title of lessonTitles) await group.getByRole('checkbox', { name: title }).check();
    await this.page.getByRole('button', { name: 'Simpan' }).click();
    await this.page.getByText('Perubahan disimpan.').waitFor();
  }

  async submitForReview(): Promise<void> {
    await this.page.getByRole('button', { name: 'Ajukan review' }).click();
    await this.dialog.getByRole('button', { name: 'Ajukan review' }).click();
    await this.page.getByText('Kursus diajukan untuk direview.').waitFor();
  }
}

/** Pastes HTML where the editor's caret is, through a real paste event (ProseMirror reads the clipboard data). */
async function pasteHtml(editor: Locator, html: string): Promise<void> {
  await editor.evaluate((el, data) => {
    const transfer = new DataTransfer();
    transfer.setData('text/html', data);
    transfer.setData('text/plain', data.replace(/<[^>]*>/g, ' '));
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, html);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
