import { describe, expect, it } from '@jest/globals';
import { LESSON_KINDS, type CourseLesson, type LessonContent, type LessonKind } from '@kompeten/shared-contracts';
import {
  lessonContentOf,
  lessonFormValues,
  lessonInputOf,
  lessonNeedsFile,
  lessonProblem,
  type LessonCheckedField,
  type LessonFormValues,
} from './lesson-form';

function makeLesson(content: LessonContent, overrides: Partial<CourseLesson> = {}): CourseLesson {
  return {
    id: 'lesson-1',
    moduleId: 'module-1',
    position: 1,
    kind: content.kind,
    title: 'Materi 1',
    required: false,
    content,
    ...overrides,
  };
}

/** A new lesson's form of `kind`, with `changes` typed in. */
const form = (kind: LessonKind, changes: Partial<LessonFormValues> = {}): LessonFormValues => ({
  ...lessonFormValues(undefined, 'Asia/Jakarta'),
  kind,
  title: 'Materi',
  ...changes,
});

describe('lesson form: every kind round-trips from the server through the form and back unchanged', () => {
  const contents: LessonContent[] = [
    { kind: 'text', html: '<p>Nilai <strong>Akuntabel</strong></p>' },
    { kind: 'video', url: 'https://video.example.go.id/berakhlak.mp4', durationSeconds: 600, completeAtRatio: 0.8 },
    { kind: 'video', fileId: 'file-video', completeAtRatio: 0.9 },
    { kind: 'document', fileId: 'file-pdf' },
    { kind: 'file', fileId: 'file-xlsx' },
    { kind: 'link', url: 'https://siasn.bkn.go.id' },
    { kind: 'quiz', quizId: 'quiz-1' },
    { kind: 'assignment', instructions: 'Unggah laporan magang.', maxScore: 50, passScore: 35 },
    {
      kind: 'live',
      startsAt: '2025-03-03T01:00:00.000Z',
      endsAt: '2025-03-03T03:30:00.000Z',
      joinUrl: 'https://zoom.example/j/123',
    },
  ];

  it.each(contents.map((c) => [c.kind + ('fileId' in c && c.kind === 'video' ? ' (uploaded)' : ''), c] as const))(
    '%s',
    (_name, content) => {
      for (const zone of ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const) {
        const lesson = makeLesson(content);
        expect(lessonInputOf(lessonFormValues(lesson, zone), zone)).toEqual({
          kind: lesson.kind,
          title: 'Materi 1',
          required: false,
          content,
        });
      }
    },
  );

  it('covers all eight lesson kinds', () => {
    expect(new Set(contents.map((c) => c.kind))).toEqual(new Set(LESSON_KINDS));
  });
});

describe('lesson form: values', () => {
  it('starts a new lesson as a required text lesson with the usual video and assignment defaults', () => {
    expect(lessonFormValues(undefined, 'Asia/Jakarta')).toMatchObject({
      kind: 'text',
      title: '',
      required: true,
      videoSource: 'url',
      completePercent: 90,
      maxScore: 100,
      passScore: 70,
      durationSeconds: '',
    });
  });

  it('shows a live session in the author\u2019s zone and an uploaded video as "file"', () => {
    const live = lessonFormValues(
      makeLesson({
        kind: 'live',
        startsAt: '2025-03-03T01:00:00.000Z',
        endsAt: '2025-03-03T03:30:00.000Z',
        joinUrl: 'https://x.id',
      }),
      'Asia/Makassar',
    );
    expect({ startsAt: live.startsAt, endsAt: live.endsAt }).toEqual({
      startsAt: '2025-03-03T09:00',
      endsAt: '2025-03-03T11:30',
    });
    const video = lessonFormValues(
      makeLesson({ kind: 'video', fileId: 'file-video', completeAtRatio: 0.75 }),
      'Asia/Jakarta',
    );
    expect(video).toMatchObject({ videoSource: 'file', fileId: 'file-video', completePercent: 75 });
  });

  it('sends only the chosen source of a video, its length only when known, and the completion share as a ratio', () => {
    const both = { url: ' https://v.id/a.mp4 ', fileId: 'file-video', completePercent: '85' };
    expect(lessonContentOf(form('video', { ...both, videoSource: 'url' }), 'Asia/Jakarta')).toEqual({
      kind: 'video',
      url: 'https://v.id/a.mp4',
      completeAtRatio: 0.85,
    });
    expect(
      lessonContentOf(form('video', { ...both, videoSource: 'file', durationSeconds: '125' }), 'Asia/Jakarta'),
    ).toEqual({ kind: 'video', fileId: 'file-video', durationSeconds: 125, completeAtRatio: 0.85 });
  });

  it('reads a live session\u2019s local times in the author\u2019s zone, and trims the title and links', () => {
    const input = lessonInputOf(
      form('live', {
        title: '  Sesi tatap maya ',
        startsAt: '2025-03-03T09:00',
        endsAt: '2025-03-03T10:00',
        joinUrl: ' https://zoom.example/j/1 ',
      }),
      'Asia/Jayapura',
    );
    expect(input).toEqual({
      kind: 'live',
      title: 'Sesi tatap maya',
      required: true,
      content: {
        kind: 'live',
        startsAt: '2025-03-03T00:00:00.000Z',
        endsAt: '2025-03-03T01:00:00.000Z',
        joinUrl: 'https://zoom.example/j/1',
      },
    });
  });

  it('sends the assignment\u2019s scores as numbers', () => {
    expect(
      lessonContentOf(
        form('assignment', { instructions: 'Tulis esai.', maxScore: '20', passScore: '12.5' }),
        'Asia/Jakarta',
      ),
    ).toEqual({ kind: 'assignment', instructions: 'Tulis esai.', maxScore: 20, passScore: 12.5 });
  });

  it.each([
    ['document', 'url', true],
    ['file', 'url', true],
    ['video', 'file', true],
    ['video', 'url', false],
    ['text', 'file', false],
    ['link', 'url', false],
  ] as const)('a %s lesson (video source %s) needs a file: %p', (kind, videoSource, needs) => {
    expect(lessonNeedsFile({ kind, videoSource })).toBe(needs);
  });
});

describe('lesson form: validation', () => {
  const problem = (field: LessonCheckedField, values: LessonFormValues) => lessonProblem(field, values, 'Asia/Jakarta');

  it('a text lesson needs its HTML', () => {
    expect(problem('html', form('text', { html: '  ' }))).toBe('form.required');
    expect(problem('html', form('text', { html: '<p>x</p>' }))).toBeNull();
  });

  it('a link and a video given by address need an http(s) address', () => {
    for (const url of ['', 'siasn.bkn.go.id', 'ftp://x.id/a', 'https://', 'https://a b']) {
      expect(problem('url', form('link', { url }))).toBe('lesson.urlInvalid');
      expect(problem('url', form('video', { url, videoSource: 'url' }))).toBe('lesson.urlInvalid');
    }
    expect(problem('url', form('link', { url: ' HTTPS://siasn.bkn.go.id/ ' }))).toBeNull();
    expect(problem('url', form('video', { url: '', videoSource: 'file' }))).toBeNull();
  });

  it('a video address must be one that can be played or embedded (YouTube, Vimeo, a video file)', () => {
    const video = (url: string) => problem('url', form('video', { url, videoSource: 'url' }));
    expect(video('https://youtu.be/dQw4w9WgXcQ')).toBeNull();
    expect(video('https://www.youtube.com/shorts/aBcDeFgHi_-')).toBeNull();
    expect(video('https://vimeo.com/76979871')).toBeNull();
    expect(video('https://video.example.go.id/klip.webm')).toBeNull();
    expect(video('https://www.menpan.go.id/site/berita-terkini')).toBe('lesson.videoUrlUnplayable');
    expect(video('https://drive.google.com/file/d/1AbC/view')).toBe('lesson.videoUrlUnplayable');
    // A page is fine for a link lesson.
    expect(problem('url', form('link', { url: 'https://www.menpan.go.id/site/berita-terkini' }))).toBeNull();
  });

  it('a video counts as watched at 10–100 %', () => {
    expect(problem('completePercent', form('video', { completePercent: 9 }))).toBe('lesson.completeRange');
    expect(problem('completePercent', form('video', { completePercent: '101' }))).toBe('lesson.completeRange');
    expect(problem('completePercent', form('video', { completePercent: '' }))).toBe('lesson.completeRange');
    expect(problem('completePercent', form('video', { completePercent: 10 }))).toBeNull();
  });

  it('a document, a download and an uploaded video need their file', () => {
    expect(problem('fileId', form('document'))).toBe('lesson.fileRequired');
    expect(problem('fileId', form('file'))).toBe('lesson.fileRequired');
    expect(problem('fileId', form('video', { videoSource: 'file' }))).toBe('lesson.fileRequired');
    expect(problem('fileId', form('document', { fileId: 'file-1' }))).toBeNull();
  });

  it('a quiz lesson needs its quiz; an assignment its instructions and a passing score within its maximum', () => {
    expect(problem('quizId', form('quiz'))).toBe('form.required');
    expect(problem('instructions', form('assignment', { instructions: ' ' }))).toBe('form.required');
    expect(problem('maxScore', form('assignment', { maxScore: 0 }))).toBe('lesson.scoreInvalid');
    expect(problem('maxScore', form('assignment', { maxScore: '' }))).toBe('lesson.scoreInvalid');
    expect(problem('passScore', form('assignment', { maxScore: 50, passScore: 51 }))).toBe('lesson.passScoreInvalid');
    expect(problem('passScore', form('assignment', { maxScore: 50, passScore: -1 }))).toBe('lesson.passScoreInvalid');
    expect(problem('passScore', form('assignment', { maxScore: '50', passScore: '50' }))).toBeNull();
  });

  it('a live session needs a start, an end after it and a join address', () => {
    expect(problem('startsAt', form('live', { startsAt: '' }))).toBe('form.required');
    expect(problem('endsAt', form('live', { startsAt: '2025-03-03T09:00', endsAt: '' }))).toBe('form.required');
    expect(problem('endsAt', form('live', { startsAt: '2025-03-03T09:00', endsAt: '2025-03-03T09:00' }))).toBe(
      'lesson.endBeforeStart',
    );
    expect(problem('endsAt', form('live', { startsAt: '2025-03-03T09:00', endsAt: '2025-03-03T08:00' }))).toBe(
      'lesson.endBeforeStart',
    );
    expect(problem('endsAt', form('live', { startsAt: '', endsAt: '2025-03-03T08:00' }))).toBeNull();
    expect(problem('joinUrl', form('live', { joinUrl: 'zoom' }))).toBe('lesson.urlInvalid');
  });

  it('a kind\u2019s rules never fire on the inputs of the kinds it does not use', () => {
    const fields: LessonCheckedField[] = [
      'html',
      'url',
      'completePercent',
      'fileId',
      'quizId',
      'instructions',
      'maxScore',
      'passScore',
      'startsAt',
      'endsAt',
      'joinUrl',
    ];
    const used: Record<LessonKind, LessonCheckedField[]> = {
      text: ['html'],
      video: ['url', 'completePercent'],
      document: ['fileId'],
      file: ['fileId'],
      link: ['url'],
      quiz: ['quizId'],
      assignment: ['instructions', 'maxScore', 'passScore'],
      live: ['startsAt', 'endsAt', 'joinUrl'],
    };
    // Every input empty or out of range: each kind reports exactly its own fields.
    const empty = {
      html: '',
      url: '',
      completePercent: 0,
      fileId: '',
      quizId: '',
      instructions: '',
      maxScore: 0,
      passScore: 1,
      startsAt: '',
      endsAt: '',
      joinUrl: '',
    };
    for (const kind of LESSON_KINDS) {
      const wrong = fields.filter((field) => problem(field, form(kind, empty)) !== null);
      expect({ kind, wrong }).toEqual({ kind, wrong: used[kind] });
    }
  });
});
