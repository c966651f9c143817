import { sql } from 'kysely';
import type { Db } from '../../db/client.js';
import { ACCEPTANCE_STATUSES, DEADLINE_STATUSES } from '../hazards/hazard-lifecycle.js';
import type { Recipient } from './audience.js';

export const DUE_WITHIN_MS = 3 * 86_400_000;
const LIMIT = 5000;

export interface DeadlineRow {
  id: string;
  code: string;
  description: string;
  /** 'rectification': the enterprise's deadline; 'acceptance': the regulator's re-check of a major hazard. */
  kind: 'rectification' | 'acceptance';
  dueAt: Date;
}

/**
 * The hazards whose deadlines concern the user, by the same relevance as the notifications: an enterprise its
 * own; inspectors and enforcement officers those of their department or found by them; leaders and admins the
 * major or escalated ones of the district; monitors none (theirs are alarms). The acceptance deadline is the
 * regulator's, never shown to an enterprise.
 */
export async function deadlinesFor(db: Db, r: Recipient, now: Date): Promise<{ due: DeadlineRow[]; overdue: DeadlineRow[] }> {
  if (r.role === 'monitor' || r.role === 'public' || (r.role === 'enterprise' && !r.organisationId)) return { due: [], overdue: [] };
  const horizon = new Date(now.getTime() + DUE_WITHIN_MS);
  const regulator = r.role !== 'enterprise';
  let q = db
    .selectFrom('hazards as h')
    .select(['h.id', 'h.code', 'h.description', 'h.status', 'h.deadline', 'h.acceptance_due_at'])
    .where((eb) =>
      eb.or([
        eb.and([eb('h.status', 'in', DEADLINE_STATUSES), eb('h.deadline', '<', horizon)]),
        ...(regulator ? [eb.and([eb('h.status', 'in', ACCEPTANCE_STATUSES), eb('h.acceptance_due_at', '<', horizon)])] : []),
      ]),
    );
  switch (r.role) {
    case 'enterprise':
      q = q.where('h.organisation_id', '=', r.organisationId!);
      break;
    case 'inspector':
    case 'enforcement':
      q = q.where((eb) => eb.or([...(r.organisationId ? [eb('h.department_id', '=', r.organisationId)] : []), eb('h.found_by', '=', r.id)]));
      break;
    case 'leader':
    case 'admin':
      q = q.where((eb) => eb.or([eb('h.level', '=', 'major'), eb('h.escalation', '<>', 'none')]));
      break;
  }
  const rows = await q.orderBy(sql`coalesce(h.deadline, h.acceptance_due_at)`).limit(LIMIT).execute();
  const due: DeadlineRow[] = [];
  const overdue: DeadlineRow[] = [];
  for (const h of rows) {
    const rectification = DEADLINE_STATUSES.includes(h.status);
    const dueAt = rectification ? h.deadline : h.acceptance_due_at;
    if (!dueAt) continue;
    const row: DeadlineRow = { id: h.id, code: h.code, description: h.description, kind: rectification ? 'rectification' : 'acceptance', dueAt };
    (dueAt.getTime() < now.getTime() ? overdue : due).push(row);
  }
  return { due, overdue };
}
