import type { LiveAlarm, LiveMessage, LivePosition } from '@anlan/contracts';
import type { LiveAlarmEvent, LivePositionEvent } from '../../gateway/live.js';

/** Alarms one client may hold unsent; past this it is too far behind to catch up and is told to reconnect. */
export const MAX_PENDING_ALARMS = 10_000;

export interface LiveClientOptions {
  /** Organisations whose vehicles this client may see; undefined: all. */
  visible: readonly string[] | undefined;
  send(message: string): void;
  /** False while the client has not taken what was sent before (slow browser): updates keep coalescing. */
  canSend(): boolean;
  /** Called once when more than MAX_PENDING_ALARMS alarms wait: the caller closes the socket (alarms are never dropped). */
  overflow?(): void;
}

/**
 * One WebSocket subscriber of the live map. Updates coalesce per vehicle (the newest device time wins, so
 * blind-area back-fill never moves a marker backwards) and leave at most once per flush; a slow client skips
 * flushes and gets only the latest state later. Memory is one entry per visible vehicle, never a queue.
 *
 * Alarms travel apart ({type: 'alarms'}): only later states of the same alarm merge, so no alarm is ever lost to
 * coalescing, and they leave as soon as `flushAlarms` runs rather than at the position throttle. A client so slow
 * that MAX_PENDING_ALARMS pile up is cut off (`overflow`) and reloads from the API when it reconnects.
 */
export class LiveClient {
  private readonly known = new Map<string, LivePosition>();
  private readonly pending = new Set<string>();
  private readonly alarms = new Map<string, LiveAlarm>();
  private overflowed = false;
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

  /** Queues the visible alarms; returns true when any was queued (the caller schedules `flushAlarms`). */
  offerAlarms(events: readonly LiveAlarmEvent[]): boolean {
    const visible = this.o.visible;
    let queued = false;
    for (const e of events) {
      if (visible && !visible.includes(e.organisationId)) continue;
      this.alarms.set(e.alarm.id, e.alarm);
      queued = true;
    }
    if (this.alarms.size > MAX_PENDING_ALARMS && !this.overflowed) {
      this.overflowed = true;
      this.o.overflow?.();
    }
    return queued;
  }

  /** Sends every pending alarm in one message when the client can take it; returns how many. */
  flushAlarms(): number {
    if (this.alarms.size === 0 || !this.o.canSend()) return 0;
    const message: LiveMessage = { type: 'alarms', items: [...this.alarms.values()] };
    this.alarms.clear();
    this.o.send(JSON.stringify(message));
    return message.items.length;
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
