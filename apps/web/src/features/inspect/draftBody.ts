import type { Checklist, createInspection } from '@anlan/contracts';
import type { Input } from '../../api/types';
import type { Draft, DraftAnswer, DraftPhoto } from './draftTypes';

export type InspectionBody = Input<typeof createInspection>;
type AnswerBody = InspectionBody['answers'][number];

/** What still stops a draft from being submitted, one entry per problem (shown beside the item). */
export interface DraftProblem {
  itemId?: string;
  problem: 'subject' | 'checklist' | 'unanswered' | 'photo' | 'note' | 'afterPhoto';
}

export const needsAfterPhoto = (a: DraftAnswer): boolean => a.result === 'fail' && a.fixedOnSpot === true;

export function draftProblems(draft: Draft, checklist: Checklist | undefined): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (!draft.subjectId) problems.push({ problem: 'subject' });
  if (!draft.checklistId || !checklist) return [...problems, { problem: 'checklist' }];
  for (const item of checklist.items) {
    const a = draft.answers[item.id];
    if (!a?.result) problems.push({ itemId: item.id, problem: 'unanswered' });
    else if (a.result === 'fail') {
      if (item.requiresPhotoOnFail && a.photos.length === 0) problems.push({ itemId: item.id, problem: 'photo' });
      if (item.requiresNoteOnFail && !a.note?.trim()) problems.push({ itemId: item.id, problem: 'note' });
      if (needsAfterPhoto(a) && !item.major && a.afterPhotos.length === 0) problems.push({ itemId: item.id, problem: 'afterPhoto' });
    }
  }
  return problems;
}

const ids = (photos: DraftPhoto[]): string[] => photos.flatMap((p) => (p.fileId ? [p.fileId] : []));

/** The POST /api/inspections body; every photo must have been uploaded first. */
export function inspectionBody(draft: Draft, inspectorId: string): InspectionBody {
  const answers = Object.entries(draft.answers).flatMap(([itemId, a]): AnswerBody[] => {
    if (!a.result) return [];
    if (a.result !== 'fail') return [{ itemId, result: a.result }];
    return [
      {
        itemId,
        result: a.result,
        note: a.note?.trim() || undefined,
        fileIds: ids(a.photos),
        hazard: needsAfterPhoto(a) ? { fixedOnSpot: true, afterFileIds: ids(a.afterPhotos) } : undefined,
      },
    ];
  });
  return {
    campaignId: draft.campaignId,
    subjectId: draft.subjectId ?? '',
    checklistId: draft.checklistId ?? '',
    inspectedAt: draft.inspectedAt ?? draft.createdAt,
    lat: draft.lat,
    lon: draft.lon,
    inspectorIds: [inspectorId],
    note: draft.note?.trim() || undefined,
    leaflets: draft.leaflets ?? 0,
    answers,
  };
}

/** The photos that will be sent: those of failed answers (and after photos of fixes on the spot). */
export function photosToSend(draft: Draft): { itemId: string; which: 'photos' | 'afterPhotos'; photo: DraftPhoto }[] {
  return Object.entries(draft.answers).flatMap(([itemId, a]) => {
    if (a.result !== 'fail') return [];
    const before = a.photos.map((photo) => ({ itemId, which: 'photos' as const, photo }));
    const after = needsAfterPhoto(a) ? a.afterPhotos.map((photo) => ({ itemId, which: 'afterPhotos' as const, photo })) : [];
    return [...before, ...after];
  });
}
