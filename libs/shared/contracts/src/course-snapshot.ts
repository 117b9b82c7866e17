/**
 * The immutable content of one published course version (course_version.snapshot). Written by the learning
 * domain when a course is published; read by enrolment (player, progress, completion) and assessment (attempts).
 * Quiz snapshots hold scoring keys: never send a QuizSnapshot or QuestionSnapshot to a learner as is.
 */
export const LESSON_KINDS = ['text', 'video', 'document', 'file', 'link', 'quiz', 'assignment', 'live'] as const;
export type LessonKind = (typeof LESSON_KINDS)[number];

export const QUESTION_KINDS = [
  'single',
  'multiple',
  'true_false',
  'short_answer',
  'numeric',
  'matching',
  'ordering',
  'essay',
] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export type QuizRole = 'quiz' | 'pre_test' | 'post_test';
export type GradingMethod = 'highest' | 'last' | 'average';
export type ReviewPolicy =
  'never' | 'after_submit' | 'after_submit_with_answers' | 'after_close' | 'after_close_with_answers';

export interface CompletionRule {
  requiredLessons: 'all' | string[];
  passQuizzes?: string[];
  minPostTestPercent?: number;
  passAssignments?: string[];
  minLiveAttendance?: number;
  /** Minimum credited learning time over the whole course, in minutes (docs/learning.md, "Minimum time"). */
  minMinutes?: number;
  /** Minimum credited time per lesson, in minutes, by lesson id: the lesson is not completed before it is met. */
  lessonMinMinutes?: Record<string, number>;
}

export type LessonContent =
  | { kind: 'text'; html: string }
  | { kind: 'video'; fileId?: string; url?: string; durationSeconds?: number; completeAtRatio: number }
  | { kind: 'document'; fileId: string }
  | { kind: 'file'; fileId: string }
  | { kind: 'link'; url: string }
  | { kind: 'quiz'; quizId: string }
  | { kind: 'assignment'; instructions: string; maxScore: number; passScore: number }
  | { kind: 'live'; startsAt: string; endsAt: string; joinUrl: string };

export interface LessonSnapshot {
  id: string;
  title: string;
  required: boolean;
  content: LessonContent;
}

export interface ModuleSnapshot {
  id: string;
  title: string;
  lessons: LessonSnapshot[];
  /** The module's JP when the course gives one per subject (mata pelatihan); certificates list them. */
  jp?: number;
}

export interface QuestionSnapshot {
  id: string;
  categoryId: string | null;
  kind: QuestionKind;
  prompt: string;
  points: number;
  /** Shown to the learner: option ids and texts, matching left/right items, ordering items. */
  options: Array<{ id: string; text: string; side?: 'left' | 'right' }>;
  /** Scoring key: never sent to a learner while the attempt is open, nor later unless the review policy allows. */
  key: unknown;
  feedback?: string;
}

export interface QuizSettings {
  role: QuizRole;
  draw: Array<{ categoryId: string | null; count: number }>;
  shuffleOptions: boolean;
  timeLimitSeconds: number | null;
  opensAt: string | null;
  closesAt: string | null;
  maxAttempts: number | null;
  passPercent: number;
  gradingMethod: GradingMethod;
  reviewPolicy: ReviewPolicy;
}

export interface QuizSnapshot {
  id: string;
  title: string;
  settings: QuizSettings;
  questions: QuestionSnapshot[];
}

export interface CourseSnapshot {
  courseId: string;
  versionNo: number;
  title: string;
  description: string;
  jp: number;
  jenisDiklatId: number;
  /** SIASN latihanStrukturalId 1–8, only for structural leadership training (jenis diklat 1); absent in older versions. */
  latihanStrukturalId?: number;
  modules: ModuleSnapshot[];
  completionRule: CompletionRule;
  /** Keyed by quiz id: every quiz a quiz lesson of this version uses. */
  quizzes: Record<string, QuizSnapshot>;
}
