import type { CreateZone, LineStringGeometry, RoadClass } from '@anlan/contracts';
import type { Db } from '../../db/client.js';
import { appendEvents, type NewEvent } from '../events/event-log.js';
import { ApprovedRoutesRepository } from '../geo/approved-routes.repository.js';
import { TripsRepository, type NewTrip } from '../geo/trips.repository.js';
import { ZonesRepository } from '../geo/zones.repository.js';
import { DEMO_VEHICLE_CARRIERS } from '../vehicles/demo-vehicles.js';

/**
 * The simulator's loop around 嘉兴港区 ([lon, lat], and the class of the road to the next point). It mirrors
 * DISTRICT_LOOP of tools/simulator/src/route.ts, which the server build cannot import; a test checks they agree.
 */
export const DEMO_LOOP: readonly { name: string; at: [number, number]; road: RoadClass }[] = [
  { name: '乍浦港码头', at: [121.102, 30.589], road: 'urban' },
  { name: '港区大道路口', at: [121.095, 30.6], road: 'urban' },
  { name: '化工园区东门', at: [121.07, 30.615], road: 'park' },
  { name: '化工园区中心', at: [121.055, 30.625], road: 'park' },
  { name: '化工园区北门', at: [121.045, 30.635], road: 'urban' },
  { name: '杭浦高速乍浦互通', at: [121.03, 30.648], road: 'expressway' },
  { name: '杭浦高速西段', at: [121.021, 30.66], road: 'expressway' },
  { name: '杭浦高速平湖方向', at: [121.08, 30.655], road: 'expressway' },
  { name: '沪杭方向出口', at: [121.14, 30.645], road: 'urban' },
  { name: '独山港路', at: [121.145, 30.61], road: 'urban' },
  { name: '港区东路', at: [121.12, 30.595], road: 'urban' },
];

/** The loop's points from index `from` to `to` (inclusive; `to` past the last point wraps to the start). */
function loopLine(from: number, to: number): LineStringGeometry {
  const coordinates: [number, number][] = [];
  for (let i = from; i <= to; i++) coordinates.push([...DEMO_LOOP[i % DEMO_LOOP.length]!.at]);
  return { type: 'LineString', coordinates };
}

/** An axis-aligned rectangle as a closed ring: enough for a demo estate or a park. */
function box(west: number, south: number, east: number, north: number): CreateZone['geometry'] {
  const ring: [number, number][] = [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ];
  return { type: 'Polygon', coordinates: [ring] };
}

const NIGHT = { nightFrom: '00:00', nightTo: '06:00' } as const;

/**
 * The demo's zones. Roads are corridors along the loop's segments; restricted places lie near the loop but off it,
 * so that only a vehicle that leaves its route enters one; the sensitive area around 泓悦府 holds the simulator's
 * roadside stop (--stops, 40 minutes at 独山港路), and the approved parking areas hold its scheduled stops.
 */
export const DEMO_ZONES: readonly CreateZone[] = [
  { name: '港区大道(演示)', kind: 'road', roadClass: 'urban', geometry: loopLine(0, 2), bufferM: 40, category: 'road' },
  {
    name: '化工园区道路(演示)',
    kind: 'road',
    roadClass: 'park',
    geometry: loopLine(2, 4),
    bufferM: 30,
    category: 'road',
  },
  {
    name: '园区北门连接线(演示)',
    kind: 'road',
    roadClass: 'urban',
    geometry: loopLine(4, 5),
    bufferM: 40,
    category: 'road',
  },
  {
    name: '杭浦高速港区段(演示)',
    kind: 'road',
    roadClass: 'expressway',
    geometry: loopLine(5, 8),
    bufferM: 60,
    category: 'expressway',
    ...NIGHT,
  },
  {
    name: '独山港路—港区东路(演示)',
    kind: 'road',
    roadClass: 'urban',
    geometry: loopLine(8, 11),
    bufferM: 40,
    category: 'road',
  },
  {
    name: '化工园区限速区(演示)',
    kind: 'speed_limit',
    speedLimitKmh: 30,
    category: 'chemical_park',
    // The east gate (121.070) and the north gate (30.635) sit just outside: the urban approach is not held to 30.
    geometry: box(121.04, 30.61, 121.0695, 30.633),
  },
  {
    name: '乍浦镇中心小学(演示)',
    kind: 'restricted',
    category: 'school',
    geometry: box(121.086, 30.596, 121.09, 30.599),
  },
  {
    name: '山鑫花园(演示)',
    kind: 'restricted',
    category: 'residential',
    geometry: box(121.1, 30.603, 121.106, 30.607),
  },
  {
    name: '港龙花园(演示)',
    kind: 'restricted',
    category: 'residential',
    geometry: box(121.112, 30.606, 121.118, 30.61),
  },
  {
    name: '中山花苑(演示)',
    kind: 'restricted',
    category: 'residential',
    geometry: box(121.108, 30.598, 121.113, 30.601),
  },
  {
    name: '染店苑东里(演示)',
    kind: 'restricted',
    category: 'residential',
    geometry: box(121.088, 30.59, 121.0925, 30.5935),
  },
  {
    name: '泓悦府(演示)',
    kind: 'restricted',
    category: 'residential',
    geometry: box(121.137, 30.6115, 121.141, 30.615),
  },
  {
    name: '港龙花园南门桥(演示)',
    kind: 'restricted',
    category: 'bridge',
    geometry: {
      type: 'LineString',
      coordinates: [
        [121.1135, 30.6052],
        [121.1165, 30.6052],
      ],
    },
    bufferM: 15,
  },
  {
    name: '泓悦府周边(演示)',
    kind: 'sensitive',
    category: 'residential',
    geometry: box(121.133, 30.606, 121.148, 30.619),
    maxParkingMinutes: 15,
  },
  {
    name: '乍浦港码头停车区(演示)',
    kind: 'parking',
    category: 'port',
    geometry: box(121.0995, 30.587, 121.105, 30.591),
  },
  {
    name: '化工园区集中停车场(演示)',
    kind: 'parking',
    category: 'chemical_park',
    geometry: box(121.053, 30.6235, 121.057, 30.6265),
  },
];

/** The carrier's approved route: the whole loop, back to the port. */
export const demoRouteGeometry = (): LineStringGeometry => loopLine(0, DEMO_LOOP.length);

/** Midnight of `now`'s day in Asia/Shanghai (UTC+8 all year). */
function shanghaiMidnight(now: Date): Date {
  const day = 86_400_000;
  const offset = 8 * 3_600_000;
  return new Date(Math.floor((now.getTime() + offset) / day) * day - offset);
}

/**
 * Seeds the demo's zones, one approved route per demo carrier, and one trip under way today per demo vehicle (loaded,
 * on its carrier's route). Runs once: a database that has demo zones already is left as it is.
 */
export async function seedDemoGeometry(db: Db, now: Date = new Date()): Promise<{ zones: number; trips: number }> {
  const done = await db.selectFrom('zones').select('id').where('name', '=', DEMO_ZONES[0]!.name).executeTakeFirst();
  if (done) return { zones: 0, trips: 0 };
  const carriers = await db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('name', 'in', [...DEMO_VEHICLE_CARRIERS])
    .execute();
  return db.transaction().execute(async (trx) => {
    const events: NewEvent[] = [];
    const zones = new ZonesRepository(trx);
    for (const z of DEMO_ZONES) {
      const fields = {
        name: z.name,
        kind: z.kind,
        category: z.category ?? null,
        geometry: z.geometry,
        bufferM: z.bufferM ?? null,
        roadClass: z.roadClass ?? null,
        speedLimitKmh: z.speedLimitKmh ?? null,
        nightFrom: z.nightFrom ?? null,
        nightTo: z.nightTo ?? null,
        maxParkingMinutes: z.maxParkingMinutes ?? null,
        active: true,
      };
      const row = await zones.insert(fields, null, now, trx);
      events.push({
        entityType: 'zone',
        entityId: row.id,
        type: 'zone.created',
        actorId: null,
        at: now,
        payload: fields,
      });
    }
    const routes = new ApprovedRoutesRepository(trx);
    const routeOf = new Map<string, string>();
    for (const c of carriers) {
      const fields = {
        name: `港区环线核定路线(演示)·${c.name}`,
        organisationId: c.id,
        geometry: demoRouteGeometry(),
        bufferM: 200,
        active: true,
      };
      const id = await routes.insert(fields, null, now, trx);
      routeOf.set(c.id, id);
      events.push({
        entityType: 'route',
        entityId: id,
        organisationId: c.id,
        type: 'route.created',
        actorId: null,
        at: now,
        payload: fields,
      });
    }
    const trips = await demoTrips(trx, routeOf, now);
    const ids = await new TripsRepository(trx).insertMany(trips, trx);
    trips.forEach((t, i) =>
      events.push({
        entityType: 'trip',
        entityId: ids[i]!,
        organisationId: t.organisationId,
        type: 'trip.created',
        actorId: null,
        at: now,
        payload: { waybillNo: t.waybillNo, vehicleId: t.vehicleId, status: t.status ?? 'planned' },
      }),
    );
    await appendEvents(trx, events);
    return { zones: DEMO_ZONES.length, trips: trips.length };
  });
}

/** Today's waybill of every active vehicle of the demo carriers: loaded, under way, on the carrier's route. */
async function demoTrips(db: Db, routeOf: ReadonlyMap<string, string>, now: Date): Promise<NewTrip[]> {
  if (routeOf.size === 0) return [];
  const vehicles = await db
    .selectFrom('vehicles')
    .select(['id', 'organisation_id', 'cargo_un', 'cargo_name'])
    .where('organisation_id', 'in', [...routeOf.keys()])
    .where('active', '=', true)
    .orderBy('terminal_phone')
    .execute();
  const start = shanghaiMidnight(now);
  const day = new Date(start.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '');
  return vehicles.map((v, i) => ({
    vehicleId: v.id,
    organisationId: v.organisation_id,
    waybillNo: `YD${day}-${String(i + 1).padStart(4, '0')}`,
    routeId: routeOf.get(v.organisation_id)!,
    cargoUn: v.cargo_un,
    cargoName: v.cargo_name,
    loaded: true,
    plannedStart: start,
    plannedEnd: new Date(start.getTime() + 86_400_000),
    status: 'active' as const,
    createdBy: null,
    createdAt: now,
  }));
}
