import type { LiveAlarm } from '@anlan/contracts';
import type { PositionRecord } from './position-record.js';

/** A committed position with what subscribers need to route and scope it. */
export interface LivePositionEvent {
  position: PositionRecord;
  organisationId: string;
  plate: string;
}

/** An alarm just stored (raised, updated or ended), routed and scoped by its vehicle's organisation. */
export interface LiveAlarmEvent {
  alarm: LiveAlarm;
  organisationId: string;
}

export interface LiveEvents {
  /** Positions just committed (durable), in commit order; back-filled ones carry `blindArea`. */
  positions: (events: readonly LivePositionEvent[]) => void;
  /** A terminal authenticated (true) or its connection closed (false). */
  presence: (vehicleId: string, online: boolean) => void;
  /** Alarms just committed by the alarm store, in commit order. */
  alarms: (events: readonly LiveAlarmEvent[]) => void;
}

/**
 * The in-process publisher of decoded positions: the rules engine and WebSocket subscribers listen here. Listeners
 * run synchronously inside the publisher's call, so they must only copy what they need and return (a listener that
 * throws is isolated and counted, never breaks ingest).
 */
export class LiveHub {
  listenerErrors = 0;
  private readonly listeners: { [K in keyof LiveEvents]: Set<LiveEvents[K]> } = {
    positions: new Set(),
    presence: new Set(),
    alarms: new Set(),
  };

  /** Returns the function that unsubscribes. */
  on<K extends keyof LiveEvents>(event: K, listener: LiveEvents[K]): () => void {
    const set = this.listeners[event] as Set<LiveEvents[K]>;
    set.add(listener);
    return () => set.delete(listener);
  }

  emit<K extends keyof LiveEvents>(event: K, ...args: Parameters<LiveEvents[K]>): void {
    for (const listener of this.listeners[event] as Set<(...a: Parameters<LiveEvents[K]>) => void>) {
      try {
        listener(...args);
      } catch {
        this.listenerErrors++;
      }
    }
  }

  listenerCount(event: keyof LiveEvents): number {
    return this.listeners[event].size;
  }
}
