import type { RouteObject } from 'react-router';

export const notificationRoutes: RouteObject[] = [
  {
    path: 'notifikasi',
    lazy: async () => ({ Component: (await import('./components/NotificationsPage')).NotificationsPage }),
  },
];
