import { useDraftStore } from './useDrafts';
import { emptyAnswer, type Draft, type DraftAnswer } from './draftTypes';

/** Changes to one draft, written through to localStorage at once. */
export function useDraftEditor(draftId: string) {
  const store = useDraftStore();
  return {
    set: (fields: Partial<Draft>) => store.update(draftId, (d) => ({ ...d, ...fields })),
    setAnswer: (itemId: string, change: Partial<DraftAnswer>) =>
      store.update(draftId, (d) => ({ ...d, answers: { ...d.answers, [itemId]: { ...(d.answers[itemId] ?? emptyAnswer()), ...change } } })),
  };
}
