import { Outlet, type RouteObject } from 'react-router';
import { useAuth } from '../../shared/auth/auth-context';
import { ForbiddenPage } from '../../shared/components/StatusPages';
import { isReportViewer } from '../../shared/layout/nav-items';

/** Supervisors, HR officers and admins (the API checks the scope of every id again). */
function RequireReportViewer() {
  const { me } = useAuth();
  return isReportViewer(me) ? <Outlet /> : <ForbiddenPage />;
}

export const jpReportRoutes: RouteObject[] = [
  {
    element: <RequireReportViewer />,
    children: [
      {
        path: 'jp/compliance',
        lazy: async () => ({ Component: (await import('./components/CompliancePage')).CompliancePage }),
      },
      {
        path: 'jp/ip-asn',
        lazy: async () => ({ Component: (await import('./components/IpAsnPage')).IpAsnPage }),
      },
    ],
  },
];
