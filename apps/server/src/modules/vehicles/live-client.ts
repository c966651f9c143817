import type { LiveMessage, LivePosition } from '@anlan/contracts';
import type { LivePositionEvent } from '../../gateway/live.js';

export interface LiveClientOptions {
  /** Organisations whose vehicles this client may see; undefined: all. */
  visible: readonly string[] | undefined;
  send(message: string): void;
  /** False while the client has not taken what was sent before (slow browser): updates keep coalescing. */
  canSend(): boolean;
}

/**
 * One WebSocket subscriber of the live map. Updates coalesce per vehicle (the newest device time wins, so
 * blind-area back-fill never moves a marker backwards) and leave at most once per flush; a slow client skips
 * flushes and gets only the latest state later. Memory is one entry per visible vehicle, never a queue.
 */
export class LiveClient {
  private readonly known = new Map<string, LivePosition>();
  private readonly pending = new Set<string>();
  skippedFlushes = 0;

  constructor(private readonly o: LiveClientOptions) {}

  offer(events: readonly LivePositionEvent[]): void {
    const visible = this.o.visible;
    for (const e of events) {
      if (visible && !visible.includes(e.organisationId)) continue;
      const p = e.position;
      const last = this.known.get(p.vehicleId);
      const deviceTime = p.deviceTime.toISOString();
      if (last && last.deviceTime >= deviceTime) continue;
      this.known.set(p.vehicleId, {
        vehicleId: p.vehicleId,
        plate: e.plate,
        organisationId: e.organisationId,
        deviceTime,
        lat: p.lat,
        lon: p.lon,
        speedKmh: p.speedKmh,
        heading: p.heading,
        alarmBits: p.alarmBits,
        statusBits: p.statusBits,
        online: true,
      });
      this.pending.add(p.vehicleId);
    }
  }

  presence(vehicleId: string, online: boolean): void {
    const last = this.known.get(vehicleId);
    if (!last || last.online === online) return;
    this.known.set(vehicleId, { ...last, online });
    this.pending.add(vehicleId);
  }

  /** Sends what changed since the last flush; returns how many vehicles it carried. */
  flush(): number {
    if (this.pending.size === 0) return 0;
    if (!this.o.canSend()) {
      this.skippedFlushes++;
      return 0;
    }
    const items: LivePosition[] = [];
    for (const id of this.pending) items.push(this.known.get(id)!);
    this.pending.clear();
    const message: LiveMessage = { type: 'positions', items };
    this.o.send(JSON.stringify(message));
    return items.length;
  }
}
