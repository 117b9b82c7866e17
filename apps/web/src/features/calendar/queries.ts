import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  cancelRegistration,
  createClass,
  createOffering,
  decideClassRegistration,
  listClassApprovals,
  listClasses,
  listMyRegistrations,
  listOfferings,
  register,
  type ClassInput,
  type ClassListParams,
  type OfferingInput,
  type PageParams,
} from './api';

export const calendarKeys = {
  all: ['calendar'] as const,
  classes: (params: ClassListParams) => [...calendarKeys.all, 'classes', params] as const,
  mine: (params: PageParams) => [...calendarKeys.all, 'mine', params] as const,
  offerings: (params: PageParams) => [...calendarKeys.all, 'offerings', params] as const,
  approvals: (params: PageParams) => [...calendarKeys.all, 'approvals', params] as const,
};

export function useClasses(params: ClassListParams) {
  return useQuery({
    queryKey: calendarKeys.classes(params),
    queryFn: ({ signal }) => listClasses(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useMyRegistrations(params: PageParams) {
  return useQuery({
    queryKey: calendarKeys.mine(params),
    queryFn: ({ signal }) => listMyRegistrations(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useOfferings(params: PageParams) {
  return useQuery({ queryKey: calendarKeys.offerings(params), queryFn: ({ signal }) => listOfferings(params, signal) });
}

/** Every calendar change moves seats, waitlists and lists: refetch them all. */
function useCalendarMutation<A, R>(fn: (args: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => client.invalidateQueries({ queryKey: calendarKeys.all }) });
}

export const useRegister = () => useCalendarMutation((classId: string) => register(classId));
export const useCancelRegistration = () => useCalendarMutation((id: string) => cancelRegistration(id));
export const useCreateOffering = () => useCalendarMutation((input: OfferingInput) => createOffering(input));
export const useCreateClass = () =>
  useCalendarMutation(({ offeringId, input }: { offeringId: string; input: ClassInput }) =>
    createClass(offeringId, input),
  );

export function useClassApprovals(params: PageParams) {
  return useQuery({
    queryKey: calendarKeys.approvals(params),
    queryFn: ({ signal }) => listClassApprovals(params, signal),
    placeholderData: keepPreviousData,
  });
}

export const useDecideClassRegistration = () =>
  useCalendarMutation(({ id, decision, reason }: { id: string; decision: 'approve' | 'reject'; reason?: string }) =>
    decideClassRegistration(id, decision, reason),
  );
