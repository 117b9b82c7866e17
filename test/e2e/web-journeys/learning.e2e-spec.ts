import { randomBytes } from 'node:crypto';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CatalogPage } from '../pom/catalog.page';
import { CourseBuilderPage, type SingleChoiceQuestion, type UploadFile } from '../pom/course-builder.page';
import { MyLearningPage } from '../pom/my-learning.page';
import { PlayerPage } from '../pom/player.page';
import { QuizAttemptPage } from '../pom/quiz-attempt.page';
import { ReviewPage } from '../pom/review.page';
import { axeViolations } from '../support/axe';
import { signedInPage } from '../support/sign-in';

jest.setTimeout(60_000);

const BASE_URL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3100';
const PASSWORD = 'Kompeten#2026';
const WIDYAISWARA = '197803152005012002'; // BPSDM Provinsi NTB
const REVIEWER = 'bpsdm@ntbprov.go.id'; // province admin, not an author of the course
const LEARNER = '198609262015051001'; // Kota Mataram

// Nothing searchable (title, description, objectives, tags) says "pelayanan": the catalog must find the course by its stem.
const run = randomBytes(2).toString('hex');
const TITLE = `Melayani Masyarakat dengan BerAKHLAK ${run}`;
const DESCRIPTION = 'Sikap dan kebiasaan ASN ketika melayani warga: ramah, cepat, tuntas dan akuntabel.';
const MODULE_BASICS = 'Nilai dasar';
const MODULE_TEST = 'Evaluasi';
const TEXT_LESSON = 'Mengapa ASN melayani';
const VIDEO_LESSON = 'Video: menyapa warga';
const QUIZ_LESSON = 'Kuis akhir';
const QUIZ_TITLE = 'Kuis Melayani Masyarakat';

/** Ten single-choice questions; no prompt contains another, so each card is found by its prompt. */
const QUESTIONS: SingleChoiceQuestion[] = [
  {
    prompt: 'Huruf B pada BerAKHLAK berarti …',
    options: ['Berorientasi Pelayanan', 'Bertanggung jawab', 'Bersih'],
    correct: 0,
  },
  { prompt: 'Huruf A yang pertama pada BerAKHLAK berarti …', options: ['Adil', 'Akuntabel', 'Aktif'], correct: 1 },
  { prompt: 'Huruf K pada BerAKHLAK berarti …', options: ['Kreatif', 'Kritis', 'Kompeten'], correct: 2 },
  { prompt: 'Huruf H pada BerAKHLAK berarti …', options: ['Harmonis', 'Hemat', 'Hebat'], correct: 0 },
  { prompt: 'Huruf L pada BerAKHLAK berarti …', options: ['Lugas', 'Loyal', 'Lincah'], correct: 1 },
  { prompt: 'Huruf A yang kedua pada BerAKHLAK berarti …', options: ['Agamis', 'Amanah', 'Adaptif'], correct: 2 },
  {
    prompt: 'Huruf terakhir, K, pada BerAKHLAK berarti …',
    options: ['Kolaboratif', 'Konsisten', 'Koordinatif'],
    correct: 0,
  },
  {
    prompt: 'Warga datang lima menit sebelum loket tutup. Sikap yang tepat …',
    options: ['Meminta datang besok', 'Melayani sampai tuntas', 'Menyerahkan ke rekan'],
    correct: 1,
  },
  {
    prompt: 'Keluhan warga di media sosial sebaiknya …',
    options: ['Diabaikan', 'Dihapus', 'Ditanggapi dan ditindaklanjuti'],
    correct: 2,
  },
  {
    prompt: 'Standar waktu layanan yang diumumkan harus …',
    options: ['Dipatuhi dan dipantau', 'Dirahasiakan', 'Diubah setiap hari'],
    correct: 0,
  },
];
const TOTAL = QUESTIONS.length;
const right = (q: SingleChoiceQuestion) => q.options[q.correct];
const wrong = (q: SingleChoiceQuestion) => q.options[(q.correct + 1) % q.options.length];

/**
 * The journey through the browser only: a widyaiswara builds a course with a text lesson, an uploaded video
 * and a ten-question quiz whose pass is required; a reviewer who is not the author publishes it; a learner finds it
 * by searching "pelayanan", enrols, studies, fails the quiz, passes it on the second attempt and completes the course.
 */
describe('web: learning journey (author → reviewer → learner)', () => {
  let browser: Browser;
  let context: BrowserContext | undefined;
  let video: UploadFile;
  let courseId = '';
  // Each step needs the one before; a failed step stops the next ones at once instead of waiting out their timeouts.
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
    video = await recordClip(browser);
  });

  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function signIn(username: string): Promise<Page> {
    const page = await signedInPage(browser, BASE_URL, username, PASSWORD);
    context = page.context();
    return page;
  }

  it('the widyaiswara builds the course with a text lesson, a video and a 10-question quiz that must be passed, and submits it', async () => {
    const page = await signIn(WIDYAISWARA);
    const builder = new CourseBuilderPage(page, BASE_URL);
    await builder.gotoList();
    courseId = await builder.createCourse({ title: TITLE, description: DESCRIPTION, visibility: /^Provinsi/ });

    await builder.addModule(MODULE_BASICS);
    await builder.addModule(MODULE_TEST);
    await builder.startLesson(MODULE_BASICS, 'Teks', TEXT_LESSON);
    await builder.fillText(
      '<h2>Melayani adalah inti tugas ASN</h2><p>ASN hadir untuk <strong>melayani</strong> masyarakat dengan ramah, cepat dan tuntas.</p>',
    );
    await builder.saveLesson();
    await builder.startLesson(MODULE_BASICS, 'Video', VIDEO_LESSON);
    await builder.uploadVideo(video);
    // The server credits watching only as fast as the video plays, so the author states its length (a 2-second clip).
    await builder.setVideoDuration(2);
    await builder.saveLesson();

    await builder.openSection('Bank soal');
    for (const q of QUESTIONS) await builder.addSingleChoiceQuestion(q);

    await builder.openSection('Kuis');
    await builder.createQuiz(QUIZ_TITLE);
    await builder.saveQuizSettings({ passPercent: 70, maxAttempts: 3 });

    await builder.openSection('Konten');
    await builder.startLesson(MODULE_TEST, 'Kuis', QUIZ_LESSON);
    await builder.chooseQuiz(QUIZ_TITLE);
    await builder.saveLesson();
    for (const title of [TEXT_LESSON, VIDEO_LESSON, QUIZ_LESSON])
      await page.getByText(title, { exact: true }).waitFor();

    await builder.openSection('Aturan kelulusan');
    await builder.requirePassingQuizzes([QUIZ_LESSON]);

    await builder.submitForReview();
    await page.getByText('Ditinjau', { exact: true }).first().waitFor();
    submitted = true;
  });

  it('a reviewer who is not the author publishes it', async () => {
    expect(submitted).toBe(true);
    const page = await signIn(REVIEWER);
    const review = new ReviewPage(page, BASE_URL);
    await review.goto();
    await review.openCourse(TITLE);
    await page.getByText(`Lulus kuis: ${QUIZ_LESSON}`).waitFor();
    await review.publish();
    // Back in the queue, which no longer lists it once refreshed.
    await review.courseLink(TITLE).waitFor({ state: 'detached' });
    published = true;
  });

  it('the learner finds it by "pelayanan", studies, fails the quiz, passes it on the second attempt and completes the course', async () => {
    expect(published).toBe(true);
    const page = await signIn(LEARNER);

    // Catalog: Indonesian stemming finds "Melayani …" for "pelayanan".
    const catalog = new CatalogPage(page, BASE_URL);
    await catalog.goto();
    await catalog.searchFor('pelayanan');
    await catalog.card(TITLE).waitFor();
    expect(await axeViolations(page, 'the catalog')).toEqual([]);
    await catalog.openCourse(TITLE);
    await catalog.enrol();

    // The text lesson completes when opened; the video when (nearly) all of it has been watched.
    const player = new PlayerPage(page);
    await player.waitForLesson(TEXT_LESSON);
    await player.waitForLessonStatus(TEXT_LESSON, 'Selesai');
    await player.goNext(VIDEO_LESSON);
    await player.videoStatus.filter({ hasText: 'Ditonton 0%' }).waitFor();
    await player.watchVideo();
    await player.videoStatus.filter({ hasText: /^Selesai \(ditonton (9\d|100)%\)/ }).waitFor();
    await player.waitForLessonStatus(VIDEO_LESSON, 'Selesai');
    expect(await axeViolations(page, 'the player')).toEqual([]);

    // First attempt: six right, four wrong = 60 % < 70 %: failed, and the course is not completed.
    await player.goNext(QUIZ_LESSON);
    await player.startAttempt();
    const quiz = new QuizAttemptPage(page);
    await quiz.waitForLoaded();
    expect(await quiz.questions.count()).toBe(TOTAL);
    for (const [i, q] of QUESTIONS.entries()) await quiz.choose(q.prompt, i < 6 ? right(q) : wrong(q));
    await quiz.waitForAllSaved(TOTAL, TOTAL);
    expect(await axeViolations(page, 'the quiz attempt')).toEqual([]);
    await quiz.submit();
    await quiz.resultVerdict.waitFor();
    expect(await quiz.resultPercent.textContent()).toBe('Nilai 60 %');
    expect(await quiz.resultVerdict.textContent()).toBe('Belum lulus');

    await quiz.backToLesson.click();
    await player.waitForLesson(QUIZ_LESSON);
    await player.quizVerdict.filter({ hasText: 'Belum lulus' }).waitFor();
    await player.waitForLessonStatus(QUIZ_LESSON, 'Selesai');
    expect(await player.completedBanner.isVisible()).toBe(false);

    // Second attempt: all right = 100 %: passed, which completes the course.
    await player.startAttempt();
    await quiz.waitForLoaded();
    for (const q of QUESTIONS) await quiz.choose(q.prompt, right(q));
    await quiz.waitForAllSaved(TOTAL, TOTAL);
    await quiz.submit();
    await quiz.resultVerdict.waitFor();
    expect(await quiz.resultPercent.textContent()).toBe('Nilai 100 %');
    expect(await quiz.resultVerdict.textContent()).toBe('Lulus');
    expect(await axeViolations(page, 'the quiz result')).toEqual([]);

    await quiz.backToLesson.click();
    await player.waitForLesson(QUIZ_LESSON);
    await player.completedBanner.waitFor();
    await player.quizVerdict.filter({ hasText: /^Lulus$/ }).waitFor();
    expect(await player.courseProgress.getAttribute('aria-valuenow')).toBe('100');

    // "Pembelajaran saya" lists it as completed; so does the course page.
    const myLearning = new MyLearningPage(page, BASE_URL);
    await myLearning.goto('completed');
    await myLearning.status(TITLE, 'Selesai').waitFor();
    expect(await myLearning.progress(TITLE).getAttribute('aria-valuenow')).toBe('100');

    await catalog.gotoCourse(courseId, TITLE);
    await catalog.enrolmentPanel.getByText('Selesai', { exact: true }).waitFor();
    await catalog.openCourseButton.waitFor();
  });
});

/** A two-second WebM clip recorded from a canvas in the browser (the upload is checked by its real bytes). */
async function recordClip(browser: Browser): Promise<UploadFile> {
  const page = await browser.newPage();
  try {
    const bytes = await page.evaluate(async () => {
      const canvas = document.createElement('canvas');
      canvas.width = 64;
      canvas.height = 36;
      const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
      const recorder = new MediaRecorder(canvas.captureStream(10), { mimeType: 'video/webm;codecs=vp8' });
      const chunks: Blob[] = [];
      recorder.ondataavailable = (e) => chunks.push(e.data);
      let frame = 0;
      const paint = setInterval(() => {
        ctx.fillStyle = `hsl(${(frame++ * 20) % 360}, 60%, 50%)`;
        ctx.fillRect(0, 0, canvas.width, canvas.height);
      }, 50);
      const stopped = new Promise((resolve) => (recorder.onstop = resolve));
      recorder.start();
      await new Promise((resolve) => setTimeout(resolve, 2000));
      recorder.stop();
      await stopped;
      clearInterval(paint);
      return Array.from(new Uint8Array(await new Blob(chunks).arrayBuffer()));
    });
    return { name: 'menyapa-warga.webm', mimeType: 'video/webm', buffer: Buffer.from(bytes) };
  } finally {
    await page.close();
  }
}
