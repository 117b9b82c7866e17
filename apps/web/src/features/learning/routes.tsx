import type { RouteObject } from 'react-router';

export const learningRoutes: RouteObject[] = [
  {
    path: 'belajar',
    lazy: async () => ({ Component: (await import('./components/MyLearningPage')).MyLearningPage }),
  },
  {
    path: 'belajar/:enrolmentId',
    lazy: async () => ({ Component: (await import('./components/EnrolmentEntryPage')).EnrolmentEntryPage }),
  },
  {
    path: 'belajar/:enrolmentId/:lessonId',
    lazy: async () => ({ Component: (await import('./components/PlayerPage')).PlayerPage }),
  },
];
