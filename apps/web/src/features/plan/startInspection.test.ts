import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DraftStore } from '../inspect/draftStore';
import { inspectionDraftFor } from './startInspection';

/** The phone's localStorage, in memory. */
function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

const item = {
  subjectId: '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b',
  subjectName: '三江化工有限公司(乍浦厂区)',
  subjectType: 'chemical_enterprise' as const,
};

describe('starting an inspection from the plan', () => {
  beforeEach(() => {
    vi.stubGlobal('localStorage', memoryStorage());
    vi.stubGlobal('window', { addEventListener: () => undefined, removeEventListener: () => undefined });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('makes a draft on the phone with the subject filled in', () => {
    const id = inspectionDraftFor('user-1', item);
    const draft = new DraftStore('user-1').get(id);
    expect(draft).toMatchObject({
      state: 'editing',
      subjectId: item.subjectId,
      subjectName: item.subjectName,
      subjectType: 'chemical_enterprise',
    });
  });

  it('reuses the unsent draft of the same subject instead of starting another', () => {
    const first = inspectionDraftFor('user-1', item);
    expect(inspectionDraftFor('user-1', item)).toBe(first);
    expect(new DraftStore('user-1').list()).toHaveLength(1);
    // Another inspector's phone list is their own.
    expect(inspectionDraftFor('user-2', item)).not.toBe(first);
  });
});
