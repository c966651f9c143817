import type { Role } from '@anlan/contracts';

/** The console's areas, in menu order. Later issues add hazards, vehicles, alarms, the risk board. */
export type AreaId = 'overview' | 'organisations' | 'users' | 'events';

export interface Area {
  id: AreaId;
  path: string;
  /** Who sees the entry; 'all' for every signed-in role. */
  roles: 'all' | readonly Role[];
}

/** Regulator staff and enterprise contacts; the public only reports and follows hazards. */
const staffAndEnterprises: readonly Role[] = ['admin', 'leader', 'inspector', 'enforcement', 'monitor', 'enterprise'];

export const areas: readonly Area[] = [
  { id: 'overview', path: '/', roles: 'all' },
  { id: 'organisations', path: '/organisations', roles: staffAndEnterprises },
  { id: 'users', path: '/users', roles: staffAndEnterprises },
  { id: 'events', path: '/events', roles: staffAndEnterprises },
];

export function canEnter(role: Role, area: Area): boolean {
  return area.roles === 'all' || area.roles.includes(role);
}

export function areasFor(role: Role): Area[] {
  return areas.filter((area) => canEnter(role, area));
}

export function areaById(id: AreaId): Area {
  const area = areas.find((candidate) => candidate.id === id);
  if (!area) throw new Error(`unknown area ${id}`);
  return area;
}

/** The area a location belongs to, for highlighting the menu. */
export function areaOfPath(pathname: string): Area | undefined {
  return [...areas].reverse().find((area) => (area.path === '/' ? pathname === '/' : pathname.startsWith(area.path)));
}
