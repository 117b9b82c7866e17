import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  getCourseGrading,
  getCourseReport,
  getGraderReview,
  getGradingWaiting,
  gradeAnswer,
  gradeSubmission,
  type CourseReportParams,
  type GradeInput,
} from './api';

export const gradingKeys = {
  all: ['grading'] as const,
  queue: (courseId: string) => [...gradingKeys.all, 'queue', courseId] as const,
  attempt: (attemptId: string) => [...gradingKeys.all, 'attempt', attemptId] as const,
  waiting: (courseIds: string[]) => [...gradingKeys.all, 'waiting', courseIds] as const,
  report: (courseId: string, page: number, filter: Omit<CourseReportParams, 'page' | 'pageSize'>) =>
    [...gradingKeys.all, 'report', courseId, page, filter] as const,
};

export function useCourseGrading(courseId: string) {
  return useQuery({
    queryKey: gradingKeys.queue(courseId),
    queryFn: ({ signal }) => getCourseGrading(courseId, signal),
    staleTime: 0,
  });
}

/** How many essay attempts wait in each of these courses (the grading index); nothing is asked for an empty page. */
export function useGradingWaiting(courseIds: string[]) {
  return useQuery({
    queryKey: gradingKeys.waiting(courseIds),
    queryFn: ({ signal }) => getGradingWaiting(courseIds, signal),
    enabled: courseIds.length > 0,
    staleTime: 0,
  });
}

export function useGraderReview(attemptId: string) {
  return useQuery({
    queryKey: gradingKeys.attempt(attemptId),
    queryFn: ({ signal }) => getGraderReview(attemptId, signal),
    staleTime: 0,
  });
}

export function useGradeAnswer(courseId: string, attemptId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ questionId, input }: { questionId: string; input: GradeInput }) =>
      gradeAnswer(attemptId, questionId, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: gradingKeys.attempt(attemptId) });
      void queryClient.invalidateQueries({ queryKey: gradingKeys.queue(courseId) });
    },
  });
}

export function useGradeSubmission(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ submissionId, input }: { submissionId: string; input: GradeInput }) =>
      gradeSubmission(submissionId, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: gradingKeys.queue(courseId) }),
  });
}

export function useCourseReport(
  courseId: string,
  page: number,
  pageSize: number,
  filter: Omit<CourseReportParams, 'page' | 'pageSize'>,
) {
  return useQuery({
    queryKey: gradingKeys.report(courseId, page, filter),
    queryFn: ({ signal }) => getCourseReport(courseId, { page, pageSize, ...filter }, signal),
    placeholderData: keepPreviousData,
  });
}
