import type { EscalationLevel, HazardTransition } from '@anlan/contracts';
import type { TransitionBody } from '../../../api/hazards';

export type TransitionAction = HazardTransition['action'];

/** Everything any transition form may hold; each action reads its own fields. */
export interface TransitionValues {
  note?: string;
  reason?: string;
  description?: string;
  afterFileIds?: string[];
  acceptanceFileIds?: string[];
  fileIds?: string[];
  newDeadline?: string;
  duplicateOf?: string;
  level?: EscalationLevel;
}

export const transitionFields = [
  'note',
  'reason',
  'description',
  'afterFileIds',
  'acceptanceFileIds',
  'fileIds',
  'newDeadline',
  'duplicateOf',
  'level',
] as const satisfies readonly (keyof TransitionValues)[];

const trimmed = (v: string | undefined): string | undefined => (v?.trim() ? v.trim() : undefined);

/** The request body of one action, from the form's values (blank optional texts left out). */
export function transitionBody(action: TransitionAction, v: TransitionValues): TransitionBody {
  switch (action) {
    case 'start_rectifying':
      return { action, note: trimmed(v.note) };
    case 'submit':
      return { action, description: v.description ?? '', afterFileIds: v.afterFileIds ?? [], acceptanceFileIds: v.acceptanceFileIds ?? [] };
    case 'recheck_pass':
      return { action, note: trimmed(v.note), fileIds: v.fileIds ?? [] };
    case 'recheck_fail':
      return { action, reason: v.reason ?? '', newDeadline: v.newDeadline ?? '' };
    case 'close':
      return { action, note: trimmed(v.note) };
    case 'fix_on_spot':
      return { action, note: v.note ?? '', afterFileIds: v.afterFileIds ?? [] };
    case 'void':
      return { action, reason: v.reason ?? '', duplicateOf: v.duplicateOf };
    case 'set_escalation':
      return { action, level: v.level ?? 'none', reason: v.reason ?? '' };
  }
}
