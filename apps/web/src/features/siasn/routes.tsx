import type { RouteObject } from 'react-router';

export const siasnRoutes: RouteObject[] = [
  {
    path: 'siasn',
    lazy: async () => ({ Component: (await import('./components/SiasnPage')).SiasnPage }),
  },
];
