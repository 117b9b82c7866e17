import type {
  AssignmentSubmission,
  Enrolment,
  EnrolmentDetail,
  EnrolmentStatus,
  Page,
  PlayerLesson,
  ProgressResult,
  ProgressUpdate,
} from '@kompeten/shared-contracts';
import { downloadFile, request, upload } from '../../shared/api';

const enc = encodeURIComponent;

/** Largest assignment upload (docs/learning.md, "Files"). */
export const MAX_SUBMISSION_BYTES = 20 * 1024 * 1024;

export function enrol(courseId: string): Promise<Enrolment> {
  return request<Enrolment>(`/courses/${enc(courseId)}/enrolments`, { method: 'POST' });
}

export interface MyEnrolmentParams {
  status?: EnrolmentStatus;
  /** true: only enrolments past their due date and not finished. */
  overdue?: boolean;
  page?: number;
  pageSize?: number;
}

export function listMyEnrolments(params: MyEnrolmentParams, signal?: AbortSignal): Promise<Page<Enrolment>> {
  return request<Page<Enrolment>>('/me/enrolments', { query: { ...params }, signal });
}

export function getEnrolment(id: string, signal?: AbortSignal): Promise<EnrolmentDetail> {
  return request<EnrolmentDetail>(`/enrolments/${enc(id)}`, { signal });
}

export function getLesson(enrolmentId: string, lessonId: string, signal?: AbortSignal): Promise<PlayerLesson> {
  return request<PlayerLesson>(`/enrolments/${enc(enrolmentId)}/lessons/${enc(lessonId)}`, { signal });
}

export function sendProgress(enrolmentId: string, lessonId: string, update: ProgressUpdate): Promise<ProgressResult> {
  return request<ProgressResult>(`/enrolments/${enc(enrolmentId)}/lessons/${enc(lessonId)}/progress`, {
    method: 'PUT',
    body: update,
  });
}

export function withdraw(enrolmentId: string): Promise<Enrolment> {
  return request<Enrolment>(`/enrolments/${enc(enrolmentId)}/withdraw`, { method: 'POST' });
}

export function submitAssignment(
  enrolmentId: string,
  lessonId: string,
  file: File,
  onProgress?: (fraction: number) => void,
): Promise<AssignmentSubmission> {
  const form = new FormData();
  form.append('file', file, file.name);
  return upload<AssignmentSubmission>(
    `/enrolments/${enc(enrolmentId)}/lessons/${enc(lessonId)}/submission`,
    form,
    onProgress,
  );
}

export function downloadCourseFile(fileId: string, fallbackName: string): Promise<void> {
  return downloadFile(`/files/${enc(fileId)}`, fallbackName);
}

/** Moved to the shared API layer (rich text shows course pictures too); kept here for the player's imports. */
export { protectedFileUrl } from '../../shared/api';
