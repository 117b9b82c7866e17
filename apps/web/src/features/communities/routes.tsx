import type { RouteObject } from 'react-router';

/** /komunitas (communities of practice: search, join, start) and /komunitas/:id (about, members, sessions, discussion). */
export const communityRoutes: RouteObject[] = [
  {
    path: 'komunitas',
    lazy: async () => ({ Component: (await import('./components/CommunitiesPage')).CommunitiesPage }),
  },
  {
    path: 'komunitas/:id',
    lazy: async () => ({ Component: (await import('./components/CommunityPage')).CommunityPage }),
  },
];
