import { randomBytes } from 'node:crypto';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CatalogPage } from '../pom/catalog.page';
import { CourseBuilderPage, type SingleChoiceQuestion } from '../pom/course-builder.page';
import { PlayerPage } from '../pom/player.page';
import { CoursePreviewPage } from '../pom/preview.page';
import { ReviewPage } from '../pom/review.page';
import { BASE_URL, PASSWORD } from '../support/api';
import { axeViolations } from '../support/axe';
import { signedInPage } from '../support/sign-in';
import { serveYouTubeStandIn, type YouTubeStandIn } from '../support/youtube-stand-in';

jest.setTimeout(600_000);

const WIDYAISWARA = '197803152005012002'; // BPSDM Provinsi NTB
const REVIEWER = 'bpsdm@ntbprov.go.id'; // province admin, not an author of the course
const LEARNER = '198609262015051001'; // Kota Mataram

const run = randomBytes(2).toString('hex');
const TITLE = `Menyapa Warga dengan Ramah ${run}`;
const DESCRIPTION = 'Cara ASN menyambut warga di loket layanan: salam, senyum dan kepastian waktu.';
// The author numbers the module; it must not become "Modul 1: Modul 1: …".
const MODULE = 'Modul 1: Sikap melayani';
const TEXT_LESSON = 'Prinsip menyapa warga';
const HEADING = 'Tiga kebiasaan di loket';
const ITEMS = ['Ucapkan salam', 'Tanyakan keperluan', 'Sebutkan waktu selesai'];
const VIDEO_LESSON = 'Video: contoh menyapa warga';
const YOUTUBE_URL = 'https://youtu.be/dQw4w9WgXcQ';
// The stand-in plays in real time: a short video is watched honestly in a few seconds.
const VIDEO_SECONDS = 8;
const QUIZ_LESSON = 'Kuis singkat';
const QUIZ_TITLE = `Kuis menyapa ${run}`;
const QUESTION: SingleChoiceQuestion = {
  prompt: 'Apa yang pertama diucapkan kepada warga di loket?',
  options: ['Salam', 'Nomor antrean', 'Jam tutup'],
  correct: 0,
};
/** What Word puts on the clipboard for a bold phrase and a numbered list (abridged from Word 365). */
const WORD_PASTE =
  `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style><!-- p.MsoNormal{mso-style-parent:""} --></style></head><body>` +
  `<p class=MsoNormal><span lang=IN style='mso-ansi-language:IN'>Urutan yang <b style='mso-bidi-font-weight:normal'>dianjurkan</b>:<o:p></o:p></span></p>` +
  `<p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]><span lang=IN>Berdiri dan tersenyum<o:p></o:p></span></p>` +
  `<p class=MsoListParagraphCxSpLast style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]><span lang=IN>Persilakan duduk<o:p></o:p></span></p>` +
  `</body></html>`;
const WORD_ITEMS = ['Berdiri dan tersenyum', 'Persilakan duduk'];

/**
 * Issue 15, authoring, through the browser only: a widyaiswara writes a text lesson with the editor (a heading and a
 * list typed with the toolbar, and a paste from Word), which survive saving and reloading; adds a YouTube video (a web
 * page is refused first, with the reason); previews the whole course as a learner (text, the video player, the quiz
 * questions, answer keys on request). A reviewer opens a lesson before publishing and sees the answer keys. The learner
 * finds the description formatted, sees the heading and the list, and watches the YouTube video to completion.
 * YouTube itself is replaced by a local stand-in served by the test (support/youtube-stand-in.ts): tests have no
 * internet. axe: 0 axe violations (any impact) on every page visited, at 1366 px and at 360 px.
 */
describe('web: authoring journey (editor, YouTube video, preview, review)', () => {
  let browser: Browser;
  let context: BrowserContext | undefined;
  let youtube: YouTubeStandIn;
  let courseId = '';
  let submitted = false;
  let published = false;

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function signIn(username: string): Promise<Page> {
    const page = await signedInPage(browser, BASE_URL, username, PASSWORD, { viewport: { width: 1366, height: 900 } });
    context = page.context();
    // The machine running the journeys is shared: give slow steps time rather than fail them.
    page.setDefaultTimeout(60_000);
    youtube = await serveYouTubeStandIn(context, { durationSeconds: VIDEO_SECONDS });
    return page;
  }

  /** The axe violations (any impact) of the page as it is, at 1366 px and at 360 px wide. */
  async function axeAtBothWidths(page: Page, where: string) {
    const found = [];
    for (const [width, height] of [
      [1366, 900],
      [360, 780],
    ]) {
      await page.setViewportSize({ width, height });
      found.push(...(await axeViolations(page, `${where} at ${width} px`)));
    }
    await page.setViewportSize({ width: 1366, height: 900 });
    return found;
  }

  it('the widyaiswara writes a lesson with the editor, adds a YouTube video and a quiz, previews the course as a learner and submits it', async () => {
    const page = await signIn(WIDYAISWARA);
    const builder = new CourseBuilderPage(page, BASE_URL);
    await builder.gotoList();
    courseId = await builder.createCourse({ title: TITLE, description: DESCRIPTION, visibility: /^Provinsi/ });
    await builder.addModule(MODULE);
    await page.getByRole('heading', { name: MODULE, exact: true, level: 3 }).waitFor();
    expect(await page.getByText(`Modul 1: ${MODULE}`).count()).toBe(0);

    // A heading and a bulleted list with the toolbar, then a paste from Word.
    await builder.startLesson(MODULE, 'Teks', TEXT_LESSON);
    await builder.writeHeadingAndList(HEADING, ITEMS);
    const editor = builder.editor('Isi pelajaran');
    await editor.press('Enter');
    await editor.press('Enter');
    await builder.pasteIntoText(WORD_PASTE);
    await editor.locator('ol > li').nth(1).waitFor();
    expect(await axeAtBothWidths(page, 'the lesson editor')).toEqual([]);
    await builder.saveLesson();

    // Reloaded from the server: the heading, the list and the pasted list are there, and nothing of Word.
    await page.reload();
    await builder.moduleHeading(MODULE).waitFor();
    await builder.openLesson(TEXT_LESSON);
    const saved = builder.editor('Isi pelajaran');
    await saved.getByRole('heading', { name: HEADING, level: 2 }).waitFor();
    expect(await saved.locator('ul > li').allTextContents()).toEqual(ITEMS);
    expect(await saved.locator('ol > li').allTextContents()).toEqual(WORD_ITEMS);
    await saved.locator('strong', { hasText: 'dianjurkan' }).waitFor();
    expect(await saved.innerHTML()).not.toMatch(/mso|Mso|o:p|lang=|Times New Roman/);
    await page.keyboard.press('Escape');
    await builder.dialog.waitFor({ state: 'detached' });

    // A web page is refused at entry, with the reason; a YouTube link is taken.
    await builder.startLesson(MODULE, 'Video', VIDEO_LESSON);
    await builder.setVideoUrl('https://www.menpan.go.id/site/berita-terkini');
    await builder.dialog.getByRole('button', { name: 'Simpan' }).click();
    await builder.dialog.getByText(/^Tautan ini tidak dapat diputar: Alamat ini bukan video YouTube/).waitFor();
    await builder.setVideoUrl(YOUTUBE_URL);
    await builder.dialog.getByText(/^Video YouTube \(dQw4w9WgXcQ\): diputar dengan pemutar YouTube/).waitFor();
    await builder.setVideoDuration(VIDEO_SECONDS);
    await builder.saveLesson();

    await builder.openSection('Bank soal');
    await builder.addSingleChoiceQuestion(QUESTION);
    await builder.openSection('Kuis');
    await builder.createQuiz(QUIZ_TITLE);
    await builder.saveQuizSettings({ passPercent: 80 });
    await builder.openSection('Konten');
    await builder.startLesson(MODULE, 'Kuis', QUIZ_LESSON);
    await builder.chooseQuiz(QUIZ_TITLE);
    await builder.saveLesson();

    // The whole course as a learner will see it.
    await builder.openPreview();
    const preview = new CoursePreviewPage(page);
    await preview.waitForLoaded();
    await page.getByText(DESCRIPTION).waitFor();
    expect(await axeAtBothWidths(page, 'the preview overview')).toEqual([]);
    await preview.openLesson(TEXT_LESSON);
    await preview.article.getByRole('heading', { name: HEADING, level: 2 }).waitFor();
    expect(await preview.article.locator('ul > li').allTextContents()).toEqual(ITEMS);
    await preview.openLesson(VIDEO_LESSON);
    await preview.article.locator(`iframe[title="Video: ${VIDEO_LESSON}"]`).waitFor();
    await youtube.frame(page, `Video: ${VIDEO_LESSON}`).getByRole('button', { name: 'Play' }).waitFor();
    await preview.article.getByText('Pratinjau: tontonan tidak dicatat.', { exact: false }).waitFor();
    expect(await axeAtBothWidths(page, 'the preview of the video lesson')).toEqual([]);
    await preview.openLesson(QUIZ_LESSON);
    await preview.article.getByText(QUESTION.prompt).waitFor();
    // The author previews as a learner: no keys until asked for.
    expect(await preview.answerKeys.count()).toBe(0);
    await preview.showKeys.check({ force: true });
    await preview.answerKeys.first().getByText(QUESTION.options[QUESTION.correct], { exact: true }).waitFor();
    expect(await axeAtBothWidths(page, 'the preview of the quiz lesson')).toEqual([]);

    await page.getByRole('link', { name: /Kembali ke kursus/ }).click();
    await page.waitForURL(new RegExp(`/kursus/${courseId}$`));
    await builder.submitForReview();
    await page.getByText('Ditinjau', { exact: true }).first().waitFor();
    submitted = true;
  });

  it('the reviewer opens a lesson before publishing, sees the answer keys, and publishes', async () => {
    expect(submitted).toBe(true);
    const page = await signIn(REVIEWER);
    const review = new ReviewPage(page, BASE_URL);
    await review.goto();
    await review.openCourse(TITLE);
    expect(await axeAtBothWidths(page, 'the review page')).toEqual([]);

    await page.getByRole('link', { name: TEXT_LESSON, exact: true }).click();
    const preview = new CoursePreviewPage(page);
    await preview.waitForLoaded();
    await page.getByText('Yang ditampilkan adalah versi yang sedang ditinjau.').waitFor();
    await preview.article.getByRole('heading', { name: HEADING, level: 2 }).waitFor();
    await preview.openLesson(QUIZ_LESSON);
    // A reviewer sees the keys at once.
    await preview.answerKeys.first().getByText(QUESTION.options[QUESTION.correct], { exact: true }).waitFor();
    expect(await axeAtBothWidths(page, 'the reviewer’s preview')).toEqual([]);

    await page.getByRole('link', { name: /Kembali ke tinjauan/ }).click();
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    await review.publish();
    published = true;
  });

  it('the learner sees the description formatted, the heading and the list, and watches the YouTube video to completion', async () => {
    expect(published).toBe(true);
    const page = await signIn(LEARNER);
    const catalog = new CatalogPage(page, BASE_URL);
    await catalog.goto();
    await catalog.searchFor(TITLE);
    await catalog.card(TITLE).getByText(DESCRIPTION).waitFor();
    await catalog.openCourse(TITLE);
    await page.getByText(DESCRIPTION, { exact: true }).waitFor();
    // Formatted, not shown as markup.
    expect(await page.getByText('<p>').count()).toBe(0);
    expect(await axeAtBothWidths(page, 'the catalog course page')).toEqual([]);
    await catalog.enrol();

    const player = new PlayerPage(page);
    await player.waitForLesson(TEXT_LESSON);
    const lesson = page.getByRole('article');
    await lesson.getByRole('heading', { name: HEADING, level: 2 }).waitFor();
    expect(await lesson.locator('ul > li').allTextContents()).toEqual(ITEMS);
    expect(await lesson.locator('ol > li').allTextContents()).toEqual(WORD_ITEMS);
    expect(await axeAtBothWidths(page, 'the text lesson')).toEqual([]);

    await player.goNext(VIDEO_LESSON);
    await player.videoStatus.filter({ hasText: 'Ditonton 0%' }).waitFor();
    await youtube.frame(page, `Video: ${VIDEO_LESSON}`).getByRole('button', { name: 'Play' }).click();
    // Played to the end in the (stand-in) YouTube player: the share counted from the player API completes it.
    await player.videoStatus
      .filter({ hasText: /^Selesai \(ditonton (9\d|100)%\)/ })
      .waitFor({ timeout: (VIDEO_SECONDS + 20) * 1000 });
    await player.waitForLessonStatus(VIDEO_LESSON, 'Selesai');
    expect(await axeAtBothWidths(page, 'the YouTube video lesson')).toEqual([]);
  });
});
