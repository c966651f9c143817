import type { LivePosition } from '@anlan/contracts';

/**
 * Whether `next` is news about a vehicle last known as `last`: a later device time, or the same position with
 * a changed online status (presence). Back-filled positions from a blind area never move a vehicle backwards.
 */
export function supersedes(last: LivePosition | undefined, next: LivePosition): boolean {
  if (!last) return true;
  const dt = Date.parse(next.deviceTime) - Date.parse(last.deviceTime);
  return dt > 0 || (dt === 0 && next.online !== last.online);
}

/** The clock and timers a store runs on; tests pass fake ones. */
export interface Timers {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const browserTimers: Timers = {
  now: () => performance.now(),
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * The live map's vehicles, one entry per vehicle id. Updates (the initial load, WebSocket messages) merge in as
 * they come; listeners hear about them at most once per `intervalMs`, so the map redraws at most ~2×/s however
 * many vehicles report (traccar-web's throttled merge).
 */
export class LiveStore {
  private readonly byId = new Map<string, LivePosition>();
  private timer: unknown;
  private lastFlush = -Infinity;
  private dirty = false;
  /** Bumped on every flush: a cheap way for React to notice a change. */
  version = 0;

  constructor(
    private readonly onFlush: (positions: ReadonlyMap<string, LivePosition>, version: number) => void,
    private readonly intervalMs = 500,
    private readonly timers: Timers = browserTimers,
  ) {}

  /** Merges positions by vehicle id; returns how many changed the map. */
  offer(items: readonly LivePosition[]): number {
    let changed = 0;
    for (const item of items) {
      if (!supersedes(this.byId.get(item.vehicleId), item)) continue;
      this.byId.set(item.vehicleId, item);
      changed++;
    }
    if (changed > 0) {
      this.dirty = true;
      this.schedule();
    }
    return changed;
  }

  get(vehicleId: string): LivePosition | undefined {
    return this.byId.get(vehicleId);
  }

  dispose(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.dirty = false;
  }

  private schedule(): void {
    if (this.timer !== undefined) return;
    const wait = Math.max(0, this.lastFlush + this.intervalMs - this.timers.now());
    this.timer = this.timers.setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    this.timer = undefined;
    if (!this.dirty) return;
    this.dirty = false;
    this.lastFlush = this.timers.now();
    this.version++;
    this.onFlush(this.byId, this.version);
  }
}
