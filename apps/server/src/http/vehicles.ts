import fastifyWebsocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import { createGatewayRuntime } from '../gateway/runtime.js';
import { liveRoutes } from '../modules/vehicles/live.routes.js';
import { vehiclesRoutes } from '../modules/vehicles/vehicles.routes.js';
import { VehiclesService } from '../modules/vehicles/vehicles.service.js';
import type { AppDeps } from './app.js';

/** Hazmat vehicles: the vehicles API, the live WebSocket and the gateway's counters. */
export async function registerVehicles(
  app: FastifyInstance,
  { config, database, gateway, now }: AppDeps,
): Promise<void> {
  // Without a gateway in this process (tests, an HTTP-only node) the runtime is idle: nobody online, no live feed.
  const runtime = gateway ?? createGatewayRuntime({ offlineAfterMs: config.vehicleOfflineAfterMs });
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });
  vehiclesRoutes(app, {
    vehicles: new VehiclesService(database.db, runtime.presence, now),
    counters: runtime.counters,
  });
  liveRoutes(app, { hub: runtime.hub, counters: runtime.counters, throttleMs: config.liveThrottleMs });
}
