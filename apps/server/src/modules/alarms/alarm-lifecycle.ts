import { alarmActions, type AlarmAction, type AlarmStatus, type Role } from '@anlan/contracts';

/**
 * The monitor's workflow as data: which action is open in which status, to whom, and where it leads.
 *
 *   open ─acknowledge─► acknowledged ─handle─► handled ─close─► closed
 *     │  remind / notify_carrier take an open alarm to acknowledged (the monitor is on it) and may repeat
 *     └─handle (the monitor, or the carrier recording what it did) ─► handled; handle may add to a handled alarm
 *
 * Monitors and administrators act; the carrier's own users (enterprise) may only record their handling, never close.
 * Scoping (an enterprise sees its own vehicles' alarms only) is the service's job.
 */
interface Rule {
  from: readonly AlarmStatus[];
  roles: readonly Role[];
}

const MONITORS: readonly Role[] = ['monitor', 'admin'];

export const alarmRules: Record<AlarmAction, Rule> = {
  acknowledge: { from: ['open'], roles: MONITORS },
  remind: { from: ['open', 'acknowledged'], roles: MONITORS },
  notify_carrier: { from: ['open', 'acknowledged'], roles: MONITORS },
  handle: { from: ['open', 'acknowledged', 'handled'], roles: [...MONITORS, 'enterprise'] },
  close: { from: ['acknowledged', 'handled'], roles: MONITORS },
};

/** Why an action is refused: the role may never take it, or not in this status. */
export function alarmRefusal(status: AlarmStatus, action: AlarmAction, role: Role): 'role' | 'status' | null {
  const rule = alarmRules[action];
  if (!rule.roles.includes(role)) return 'role';
  if (!rule.from.includes(status)) return 'status';
  return null;
}

/** Every action the role may take now, in a stable order. */
export function allowedAlarmActions(status: AlarmStatus, role: Role): AlarmAction[] {
  return alarmActions.filter((a) => alarmRefusal(status, a, role) === null);
}

/** The status an allowed action leads to. */
export function alarmStatusAfter(status: AlarmStatus, action: AlarmAction): AlarmStatus {
  switch (action) {
    case 'acknowledge':
      return 'acknowledged';
    case 'remind':
    case 'notify_carrier':
      return status === 'open' ? 'acknowledged' : status;
    case 'handle':
      return 'handled';
    case 'close':
      return 'closed';
  }
}

/** Statuses in which an alarm counts as unhandled (and may be escalated). */
export const UNHANDLED: readonly AlarmStatus[] = ['open', 'acknowledged'];
