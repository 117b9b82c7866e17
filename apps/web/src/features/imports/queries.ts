import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { EmployeeImport } from '@kompeten/shared-contracts';
import { getEmployeeImport, listEmployeeImports, uploadEmployeeImport } from './api';

export const importKeys = {
  all: ['employee-imports'] as const,
  lists: () => [...importKeys.all, 'list'] as const,
  list: (agencyId: string, page: number) => [...importKeys.lists(), agencyId, page] as const,
  detail: (id: string) => [...importKeys.all, 'detail', id] as const,
};

export function isFinished(item: EmployeeImport | undefined): boolean {
  return item?.status === 'completed' || item?.status === 'failed';
}

/** One import, polled every second until it is completed or failed. */
export function useEmployeeImport(id: string | undefined) {
  return useQuery({
    queryKey: importKeys.detail(id ?? ''),
    queryFn: ({ signal }) => getEmployeeImport(id as string, signal),
    enabled: !!id,
    staleTime: 0,
    refetchInterval: (query) => (isFinished(query.state.data) ? false : 1000),
    refetchIntervalInBackground: true,
  });
}

export function useEmployeeImports(agencyId: string | undefined, page: number, pageSize = 10) {
  return useQuery({
    queryKey: importKeys.list(agencyId ?? '', page),
    queryFn: ({ signal }) => listEmployeeImports(agencyId as string, { page, pageSize }, signal),
    enabled: !!agencyId,
    placeholderData: keepPreviousData,
  });
}

export interface UploadVariables {
  agencyId: string;
  file: File;
  onProgress?: (fraction: number) => void;
}

export function useUploadEmployeeImport() {
  return useMutation({
    mutationFn: ({ agencyId, file, onProgress }: UploadVariables) => uploadEmployeeImport(agencyId, file, onProgress),
  });
}
