import type { LiveAlarm, LiveMessage, LivePosition } from '@anlan/contracts';

/** Longest wait between two reconnection attempts. */
export const MAX_BACKOFF_MS = 30_000;

/**
 * How long to wait before reconnection attempt `attempt` (0-based): doubling from 1 s up to 30 s, with jitter so
 * that a server restart is not met by every browser in the same millisecond.
 */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(attempt, 15));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export type LiveStatus = 'connecting' | 'open' | 'reconnecting';

export interface LiveHandlers {
  positions(items: LivePosition[]): void;
  alarms?(items: LiveAlarm[]): void;
  status?(status: LiveStatus): void;
  /** The socket opened again after a loss: whatever happened meanwhile was missed. */
  reopened?(): void;
}

/** ws(s)://<this host>/api/live; the session cookie goes along with the upgrade. */
export function liveUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/live`;
}

function dispatch(data: unknown, on: LiveHandlers): void {
  if (typeof data !== 'string') return;
  const message = JSON.parse(data) as LiveMessage;
  switch (message.type) {
    case 'positions':
      on.positions(message.items);
      break;
    case 'alarms':
      on.alarms?.(message.items);
      break;
  }
}

/** GET /api/live, reconnecting with back-off until `close()`. */
export function connectLive(on: LiveHandlers, url = liveUrl()): { close(): void } {
  let socket: WebSocket | null = null;
  let attempt = 0;
  let everOpened = false;
  let closed = false;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const open = () => {
    on.status?.(everOpened ? 'reconnecting' : 'connecting');
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      on.status?.('open');
      if (everOpened) on.reopened?.();
      everOpened = true;
    };
    ws.onmessage = (event) => dispatch(event.data, on);
    ws.onclose = () => {
      if (closed || socket !== ws) return;
      on.status?.('reconnecting');
      retry = setTimeout(open, backoffMs(attempt++));
    };
  };
  open();
  return {
    close() {
      closed = true;
      clearTimeout(retry);
      socket?.close();
    },
  };
}
