import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { useCurrentUser } from '../auth/CurrentUser';
import { homeOf } from './areas';

/** `/`: the dashboard for staff; everyone else goes to their own landing page. */
export function HomeRoute({ dashboard }: { dashboard: ReactNode }) {
  const { user } = useCurrentUser();
  const home = homeOf(user.role);
  return home === '/' ? dashboard : <Navigate to={home} replace />;
}
