import type { Inspection } from '@anlan/contracts';
import { api, ApiError } from '../../api/client';
import { uploadFile } from '../../api/files';
import { i18n } from '../../i18n';
import { inspectionBody, photosToSend } from './draftBody';
import type { DraftStore } from './draftStore';
import type { Draft, DraftPhoto } from './draftTypes';
import { deletePhoto, getPhoto } from './photoStore';

/** Drafts being sent right now: a second trigger (the online event, a tap) waits its turn. */
const inFlight = new Set<string>();

const withFileId = (photos: DraftPhoto[], localId: string, fileId: string) =>
  photos.map((p) => (p.localId === localId ? { ...p, fileId } : p));

/** One upload run per draft at a time: photos taken in quick succession are each uploaded once. */
const uploads = new Map<string, Promise<void>>();

/** Uploads the draft's photos not yet on the server, recording each file id in the draft as it lands. */
export function uploadPhotos(store: DraftStore, draftId: string): Promise<void> {
  const run = (uploads.get(draftId) ?? Promise.resolve()).catch(() => undefined).then(() => uploadPending(store, draftId));
  uploads.set(draftId, run);
  return run;
}

async function uploadPending(store: DraftStore, draftId: string): Promise<void> {
  const draft = store.get(draftId);
  if (!draft) return;
  for (const { itemId, which, photo } of photosToSend(draft)) {
    if (photo.fileId) continue;
    const blob = await getPhoto(photo.localId);
    if (!blob) throw new ApiError(400, 'photo_lost', i18n.t('inspect.photoLost'));
    const stored = await uploadFile(blob, `${photo.localId}.${blob.type === 'image/png' ? 'png' : 'jpg'}`);
    store.update(draftId, (d) => {
      const answer = d.answers[itemId];
      if (!answer) return d;
      return { ...d, answers: { ...d.answers, [itemId]: { ...answer, [which]: withFileId(answer[which], photo.localId, stored.id) } } };
    });
    await deletePhoto(photo.localId).catch(() => undefined);
  }
}

/** Failures that heal by themselves (no network, server busy): the draft stays queued for the next try. */
const isTransient = (error: unknown): boolean =>
  !(error instanceof ApiError) || error.status === 0 || error.status >= 500 || error.code === 'request_in_progress';

/**
 * Sends a draft: photos first, then the inspection with the draft's own Idempotency-Key. A retry after
 * a lost answer gets the first answer back, so the inspection is never recorded twice. A refusal
 * (validation) returns the draft to editing with the server's message.
 */
export async function sendDraft(store: DraftStore, draftId: string, inspectorId: string): Promise<Draft | undefined> {
  if (inFlight.has(draftId)) return store.get(draftId);
  inFlight.add(draftId);
  try {
    const queued = store.update(draftId, (d) => ({ ...d, state: 'queued', lastError: undefined, inspectedAt: d.inspectedAt ?? new Date().toISOString() }));
    if (!queued) return undefined;
    await uploadPhotos(store, draftId);
    const draft = store.get(draftId)!;
    const inspection = await api<Inspection>('/api/inspections', { method: 'POST', body: inspectionBody(draft, inspectorId), idempotencyKey: draft.key });
    return store.update(draftId, (d) => ({ ...d, state: 'sent', result: { id: inspection.id, hazardIds: inspection.hazardIds } }));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    store.update(draftId, (d) => ({ ...d, state: isTransient(error) ? 'queued' : 'editing', lastError: message }));
    throw error;
  } finally {
    inFlight.delete(draftId);
  }
}
