import type { Role } from '@anlan/contracts';

/** The console's areas, in menu order. Later issues add the map, vehicles, alarms and the risk board. */
export type AreaId =
  | 'dashboard'
  | 'map'
  | 'alarms'
  | 'vehicles'
  | 'reports'
  | 'report'
  | 'myVehicles'
  | 'myAlarms'
  | 'myReports'
  | 'hazards'
  | 'hazard'
  | 'campaigns'
  | 'publicReports'
  | 'inspect'
  | 'my'
  | 'organisations'
  | 'users'
  | 'events'
  | 'risk'
  | 'riskSubject'
  | 'plan'
  | 'inbox'
  | 'adminSettings'
  | 'adminWebhooks'
  | 'adminChecklists'
  | 'adminZones'
  | 'adminRoutes'
  | 'account';

export interface Area {
  id: AreaId;
  path: string;
  /** Who may open it; 'all' for every signed-in role. */
  roles: 'all' | readonly Role[];
  /** Reached from other pages only (a hazard is opened from a list), not from the menu. */
  hidden?: boolean;
}

/**
 * The regulator's staff, as `regulatorRoles` in the contracts; spelled out here so the shell's initial
 * chunk does not load zod with the contracts' runtime values.
 */
const regulators: readonly Role[] = ['admin', 'leader', 'inspector', 'enforcement', 'monitor'];
/** Who records inspections in the field (the server's rule for POST /api/inspections). */
const fieldStaff: readonly Role[] = ['inspector', 'enforcement', 'admin', 'leader'];

export const areas: readonly Area[] = [
  { id: 'dashboard', path: '/', roles: regulators },
  // 风险看板; an enterprise opens its own subjects' risk pages (the risk API scopes every read).
  { id: 'risk', path: '/risk', roles: regulators },
  { id: 'riskSubject', path: '/risk/subjects/', roles: [...regulators, 'enterprise'], hidden: true },
  { id: 'my', path: '/my', roles: ['enterprise'] },
  // Enterprises see their own vehicles only: the vehicle API scopes every read.
  { id: 'map', path: '/map', roles: [...regulators, 'enterprise'] },
  // The monitor's alarm queue; leaders watch it too (the server offers them no steps).
  { id: 'alarms', path: '/monitor/alarms', roles: ['monitor', 'admin', 'leader'] },
  { id: 'vehicles', path: '/vehicles', roles: regulators },
  { id: 'reports', path: '/monitor/reports', roles: regulators },
  { id: 'report', path: '/monitor/reports/', roles: regulators, hidden: true },
  // A carrier's own vehicles, alarms and daily reports, reached from its portal (/my) when it has vehicles.
  { id: 'myVehicles', path: '/my/vehicles', roles: ['enterprise'], hidden: true },
  { id: 'myAlarms', path: '/my/alarms', roles: ['enterprise'], hidden: true },
  { id: 'myReports', path: '/my/reports', roles: ['enterprise'], hidden: true },
  { id: 'hazards', path: '/hazards', roles: regulators },
  { id: 'hazard', path: '/hazards/', roles: [...regulators, 'enterprise'], hidden: true },
  { id: 'campaigns', path: '/campaigns', roles: regulators },
  // 群众举报: those who may accept a report as a hazard (the server's TRIAGE_ROLES).
  { id: 'publicReports', path: '/public-reports', roles: fieldStaff },
  // 检查计划: the server serves it to regulators; those who inspect (and their leaders) use it.
  { id: 'plan', path: '/plan', roles: ['inspector', 'enforcement', 'leader', 'admin'] },
  { id: 'inspect', path: '/m/inspect', roles: fieldStaff },
  { id: 'organisations', path: '/organisations', roles: regulators },
  { id: 'users', path: '/users', roles: regulators },
  { id: 'events', path: '/events', roles: regulators },
  { id: 'adminSettings', path: '/admin/settings', roles: ['admin'] },
  { id: 'adminWebhooks', path: '/admin/webhooks', roles: ['admin'] },
  { id: 'adminChecklists', path: '/admin/checklists', roles: ['admin'] },
  // Zones and approved routes: the server lets admins and monitors draw and change them (GEO_WRITERS).
  { id: 'adminZones', path: '/admin/zones', roles: ['admin', 'monitor'] },
  { id: 'adminRoutes', path: '/admin/routes', roles: ['admin', 'monitor'] },
  // Everyone's inbox, opened from the bell in the header.
  { id: 'inbox', path: '/inbox', roles: 'all', hidden: true },
  { id: 'account', path: '/account', roles: 'all' },
];

export function canEnter(role: Role, area: Area): boolean {
  return area.roles === 'all' || area.roles.includes(role);
}

/** The menu entries of a role. */
export function areasFor(role: Role): Area[] {
  return areas.filter((area) => !area.hidden && canEnter(role, area));
}

export function areaById(id: AreaId): Area {
  const area = areas.find((candidate) => candidate.id === id);
  if (!area) throw new Error(`unknown area ${id}`);
  return area;
}

/** The entry among `candidates` a location belongs to, for highlighting the menu. */
export function areaOfPath(pathname: string, candidates: readonly Area[] = areas): Area | undefined {
  return [...candidates].reverse().find((area) => (area.path === '/' ? pathname === '/' : pathname.startsWith(area.path)));
}

/** Where a role lands after signing in: the dashboard for staff, 我的隐患 for enterprises. */
export function homeOf(role: Role): string {
  if (role === 'enterprise') return '/my';
  return regulators.includes(role) ? '/' : '/account';
}
