import type { RouteObject } from 'react-router';

/** /diskusi/pelatihan/:id, /diskusi/kelas/:id (a course's or class's discussion) and /diskusi/:threadId (a thread). */
export const discussionRoutes: RouteObject[] = [
  {
    path: 'diskusi/pelatihan/:id',
    lazy: async () => {
      const { SpacePage } = await import('./components/SpacePage');
      return { Component: () => <SpacePage kind="course" /> };
    },
  },
  {
    path: 'diskusi/kelas/:id',
    lazy: async () => {
      const { SpacePage } = await import('./components/SpacePage');
      return { Component: () => <SpacePage kind="class" /> };
    },
  },
  {
    path: 'diskusi/:threadId',
    lazy: async () => ({ Component: (await import('./components/ThreadPage')).ThreadPage }),
  },
];
