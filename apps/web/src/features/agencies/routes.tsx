import type { RouteObject } from 'react-router';

export const agencyRoutes: RouteObject[] = [
  {
    path: 'instansi',
    lazy: async () => ({ Component: (await import('./components/AgencyListPage')).AgencyListPage }),
  },
  {
    path: 'instansi/:id',
    lazy: async () => ({ Component: (await import('./components/AgencyDetailPage')).AgencyDetailPage }),
  },
];
