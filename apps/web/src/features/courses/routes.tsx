import type { RouteObject } from 'react-router';
import { RequireAuthor } from './components/RequireAuthor';

/** Authoring pages (widyaiswara and admins): the list, the create form and the review queue. */
export const courseRoutes: RouteObject[] = [
  {
    path: 'kursus',
    lazy: async () => ({ Component: (await import('./components/CourseListPage')).CourseListPage }),
  },
  {
    path: 'kursus/baru',
    lazy: async () => ({ Component: (await import('./components/CourseCreatePage')).CourseCreatePage }),
  },
  {
    // The course as learners will see it, before publishing (authors and reviewers; the API checks each course).
    path: 'kursus/:courseId/pratinjau/:lessonId?',
    lazy: async () => ({ Component: (await import('./preview/PreviewPage')).PreviewPage }),
  },
  {
    path: 'review',
    lazy: async () => ({ Component: (await import('./components/ReviewQueuePage')).ReviewQueuePage }),
  },
  {
    path: 'review/:courseId',
    lazy: async () => ({ Component: (await import('./components/ReviewCoursePage')).ReviewCoursePage }),
  },
  {
    // Admins of the invitee's agency accept or decline cross-agency co-author invitations (decision 0013).
    path: 'admin/undangan-penulis',
    lazy: async () => ({ Component: (await import('./components/AuthorInvitationsPage')).AuthorInvitationsPage }),
  },
];

/** The course workspace: header and section navigation around the course's own sections and those of other features. */
export function courseWorkspaceRoute(sections: RouteObject[]): RouteObject {
  return {
    path: 'kursus/:courseId',
    lazy: async () => ({ Component: (await import('./components/CourseWorkspaceLayout')).CourseWorkspaceLayout }),
    children: [
      { index: true, lazy: async () => ({ Component: (await import('./components/CourseInfoPage')).CourseInfoPage }) },
      {
        path: 'konten',
        lazy: async () => ({ Component: (await import('./components/CourseContentPage')).CourseContentPage }),
      },
      {
        path: 'kelulusan',
        lazy: async () => ({ Component: (await import('./components/CourseCompletionPage')).CourseCompletionPage }),
      },
      ...sections,
    ],
  };
}

/** Only for AUTHOR_ROLES (the API checks each course again). */
export function authorOnly(children: RouteObject[]): RouteObject {
  return { element: <RequireAuthor />, children };
}
