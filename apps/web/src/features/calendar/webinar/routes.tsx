import type { RouteObject } from 'react-router';

/**
 * Webinar pages (decision 0038): the learner's page, Kompeten's join link (records the join, then the meeting), and
 * the host's page (the API decides who is a host: an internal speaker or an admin of the organising agency).
 */
export const webinarRoutes: RouteObject[] = [
  {
    path: 'kelas/:classId/webinar',
    lazy: async () => ({ Component: (await import('./components/WebinarPage')).WebinarPage }),
  },
  {
    path: 'kelas/:classId/gabung',
    lazy: async () => ({ Component: (await import('./components/JoinRedirectPage')).JoinRedirectPage }),
  },
  {
    path: 'kelas/:classId/webinar/kelola',
    lazy: async () => ({ Component: (await import('./components/HostPage')).HostPage }),
  },
];
