import type { RouteObject } from 'react-router';

export const importRoutes: RouteObject[] = [
  {
    path: 'impor',
    lazy: async () => ({ Component: (await import('./components/ImportPage')).ImportPage }),
  },
];
