import type { InspectionPlanItem } from '@anlan/contracts';
import { DraftStore } from '../inspect/draftStore';

/**
 * A phone inspection draft for a planned subject, its type, id and name filled in, for /m/inspect?draft=…
 * An unsent draft of the same subject is reused, so a second tap does not start a second inspection.
 */
export function inspectionDraftFor(
  userId: string,
  item: Pick<InspectionPlanItem, 'subjectId' | 'subjectName' | 'subjectType'>,
): string {
  const store = new DraftStore(userId);
  const open = store.list().find((d) => d.state === 'editing' && d.subjectId === item.subjectId);
  if (open) return open.id;
  const draft = store.create();
  store.update(draft.id, (d) => ({
    ...d,
    subjectType: item.subjectType,
    subjectId: item.subjectId,
    subjectName: item.subjectName,
  }));
  return draft.id;
}
