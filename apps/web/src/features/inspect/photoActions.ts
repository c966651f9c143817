import { uploadFile } from '../../api/files';
import { newIdempotencyKey } from '../../api/idempotency';
import type { DraftStore } from './draftStore';
import { emptyAnswer, type DraftPhoto } from './draftTypes';
import { deletePhoto, putPhoto } from './photoStore';
import { uploadPhotos } from './sendDraft';
import { shrinkPhoto } from './shrinkPhoto';

export type PhotoSlot = 'photos' | 'afterPhotos';

/**
 * Keeps a new photo on the phone first, adds it to the draft, then tries to upload it in the
 * background; without network it waits in IndexedDB until the draft is sent. Where IndexedDB is
 * unavailable (some private modes) the photo must upload at once.
 */
export async function addPhoto(store: DraftStore, draftId: string, itemId: string, slot: PhotoSlot, file: File): Promise<void> {
  const blob = await shrinkPhoto(file);
  const photo: DraftPhoto = { localId: newIdempotencyKey() };
  try {
    await putPhoto(photo.localId, blob);
  } catch {
    photo.fileId = (await uploadFile(blob, file.name || 'photo.jpg')).id;
  }
  store.update(draftId, (d) => {
    const answer = d.answers[itemId] ?? emptyAnswer();
    return { ...d, answers: { ...d.answers, [itemId]: { ...answer, [slot]: [...answer[slot], photo] } } };
  });
  if (!photo.fileId) void uploadPhotos(store, draftId).catch(() => undefined);
}

export function removePhoto(store: DraftStore, draftId: string, itemId: string, slot: PhotoSlot, localId: string): void {
  store.update(draftId, (d) => {
    const answer = d.answers[itemId];
    if (!answer) return d;
    return { ...d, answers: { ...d.answers, [itemId]: { ...answer, [slot]: answer[slot].filter((p) => p.localId !== localId) } } };
  });
  void deletePhoto(localId).catch(() => undefined);
}
