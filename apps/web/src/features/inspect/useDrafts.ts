import { createContext, use, useSyncExternalStore } from 'react';
import type { DraftStore } from './draftStore';
import type { Draft } from './draftTypes';

export const DraftStoreContext = createContext<DraftStore | null>(null);

export function useDraftStore(): DraftStore {
  const store = use(DraftStoreContext);
  if (!store) throw new Error('useDraftStore is used outside the inspect page');
  return store;
}

/** Every draft of the signed-in inspector, newest first, following changes. */
export function useDrafts(): Draft[] {
  const store = useDraftStore();
  return useSyncExternalStore(store.subscribe, store.list);
}

export function useDraft(id: string): Draft | undefined {
  return useDrafts().find((d) => d.id === id);
}
