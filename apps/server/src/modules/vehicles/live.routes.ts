import type { FastifyInstance } from 'fastify';
import type { LiveHub } from '../../gateway/live.js';
import type { GatewayCounters } from '../../gateway/stats.js';
import { authorize } from '../../http/auth.js';
import { visibleOrganisations } from '../identity/actor.js';
import { LiveClient } from './live-client.js';

export interface LiveRouteOptions {
  hub: LiveHub;
  counters: GatewayCounters;
  /** Least time between two messages to one client; default 500 ms. */
  throttleMs: number;
  /** A client with more than this many bytes not yet taken is skipped until it catches up; default 1 MiB. */
  maxBufferedBytes?: number;
}

/** GET /api/live: a WebSocket of coalesced position updates, scoped like every other read. */
export function liveRoutes(app: FastifyInstance, o: LiveRouteOptions): void {
  const maxBuffered = o.maxBufferedBytes ?? 1024 * 1024;
  app.get(
    '/api/live',
    {
      websocket: true,
      schema: {
        tags: ['vehicles'],
        summary:
          "WebSocket: live positions, coalesced per vehicle (at most every ~500 ms), and alarms as they are stored ({type:'alarms'})",
      },
      // Refused before the upgrade, as a normal 401 with the usual error body.
      preValidation: async (request) => void authorize(request),
    },
    (socket, request) => {
      const client = new LiveClient({
        visible: visibleOrganisations(authorize(request)),
        send: (message) => socket.send(message),
        canSend: () => socket.readyState === socket.OPEN && socket.bufferedAmount < maxBuffered,
        // 1013 "try again later": the browser reconnects and reloads the alarm list from the API.
        overflow: () => socket.close(1013, 'too far behind'),
      });
      const offPositions = o.hub.on('positions', (events) => client.offer(events));
      const offPresence = o.hub.on('presence', (vehicleId, online) => client.presence(vehicleId, online));
      // Alarms leave at once (one message per burst), not at the position throttle; a client that could not take
      // them then gets them at the next throttle tick.
      let alarmsDue: NodeJS.Immediate | null = null;
      const offAlarms = o.hub.on('alarms', (events) => {
        if (client.offerAlarms(events))
          alarmsDue ??= setImmediate(() => {
            alarmsDue = null;
            client.flushAlarms();
          });
      });
      const timer = setInterval(() => {
        client.flushAlarms();
        client.flush();
      }, o.throttleMs);
      o.counters.liveSubscribers++;
      socket.on('close', () => {
        clearInterval(timer);
        if (alarmsDue) clearImmediate(alarmsDue);
        offPositions();
        offPresence();
        offAlarms();
        o.counters.liveSubscribers--;
      });
    },
  );
}
