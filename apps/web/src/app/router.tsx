import type { RouteObject } from 'react-router';
import { agencyRoutes } from '../features/agencies/routes';
import { approvalRoutes } from '../features/approvals/routes';
import { auditRoutes } from '../features/audit/routes';
import { authRoutes } from '../features/auth/routes';
import { catalogRoutes } from '../features/catalog/routes';
import { certificateAdminRoutes, certificatePublicRoutes, certificateRoutes } from '../features/certificates/routes';
import { authorOnly, courseRoutes, courseWorkspaceRoute } from '../features/courses/routes';
import { dashboardRoutes } from '../features/dashboard/routes';
import { employeeRoutes } from '../features/employees/routes';
import { gradingCourseRoutes, gradingRoutes } from '../features/grading/routes';
import { importRoutes } from '../features/imports/routes';
import { calendarRoutes } from '../features/calendar/routes';
import { communityRoutes } from '../features/communities/routes';
import { discussionRoutes } from '../features/discussion/routes';
import { jpRoutes } from '../features/jp/routes';
import { jpReportRoutes } from '../features/jp-reports/routes';
import { learningRoutes } from '../features/learning/routes';
import { notificationRoutes } from '../features/notifications/routes';
import { profileRoutes } from '../features/profile/routes';
import { quizAuthoringRoutes, quizRoutes } from '../features/quiz/routes';
import { siasnRoutes } from '../features/siasn/routes';
import { FullPageLoader } from '../shared/components/FullPageLoader';
import { NotFoundPage, RouteErrorPage } from '../shared/components/StatusPages';
import { AppLayout } from '../shared/layout/AppLayout';
import { RequireAdmin, RequireAuth } from './guards';

/**
 * The app's route table. The browser's router is created from it in main.tsx; the build renders public pages from it on
 * the server (entry-server.tsx, decision 0041), so both draw the same tree.
 */
export const routes: RouteObject[] = [
  {
    HydrateFallback: FullPageLoader,
    ErrorBoundary: RouteErrorPage,
    children: [
      ...authRoutes,
      ...certificatePublicRoutes,
      {
        element: (
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        ),
        children: [
          ...dashboardRoutes,
          ...profileRoutes,
          ...notificationRoutes,
          ...catalogRoutes,
          ...learningRoutes,
          ...approvalRoutes,
          ...jpRoutes,
          ...jpReportRoutes,
          ...certificateRoutes,
          ...calendarRoutes,
          ...discussionRoutes,
          ...communityRoutes,
          ...quizRoutes,
          authorOnly([
            ...courseRoutes,
            courseWorkspaceRoute([...quizAuthoringRoutes, ...gradingCourseRoutes]),
            ...gradingRoutes,
          ]),
          {
            path: 'admin',
            element: <RequireAdmin />,
            children: [
              ...agencyRoutes,
              ...employeeRoutes,
              ...importRoutes,
              ...siasnRoutes,
              ...auditRoutes,
              ...certificateAdminRoutes,
            ],
          },
          { path: '*', Component: NotFoundPage },
        ],
      },
    ],
  },
];
