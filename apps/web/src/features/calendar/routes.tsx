import { Outlet, type RouteObject } from 'react-router';
import { hasAnyRole, useAuth } from '../../shared/auth/auth-context';
import { ForbiddenPage } from '../../shared/components/StatusPages';
import { CLASS_ADMIN_ROLES } from '../../shared/layout/nav-items';
import { attendanceRoutes } from './attendance/routes';

/** Province, agency and platform admins (the API checks the organising agency again). */
function RequireClassAdmin() {
  const { me } = useAuth();
  return hasAnyRole(me, CLASS_ADMIN_ROLES) ? <Outlet /> : <ForbiddenPage />;
}

/** /kelas (classes open to me, my registrations), /kelas/kelola (admins: trainings and classes with quotas). */
export const calendarRoutes: RouteObject[] = [
  { path: 'kelas', lazy: async () => ({ Component: (await import('./components/ClassesPage')).ClassesPage }) },
  {
    element: <RequireClassAdmin />,
    children: [
      {
        path: 'kelas/kelola',
        lazy: async () => ({ Component: (await import('./components/ClassAdminPage')).ClassAdminPage }),
      },
    ],
  },
  ...attendanceRoutes,
];
