import type { AgencyTimeZone, CourseLesson, LessonContent, LessonKind } from '@kompeten/shared-contracts';
import { parseVideoUrl } from '@kompeten/shared-util';
import type { LessonInput } from './api';
import { fromZonedInput, toZonedInput } from './datetime';

/** The lesson editor's state: the inputs of every kind at once (switching kind while creating keeps what was typed). */
export interface LessonFormValues {
  kind: LessonKind;
  title: string;
  required: boolean;
  html: string;
  videoSource: 'url' | 'file';
  url: string;
  fileId: string;
  fileName: string;
  durationSeconds: number | string;
  completePercent: number | string;
  quizId: string;
  instructions: string;
  maxScore: number | string;
  passScore: number | string;
  /** "YYYY-MM-DDTHH:mm" in the author's agency time zone. */
  startsAt: string;
  endsAt: string;
  joinUrl: string;
}

/** The fields whose rule depends on the lesson kind (the title's rules are the input's own). */
export type LessonCheckedField =
  | 'html'
  | 'url'
  | 'completePercent'
  | 'fileId'
  | 'quizId'
  | 'instructions'
  | 'maxScore'
  | 'passScore'
  | 'startsAt'
  | 'endsAt'
  | 'joinUrl';

export type LessonProblem =
  | 'form.required'
  | 'lesson.urlInvalid'
  | 'lesson.videoUrlUnplayable'
  | 'lesson.completeRange'
  | 'lesson.fileRequired'
  | 'lesson.scoreInvalid'
  | 'lesson.passScoreInvalid'
  | 'lesson.endBeforeStart';

const URL_PATTERN = /^https?:\/\/\S+$/i;

/** The form's values for a lesson (edit), or a new text lesson's defaults (create). */
export function lessonFormValues(lesson: CourseLesson | undefined, timeZone: AgencyTimeZone): LessonFormValues {
  const values: LessonFormValues = {
    kind: lesson?.kind ?? 'text',
    title: lesson?.title ?? '',
    required: lesson?.required ?? true,
    html: '',
    videoSource: 'url',
    url: '',
    fileId: '',
    fileName: '',
    durationSeconds: '',
    completePercent: 90,
    quizId: '',
    instructions: '',
    maxScore: 100,
    passScore: 70,
    startsAt: '',
    endsAt: '',
    joinUrl: '',
  };
  const c = lesson?.content;
  if (!c) return values;
  switch (c.kind) {
    case 'text':
      values.html = c.html ?? '';
      break;
    case 'video':
      values.videoSource = c.fileId ? 'file' : 'url';
      values.url = c.url ?? '';
      values.fileId = c.fileId ?? '';
      values.durationSeconds = c.durationSeconds ?? '';
      values.completePercent = Math.round((c.completeAtRatio ?? 0.9) * 100);
      break;
    case 'document':
    case 'file':
      values.fileId = c.fileId ?? '';
      break;
    case 'link':
      values.url = c.url ?? '';
      break;
    case 'quiz':
      values.quizId = c.quizId ?? '';
      break;
    case 'assignment':
      values.instructions = c.instructions ?? '';
      values.maxScore = c.maxScore ?? 100;
      values.passScore = c.passScore ?? 70;
      break;
    case 'live':
      values.startsAt = toZonedInput(c.startsAt, timeZone);
      values.endsAt = toZonedInput(c.endsAt, timeZone);
      values.joinUrl = c.joinUrl ?? '';
      break;
  }
  return values;
}

/** Whether the lesson's content is an uploaded file (a document, a download, or a video given as a file). */
export function lessonNeedsFile(v: Pick<LessonFormValues, 'kind' | 'videoSource'>): boolean {
  return v.kind === 'document' || v.kind === 'file' || (v.kind === 'video' && v.videoSource === 'file');
}

/** The content of the lesson's kind; the inputs of the other kinds are left out. */
export function lessonContentOf(v: LessonFormValues, timeZone: AgencyTimeZone): LessonContent {
  switch (v.kind) {
    case 'text':
      return { kind: 'text', html: v.html };
    case 'video':
      return {
        kind: 'video',
        ...(v.videoSource === 'file' ? { fileId: v.fileId } : { url: v.url.trim() }),
        ...(v.durationSeconds !== '' ? { durationSeconds: Number(v.durationSeconds) } : {}),
        completeAtRatio: Number(v.completePercent) / 100,
      };
    case 'document':
      return { kind: 'document', fileId: v.fileId };
    case 'file':
      return { kind: 'file', fileId: v.fileId };
    case 'link':
      return { kind: 'link', url: v.url.trim() };
    case 'quiz':
      return { kind: 'quiz', quizId: v.quizId };
    case 'assignment':
      return {
        kind: 'assignment',
        instructions: v.instructions,
        maxScore: Number(v.maxScore),
        passScore: Number(v.passScore),
      };
    case 'live':
      return {
        kind: 'live',
        startsAt: fromZonedInput(v.startsAt, timeZone) ?? '',
        endsAt: fromZonedInput(v.endsAt, timeZone) ?? '',
        joinUrl: v.joinUrl.trim(),
      };
  }
}

export function lessonInputOf(v: LessonFormValues, timeZone: AgencyTimeZone): LessonInput {
  return { kind: v.kind, title: v.title.trim(), required: v.required, content: lessonContentOf(v, timeZone) };
}

const urlProblem = (url: string): LessonProblem | null => (URL_PATTERN.test(url.trim()) ? null : 'lesson.urlInvalid');

/** What is wrong with one field given the whole form (a field the lesson's kind does not use is never wrong). */
export function lessonProblem(
  field: LessonCheckedField,
  v: LessonFormValues,
  timeZone: AgencyTimeZone,
): LessonProblem | null {
  switch (field) {
    case 'html':
      return v.kind === 'text' && v.html.trim().length === 0 ? 'form.required' : null;
    case 'url':
      if (v.kind === 'video' && v.videoSource === 'url')
        return urlProblem(v.url) ?? (parseVideoUrl(v.url).ok ? null : 'lesson.videoUrlUnplayable');
      return v.kind === 'link' ? urlProblem(v.url) : null;
    case 'completePercent':
      return v.kind === 'video' && !(Number(v.completePercent) >= 10 && Number(v.completePercent) <= 100)
        ? 'lesson.completeRange'
        : null;
    case 'fileId':
      return lessonNeedsFile(v) && !v.fileId ? 'lesson.fileRequired' : null;
    case 'quizId':
      return v.kind === 'quiz' && !v.quizId ? 'form.required' : null;
    case 'instructions':
      return v.kind === 'assignment' && v.instructions.trim().length === 0 ? 'form.required' : null;
    case 'maxScore':
      return v.kind === 'assignment' && !(Number(v.maxScore) > 0) ? 'lesson.scoreInvalid' : null;
    case 'passScore':
      return v.kind === 'assignment' && !(Number(v.passScore) >= 0 && Number(v.passScore) <= Number(v.maxScore))
        ? 'lesson.passScoreInvalid'
        : null;
    case 'startsAt':
      return v.kind === 'live' && !fromZonedInput(v.startsAt, timeZone) ? 'form.required' : null;
    case 'endsAt': {
      if (v.kind !== 'live') return null;
      const end = fromZonedInput(v.endsAt, timeZone);
      const start = fromZonedInput(v.startsAt, timeZone);
      if (!end) return 'form.required';
      return !start || end > start ? null : 'lesson.endBeforeStart';
    }
    case 'joinUrl':
      return v.kind === 'live' ? urlProblem(v.joinUrl) : null;
  }
}
