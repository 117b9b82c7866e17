import type { CompletionRule, LessonContent, LessonKind } from './course-snapshot';

/** Course authoring, workflow, versions, files and catalog API types (docs/learning.md, "Courses and versions"). */
export const COMPETENCY_KINDS = ['teknis', 'manajerial', 'sosial_kultural'] as const;
export type CompetencyKind = (typeof COMPETENCY_KINDS)[number];

export const LEARNING_METHODS = [
  'e_learning',
  'blended',
  'klasikal',
  'webinar',
  'pelatihan_jarak_jauh',
  'magang',
  'coaching',
  'mentoring',
  'seminar',
  'workshop',
] as const;
export type LearningMethod = (typeof LEARNING_METHODS)[number];

export const COURSE_LEVELS = ['dasar', 'menengah', 'lanjut'] as const;
export type CourseLevel = (typeof COURSE_LEVELS)[number];

/** `agency`: its own agency; `province`: the province of its agency and every agency under it; `national`: everyone. */
export const COURSE_VISIBILITIES = ['agency', 'province', 'national'] as const;
export type CourseVisibility = (typeof COURSE_VISIBILITIES)[number];

export const ENROLMENT_MODES = ['open', 'approval', 'assigned_only'] as const;
export type EnrolmentMode = (typeof ENROLMENT_MODES)[number];

/**
 * Workflow state of the course's draft. A course is live in the catalog while it has a `currentVersionId` and is not
 * archived: a published course whose next revision is `in_review` (or was returned to `draft`) keeps serving its
 * current version.
 */
export const COURSE_STATUSES = ['draft', 'in_review', 'published', 'archived'] as const;
export type CourseStatus = (typeof COURSE_STATUSES)[number];

export const COURSE_AUTHOR_ROLES = ['owner', 'co_author'] as const;
export type CourseAuthorRole = (typeof COURSE_AUTHOR_ROLES)[number];

export const COURSE_AUTHOR_INVITATION_STATUSES = ['pending', 'accepted', 'declined'] as const;
export type CourseAuthorInvitationStatus = (typeof COURSE_AUTHOR_INVITATION_STATUSES)[number];

/** An invitation as the inviting course's authors see it: only what they typed (the NIP) and its state. */
export interface CourseAuthorInvitation {
  id: string;
  courseId: string;
  nip: string;
  status: CourseAuthorInvitationStatus;
  createdAt: string;
  decidedAt: string | null;
}

/** An invitation as the invitee's agency admin sees it, to accept or decline. */
export interface IncomingAuthorInvitation extends CourseAuthorInvitation {
  courseTitle: string;
  courseAgencyName: string;
  employeeId: string;
  employeeName: string;
  invitedByName: string | null;
}

/** `image`: a picture inside rich text (lesson text, description, instructions, prompts), shown where the text is. */
export const COURSE_FILE_PURPOSES = ['cover', 'video', 'document', 'file', 'assignment', 'image'] as const;
export type CourseFilePurpose = (typeof COURSE_FILE_PURPOSES)[number];

export const COURSE_REVIEW_ACTIONS = ['submit', 'publish', 'return', 'archive'] as const;
export type CourseReviewAction = (typeof COURSE_REVIEW_ACTIONS)[number];

/** One row of the authoring list, the review queue and the catalog. */
export interface CourseSummary {
  id: string;
  agencyId: string;
  agencyName: string;
  title: string;
  description: string;
  competencyKind: CompetencyKind;
  learningMethod: LearningMethod;
  jenisDiklatId: number;
  /** SIASN latihanStrukturalId 1–8 when jenisDiklatId is 1 (structural leadership training), else null. */
  latihanStrukturalId: number | null;
  jp: number;
  level: CourseLevel;
  tags: string[];
  coverFileId: string | null;
  visibility: CourseVisibility;
  enrolmentMode: EnrolmentMode;
  status: CourseStatus;
  currentVersionId: string | null;
  /** Version number of the live version, if any. */
  currentVersionNo: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface CourseAuthor {
  employeeId: string;
  name: string;
  nip: string;
  role: CourseAuthorRole;
}

export interface CourseLesson {
  id: string;
  moduleId: string;
  position: number;
  kind: LessonKind;
  title: string;
  required: boolean;
  content: LessonContent;
}

export interface CourseModule {
  id: string;
  position: number;
  title: string;
  lessons: CourseLesson[];
}

export interface CourseVersionSummary {
  id: string;
  versionNo: number;
  jp: number;
  requiresUpgrade: boolean;
  publishedBy: string | null;
  publishedAt: string;
}

export interface CourseFile {
  id: string;
  courseId: string;
  purpose: CourseFilePurpose;
  fileName: string;
  mime: string;
  size: number;
  createdAt: string;
}

export interface CourseReviewEvent {
  action: CourseReviewAction;
  actorUserId: string | null;
  actorName: string | null;
  note: string | null;
  at: string;
}

/** The draft as its authors and reviewers see it. */
export interface CourseDetail extends CourseSummary {
  objectives: string[];
  prerequisiteCourseIds: string[];
  completionRule: CompletionRule;
  modules: CourseModule[];
  authors: CourseAuthor[];
  versions: CourseVersionSummary[];
  files: CourseFile[];
  reviewEvents: CourseReviewEvent[];
  /** What the caller may do with this course. */
  can: {
    edit: boolean;
    /** Submit for review: an author or admin, a draft or published course, and something changed since the live version. */
    submit: boolean;
    review: boolean;
    manageAuthors: boolean;
    archive: boolean;
  };
}

/** The public course page: metadata and the live version's outline (titles and kinds, never lesson content). */
export interface CatalogCourseDetail extends CourseSummary {
  objectives: string[];
  prerequisiteCourseIds: string[];
  authors: Array<{ name: string; role: CourseAuthorRole }>;
  outline: Array<{
    id: string;
    title: string;
    lessons: Array<{ id: string; title: string; kind: LessonKind; required: boolean }>;
  }>;
  /** The caller's enrolment status in this course, if any. */
  enrolmentStatus: string | null;
}

/** What needs an admin's or reviewer's attention (GET /api/attention), each list a first page with its total. */
export interface AdminAttention {
  /** Courses in review that the caller may review. */
  reviews: import('./api').Page<CourseSummary>;
  /** Imports that failed or refused rows in the last 30 days. */
  failedImports: import('./api').Page<import('./api').EmployeeImport>;
  /** Assigned enrolments past their due date, of learners in the agencies the caller administers. */
  overdue: import('./api').Page<import('./api').OverdueAssignment>;
}
