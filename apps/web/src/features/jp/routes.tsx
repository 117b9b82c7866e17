import { Outlet, type RouteObject } from 'react-router';
import { hasAnyRole, useAuth } from '../../shared/auth/auth-context';
import { ForbiddenPage } from '../../shared/components/StatusPages';
import { JP_VERIFIER_ROLES } from '../../shared/layout/nav-items';

/** HR officers, supervisors and admins (the API checks each claim's scope again). */
function RequireVerifier() {
  const { me } = useAuth();
  return hasAnyRole(me, JP_VERIFIER_ROLES) ? <Outlet /> : <ForbiddenPage />;
}

/** /jp (my JP), /jp/claims, /jp/verification, /jp/rules (read by everyone, changed by admins). */
export const jpRoutes: RouteObject[] = [
  { path: 'jp', lazy: async () => ({ Component: (await import('./components/JpPage')).JpPage }) },
  { path: 'jp/claims', lazy: async () => ({ Component: (await import('./components/ClaimsPage')).ClaimsPage }) },
  { path: 'jp/rules', lazy: async () => ({ Component: (await import('./components/RulesPage')).RulesPage }) },
  {
    element: <RequireVerifier />,
    children: [
      {
        path: 'jp/verification',
        lazy: async () => ({ Component: (await import('./components/VerificationPage')).VerificationPage }),
      },
    ],
  },
];
