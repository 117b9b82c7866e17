import type {
  AssignmentResult,
  AudienceAssignment,
  AudienceAssignmentResult,
  AudiencePreview,
  AudienceTarget,
  AttendanceResult,
  CompetencyKind,
  CourseReportRow,
  CompletionRule,
  CourseAuthorInvitation,
  CourseAuthorInvitationStatus,
  CourseDetail,
  CourseFile,
  CourseFilePurpose,
  CourseLesson,
  CourseLevel,
  CourseModule,
  CourseStatus,
  CourseSummary,
  CourseVisibility,
  EnrolmentMode,
  IncomingAuthorInvitation,
  LearningMethod,
  LessonContent,
  LessonKind,
  Page,
} from '@kompeten/shared-contracts';
import { request, upload } from '../../shared/api';

/** The draft as authors and reviewers see it (GET /courses/:id). */
export type Course = CourseDetail;

export interface CourseInput {
  agencyId: string;
  title: string;
  description: string;
  objectives: string[];
  competencyKind: CompetencyKind;
  learningMethod: LearningMethod;
  jenisDiklatId: number;
  /** Required when jenisDiklatId is 1 (structural leadership training), null otherwise. */
  latihanStrukturalId: number | null;
  jp: number;
  level: CourseLevel;
  tags: string[];
  visibility: CourseVisibility;
  enrolmentMode: EnrolmentMode;
  completionRule: CompletionRule;
}

export type CourseUpdate = Partial<Omit<CourseInput, 'agencyId'>> & {
  prerequisiteCourseIds?: string[];
  /** A course file of purpose "cover"; null removes the cover. */
  coverFileId?: string | null;
};

/** POST /courses/:courseId/assignments: named ASN, a unit (with its sub-units) and/or a position name. */
export interface AssignInput {
  employeeIds?: string[];
  unitId?: string;
  positionName?: string;
  /** `YYYY-MM-DD`: due at the end of that day in the assigner's agency zone. */
  dueDate?: string;
}

export interface LessonInput {
  kind: LessonKind;
  title: string;
  required: boolean;
  content: LessonContent;
}

export interface OutlineInput {
  modules: Array<{ id: string; lessonIds: string[] }>;
}

export type FilePurpose = Exclude<CourseFilePurpose, 'assignment'>;

export interface CourseListParams {
  status?: CourseStatus;
  q?: string;
  page?: number;
  pageSize?: number;
}

export interface PublishInput {
  requiresUpgrade?: boolean;
  note?: string;
}

/** The reviewer's note when the latest workflow event returned the course to its authors. */
export function returnNote(course: Course): string | null {
  const last = [...(course.reviewEvents ?? [])].sort((a, b) => a.at.localeCompare(b.at)).pop();
  return last?.action === 'return' ? last.note : null;
}

/** SIASN jenis diklat codes (DOMAIN.md §6). */
export const JENIS_DIKLAT: ReadonlyArray<{ id: number; name: string }> = [
  { id: 1, name: 'Diklat Struktural' },
  { id: 2, name: 'Diklat Fungsional' },
  { id: 3, name: 'Diklat Teknis' },
  { id: 4, name: 'Workshop' },
  { id: 5, name: 'Pelatihan Manajerial' },
  { id: 6, name: 'Pelatihan Sosial Kultural' },
  { id: 7, name: 'Sosialisasi' },
  { id: 8, name: 'Bimbingan Teknis' },
  { id: 9, name: 'Seminar' },
  { id: 10, name: 'Magang' },
  { id: 11, name: 'Kursus' },
  { id: 12, name: 'Penataran' },
  { id: 13, name: 'Pelatihan klasikal lainnya' },
  { id: 14, name: 'Coaching' },
  { id: 15, name: 'Mentoring' },
  { id: 16, name: 'E-Learning' },
  { id: 17, name: 'Pelatihan Jarak Jauh' },
  { id: 18, name: 'Detasering' },
  { id: 19, name: 'Outbond' },
  { id: 20, name: 'Patok Banding' },
  { id: 21, name: 'Pertukaran dengan swasta/BUMN/BUMD' },
  { id: 22, name: 'Belajar Mandiri' },
  { id: 23, name: 'Komunitas Belajar' },
  { id: 24, name: 'Bimbingan di Tempat Kerja' },
  { id: 25, name: 'Pelatihan nonklasikal lainnya' },
];

/** Largest upload per purpose (docs/learning.md, "Files"). */
export const MAX_FILE_BYTES: Record<FilePurpose, number> = {
  cover: 5 * 1024 * 1024,
  document: 50 * 1024 * 1024,
  video: 500 * 1024 * 1024,
  file: 50 * 1024 * 1024,
  image: 5 * 1024 * 1024,
};

const enc = encodeURIComponent;

// ---- courses ------------------------------------------------------------------------------------

export function listCourses(params: CourseListParams, signal?: AbortSignal): Promise<Page<CourseSummary>> {
  return request<Page<CourseSummary>>('/courses', { query: { ...params }, signal });
}

export function getCourse(id: string, signal?: AbortSignal): Promise<Course> {
  return request<Course>(`/courses/${enc(id)}`, { signal });
}

export function createCourse(input: CourseInput): Promise<Course> {
  return request<Course>('/courses', { method: 'POST', body: input });
}

export function updateCourse(id: string, input: CourseUpdate): Promise<Course> {
  return request<Course>(`/courses/${enc(id)}`, { method: 'PATCH', body: input });
}

// ---- modules and lessons ------------------------------------------------------------------------

export function createModule(courseId: string, title: string): Promise<CourseModule> {
  return request<CourseModule>(`/courses/${enc(courseId)}/modules`, { method: 'POST', body: { title } });
}

export function updateModule(id: string, title: string): Promise<CourseModule> {
  return request<CourseModule>(`/modules/${enc(id)}`, { method: 'PATCH', body: { title } });
}

export function deleteModule(id: string): Promise<void> {
  return request<void>(`/modules/${enc(id)}`, { method: 'DELETE' });
}

export function createLesson(moduleId: string, input: LessonInput): Promise<CourseLesson> {
  return request<CourseLesson>(`/modules/${enc(moduleId)}/lessons`, { method: 'POST', body: input });
}

export function updateLesson(id: string, input: Partial<LessonInput>): Promise<CourseLesson> {
  return request<CourseLesson>(`/lessons/${enc(id)}`, { method: 'PATCH', body: input });
}

export function deleteLesson(id: string): Promise<void> {
  return request<void>(`/lessons/${enc(id)}`, { method: 'DELETE' });
}

export function saveOutline(courseId: string, outline: OutlineInput): Promise<unknown> {
  return request<unknown>(`/courses/${enc(courseId)}/outline`, { method: 'PUT', body: outline });
}

export function uploadCourseFile(
  courseId: string,
  file: File,
  purpose: FilePurpose,
  onProgress?: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<CourseFile> {
  const form = new FormData();
  form.append('purpose', purpose);
  form.append('file', file, file.name);
  return upload<CourseFile>(`/courses/${enc(courseId)}/files`, form, onProgress, signal);
}

// ---- workflow -----------------------------------------------------------------------------------

export function submitForReview(id: string, note?: string): Promise<Course> {
  return request<Course>(`/courses/${enc(id)}/submit-review`, { method: 'POST', body: note ? { note } : {} });
}

export function listReviews(
  params: { page?: number; pageSize?: number },
  signal?: AbortSignal,
): Promise<Page<CourseSummary>> {
  return request<Page<CourseSummary>>('/reviews', { query: { ...params }, signal });
}

export function publishCourse(id: string, input: PublishInput): Promise<Course> {
  return request<Course>(`/courses/${enc(id)}/publish`, { method: 'POST', body: input });
}

export function returnCourse(id: string, note: string): Promise<Course> {
  return request<Course>(`/courses/${enc(id)}/return`, { method: 'POST', body: { note } });
}

export function archiveCourse(id: string): Promise<Course> {
  return request<Course>(`/courses/${enc(id)}/archive`, { method: 'POST' });
}

// ---- authors ------------------------------------------------------------------------------------

export function addAuthor(courseId: string, employeeId: string): Promise<unknown> {
  return request<unknown>(`/courses/${enc(courseId)}/authors`, { method: 'POST', body: { employeeId } });
}

export function removeAuthor(courseId: string, employeeId: string): Promise<void> {
  return request<void>(`/courses/${enc(courseId)}/authors/${enc(employeeId)}`, { method: 'DELETE' });
}

// ---- learners: assignment, attendance -----------------------------------------------------------

export function assignCourse(courseId: string, input: AssignInput): Promise<AssignmentResult> {
  return request<AssignmentResult>(`/courses/${enc(courseId)}/assignments`, { method: 'POST', body: input });
}

/** How many ASN an audience reaches now, and a sample, before confirming (writes nothing; decision 0025). */
export function previewAudience(courseId: string, audience: AudienceTarget): Promise<AudiencePreview> {
  return request<AudiencePreview>(`/courses/${enc(courseId)}/audience-assignments/preview`, {
    method: 'POST',
    body: { audience },
  });
}

export interface AudienceAssignInput {
  audience: AudienceTarget;
  mandatory?: boolean;
  dueDate?: string;
  dueDays?: number;
}

/** Assigns the course to the audience, live: members now, newcomers later, until it ends. */
export function createAudienceAssignment(
  courseId: string,
  input: AudienceAssignInput,
): Promise<AudienceAssignmentResult> {
  return request<AudienceAssignmentResult>(`/courses/${enc(courseId)}/audience-assignments`, {
    method: 'POST',
    body: input,
  });
}

export function listAudienceAssignments(
  courseId: string,
  params: { page?: number; pageSize?: number },
  signal?: AbortSignal,
): Promise<Page<AudienceAssignment>> {
  return request<Page<AudienceAssignment>>(`/courses/${enc(courseId)}/audience-assignments`, { query: params, signal });
}

export function endAudienceAssignment(id: string): Promise<AudienceAssignment> {
  return request<AudienceAssignment>(`/audience-assignments/${enc(id)}/end`, { method: 'POST' });
}

export function recordAttendance(courseId: string, lessonId: string, employeeIds: string[]): Promise<AttendanceResult> {
  return request<AttendanceResult>(`/courses/${enc(courseId)}/lessons/${enc(lessonId)}/attendance`, {
    method: 'POST',
    body: { employeeIds },
  });
}

/** Every learner of the course (the JSON course report, page by page, at most 1,000). */
export async function listCourseLearners(courseId: string, signal?: AbortSignal): Promise<CourseReportRow[]> {
  const rows: CourseReportRow[] = [];
  for (let page = 1; page <= 10; page++) {
    const res = await request<Page<CourseReportRow>>(`/courses/${enc(courseId)}/report`, {
      query: { format: 'json', page, pageSize: 100 },
      signal,
    });
    rows.push(...res.items);
    if (rows.length >= res.total || res.items.length === 0) break;
  }
  return rows;
}

// ---- co-author invitations (issue 12, decision 0013) -------------------------------------------

export function inviteAuthor(courseId: string, nip: string): Promise<CourseAuthorInvitation> {
  return request<CourseAuthorInvitation>(`/courses/${enc(courseId)}/author-invitations`, {
    method: 'POST',
    body: { nip },
  });
}

export function listCourseInvitations(
  courseId: string,
  params: { page?: number; pageSize?: number },
  signal?: AbortSignal,
): Promise<Page<CourseAuthorInvitation>> {
  return request<Page<CourseAuthorInvitation>>(`/courses/${enc(courseId)}/author-invitations`, {
    query: { ...params },
    signal,
  });
}

export function listIncomingInvitations(
  params: { page?: number; pageSize?: number; status?: CourseAuthorInvitationStatus },
  signal?: AbortSignal,
): Promise<Page<IncomingAuthorInvitation>> {
  return request<Page<IncomingAuthorInvitation>>('/author-invitations', { query: { ...params }, signal });
}

export function decideInvitation(id: string, decision: 'accept' | 'decline'): Promise<IncomingAuthorInvitation> {
  return request<IncomingAuthorInvitation>(`/author-invitations/${enc(id)}/${decision}`, { method: 'POST' });
}
