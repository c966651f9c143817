import { createZone, createRoute } from '@anlan/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISTRICT_LOOP, Drive } from '../../../../../tools/simulator/src/route.js';
import type { Database } from '../../db/client.js';
import { seedTestFleet } from '../../gateway/test-gateway.js';
import { ZoneIndex } from '../../rules/geometry/index.js';
import type { RuleZone } from '../../rules/types.js';
import { engines } from '../../test-support/databases.js';
import { loadRuleGeometry, loadRuleVehicles } from '../geo/rule-geometry.js';
import { DEMO_LOOP, DEMO_ZONES, demoRouteGeometry, seedDemoGeometry } from './demo-geometry.js';

/** The demo zones as the rules engine takes them. */
const ruleZones = (): RuleZone[] =>
  DEMO_ZONES.map((z, i) => ({
    id: String(i),
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
  }));

describe('demo geometry of 嘉兴港区', () => {
  it('follows the simulator’s loop point for point', () => {
    expect(DEMO_LOOP.map((w) => [w.name, w.at[1], w.at[0], w.road])).toEqual(
      DISTRICT_LOOP.map((w) => [w.name, w.lat, w.lon, w.road]),
    );
  });

  it('passes the contract, zone by zone, and marks every name as demo', () => {
    for (const zone of DEMO_ZONES) {
      const parsed = createZone.safeParse(zone);
      expect(parsed.success ? [] : parsed.error.issues, zone.name).toEqual([]);
      expect(zone.name).toContain('(演示)');
    }
    expect(createRoute.safeParse({ name: '环线(演示)', geometry: demoRouteGeometry() }).success).toBe(true);
    const expressways = DEMO_ZONES.filter((z) => z.roadClass === 'expressway');
    expect(expressways.length).toBeGreaterThan(0);
    for (const z of expressways) expect([z.nightFrom, z.nightTo]).toEqual(['00:00', '06:00']);
  });

  it('lays roads under the whole loop and keeps restricted places near it but off it', () => {
    const zones = ruleZones();
    const index = new ZoneIndex(zones);
    expect(index.skipped).toEqual([]);
    const restricted = (z: RuleZone) => z.kind === 'restricted';
    const nearby = new Set<string>();
    // The simulator's vehicle for 2 hours (more than a lap), a fix every 5 s, as the rules engine would see it.
    const drive = new Drive(DISTRICT_LOOP, { speeding: false, longDriving: true, roadsideStopMinutes: 0, seed: 0 }, 0);
    for (let s = 0; s < 2 * 3600; s += 5) {
      const p = drive.advance(5);
      const here = index.zonesAt(p.lat, p.lon);
      const roads = here.filter((z) => z.kind === 'road');
      expect(
        roads.map((z) => z.roadClass),
        `${p.lat},${p.lon}`,
      ).toContain(p.road);
      expect(index.near(p.lat, p.lon, 300, restricted), `${p.lat},${p.lon}`).toEqual([]);
      // The 30 km/h zone covers the park roads only: urban speeds on the approach are not overspeed.
      if (here.some((z) => z.kind === 'speed_limit')) expect(p.road).toBe('park');
      for (const m of index.near(p.lat, p.lon, 1500, restricted)) nearby.add(m.zone.name);
    }
    expect([...nearby].sort()).toEqual(
      zones
        .filter(restricted)
        .map((z) => z.name)
        .sort(),
    );
  });

  it('puts the scheduled stops in parking areas and the roadside stop by a sensitive area', () => {
    const index = new ZoneIndex(ruleZones());
    for (const w of DISTRICT_LOOP.filter((x) => x.stopMinutes))
      expect(
        index.zonesAt(w.lat, w.lon).map((z) => z.kind),
        w.name,
      ).toContain('parking');
    const roadside = DISTRICT_LOOP.find((w) => w.name === '独山港路')!;
    expect(index.zonesAt(roadside.lat, roadside.lon).filter((z) => z.kind === 'sensitive')).toHaveLength(1);
    expect(index.zonesAt(roadside.lat, roadside.lon).some((z) => z.kind === 'parking')).toBe(false);
  });
});

describe.each(engines)('demo geometry seed on $name', (engine) => {
  let database: Database;
  let carriers: [string, string];
  const now = new Date('2026-12-20T02:00:00Z');

  beforeAll(async () => {
    database = await engine.open();
    carriers = await seedTestFleet(database, 30);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('seeds zones, a route per carrier and a loaded trip under way today per vehicle, once', async () => {
    expect(await seedDemoGeometry(database.db, now)).toEqual({ zones: DEMO_ZONES.length, trips: 30 });
    expect(await seedDemoGeometry(database.db, now)).toEqual({ zones: 0, trips: 0 });

    const { zones, routes } = await loadRuleGeometry(database.db);
    expect(zones).toHaveLength(DEMO_ZONES.length);
    expect(routes).toHaveLength(2);
    const routeOf = new Map(
      (await database.db.selectFrom('approved_routes').select(['id', 'organisation_id']).execute()).map((r) => [
        r.organisation_id,
        r.id,
      ]),
    );
    expect([...routeOf.keys()].sort()).toEqual([...carriers].sort());

    const vehicles = await loadRuleVehicles(database.db, now);
    expect(vehicles).toHaveLength(30);
    for (const v of vehicles) {
      expect(v.trip).toMatchObject({ loaded: true, routeId: routeOf.get(v.organisationId) });
    }
    const trips = await database.db.selectFrom('trips').selectAll().execute();
    expect(trips.every((t) => t.status === 'active')).toBe(true);
    // Today in Asia/Shanghai: from its midnight (16:00 UTC the day before) for 24 hours.
    expect(trips[0]!.planned_start.toISOString()).toBe('2026-12-19T16:00:00.000Z');
    expect(trips[0]!.planned_end.toISOString()).toBe('2026-12-20T16:00:00.000Z');
    expect(trips.map((t) => t.waybill_no)).toContain('YD20261220-0001');

    const events = await database.db
      .selectFrom('events')
      .select(['entity_type'])
      .where('entity_type', 'in', ['zone', 'route', 'trip'])
      .execute();
    expect(events).toHaveLength(DEMO_ZONES.length + 2 + 30);
  });
});
