import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useMe } from '../../api/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FullPageSpinner } from '../../components/FullPageSpinner';
import { CurrentUserProvider } from './CurrentUser';

/** Renders its children for a signed-in user; otherwise goes to the login page and comes back after. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <FullPageSpinner fill />;
  if (me.isError) {
    return (
      <div style={{ maxWidth: 560, margin: '80px auto' }}>
        <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />
      </div>
    );
  }
  if (!me.data) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  return <CurrentUserProvider me={me.data}>{children}</CurrentUserProvider>;
}
