import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SiasnPushStatusName } from '@kompeten/shared-contracts';
import {
  getOfficialIpAsn,
  getSiasnCredentials,
  getSiasnReconciliation,
  getSiasnSummary,
  listSiasnPushes,
  refreshOfficialIpAsn,
  resendAllSiasnPushes,
  resendSiasnPush,
  runSiasnReconciliation,
  saveSiasnCredentials,
  testSiasnConnection,
  type SiasnCredentialsInput,
} from './api';

export const siasnKeys = {
  all: ['siasn'] as const,
  agency: (agencyId: string) => [...siasnKeys.all, 'agency', agencyId] as const,
  summary: (agencyId: string) => [...siasnKeys.agency(agencyId), 'summary'] as const,
  pushes: (agencyId: string, params: object) => [...siasnKeys.agency(agencyId), 'pushes', params] as const,
  credentials: (agencyId: string) => [...siasnKeys.agency(agencyId), 'credentials'] as const,
  reconciliation: (agencyId: string, page: number) => [...siasnKeys.agency(agencyId), 'reconciliation', page] as const,
  ipAsn: (employeeId: string) => [...siasnKeys.all, 'ip-asn', employeeId] as const,
};

export function useSiasnSummary(agencyId: string) {
  return useQuery({
    queryKey: siasnKeys.summary(agencyId),
    queryFn: ({ signal }) => getSiasnSummary(agencyId, signal),
    enabled: !!agencyId,
    refetchInterval: 15_000,
  });
}

export function useSiasnPushes(
  agencyId: string,
  params: { page: number; pageSize: number; status?: SiasnPushStatusName; q?: string },
) {
  return useQuery({
    queryKey: siasnKeys.pushes(agencyId, params),
    queryFn: ({ signal }) => listSiasnPushes(agencyId, params, signal),
    enabled: !!agencyId,
    placeholderData: keepPreviousData,
  });
}

export function useSiasnCredentials(agencyId: string) {
  return useQuery({
    queryKey: siasnKeys.credentials(agencyId),
    queryFn: ({ signal }) => getSiasnCredentials(agencyId, signal),
    enabled: !!agencyId,
  });
}

export function useSiasnReconciliation(agencyId: string, page: number) {
  return useQuery({
    queryKey: siasnKeys.reconciliation(agencyId, page),
    queryFn: ({ signal }) => getSiasnReconciliation(agencyId, { page, pageSize: 20 }, signal),
    enabled: !!agencyId,
    placeholderData: keepPreviousData,
    // While a run waits or runs, look again every few seconds.
    refetchInterval: (query) => (query.state.data?.open ? 3000 : false),
  });
}

function useAgencyInvalidation(agencyId: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: siasnKeys.agency(agencyId) });
}

export function useResendPush(agencyId: string) {
  const invalidate = useAgencyInvalidation(agencyId);
  return useMutation({ mutationFn: (pushId: string) => resendSiasnPush(agencyId, pushId), onSettled: invalidate });
}

export function useResendAll(agencyId: string) {
  const invalidate = useAgencyInvalidation(agencyId);
  return useMutation({ mutationFn: () => resendAllSiasnPushes(agencyId), onSettled: invalidate });
}

export function useSaveCredentials(agencyId: string) {
  const invalidate = useAgencyInvalidation(agencyId);
  return useMutation({
    mutationFn: (input: SiasnCredentialsInput) => saveSiasnCredentials(agencyId, input),
    onSettled: invalidate,
  });
}

export function useTestConnection(agencyId: string) {
  return useMutation({ mutationFn: () => testSiasnConnection(agencyId) });
}

export function useRunReconciliation(agencyId: string) {
  const invalidate = useAgencyInvalidation(agencyId);
  return useMutation({ mutationFn: () => runSiasnReconciliation(agencyId), onSettled: invalidate });
}

export function useOfficialIpAsn(employeeId: string | undefined) {
  return useQuery({
    queryKey: siasnKeys.ipAsn(employeeId ?? ''),
    queryFn: ({ signal }) => getOfficialIpAsn(employeeId as string, signal),
    enabled: !!employeeId,
  });
}

export function useRefreshOfficialIpAsn(employeeId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => refreshOfficialIpAsn(employeeId),
    onSuccess: (data) => client.setQueryData(siasnKeys.ipAsn(employeeId), data),
  });
}
