import type { AttemptReview, CourseReportRow, GradingItem, Page, ReportFormat } from '@kompeten/shared-contracts';
import { fetchWithAuth, request } from '../../shared/api';

const enc = encodeURIComponent;

/** An assignment submission waiting for a grade (local type until the contract names it). */
export interface SubmissionGradingItem {
  id: string;
  enrolmentId: string;
  lessonId: string;
  lessonTitle?: string;
  employeeName: string;
  nip: string;
  fileName: string;
  submittedAt: string;
  maxScore?: number;
  passScore?: number;
}

export interface CourseGrading {
  attempts: GradingItem[];
  /** Assignment submissions waiting for a grade; null while the API lists attempts only. */
  submissions: SubmissionGradingItem[] | null;
}

type ListLike<T> = T[] | Page<T> | undefined | null;
const itemsOf = <T>(list: ListLike<T>): T[] => (Array.isArray(list) ? list : (list?.items ?? []));

/**
 * The grading queue of a course. Today the API answers Page<GradingItem> (essay attempts); an answer of the form
 * { attempts, submissions } also carries assignment submissions.
 */
export async function getCourseGrading(courseId: string, signal?: AbortSignal): Promise<CourseGrading> {
  const res = await request<ListLike<GradingItem> | { attempts?: ListLike<GradingItem>; submissions?: ListLike<SubmissionGradingItem> }>(`/courses/${enc(courseId)}/grading`, {
    query: { pageSize: 100 },
    signal,
  });
  if (res && !Array.isArray(res) && ('attempts' in res || 'submissions' in res)) {
    return { attempts: itemsOf(res.attempts), submissions: itemsOf(res.submissions) };
  }
  return { attempts: itemsOf(res as ListLike<GradingItem>), submissions: null };
}

export interface GradeInput {
  score: number;
  feedback?: string;
}

export function gradeAnswer(attemptId: string, questionId: string, input: GradeInput): Promise<unknown> {
  return request<unknown>(`/attempts/${enc(attemptId)}/answers/${enc(questionId)}/grade`, { method: 'POST', body: input });
}

export function gradeSubmission(submissionId: string, input: GradeInput): Promise<unknown> {
  return request<unknown>(`/submissions/${enc(submissionId)}/grade`, { method: 'POST', body: input });
}

export function getGraderReview(attemptId: string, signal?: AbortSignal): Promise<AttemptReview> {
  return request<AttemptReview>(`/attempts/${enc(attemptId)}/review`, { signal });
}

export function getCourseReport(courseId: string, params: { page?: number; pageSize?: number }, signal?: AbortSignal): Promise<Page<CourseReportRow>> {
  return request<Page<CourseReportRow>>(`/courses/${enc(courseId)}/report`, { query: { format: 'json', ...params }, signal });
}

/** Streams a download, reporting progress (0..1, or null while the size is unknown), then hands it to the browser. */
export async function downloadWithProgress(path: string, query: Record<string, string>, fallbackName: string, onProgress: (fraction: number | null) => void): Promise<void> {
  const res = await fetchWithAuth(path, { query });
  const total = Number(res.headers.get('content-length')) || 0;
  let blob: Blob;
  if (res.body && typeof res.body.getReader === 'function') {
    const reader = res.body.getReader();
    const chunks: Uint8Array[] = [];
    let received = 0;
    onProgress(total ? 0 : null);
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.length;
      onProgress(total ? Math.min(1, received / total) : null);
    }
    blob = new Blob(chunks as BlobPart[], { type: res.headers.get('content-type') ?? 'application/octet-stream' });
  } else {
    blob = await res.blob();
  }
  onProgress(1);
  const disposition = res.headers.get('content-disposition') ?? '';
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  const name = match ? decodeURIComponent(match[1]) : fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadCourseReport(courseId: string, format: Exclude<ReportFormat, 'json'>, onProgress: (fraction: number | null) => void): Promise<void> {
  return downloadWithProgress(`/courses/${enc(courseId)}/report`, { format }, `laporan-kursus.${format}`, onProgress);
}

export function downloadSubmissionFile(submissionId: string, fallbackName: string): Promise<void> {
  return downloadWithProgress(`/submissions/${enc(submissionId)}/file`, {}, fallbackName, () => undefined);
}
