import type {
  CatalogCourseDetail,
  CompetencyKind,
  CourseLevel,
  CourseSummary,
  LearningMethod,
  Page,
} from '@kompeten/shared-contracts';
import { request } from '../../shared/api';

export interface CatalogParams {
  q?: string;
  competencyKind?: CompetencyKind;
  learningMethod?: LearningMethod;
  level?: CourseLevel;
  jpMin?: number;
  jpMax?: number;
  agencyId?: string;
  page?: number;
  pageSize?: number;
}

export function listCatalog(params: CatalogParams, signal?: AbortSignal): Promise<Page<CourseSummary>> {
  return request<Page<CourseSummary>>('/catalog', { query: { ...params }, signal });
}

export function getCatalogCourse(courseId: string, signal?: AbortSignal): Promise<CatalogCourseDetail> {
  return request<CatalogCourseDetail>(`/catalog/${encodeURIComponent(courseId)}`, { signal });
}
