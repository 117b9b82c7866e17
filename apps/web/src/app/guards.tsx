import { useDeferredValue, type ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorAlert } from '../shared/components/ErrorAlert';
import { FullPageLoader } from '../shared/components/FullPageLoader';
import { ForbiddenPage } from '../shared/components/StatusPages';
import { isAdmin, useAuth } from '../shared/auth/auth-context';
import { Center, Container } from '@mantine/core';

/** Signed-in users only; others go to /login and come back afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const auth = useAuth();
  const { error, retry } = auth;
  // When the restored session arrives, the whole shell and page render for the first time: deferred, React renders that
  // in slices instead of one long task inside the query's update (decision 0027 §10). A first mount sees the status
  // as it is (after signing in, nothing lags).
  const status = useDeferredValue(auth.status);
  const location = useLocation();
  if (status === 'loading') return <FullPageLoader />;
  if (status === 'anonymous') {
    const from = `${location.pathname}${location.search}`;
    return <Navigate to="/login" replace state={{ from }} />;
  }
  if (status === 'error') {
    return (
      <Container size="sm" py="xl" component="main">
        <Center>
          <ErrorAlert error={error} onRetry={retry} />
        </Center>
      </Container>
    );
  }
  return <>{children}</>;
}

/** Administration pages: only for ADMIN_ROLES. */
export function RequireAdmin() {
  const { me } = useAuth();
  return isAdmin(me) ? <Outlet /> : <ForbiddenPage />;
}
