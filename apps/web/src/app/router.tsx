import { createBrowserRouter } from 'react-router';
import { agencyRoutes } from '../features/agencies/routes';
import { auditRoutes } from '../features/audit/routes';
import { authRoutes } from '../features/auth/routes';
import { dashboardRoutes } from '../features/dashboard/routes';
import { employeeRoutes } from '../features/employees/routes';
import { importRoutes } from '../features/imports/routes';
import { profileRoutes } from '../features/profile/routes';
import { FullPageLoader } from '../shared/components/FullPageLoader';
import { NotFoundPage, RouteErrorPage } from '../shared/components/StatusPages';
import { AppLayout } from '../shared/layout/AppLayout';
import { RequireAdmin, RequireAuth } from './guards';

export const router = createBrowserRouter([
  {
    HydrateFallback: FullPageLoader,
    ErrorBoundary: RouteErrorPage,
    children: [
      ...authRoutes,
      {
        element: (
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        ),
        children: [
          ...dashboardRoutes,
          ...profileRoutes,
          {
            path: 'admin',
            element: <RequireAdmin />,
            children: [...agencyRoutes, ...employeeRoutes, ...importRoutes, ...auditRoutes],
          },
          { path: '*', Component: NotFoundPage },
        ],
      },
    ],
  },
]);
