import type { Checklist } from '@anlan/contracts';
import { describe, expect, it } from 'vitest';
import { draftProblems, inspectionBody, photosToSend } from './draftBody';
import type { Draft } from './draftTypes';

const item = (id: string, major = false): Checklist['items'][number] => ({
  id,
  seq: 1,
  category: '个人防护',
  text: '未戴安全帽',
  clause: null,
  major,
  requiresPhotoOnFail: true,
  requiresNoteOnFail: true,
});
const checklist = { id: 'c', items: [item('a'), item('b', true)] } as Checklist;
const draft = (answers: Draft['answers']): Draft => ({
  id: 'd',
  key: 'k',
  createdAt: '2026-11-28T01:00:00.000Z',
  updatedAt: '2026-11-28T01:00:00.000Z',
  subjectId: 's',
  checklistId: 'c',
  answers,
  state: 'editing',
});

describe('an inspection draft', () => {
  it('names what a failed item still needs: photo, note, after photo of a fix on the spot', () => {
    const problems = draftProblems(draft({ a: { result: 'fail', photos: [], afterPhotos: [], fixedOnSpot: true } }), checklist);
    expect(problems.map((p) => `${p.itemId}:${p.problem}`)).toEqual(['a:photo', 'a:note', 'a:afterPhoto', 'b:unanswered']);
  });

  it('becomes the POST body with the uploaded file ids and the fix on the spot', () => {
    const d = draft({
      a: { result: 'fail', note: ' 未戴 ', photos: [{ localId: 'p1', fileId: 'f1' }], afterPhotos: [{ localId: 'p2', fileId: 'f2' }], fixedOnSpot: true },
      b: { result: 'pass', photos: [{ localId: 'p3' }], afterPhotos: [] },
    });
    expect(inspectionBody(d, 'u')).toMatchObject({
      subjectId: 's',
      checklistId: 'c',
      inspectedAt: '2026-11-28T01:00:00.000Z',
      inspectorIds: ['u'],
      answers: [
        { itemId: 'a', result: 'fail', note: '未戴', fileIds: ['f1'], hazard: { fixedOnSpot: true, afterFileIds: ['f2'] } },
        { itemId: 'b', result: 'pass' },
      ],
    });
    // A photo of an item that passed after all is not uploaded.
    expect(photosToSend(d).map((p) => p.photo.localId)).toEqual(['p1', 'p2']);
  });
});
