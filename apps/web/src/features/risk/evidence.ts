import type { Role } from '@anlan/contracts';
import { areaById, canEnter } from '../shell/areas';

/** What the ids behind a risk factor or an escalation reason are. */
export type EvidenceKind = 'hazard' | 'alarm' | 'riskPoint';

/** Factor and reason codes whose evidence is alarms (the rest: risk points for the assessment, hazards otherwise). */
const alarmCodes: ReadonlySet<string> = new Set(['vehicle_violations', 'repeat_violations', 'alarm_handling']);

/** The kind of record a factor's (or a ladder reason's) evidence ids name, by its code. */
export function evidenceKind(code: string): EvidenceKind {
  if (alarmCodes.has(code)) return 'alarm';
  if (code === 'assessed_risk') return 'riskPoint';
  return 'hazard';
}

/**
 * Where a piece of evidence is shown: a hazard's page, the alarm opened in the queue (an enterprise's own queue for
 * an enterprise user), a risk point further down the subject's page; null where the user's role has no page for it.
 */
export function evidenceHref(kind: EvidenceKind, id: string, role: Role): string | null {
  switch (kind) {
    case 'hazard':
      return `/hazards/${id}`;
    case 'alarm':
      if (role === 'enterprise') return `/my/alarms?alarm=${id}`;
      return canEnter(role, areaById('alarms')) ? `/monitor/alarms?alarm=${id}` : null;
    case 'riskPoint':
      return `#risk-point-${id}`;
  }
}
