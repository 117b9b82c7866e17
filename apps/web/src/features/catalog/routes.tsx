import type { RouteObject } from 'react-router';

export const catalogRoutes: RouteObject[] = [
  {
    path: 'katalog',
    lazy: async () => ({ Component: (await import('./components/CatalogPage')).CatalogPage }),
  },
  {
    path: 'katalog/:courseId',
    lazy: async () => ({ Component: (await import('./components/CatalogCoursePage')).CatalogCoursePage }),
  },
];
