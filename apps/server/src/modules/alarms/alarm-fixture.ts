import type { Database } from '../../db/client.js';
import { seedTestFleet } from '../../gateway/test-gateway.js';
import type { AlarmSignal } from '../../rules/types.js';

/** For tests: the demo carriers and their vehicles (alternating: vehicle 1, 3 … the first carrier's). */
export async function alarmWorld(database: Database, vehicles = 4) {
  const carriers = await seedTestFleet(database, vehicles);
  const rows = await database.db
    .selectFrom('vehicles')
    .select(['id', 'plate', 'organisation_id', 'terminal_phone'])
    .orderBy('terminal_phone')
    .execute();
  return { carriers, vehicles: rows };
}

const T0 = Date.parse('2026-12-20T02:00:00Z');

/** A signal with sensible defaults: an overspeed episode of `vehicle` starting at T0 + `startS`. */
export function signal(
  vehicle: { id: string; organisation_id: string },
  over: Partial<AlarmSignal> & { startS?: number; lastS?: number } = {},
): AlarmSignal {
  const { startS = 0, lastS = startS, ...rest } = over;
  return {
    kind: 'open',
    vehicleId: vehicle.id,
    organisationId: vehicle.organisation_id,
    type: 'overspeed',
    subtype: null,
    severity: 'warning',
    episodeKey: String(T0 + startS * 1000),
    startedAt: T0 + startS * 1000,
    lastAt: T0 + lastS * 1000,
    endedAt: null,
    lat: 30.62,
    lon: 121.05,
    zoneId: null,
    routeId: null,
    tripId: null,
    details: { maxSpeedKmh: 92, limitKmh: 80 },
    ...rest,
  };
}
