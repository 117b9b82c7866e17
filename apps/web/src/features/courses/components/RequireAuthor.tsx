import { Outlet } from 'react-router';
import { useAuth } from '../../../shared/auth/auth-context';
import { ForbiddenPage } from '../../../shared/components/StatusPages';
import { isAuthor } from '../../../shared/layout/nav-items';

/** Course authoring, review, grading and reports: widyaiswara and admins only (the API checks again per course). */
export function RequireAuthor() {
  const { me } = useAuth();
  return isAuthor(me) ? <Outlet /> : <ForbiddenPage />;
}
