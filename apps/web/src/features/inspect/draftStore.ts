import { newIdempotencyKey } from '../../api/idempotency';
import type { Draft } from './draftTypes';

/**
 * The signed-in inspector's drafts in localStorage (one list per user on a shared phone), with
 * subscribers so every view of a draft follows its changes.
 */
export class DraftStore {
  private readonly storageKey: string;
  private cache: Draft[] | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(userId: string) {
    this.storageKey = `anlan.inspect.drafts.${userId}`;
  }

  list = (): Draft[] => {
    if (this.cache) return this.cache;
    try {
      const parsed: unknown = JSON.parse(localStorage.getItem(this.storageKey) ?? '[]');
      this.cache = Array.isArray(parsed) ? (parsed as Draft[]) : [];
    } catch {
      this.cache = [];
    }
    return this.cache;
  };

  get(id: string): Draft | undefined {
    return this.list().find((d) => d.id === id);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    // Another tab of the same app changed the drafts.
    const onStorage = (e: StorageEvent) => {
      if (e.key === this.storageKey) {
        this.cache = null;
        listener();
      }
    };
    window.addEventListener('storage', onStorage);
    return () => {
      this.listeners.delete(listener);
      window.removeEventListener('storage', onStorage);
    };
  };

  create(): Draft {
    const now = new Date().toISOString();
    const draft: Draft = { id: newIdempotencyKey(), key: newIdempotencyKey(), createdAt: now, updatedAt: now, answers: {}, state: 'editing' };
    this.write([draft, ...this.list()]);
    return draft;
  }

  /** Applies a change to the stored draft (the newest copy, not a stale one held by a view). */
  update(id: string, change: (draft: Draft) => Draft): Draft | undefined {
    let updated: Draft | undefined;
    this.write(
      this.list().map((d) => {
        if (d.id !== id) return d;
        updated = { ...change(d), updatedAt: new Date().toISOString() };
        return updated;
      }),
    );
    return updated;
  }

  /** Forgets sent drafts older than `days`: the server has them, the phone need not. */
  prune(days: number): void {
    const cutoff = Date.now() - days * 86_400_000;
    const kept = this.list().filter((d) => d.state !== 'sent' || Date.parse(d.updatedAt) > cutoff);
    if (kept.length !== this.list().length) this.write(kept);
  }

  remove(id: string): void {
    this.write(this.list().filter((d) => d.id !== id));
  }

  private write(drafts: Draft[]): void {
    this.cache = drafts;
    // Throws when storage is full or blocked: the caller must know the draft was not kept.
    localStorage.setItem(this.storageKey, JSON.stringify(drafts));
    for (const listener of this.listeners) listener();
  }
}
