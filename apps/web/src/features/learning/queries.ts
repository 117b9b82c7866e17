import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EnrolmentDetail, PlayerLesson, ProgressResult, ProgressUpdate } from '@kompeten/shared-contracts';
import { catalogKeys } from '../catalog/queries';
import {
  enrol,
  getEnrolment,
  getLesson,
  listMyEnrolments,
  sendProgress,
  submitAssignment,
  withdraw,
  type MyEnrolmentParams,
} from './api';
import { i18n } from '../../i18n';
import { notify } from '../../shared/notify';

export const learningKeys = {
  all: ['learning'] as const,
  mine: () => [...learningKeys.all, 'mine'] as const,
  myList: (params: MyEnrolmentParams) => [...learningKeys.mine(), params] as const,
  enrolment: (id: string) => [...learningKeys.all, 'enrolment', id] as const,
  lesson: (enrolmentId: string, lessonId: string) => [...learningKeys.all, 'lesson', enrolmentId, lessonId] as const,
};

export const myEnrolmentsQuery = (params: MyEnrolmentParams) =>
  queryOptions({
    queryKey: learningKeys.myList(params),
    queryFn: ({ signal }) => listMyEnrolments(params, signal),
  });

export const enrolmentQuery = (id: string) =>
  queryOptions({
    queryKey: learningKeys.enrolment(id),
    queryFn: ({ signal }) => getEnrolment(id, signal),
  });

export const lessonQuery = (enrolmentId: string, lessonId: string) =>
  queryOptions({
    queryKey: learningKeys.lesson(enrolmentId, lessonId),
    queryFn: ({ signal }) => getLesson(enrolmentId, lessonId, signal),
  });

/** The catalog course page's own enrolments (to say "Lanjutkan" instead of "Daftar"); its route prefetches the same. */
export const COURSE_PAGE_ENROLMENTS: MyEnrolmentParams = { pageSize: 100 };

export function useMyEnrolments(params: MyEnrolmentParams, enabled = true) {
  return useQuery({ ...myEnrolmentsQuery(params), placeholderData: keepPreviousData, enabled });
}

export function useEnrolment(id: string | undefined) {
  return useQuery({ ...enrolmentQuery(id ?? ''), enabled: !!id });
}

/** A lesson is always read fresh when the player opens it, except right after its route's prefetch fetched it. */
export const LESSON_JUST_FETCHED_MS = 2_000;

export function useLesson(enrolmentId: string, lessonId: string) {
  return useQuery({
    ...lessonQuery(enrolmentId, lessonId),
    staleTime: 0,
    refetchOnMount: (query) => Date.now() - query.state.dataUpdatedAt > LESSON_JUST_FETCHED_MS,
  });
}

export function useEnrol(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => enrol(courseId),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: learningKeys.mine() });
      void queryClient.invalidateQueries({ queryKey: catalogKeys.all });
    },
  });
}

export function useWithdraw(enrolmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => withdraw(enrolmentId),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: learningKeys.all });
      void queryClient.invalidateQueries({ queryKey: catalogKeys.all });
    },
  });
}

/** Puts a progress result into the cached outline so the sidebar and progress bar follow at once. */
export function applyProgress(detail: EnrolmentDetail, result: ProgressResult): EnrolmentDetail {
  return {
    ...detail,
    progressPercent: result.enrolmentProgressPercent,
    status: result.enrolmentStatus,
    modules: detail.modules.map((m) => ({
      ...m,
      lessons: m.lessons.map((l) => (l.id === result.lesson.lessonId ? { ...l, progress: result.lesson } : l)),
    })),
  };
}

export function useSendProgress(enrolmentId: string, lessonId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (update: ProgressUpdate) => sendProgress(enrolmentId, lessonId, update),
    onSuccess: (result) => {
      queryClient.setQueryData<EnrolmentDetail>(learningKeys.enrolment(enrolmentId), (detail) =>
        detail ? applyProgress(detail, result) : detail,
      );
      queryClient.setQueryData<PlayerLesson>(learningKeys.lesson(enrolmentId, lessonId), (lesson) =>
        lesson ? { ...lesson, progress: result.lesson } : lesson,
      );
      void queryClient.invalidateQueries({ queryKey: learningKeys.mine() });
      // The author's minimum time is not met yet: say so once (one notification id, never a stack every heartbeat).
      if (result.notice)
        notify({
          id: `learning-time-${enrolmentId}`,
          color: 'yellow',
          title: i18n.t('learning:learnrec.notice'),
          message: result.notice,
          autoClose: 8000,
        });
    },
  });
}

export function useSubmitAssignment(enrolmentId: string, lessonId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, onProgress }: { file: File; onProgress?: (fraction: number) => void }) =>
      submitAssignment(enrolmentId, lessonId, file, onProgress),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: learningKeys.lesson(enrolmentId, lessonId) });
      void queryClient.invalidateQueries({ queryKey: learningKeys.enrolment(enrolmentId) });
    },
  });
}
