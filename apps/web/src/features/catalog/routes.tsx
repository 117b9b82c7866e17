import type { RouteObject } from 'react-router';
import { searchParamValues } from '../../shared/hooks/useSearchParamState';
import { prefetchLoader } from '../../shared/route-prefetch';
import { COURSE_PAGE_ENROLMENTS, myEnrolmentsQuery } from '../learning/queries';
import { CATALOG_FILTERS, catalogCourseQuery, catalogListQuery, catalogParamsOf } from './queries';

export const catalogRoutes: RouteObject[] = [
  {
    path: 'katalog',
    lazy: async () => ({ Component: (await import('./components/CatalogPage')).CatalogPage }),
    loader: prefetchLoader((client, { request }) => {
      const { values, page } = searchParamValues(new URL(request.url).searchParams, CATALOG_FILTERS);
      return [client.prefetchQuery(catalogListQuery(catalogParamsOf(values, page)))];
    }),
  },
  {
    path: 'katalog/:courseId',
    lazy: async () => ({ Component: (await import('./components/CatalogCoursePage')).CatalogCoursePage }),
    loader: prefetchLoader((client, { params }) => [
      client.prefetchQuery(catalogCourseQuery(params.courseId ?? '')),
      client.prefetchQuery(myEnrolmentsQuery(COURSE_PAGE_ENROLMENTS)),
    ]),
  },
];
