import { lazy, Suspense, type ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import { FullPageSpinner } from './components/FullPageSpinner';
import { RouteError } from './components/RouteError';
import { StatusResult } from './components/StatusResult';
import { RequireAuth } from './features/auth/RequireAuth';
import { AppLayout } from './features/shell/AppLayout';
import { AreaGate } from './features/shell/AreaGate';
import { HomeRoute } from './features/shell/HomeRoute';
import { MobileLayout } from './features/shell/MobileLayout';

/** Each page is its own chunk, fetched the first time it is opened. */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const LoginPage = page(() => import('./features/auth/LoginPage'), 'LoginPage');
const DashboardPage = page(() => import('./features/dashboard/DashboardPage'), 'DashboardPage');
const LedgerPage = page(() => import('./features/hazards/LedgerPage'), 'LedgerPage');
const HazardPage = page(() => import('./features/hazard/HazardPage'), 'HazardPage');
const CampaignsPage = page(() => import('./features/campaigns/CampaignsPage'), 'CampaignsPage');
const PublicReportsPage = page(() => import('./features/public-reports/PublicReportsPage'), 'PublicReportsPage');
const MyHazardsPage = page(() => import('./features/portal/MyHazardsPage'), 'MyHazardsPage');
const InspectPage = page(() => import('./features/inspect/InspectPage'), 'InspectPage');
const OverviewPage = page(() => import('./features/overview/OverviewPage'), 'OverviewPage');
const OrganisationsPage = page(() => import('./features/organisations/OrganisationsPage'), 'OrganisationsPage');
const UsersPage = page(() => import('./features/users/UsersPage'), 'UsersPage');
const EventLogPage = page(() => import('./features/events/EventLogPage'), 'EventLogPage');
const MapPage = page(() => import('./features/map/MapPage'), 'MapPage');
const AlarmQueuePage = page(() => import('./features/monitor/AlarmQueuePage'), 'AlarmQueuePage');
const VehiclesPage = page(() => import('./features/vehicles/VehiclesPage'), 'VehiclesPage');
const ReportsPage = page(() => import('./features/reports/ReportsPage'), 'ReportsPage');
const ReportDayPage = page(() => import('./features/reports/ReportDayPage'), 'ReportDayPage');
const MyVehiclesPage = page(() => import('./features/vehicles/VehiclesPage'), 'MyVehiclesPage');
const MyAlarmsPage = page(() => import('./features/monitor/AlarmQueuePage'), 'MyAlarmsPage');
const MyReportsPage = page(() => import('./features/reports/ReportsPage'), 'MyReportsPage');
const MyReportDayPage = page(() => import('./features/reports/ReportDayPage'), 'MyReportDayPage');
const RiskBoardPage = page(() => import('./features/risk/RiskBoardPage'), 'RiskBoardPage');
const RiskSubjectPage = page(() => import('./features/risk/RiskSubjectPage'), 'RiskSubjectPage');
const InspectionPlanPage = page(() => import('./features/plan/InspectionPlanPage'), 'InspectionPlanPage');
const InboxPage = page(() => import('./features/inbox/InboxPage'), 'InboxPage');
const SettingsPage = page(() => import('./features/admin/SettingsPage'), 'SettingsPage');
const WebhooksPage = page(() => import('./features/admin/WebhooksPage'), 'WebhooksPage');
const ChecklistsPage = page(() => import('./features/admin/ChecklistsPage'), 'ChecklistsPage');
const ZonesPage = page(() => import('./features/admin/ZonesPage'), 'ZonesPage');
const RoutesPage = page(() => import('./features/admin/RoutesPage'), 'RoutesPage');

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
    // The inspector's phone pages: no side menu, one column.
    path: '/m/inspect',
    errorElement: <RouteError />,
    element: (
      <RequireAuth>
        <AreaGate area="inspect">
          <MobileLayout area="inspect">
            <InspectPage />
          </MobileLayout>
        </AreaGate>
      </RequireAuth>
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
          { index: true, element: <HomeRoute dashboard={<DashboardPage />} /> },
          { path: 'my', element: <AreaGate area="my"><MyHazardsPage /></AreaGate> },
          { path: 'hazards', element: <AreaGate area="hazards"><LedgerPage /></AreaGate> },
          { path: 'hazards/:id', element: <AreaGate area="hazard"><HazardPage /></AreaGate> },
          { path: 'campaigns', element: <AreaGate area="campaigns"><CampaignsPage /></AreaGate> },
          { path: 'public-reports', element: <AreaGate area="publicReports"><PublicReportsPage /></AreaGate> },
          { path: 'organisations', element: <AreaGate area="organisations"><OrganisationsPage /></AreaGate> },
          { path: 'users', element: <AreaGate area="users"><UsersPage /></AreaGate> },
          { path: 'events', element: <AreaGate area="events"><EventLogPage /></AreaGate> },
          { path: 'map', element: <AreaGate area="map"><MapPage /></AreaGate> },
          { path: 'monitor/alarms', element: <AreaGate area="alarms"><AlarmQueuePage /></AreaGate> },
          { path: 'vehicles', element: <AreaGate area="vehicles"><VehiclesPage /></AreaGate> },
          { path: 'monitor/reports', element: <AreaGate area="reports"><ReportsPage /></AreaGate> },
          { path: 'monitor/reports/:day', element: <AreaGate area="report"><ReportDayPage /></AreaGate> },
          { path: 'my/vehicles', element: <AreaGate area="myVehicles"><MyVehiclesPage /></AreaGate> },
          { path: 'my/alarms', element: <AreaGate area="myAlarms"><MyAlarmsPage /></AreaGate> },
          { path: 'my/reports', element: <AreaGate area="myReports"><MyReportsPage /></AreaGate> },
          { path: 'my/reports/:day', element: <AreaGate area="myReports"><MyReportDayPage /></AreaGate> },
          { path: 'risk', element: <AreaGate area="risk"><RiskBoardPage /></AreaGate> },
          { path: 'risk/subjects/:id', element: <AreaGate area="riskSubject"><RiskSubjectPage /></AreaGate> },
          { path: 'plan', element: <AreaGate area="plan"><InspectionPlanPage /></AreaGate> },
          { path: 'inbox', element: <AreaGate area="inbox"><InboxPage /></AreaGate> },
          { path: 'admin/settings', element: <AreaGate area="adminSettings"><SettingsPage /></AreaGate> },
          { path: 'admin/webhooks', element: <AreaGate area="adminWebhooks"><WebhooksPage /></AreaGate> },
          { path: 'admin/checklists', element: <AreaGate area="adminChecklists"><ChecklistsPage /></AreaGate> },
          { path: 'admin/zones', element: <AreaGate area="adminZones"><ZonesPage /></AreaGate> },
          { path: 'admin/routes', element: <AreaGate area="adminRoutes"><RoutesPage /></AreaGate> },
          { path: 'account', element: <AreaGate area="account"><OverviewPage /></AreaGate> },
          { path: '*', element: <StatusResult kind="notFound" /> },
        ],
      },
    ],
  },
]);
