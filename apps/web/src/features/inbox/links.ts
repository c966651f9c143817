import type { Role } from '@anlan/contracts';
import { areaById, canEnter } from '../shell/areas';

/** Where opening a notification leads. */
export type Target =
  | { kind: 'route'; to: string }
  /** A daily digest: opened in place, its sections below the item. */
  | { kind: 'digest'; id: string }
  /** A notice or a case has no page of its own: its (first) hazard's page shows it. */
  | { kind: 'notice' | 'case'; id: string };

const PATH = /^\/([a-z-]+(?:\/[a-z-]+)?)\/([0-9a-f-]{36})$/i;

/**
 * The web page of a server link (`/hazards/…`, `/subjects/…`, `/alarms/…`, `/public-reports/…`, `/notifications/digests/…`), for the
 * signed-in role; null when there is none or the role may not open it (the item then only reads).
 */
export function targetOf(link: string | null, role: Role): Target | null {
  const m = link ? PATH.exec(link) : null;
  if (!m) return null;
  const [, base, id] = m as unknown as [string, string, string];
  const enterprise = role === 'enterprise';
  switch (base) {
    case 'hazards':
      return { kind: 'route', to: `/hazards/${id}` };
    case 'subjects':
      return { kind: 'route', to: `/risk/subjects/${id}` };
    case 'alarms':
      if (enterprise) return { kind: 'route', to: `/my/alarms?alarm=${id}` };
      return canEnter(role, areaById('alarms')) ? { kind: 'route', to: `/monitor/alarms?alarm=${id}` } : null;
    case 'vehicles':
      if (enterprise) return { kind: 'route', to: `/my/vehicles?vehicle=${id}` };
      return canEnter(role, areaById('vehicles')) ? { kind: 'route', to: `/vehicles?vehicle=${id}` } : null;
    case 'public-reports':
      return canEnter(role, areaById('publicReports')) ? { kind: 'route', to: `/public-reports?report=${id}&triage=all` } : null;
    case 'notices':
      return { kind: 'notice', id };
    case 'cases':
      return { kind: 'case', id };
    case 'notifications/digests':
      return { kind: 'digest', id };
    default:
      return null;
  }
}
