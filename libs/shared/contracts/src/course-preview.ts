import type { AnswerKey, QuestionOption } from './assessment';
import type { CompletionRule, LessonContent, LessonKind, QuestionKind, QuizSettings } from './course-snapshot';
import type { CourseStatus } from './learning';

/**
 * "See what learners will see" (issue 15): the course's draft — which is also the version under review while the course
 * is in review — as the learner's player would show it, for the people who may author or review the course. Nothing
 * is recorded while previewing. Quiz questions come with their answer keys: only authors and reviewers ever get this.
 */
export interface CoursePreview {
  courseId: string;
  title: string;
  description: string;
  objectives: string[];
  jp: number;
  status: CourseStatus;
  /** The live version's number, if the course has one (the preview shows the draft, i.e. what would be the next). */
  currentVersionNo: number | null;
  completionRule: CompletionRule;
  modules: PreviewModule[];
  /** Keyed by quiz id: every quiz a quiz lesson of the draft uses. */
  quizzes: Record<string, PreviewQuiz>;
  /** The caller's standing: authors preview as a learner would; reviewers see the answer keys by default. */
  viewer: { isAuthor: boolean; isReviewer: boolean; canReview: boolean };
}

export interface PreviewModule {
  id: string;
  title: string;
  lessons: PreviewLesson[];
}

export interface PreviewLesson {
  id: string;
  title: string;
  kind: LessonKind;
  /** Required by the completion rule (as the player marks it). */
  required: boolean;
  content: LessonContent;
}

export interface PreviewQuestion {
  id: string;
  categoryId: string | null;
  kind: QuestionKind;
  prompt: string;
  points: number;
  options: QuestionOption[];
  answerKey: AnswerKey;
  /** Shown to the learner after answering, when the review policy allows. */
  feedback: string | null;
}

export interface PreviewQuiz {
  id: string;
  title: string;
  settings: QuizSettings;
  /** Questions a learner gets per attempt (the draw, or the whole bank). */
  questionsPerAttempt: number;
  /** The whole pool a learner's questions are drawn from. */
  questions: PreviewQuestion[];
  /** Why this quiz cannot be published as it is (no questions, a draw larger than its category), or null. */
  problem: string | null;
}
