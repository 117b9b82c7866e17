import type { LessonKind, QuizRole } from './course-snapshot';
import type { Page } from './api';
import type { AgencyTimeZone } from './enums';

/** Enrolment, progress, completion and course-report API types (docs/learning.md, "Enrolment and progress"). */
export const ENROLMENT_STATUSES = ['pending_approval', 'active', 'completed', 'withdrawn', 'rejected'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

export const ENROLMENT_SOURCES = ['self', 'assigned'] as const;
export type EnrolmentSource = (typeof ENROLMENT_SOURCES)[number];

export const LESSON_PROGRESS_STATUSES = ['not_started', 'in_progress', 'completed'] as const;
export type LessonProgressStatus = (typeof LESSON_PROGRESS_STATUSES)[number];

export const PROGRESS_EVENTS = ['opened', 'heartbeat', 'video', 'downloaded'] as const;
export type ProgressEvent = (typeof PROGRESS_EVENTS)[number];

export const REPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** One row of "my learning" and of approval lists. */
export interface Enrolment {
  id: string;
  courseId: string;
  courseVersionId: string;
  versionNo: number;
  courseTitle: string;
  jp: number;
  employeeId: string;
  agencyId: string;
  source: EnrolmentSource;
  status: EnrolmentStatus;
  progressPercent: number;
  /** The due instant stated in the zone it was set in, e.g. `2026-12-31T23:59:59+08:00` (docs/learning.md, "Time zones"). */
  dueAt: string | null;
  /** The due date as a local day of `dueTimeZone` (`2026-12-31`). */
  dueDate: string | null;
  /** The zone of the agency that set the due date. */
  dueTimeZone: AgencyTimeZone | null;
  /** Not completed, withdrawn or rejected, and the due instant has passed (by the server's clock, at the time of the answer). */
  overdue: boolean;
  lastActivityAt: string | null;
  completedAt: string | null;
  createdAt: string;
}

/** An enrolment waiting for the supervisor (atasan langsung) or an admin. */
export interface PendingApproval extends Enrolment {
  employeeName: string;
  nip: string;
  unitName: string | null;
}

export interface LessonProgress {
  lessonId: string;
  status: LessonProgressStatus;
  timeSpentSeconds: number;
  position: Record<string, unknown> | null;
  watchedRatio: number | null;
  scorePercent: number | null;
  passed: boolean | null;
  attended: boolean;
  completedAt: string | null;
}

export interface OutlineLesson {
  id: string;
  title: string;
  kind: LessonKind;
  required: boolean;
  progress: LessonProgress;
}

export interface OutlineModule {
  id: string;
  title: string;
  lessons: OutlineLesson[];
}

export interface EnrolmentDetail extends Enrolment {
  modules: OutlineModule[];
  /** The first required lesson not yet completed (else the first incomplete lesson); null when all are done. */
  resume: { moduleId: string; lessonId: string } | null;
}

/** What the player shows of a quiz lesson: never the questions or their keys. */
export interface QuizLessonSummary {
  quizId: string;
  title: string;
  role: QuizRole;
  questionCount: number;
  timeLimitSeconds: number | null;
  opensAt: string | null;
  closesAt: string | null;
  maxAttempts: number | null;
  passPercent: number;
}

export interface AssignmentSubmission {
  id: string;
  enrolmentId: string;
  lessonId: string;
  fileName: string;
  submittedAt: string;
  score: number | null;
  feedback: string | null;
  passed: boolean | null;
  gradedAt: string | null;
}

/** Which submissions a grading list shows: not yet graded (the default), graded, or both. */
export const SUBMISSION_FILTERS = ['ungraded', 'graded', 'all'] as const;
export type SubmissionFilter = (typeof SUBMISSION_FILTERS)[number];

/** An assignment submission in a course's grading list: the latest file per learner and assignment lesson. */
export interface SubmissionForGrading extends AssignmentSubmission {
  employeeId: string;
  employeeName: string;
  nip: string;
  unitName: string | null;
  /** From the version the learner takes; null when that version no longer has the lesson. */
  lessonTitle: string | null;
  maxScore: number | null;
  passScore: number | null;
}

export type PlayerLessonContent =
  | { kind: 'text'; html: string }
  | {
      kind: 'video';
      fileId: string | null;
      url: string | null;
      durationSeconds: number | null;
      completeAtRatio: number;
    }
  | { kind: 'document'; fileId: string }
  | { kind: 'file'; fileId: string }
  | { kind: 'link'; url: string }
  | { kind: 'quiz'; quiz: QuizLessonSummary }
  | {
      kind: 'assignment';
      instructions: string;
      maxScore: number;
      passScore: number;
      submission: AssignmentSubmission | null;
      /** Earlier submissions still kept (newest first; at most two: docs/learning.md), replaced by `submission`. */
      history?: AssignmentSubmission[];
    }
  | { kind: 'live'; startsAt: string; endsAt: string; joinUrl: string };

export interface PlayerLesson {
  enrolmentId: string;
  moduleId: string;
  lessonId: string;
  title: string;
  kind: LessonKind;
  required: boolean;
  content: PlayerLessonContent;
  progress: LessonProgress;
  previousLessonId: string | null;
  nextLessonId: string | null;
}

export interface ProgressUpdate {
  event: ProgressEvent;
  secondsSpent?: number;
  position?: Record<string, unknown>;
  watchedRatio?: number;
}

export interface ProgressResult {
  lesson: LessonProgress;
  enrolmentProgressPercent: number;
  enrolmentStatus: EnrolmentStatus;
  /** The course is completed (by this change or before). */
  completed: boolean;
  /** Credited time still missing before the author's minimum times are met (docs/learning.md, "Minimum time"); 0 when met or none set. */
  timeRemaining?: { lessonSeconds: number; courseSeconds: number };
  /** Why the lesson or course is not completed yet although its content is done, in Bahasa Indonesia; null otherwise. */
  notice?: string | null;
}

export interface AssignmentResult {
  enrolled: number;
  alreadyEnrolled: number;
  skippedOutOfScope: number;
}

export interface AttendanceResult {
  recorded: number;
  notEnrolled: number;
}

export interface CourseReportRow {
  enrolmentId: string;
  employeeId: string;
  nip: string;
  name: string;
  unitName: string | null;
  status: EnrolmentStatus;
  progressPercent: number;
  preTestPercent: number | null;
  postTestPercent: number | null;
  /** Post-test minus pre-test, when both exist. */
  gain: number | null;
  /** Learning time the server credited over every lesson, in whole minutes. */
  timeSpentMinutes: number;
  /** As on an enrolment: the due instant in the zone it was set in, its local date and that zone. */
  dueAt: string | null;
  dueDate: string | null;
  dueTimeZone: AgencyTimeZone | null;
  overdue: boolean;
  /** A UTC instant; shown in the viewer's zone (`timeZone` of the report). */
  completedAt: string | null;
}

/** The course report's page: its times are shown in the viewer's zone, named here (decision 0015). */
export interface CourseReportPage extends Page<CourseReportRow> {
  timeZone: AgencyTimeZone;
}
