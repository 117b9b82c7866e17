import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getCatalogCourse, listCatalog, type CatalogParams } from './api';

export const catalogKeys = {
  all: ['catalog'] as const,
  lists: () => [...catalogKeys.all, 'list'] as const,
  list: (params: CatalogParams) => [...catalogKeys.lists(), params] as const,
  detail: (courseId: string) => [...catalogKeys.all, 'detail', courseId] as const,
};

export function useCatalog(params: CatalogParams) {
  return useQuery({
    queryKey: catalogKeys.list(params),
    queryFn: ({ signal }) => listCatalog(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCatalogCourse(courseId: string | undefined) {
  return useQuery({
    queryKey: catalogKeys.detail(courseId ?? ''),
    queryFn: ({ signal }) => getCatalogCourse(courseId as string, signal),
    enabled: !!courseId,
  });
}
