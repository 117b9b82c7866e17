import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import {
  COMPETENCY_KINDS,
  COURSE_LEVELS,
  LEARNING_METHODS,
  type CompetencyKind,
  type CourseLevel,
  type LearningMethod,
} from '@kompeten/shared-contracts';
import { getCatalogCourse, listCatalog, type CatalogParams } from './api';

export const catalogKeys = {
  all: ['catalog'] as const,
  lists: () => [...catalogKeys.all, 'list'] as const,
  list: (params: CatalogParams) => [...catalogKeys.lists(), params] as const,
  detail: (courseId: string) => [...catalogKeys.all, 'detail', courseId] as const,
};

/** The catalog page's filter keys in the URL (besides `page`). */
export const CATALOG_FILTERS = ['q', 'competencyKind', 'learningMethod', 'level', 'jpMin', 'jpMax'] as const;
export type CatalogFilter = (typeof CATALOG_FILTERS)[number];
export const CATALOG_PAGE_SIZE = 12;

function pick<T extends string>(values: readonly T[], value: string): T | undefined {
  return (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

function jpValue(value: string): number | undefined {
  const n = Number(value);
  return value !== '' && Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** The catalog query of the URL's filters and page: one reading for the page and its route's prefetch. */
export function catalogParamsOf(values: Record<CatalogFilter, string>, page: number): CatalogParams {
  return {
    q: values.q || undefined,
    competencyKind: pick<CompetencyKind>(COMPETENCY_KINDS, values.competencyKind),
    learningMethod: pick<LearningMethod>(LEARNING_METHODS, values.learningMethod),
    level: pick<CourseLevel>(COURSE_LEVELS, values.level),
    jpMin: jpValue(values.jpMin),
    jpMax: jpValue(values.jpMax),
    page,
    pageSize: CATALOG_PAGE_SIZE,
  };
}

export const catalogListQuery = (params: CatalogParams) =>
  queryOptions({
    queryKey: catalogKeys.list(params),
    queryFn: ({ signal }) => listCatalog(params, signal),
  });

export const catalogCourseQuery = (courseId: string) =>
  queryOptions({
    queryKey: catalogKeys.detail(courseId),
    queryFn: ({ signal }) => getCatalogCourse(courseId, signal),
  });

export function useCatalog(params: CatalogParams) {
  return useQuery({ ...catalogListQuery(params), placeholderData: keepPreviousData });
}

export function useCatalogCourse(courseId: string | undefined) {
  return useQuery({ ...catalogCourseQuery(courseId ?? ''), enabled: !!courseId });
}
