/**
 * Assessment API: question banks, quizzes, attempts and grading (docs/learning.md, "Quizzes and grading").
 * Learner-facing shapes never hold scoring keys; only authors and graders see `answerKey`.
 */
import type { GradingMethod, QuestionKind, QuizSettings, ReviewPolicy } from './course-snapshot';

export const ATTEMPT_STATUSES = ['open', 'needs_grading', 'graded'] as const;
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];

export const GRADING_METHODS = ['highest', 'last', 'average'] as const satisfies readonly GradingMethod[];
export const QUIZ_ROLES = ['quiz', 'pre_test', 'post_test'] as const;
export const REVIEW_POLICIES = [
  'never',
  'after_submit',
  'after_submit_with_answers',
  'after_close',
  'after_close_with_answers',
] as const satisfies readonly ReviewPolicy[];

export interface QuestionOption {
  id: string;
  text: string;
  side?: 'left' | 'right';
}

/**
 * Scoring keys by kind:
 * single `{ correct: optionId }`; multiple `{ correct: optionId[] }`; true_false `{ correct: boolean }`;
 * short_answer `{ accepted: string[] }`; numeric `{ value, tolerance }`; matching `{ pairs: [{ left, right }] }`;
 * ordering `{ order: itemId[] }`; essay `null`.
 */
export type AnswerKey =
  | { correct: string }
  | { correct: string[] }
  | { correct: boolean }
  | { accepted: string[] }
  | { value: number; tolerance: number }
  | { pairs: Array<{ left: string; right: string }> }
  | { order: string[] }
  | null;

/**
 * Learner responses by kind: single option id; multiple option ids; true_false boolean; short_answer text;
 * numeric number; matching `[{ left, right }]`; ordering item ids in order; essay text.
 */
export type AnswerResponse = string | string[] | boolean | number | Array<{ left: string; right: string }> | null;

export interface QuestionCategory {
  id: string;
  courseId: string;
  name: string;
  questionCount: number;
}

export interface Question {
  id: string;
  courseId: string;
  categoryId: string | null;
  kind: QuestionKind;
  prompt: string;
  options: QuestionOption[];
  answerKey: AnswerKey;
  points: number;
  feedback: string | null;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface Quiz {
  id: string;
  courseId: string;
  title: string;
  settings: QuizSettings;
  createdAt: string;
  updatedAt: string;
}

/** A question as a learner sees it in an attempt: no key, options in the attempt's order. */
export interface AttemptQuestion {
  id: string;
  kind: QuestionKind;
  prompt: string;
  points: number;
  options: QuestionOption[];
  /** Numeric questions: how to write the number (comma for decimals, dot for thousands), shown under the field. */
  formatHint?: string;
}

export interface AttemptSummary {
  id: string;
  quizId: string;
  lessonId: string;
  enrolmentId: string;
  attemptNo: number;
  status: AttemptStatus;
  startedAt: string;
  deadlineAt: string | null;
  submittedAt: string | null;
  score: number | null;
  maxScore: number;
  percent: number | null;
  passed: boolean | null;
  gradedAt: string | null;
}

export interface SavedAnswer {
  questionId: string;
  response: AnswerResponse;
  savedAt: string;
}

/** GET /api/attempts/:id — what the learner needs to answer (or see the result of) an attempt. */
export interface AttemptView extends AttemptSummary {
  quizTitle: string;
  serverNow: string;
  /** The quiz's pass mark in percent. */
  passPercent: number;
  /** null: no limit. */
  maxAttempts: number | null;
  /** Attempts made at this quiz in this enrolment, this one included. */
  attemptsUsed: number;
  /** null: no limit. */
  attemptsLeft: number | null;
  /** A new attempt can be started now (finished attempt, none open, active enrolment, quiz window open, attempts left). */
  canRetry: boolean;
  /** Closed by its deadline: time ran out and the answers saved until then were submitted. */
  timeUp: boolean;
  questions: AttemptQuestion[];
  answers: SavedAnswer[];
}

export interface ReviewedQuestion extends AttemptQuestion {
  response: AnswerResponse;
  score: number | null;
  feedback: string | null;
  /** Only when the review policy shows correct answers (or to a grader). */
  answerKey?: AnswerKey;
  questionFeedback?: string | null;
}

export interface AttemptReview extends AttemptSummary {
  quizTitle: string;
  employeeId: string;
  /** The learner, named with titles and NIP (the grading page says whose answers are being graded). */
  learner: { name: string; nip: string } | null;
  showsAnswers: boolean;
  questions: ReviewedQuestion[];
}

export interface QuizGrade {
  method: GradingMethod;
  percent: number;
  passed: boolean;
  gradedAttempts: number;
}

export interface LessonAttempts {
  quizId: string;
  lessonId: string;
  quizTitle: string;
  maxAttempts: number | null;
  attemptsUsed: number;
  passPercent: number;
  grade: QuizGrade | null;
  attempts: AttemptSummary[];
}

export interface GradingItem {
  attemptId: string;
  quizId: string;
  quizTitle: string;
  employeeId: string;
  employeeName: string;
  nip: string;
  attemptNo: number;
  submittedAt: string | null;
  pendingQuestions: number;
}

/** Grading index (issue 15): quiz attempts waiting for essays to be graded in one course. */
export interface GradingWaiting {
  courseId: string;
  essayAttempts: number;
}

export interface AnswerSaved {
  saved: number;
  savedAt: string;
}
