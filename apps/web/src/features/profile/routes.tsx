import type { RouteObject } from 'react-router';

export const profileRoutes: RouteObject[] = [
  {
    path: 'profil',
    lazy: async () => ({ Component: (await import('./components/ProfilePage')).ProfilePage }),
  },
];
