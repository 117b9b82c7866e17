import type { RouteObject } from 'react-router';
import { prefetchLoader } from '../../shared/route-prefetch';
import { enrolmentQuery, lessonQuery } from './queries';

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
    loader: prefetchLoader((client, { params }) => {
      const { enrolmentId = '', lessonId = '' } = params;
      return [
        client.prefetchQuery(enrolmentQuery(enrolmentId)),
        client.prefetchQuery(lessonQuery(enrolmentId, lessonId)),
      ];
    }),
  },
];
