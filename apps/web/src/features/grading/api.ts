import type {
  AttemptReview,
  CourseReportPage,
  CourseReportStatusFilter,
  GradingItem,
  GradingWaiting,
  Page,
  ReportFormat,
  SubmissionForGrading,
} from '@kompeten/shared-contracts';
import { downloadFile, request } from '../../shared/api';

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
    request<Page<SubmissionForGrading>>(`/courses/${enc(courseId)}/submissions`, {
      query: { status: 'ungraded', pageSize: QUEUE_PAGE_SIZE },
      signal,
    }),
  ]);
  return { attempts: attempts.items, submissions: submissions.items };
}

export interface GradeInput {
  score: number;
  feedback?: string;
}

export function gradeAnswer(attemptId: string, questionId: string, input: GradeInput): Promise<unknown> {
  return request<unknown>(`/attempts/${enc(attemptId)}/answers/${enc(questionId)}/grade`, {
    method: 'POST',
    body: input,
  });
}

export function gradeSubmission(submissionId: string, input: GradeInput): Promise<unknown> {
  return request<unknown>(`/submissions/${enc(submissionId)}/grade`, { method: 'POST', body: input });
}

/** Essay attempts waiting per course, for the courses of one page of the grading index (those the caller grades). */
export function getGradingWaiting(courseIds: string[], signal?: AbortSignal): Promise<GradingWaiting[]> {
  return request<GradingWaiting[]>('/grading/waiting', { query: { courseIds: courseIds.join(',') }, signal });
}

export function getGraderReview(attemptId: string, signal?: AbortSignal): Promise<AttemptReview> {
  return request<AttemptReview>(`/attempts/${enc(attemptId)}/review`, { signal });
}

export interface CourseReportParams {
  page?: number;
  pageSize?: number;
  /** true: only learners past their due date and not finished; false: only the others. */
  overdue?: boolean;
  /** A unit: its learners and those of the units under it. */
  unitId?: string;
  status?: CourseReportStatusFilter;
  /** Part of a name or NIP. */
  q?: string;
}

export function getCourseReport(
  courseId: string,
  params: CourseReportParams,
  signal?: AbortSignal,
): Promise<CourseReportPage> {
  return request<CourseReportPage>(`/courses/${enc(courseId)}/report`, {
    query: { format: 'json', ...params },
    signal,
  });
}

export function downloadCourseReport(
  courseId: string,
  format: Exclude<ReportFormat, 'json'>,
  filter: Omit<CourseReportParams, 'page' | 'pageSize'>,
  onProgress: (fraction: number | null) => void,
): Promise<void> {
  return downloadFile(`/courses/${enc(courseId)}/report`, `laporan-kursus.${format}`, {
    query: { format, ...filter },
    onProgress,
  });
}

export function downloadSubmissionFile(submissionId: string, fallbackName: string): Promise<void> {
  return downloadFile(`/submissions/${enc(submissionId)}/file`, fallbackName);
}
