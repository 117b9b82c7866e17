import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  answerResetRequest,
  getEmployee,
  listEmployees,
  listResetRequests,
  resetAccount,
  setAccount,
  type EmployeeListParams,
} from './api';

export const employeeKeys = {
  all: ['employees'] as const,
  lists: () => [...employeeKeys.all, 'list'] as const,
  list: (params: EmployeeListParams) => [...employeeKeys.lists(), params] as const,
  detail: (id: string) => [...employeeKeys.all, 'detail', id] as const,
  resetRequests: (page: number) => [...employeeKeys.all, 'reset-requests', page] as const,
};

export function useEmployees(params: EmployeeListParams) {
  return useQuery({
    queryKey: employeeKeys.list(params),
    queryFn: ({ signal }) => listEmployees(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useEmployee(id: string | undefined) {
  return useQuery({
    queryKey: employeeKeys.detail(id ?? ''),
    queryFn: ({ signal }) => getEmployee(id as string, signal),
    enabled: !!id,
  });
}

// ---- issue 12: accounts ------------------------------------------------------------------------------

export function useAccountActions(id: string) {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: employeeKeys.detail(id) });
  return {
    set: useMutation({ mutationFn: (email?: string) => setAccount(id, email), onSuccess: done }),
    reset: useMutation({ mutationFn: () => resetAccount(id), onSuccess: done }),
  };
}

// ---- issue 15: "Lupa kata sandi" requests ----------------------------------------------------------------

export function useResetRequests(page: number) {
  return useQuery({
    queryKey: employeeKeys.resetRequests(page),
    queryFn: ({ signal }) => listResetRequests({ page, pageSize: 10 }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useAnswerResetRequest() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => answerResetRequest(id),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...employeeKeys.all, 'reset-requests'] }),
  });
}
