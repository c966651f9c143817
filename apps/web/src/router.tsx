import { lazy, Suspense, type ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import { FullPageSpinner } from './components/FullPageSpinner';
import { RouteError } from './components/RouteError';
import { StatusResult } from './components/StatusResult';
import { RequireAuth } from './features/auth/RequireAuth';
import { AppLayout } from './features/shell/AppLayout';
import { AreaGate } from './features/shell/AreaGate';

/** Each page is its own chunk, fetched the first time it is opened. */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const LoginPage = page(() => import('./features/auth/LoginPage'), 'LoginPage');
const OverviewPage = page(() => import('./features/overview/OverviewPage'), 'OverviewPage');
const OrganisationsPage = page(() => import('./features/organisations/OrganisationsPage'), 'OrganisationsPage');
const UsersPage = page(() => import('./features/users/UsersPage'), 'UsersPage');
const EventLogPage = page(() => import('./features/events/EventLogPage'), 'EventLogPage');

export const router = createBrowserRouter([
  {
    path: '/login',
    errorElement: <RouteError />,
    element: (
      <Suspense fallback={<FullPageSpinner fill />}>
        <LoginPage />
      </Suspense>
    ),
  },
  {
    path: '/',
    errorElement: <RouteError />,
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      {
        // Page errors render inside the frame, so the menu stays usable.
        errorElement: <RouteError />,
        children: [
          { index: true, element: <AreaGate area="overview"><OverviewPage /></AreaGate> },
          { path: 'organisations', element: <AreaGate area="organisations"><OrganisationsPage /></AreaGate> },
          { path: 'users', element: <AreaGate area="users"><UsersPage /></AreaGate> },
          { path: 'events', element: <AreaGate area="events"><EventLogPage /></AreaGate> },
          { path: '*', element: <StatusResult kind="notFound" /> },
        ],
      },
    ],
  },
]);
