import { Outlet, type RouteObject } from 'react-router';
import { hasAnyRole, useAuth } from '../../shared/auth/auth-context';
import { ForbiddenPage } from '../../shared/components/StatusPages';
import { CLASS_ADMIN_ROLES } from '../../shared/layout/nav-items';
import { webinarRoutes } from './webinar/routes';
import { attendanceRoutes } from './attendance/routes';

/** Province, agency and platform admins (the API checks the organising agency again). */
function RequireClassAdmin() {
  const { me } = useAuth();
  return hasAnyRole(me, CLASS_ADMIN_ROLES) ? <Outlet /> : <ForbiddenPage />;
}

/**
 * /kelas (classes open to me, my registrations), /kalender (month, week, list), /kalender/saya (my classes, due dates
 * and feed), /kalender/kelas/:classId (one class), /kelas/kelola (admins: trainings, classes with quotas, edit, cancel).
 */
export const calendarRoutes: RouteObject[] = [
  { path: 'kelas', lazy: async () => ({ Component: (await import('./components/ClassesPage')).ClassesPage }) },
  { path: 'kalender', lazy: async () => ({ Component: (await import('./views/CalendarPage')).CalendarPage }) },
  {
    path: 'kalender/saya',
    lazy: async () => ({ Component: (await import('./views/MyCalendarPage')).MyCalendarPage }),
  },
  {
    path: 'kalender/kelas/:classId',
    lazy: async () => ({ Component: (await import('./views/ClassDetailPage')).ClassDetailPage }),
  },
  ...webinarRoutes,
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
