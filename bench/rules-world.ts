/**
 * The simulated district for the rules benchmark: thousands of zones (areas with holes, road and tunnel corridors)
 * around 嘉兴港区, approved routes, and a fleet driving the simulator's demo loop (port → chemical park → expressway)
 * at one report a second, with the disorder real terminals bring: late batches, blind-area back-fill, drift, alarm
 * bits. Deterministic: the same parameters give the same world.
 */
import { offset } from '../apps/server/src/rules/testing/tracks.js';
import type { RulePosition, RuleRoute, RuleVehicle, RuleZone, ZoneKind } from '../apps/server/src/rules/types.js';
import { DISTRICT_LOOP, Drive } from '../tools/simulator/src/route.js';

export const BENCH_T0 = Date.UTC(2026, 5, 1, 1, 0, 0);
const BOX = { minLat: 30.55, maxLat: 30.7, minLon: 120.95, maxLon: 121.2 };

/** A deterministic pseudo-random sequence. */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function squareRing(lat: number, lon: number, halfM: number, rnd: () => number): number[][] {
  // An irregular octagon: closer to drawn zones than a square.
  const ring: number[][] = [];
  for (let k = 0; k < 8; k++) {
    const p = offset(lat, lon, halfM * (0.7 + rnd() * 0.6), k * 45 + rnd() * 20);
    ring.push([p.lon, p.lat]);
  }
  ring.push([...ring[0]!]);
  return ring;
}

/** A point beside the demo loop, 0–800 m off the road (where the traffic passes). */
function nearLoop(rnd: () => number): { lat: number; lon: number } {
  const i = Math.floor(rnd() * DISTRICT_LOOP.length);
  const a = DISTRICT_LOOP[i]!;
  const b = DISTRICT_LOOP[(i + 1) % DISTRICT_LOOP.length]!;
  const f = rnd();
  return offset(a.lat + (b.lat - a.lat) * f, a.lon + (b.lon - a.lon) * f, rnd() * 800, rnd() * 360);
}

const AREA_KINDS: ZoneKind[] = ['restricted', 'sensitive', 'parking', 'speed_limit', 'sensitive', 'restricted'];
const CATEGORIES = ['school', 'residential', 'hospital', 'water_source', 'port', 'chemical_park'];

/**
 * `count` zones: the loop's own road corridors, then 5 % of the rest beside the loop (where vehicles meet them) and
 * 95 % anywhere in the district; 70 % areas of 60–600 m across (one in five with a hole), 30 % corridors of 10–60
 * vertices. At 5,000 zones a point of the loop lies in a handful of zones, as dense as a real district gets.
 */
export function benchZones(count: number, seed = 1): RuleZone[] {
  const rnd = lcg(seed);
  const zones: RuleZone[] = DISTRICT_LOOP.map((w, i) => {
    const next = DISTRICT_LOOP[(i + 1) % DISTRICT_LOOP.length]!;
    return {
      id: `road-${i}`,
      name: `${w.name}—${next.name}`,
      kind: 'road',
      category: w.road === 'expressway' ? 'expressway' : 'road',
      geometry: {
        type: 'LineString',
        coordinates: [
          [w.lon, w.lat],
          [next.lon, next.lat],
        ],
      },
      bufferM: 40,
      roadClass: w.road,
      speedLimitKmh: null,
      nightFrom: null,
      nightTo: null,
      maxParkingMinutes: null,
    };
  });
  for (let i = zones.length; i < count; i++) {
    const c =
      rnd() < 0.05
        ? nearLoop(rnd)
        : { lat: BOX.minLat + rnd() * (BOX.maxLat - BOX.minLat), lon: BOX.minLon + rnd() * (BOX.maxLon - BOX.minLon) };
    const base = {
      name: `zone ${i}`,
      bufferM: null,
      roadClass: null,
      speedLimitKmh: null,
      nightFrom: null,
      nightTo: null,
      maxParkingMinutes: null,
    };
    if (rnd() < 0.3) {
      const coords: number[][] = [[c.lon, c.lat]];
      let p = c;
      const heading = rnd() * 360;
      for (let k = 0, n = 10 + Math.floor(rnd() * 50); k < n; k++) {
        p = offset(p.lat, p.lon, 30 + rnd() * 120, heading + (rnd() - 0.5) * 60);
        coords.push([p.lon, p.lat]);
      }
      const tunnel = rnd() < 0.2;
      zones.push({
        ...base,
        id: `corridor-${i}`,
        kind: tunnel ? 'restricted' : 'road',
        category: tunnel ? 'tunnel' : 'road',
        geometry: { type: 'LineString', coordinates: coords },
        bufferM: 10 + rnd() * 30,
        roadClass: tunnel ? null : rnd() < 0.2 ? 'expressway' : 'urban',
      });
    } else {
      const half = 30 + rnd() * 270;
      const rings = [squareRing(c.lat, c.lon, half, rnd)];
      if (rnd() < 0.2) rings.push(squareRing(c.lat, c.lon, half * 0.3, rnd));
      const kind = AREA_KINDS[Math.floor(rnd() * AREA_KINDS.length)]!;
      zones.push({
        ...base,
        id: `area-${i}`,
        kind,
        category: CATEGORIES[Math.floor(rnd() * CATEGORIES.length)]!,
        geometry: { type: 'Polygon', coordinates: rings },
        speedLimitKmh: kind === 'speed_limit' ? 30 : null,
        nightFrom: rnd() < 0.1 ? '22:00' : null,
        nightTo: null,
        maxParkingMinutes: kind === 'sensitive' && rnd() < 0.5 ? 5 : null,
      });
      const z = zones[zones.length - 1]!;
      if (z.nightFrom) z.nightTo = '06:00';
    }
  }
  return zones;
}

/** The loop as an approved route (and a few variants shifted sideways). */
export function benchRoutes(count = 20): RuleRoute[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `route-${i}`,
    name: `route ${i}`,
    bufferM: 200,
    geometry: {
      type: 'LineString' as const,
      coordinates: [...DISTRICT_LOOP, DISTRICT_LOOP[0]!].map((w) => [w.lon + i * 0.0003, w.lat]),
    },
  }));
}

export function benchVehicles(count: number, routes: number): RuleVehicle[] {
  return Array.from({ length: count }, (_, i) => ({
    vehicleId: `veh-${i}`,
    organisationId: `org-${i % 50}`,
    vehicleClass: i % 5 === 4 ? 'box_van' : 'tanker',
    trip: i % 10 < 6 ? { id: `trip-${i}`, routeId: `route-${i % routes}`, loaded: i % 3 !== 0 } : null,
  }));
}

/** One second of reports: every vehicle's position, as (vehicle index, position) pairs in arrival order. */
export interface Second {
  vehicles: Int32Array;
  positions: RulePosition[];
}

/**
 * The fleet's reports, second by second. Per vehicle and second one position; 1 % of vehicles lose the signal for
 * 20 s once and back-fill it 30 s late; 1 in 20,000 fixes drifts 3 km; 0.5 % of vehicles hold an alarm bit for a while.
 */
export function benchSeconds(vehicles: number, seconds: number, seed = 2): Second[] {
  const rnd = lcg(seed);
  const drives = Array.from(
    { length: vehicles },
    (_, i) =>
      new Drive(
        DISTRICT_LOOP,
        {
          speeding: i % 10 === 0,
          longDriving: false,
          roadsideStopMinutes: i % 7 === 0 ? 25 : 0,
          seed: (i * 0.6180339887) % 1,
        },
        (i * 0.6180339887) % 1,
      ),
  );
  const blindFrom = new Int32Array(vehicles).fill(-1);
  for (let i = 0; i < vehicles; i += 100) blindFrom[i] = Math.floor(rnd() * Math.max(1, seconds - 50));
  const out: Second[] = Array.from({ length: seconds }, () => ({ vehicles: new Int32Array(0), positions: [] }));
  const owners: number[][] = Array.from({ length: seconds }, () => []);
  for (let v = 0; v < vehicles; v++) {
    const alarmFrom = v % 200 === 7 ? Math.floor(rnd() * seconds) : -1;
    for (let s = 0; s < seconds; s++) {
      const d = drives[v]!.advance(1);
      const t = BENCH_T0 + s * 1000;
      let lat = d.lat;
      let lon = d.lon;
      if (rnd() < 0.00005) ({ lat, lon } = offset(lat, lon, 3000, rnd() * 360));
      const p: RulePosition = {
        t,
        receivedAt: t + 200 + Math.floor(rnd() * 600),
        lat,
        lon,
        speedKmh: d.speedKmh,
        heading: d.heading,
        alarmBits: alarmFrom >= 0 && s >= alarmFrom && s < alarmFrom + 30 ? 1 : 0,
        statusBits: (d.acc ? 1 : 0) | 2 | (v % 3 !== 0 ? 3 << 8 : 0),
        mileageKm: d.mileageKm,
        blindArea: false,
      };
      const b = blindFrom[v]!;
      let arrive = s;
      if (b >= 0 && s >= b && s < b + 20) {
        arrive = Math.min(seconds - 1, b + 50);
        p.blindArea = true;
        p.receivedAt = BENCH_T0 + arrive * 1000 + 500;
      }
      out[arrive]!.positions.push(p);
      owners[arrive]!.push(v);
    }
  }
  for (let s = 0; s < seconds; s++) out[s]!.vehicles = Int32Array.from(owners[s]!);
  return out;
}
