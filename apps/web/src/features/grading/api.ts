import type { AttemptReview, CourseReportRow, GradingItem, Page, ReportFormat, SubmissionForGrading } from '@kompeten/shared-contracts';
import { fetchWithAuth, request } from '../../shared/api';

const enc = encodeURIComponent;

/** The first page of each grading queue (the oldest first); grading an item moves the next one up. */
const QUEUE_PAGE_SIZE = 100;

export interface CourseGrading {
  /** Quiz attempts with essays waiting for a grade. */
  attempts: GradingItem[];
  /** Assignment submissions waiting for a grade: the latest per learner and assignment. */
  submissions: SubmissionForGrading[];
}

/** The grading queue of a course: essay attempts (assessment) and ungraded assignment submissions (enrolment). */
export async function getCourseGrading(courseId: string, signal?: AbortSignal): Promise<CourseGrading> {
  const [attempts, submissions] = await Promise.all([
    request<Page<GradingItem>>(`/courses/${enc(courseId)}/grading`, { query: { pageSize: QUEUE_PAGE_SIZE }, signal }),
    request<Page<SubmissionForGrading>>(`/courses/${enc(courseId)}/submissions`, { query: { status: 'ungraded', pageSize: QUEUE_PAGE_SIZE }, signal }),
  ]);
  return { attempts: attempts.items, submissions: submissions.items };
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
  // RFC 6266: the UTF-8 filename* (the original name) wins over the ASCII fallback filename.
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  const name = encoded ? decodeURIComponent(encoded[1].trim()) : plain ? plain[1] : fallbackName;
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
