import { useEffect } from 'react';
import type { DraftStore } from './draftStore';
import { sendDraft } from './sendDraft';

/**
 * Sends every queued draft when the page opens and whenever the phone comes back online; each goes
 * with its own Idempotency-Key, so a draft that did reach the server is not recorded again.
 */
export function useAutoSend(store: DraftStore, inspectorId: string): void {
  useEffect(() => {
    const sendQueued = () => {
      for (const draft of store.list().filter((d) => d.state === 'queued')) {
        void sendDraft(store, draft.id, inspectorId).catch(() => undefined);
      }
    };
    sendQueued();
    window.addEventListener('online', sendQueued);
    return () => window.removeEventListener('online', sendQueued);
  }, [store, inspectorId]);
}
