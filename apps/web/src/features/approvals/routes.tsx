import { Outlet, type RouteObject } from 'react-router';
import { ForbiddenPage } from '../../shared/components/StatusPages';
import { useAuth } from '../../shared/auth/auth-context';
import { isApprover } from '../../shared/layout/nav-items';

/** Supervisors (atasan langsung) and admins only (the API checks each enrolment again). */
function RequireApprover() {
  const { me } = useAuth();
  return isApprover(me) ? <Outlet /> : <ForbiddenPage />;
}

export const approvalRoutes: RouteObject[] = [
  {
    element: <RequireApprover />,
    children: [
      {
        path: 'persetujuan',
        lazy: async () => ({ Component: (await import('./components/ApprovalsPage')).ApprovalsPage }),
      },
    ],
  },
];
