import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  answerPresenceCheck,
  getHostWebinar,
  getLearnerWebinar,
  listParticipants,
  openPresenceCheck,
  type ParticipantParams,
} from './api';

/** How often the pages ask again while open: a check is open 5 minutes, so a learner sees it within half a minute. */
export const LEARNER_POLL_MS = 25_000;
export const HOST_POLL_MS = 10_000;

export const webinarKeys = {
  all: ['webinar'] as const,
  learner: (classId: string) => [...webinarKeys.all, 'learner', classId] as const,
  host: (classId: string) => [...webinarKeys.all, 'host', classId] as const,
  participants: (classId: string, params: ParticipantParams) =>
    [...webinarKeys.all, 'participants', classId, params] as const,
};

/** The learner's page: polled every 25 s and when the window gets focus again (TanStack's refetchOnWindowFocus). */
export function useLearnerWebinar(classId: string) {
  return useQuery({
    queryKey: webinarKeys.learner(classId),
    queryFn: ({ signal }) => getLearnerWebinar(classId, signal),
    refetchInterval: LEARNER_POLL_MS,
    refetchOnWindowFocus: 'always',
  });
}

export function useHostWebinar(classId: string) {
  return useQuery({
    queryKey: webinarKeys.host(classId),
    queryFn: ({ signal }) => getHostWebinar(classId, signal),
    refetchInterval: HOST_POLL_MS,
    refetchOnWindowFocus: 'always',
  });
}

export function useParticipants(classId: string, params: ParticipantParams) {
  return useQuery({
    queryKey: webinarKeys.participants(classId, params),
    queryFn: ({ signal }) => listParticipants(classId, params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useAnswerCheck(classId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ checkId, code }: { checkId: string; code: string }) => answerPresenceCheck(classId, checkId, code),
    onSettled: () => client.invalidateQueries({ queryKey: webinarKeys.learner(classId) }),
  });
}

export function useOpenCheck(classId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => openPresenceCheck(classId),
    onSettled: () => client.invalidateQueries({ queryKey: webinarKeys.all }),
  });
}
