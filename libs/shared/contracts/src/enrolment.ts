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
  /** Assigned as mandatory (wajib): the learner cannot withdraw (decision 0025). */
  mandatory: boolean;
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
  totals: CourseReportTotals;
}

// ---- audience assignments (decision 0025) ------------------------------------------------------------------------

/** Who a live assignment reaches: everyone in a work unit (optionally with its sub-units), or everyone holding a position in an agency. */
export const AUDIENCE_KINDS = ['unit', 'position'] as const;
export type AudienceKind = (typeof AUDIENCE_KINDS)[number];

/** The audience an assignment targets, as the preview and the create request send it. */
export interface AudienceTarget {
  kind: AudienceKind;
  /** kind unit: the unit. */
  unitId?: string;
  /** kind unit: the units under it too. */
  includeSubUnits?: boolean;
  /** kind position: the position name (jabatan, case-insensitive). */
  positionName?: string;
  /** kind position: the agency whose holders of the position are meant. */
  agencyId?: string;
}

/** One person of a preview's sample. */
export interface AudienceSamplePerson {
  employeeId: string;
  name: string;
  nip: string;
  unitName: string | null;
}

/** What an audience would reach now, before the assignment is confirmed. */
export interface AudiencePreview {
  /** Active ASN of the audience in the caller's scope who may see the course. */
  reach: number;
  /** Of them, those not enrolled yet: the enrolments confirming would create now. */
  newEnrolments: number;
  /** Of them, already enrolled (any status): left as they are. */
  alreadyEnrolled: number;
  /** Up to 5 people of the audience, by name. */
  sample: AudienceSamplePerson[];
}

/**
 * A live assignment of a course to an audience: its members are enrolled when it is created, and people who join the
 * unit or take the position later are enrolled too, until it ends (decision 0025).
 */
export interface AudienceAssignment {
  id: string;
  courseId: string;
  agencyId: string;
  kind: AudienceKind;
  unitId: string | null;
  unitName: string | null;
  includeSubUnits: boolean;
  positionName: string | null;
  mandatory: boolean;
  /** A fixed due date (its instant in the zone it was set in), or null. */
  dueAt: string | null;
  dueDate: string | null;
  dueTimeZone: AgencyTimeZone | null;
  /** Or a due date relative to each enrolment: this many days after it (the end of that local day). */
  dueDays: number | null;
  startsAt: string;
  endsAt: string | null;
  /** Not ended (now before endsAt). */
  live: boolean;
  createdBy: string;
  createdByName: string | null;
  createdAt: string;
  /** Enrolments this assignment created so far. */
  enrolledCount: number;
}

export interface AudienceAssignmentResult {
  assignment: AudienceAssignment;
  /** False when the same live assignment existed already (a repeated request). */
  created: boolean;
  /** Enrolments created now. */
  enrolled: number;
}

// ---- course report (issue 15) --------------------------------------------------------------------------------------

/** The report's status filter: an enrolment status, or one of the derived states. */
export const COURSE_REPORT_STATUSES = [
  'not_started',
  'in_progress',
  'completed',
  'passed',
  'overdue',
  'pending_approval',
  'withdrawn',
  'rejected',
] as const;
export type CourseReportStatusFilter = (typeof COURSE_REPORT_STATUSES)[number];

/** The report's totals over the filtered learners (unit and search apply; not the status filter). */
export interface CourseReportTotals {
  enrolled: number;
  notStarted: number;
  inProgress: number;
  completed: number;
  /** Completed with a post-test graded at or above its pass mark (or completed where the course has no post-test). */
  passed: number;
  overdue: number;
  /** Average best pre-test and post-test grades, where taken. */
  averagePreTest: number | null;
  averagePostTest: number | null;
}

/**
 * The columns of the course report, in order: the screen shows these and the CSV/XLSX export writes these, with the
 * headers of COURSE_REPORT_HEADERS (times in the viewer's zone, which the header names: `{zone}` is replaced).
 */
export const COURSE_REPORT_COLUMNS = [
  'nip',
  'name',
  'unitName',
  'status',
  'progressPercent',
  'preTestPercent',
  'postTestPercent',
  'gain',
  'timeSpentMinutes',
  'dueAt',
  'overdue',
  'completedAt',
] as const satisfies ReadonlyArray<keyof CourseReportRow>;
export type CourseReportColumn = (typeof COURSE_REPORT_COLUMNS)[number];

export const COURSE_REPORT_HEADERS: Record<CourseReportColumn, string> = {
  nip: 'NIP',
  name: 'Nama',
  unitName: 'Unit Kerja',
  status: 'Status',
  progressPercent: 'Progres (%)',
  preTestPercent: 'Pre-test (%)',
  postTestPercent: 'Post-test (%)',
  gain: 'Kenaikan',
  timeSpentMinutes: 'Waktu belajar (menit)',
  dueAt: 'Tenggat ({zone})',
  overdue: 'Terlambat',
  completedAt: 'Selesai ({zone})',
};
