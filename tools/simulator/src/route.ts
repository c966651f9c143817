/** Road classes with the hazmat limits that apply: expressway 80, other roads 60, inside the chemical park 30. */
export type RoadClass = 'expressway' | 'urban' | 'park';

export interface Waypoint {
  name: string;
  lat: number;
  lon: number;
  /** Class of the road from this waypoint to the next. */
  road: RoadClass;
  /** A scheduled stop here (loading, unloading), minutes. */
  stopMinutes?: number;
}

/**
 * One loop around the district (WGS-84): 乍浦港 port → 化工园区 chemical park → 杭浦高速 (Hangzhou–Pudong expressway)
 * eastwards → back down to the port. Approximate geometry for a demo, inside 30.58–30.66 N, 121.02–121.15 E.
 */
export const DISTRICT_LOOP: readonly Waypoint[] = [
  { name: '乍浦港码头', lat: 30.589, lon: 121.102, road: 'urban', stopMinutes: 20 },
  { name: '港区大道路口', lat: 30.6, lon: 121.095, road: 'urban' },
  { name: '化工园区东门', lat: 30.615, lon: 121.07, road: 'park' },
  { name: '化工园区中心', lat: 30.625, lon: 121.055, road: 'park', stopMinutes: 20 },
  { name: '化工园区北门', lat: 30.635, lon: 121.045, road: 'urban' },
  { name: '杭浦高速乍浦互通', lat: 30.648, lon: 121.03, road: 'expressway' },
  { name: '杭浦高速西段', lat: 30.66, lon: 121.021, road: 'expressway' },
  { name: '杭浦高速平湖方向', lat: 30.655, lon: 121.08, road: 'expressway' },
  { name: '沪杭方向出口', lat: 30.645, lon: 121.14, road: 'urban' },
  { name: '独山港路', lat: 30.61, lon: 121.145, road: 'urban' },
  { name: '港区东路', lat: 30.595, lon: 121.12, road: 'urban' },
];

const ROADSIDE_STOP_AT = 9;
const EARTH_M = 6_371_000;
const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in metres. */
export function distanceM(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_M * Math.asin(Math.sqrt(h));
}

/** Initial bearing from a to b, degrees 0–359 clockwise from north. */
export function bearing(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const y = Math.sin(rad(b.lon - a.lon)) * Math.cos(rad(b.lat));
  const x =
    Math.cos(rad(a.lat)) * Math.sin(rad(b.lat)) -
    Math.sin(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.cos(rad(b.lon - a.lon));
  return Math.round(((Math.atan2(y, x) * 180) / Math.PI + 360) % 360) % 360;
}

export interface DriveOptions {
  /** Drive the expressway at 90–98 km/h instead of 72–78 (over the 80 km/h hazmat limit). */
  speeding: boolean;
  /** Skip the scheduled stops: continuous driving past 4 h. */
  longDriving: boolean;
  /** Make an unscheduled roadside stop of this many minutes once per loop (0: none). */
  roadsideStopMinutes: number;
  /** Per-vehicle variety, 0–1. */
  seed: number;
}

export interface DriveState {
  lat: number;
  lon: number;
  speedKmh: number;
  heading: number;
  /** Ignition: off during stops longer than a few minutes. */
  acc: boolean;
  road: RoadClass;
  mileageKm: number;
}

/**
 * A vehicle moving along a closed loop of waypoints at speeds that suit each road, pausing at scheduled stops.
 * `advance(seconds)` moves it on and returns its state: pure arithmetic, cheap enough for thousands of vehicles.
 */
export class Drive {
  private segment: number;
  private along = 0;
  private stopLeftS = 0;
  private roadsideDone = false;
  private mileageM: number;
  private readonly lengths: number[];

  constructor(
    private readonly route: readonly Waypoint[],
    private readonly o: DriveOptions,
    startFraction = o.seed,
  ) {
    this.lengths = route.map((w, i) => distanceM(w, route[(i + 1) % route.length]!));
    const total = this.lengths.reduce((a, b) => a + b, 0);
    let offset = (startFraction % 1) * total;
    this.segment = 0;
    while (offset > this.lengths[this.segment]!) offset -= this.lengths[this.segment++]!;
    this.along = offset;
    this.mileageM = 120_000_000 * o.seed + 35_000_000;
  }

  private speedFor(road: RoadClass): number {
    const jitter = (this.o.seed * 7919) % 1;
    if (road === 'expressway') return this.o.speeding ? 90 + jitter * 8 : 72 + jitter * 6;
    if (road === 'park') return 22 + jitter * 6;
    return 40 + jitter * 10;
  }

  advance(seconds: number): DriveState {
    let left = seconds;
    let speed = 0;
    while (left > 0) {
      if (this.stopLeftS > 0) {
        const wait = Math.min(left, this.stopLeftS);
        this.stopLeftS -= wait;
        left -= wait;
        speed = 0;
        continue;
      }
      const w = this.route[this.segment]!;
      speed = this.speedFor(w.road);
      const remaining = this.lengths[this.segment]! - this.along;
      const canGo = (speed / 3.6) * left;
      if (canGo < remaining) {
        this.along += canGo;
        this.mileageM += canGo;
        left = 0;
        break;
      }
      left -= remaining / (speed / 3.6);
      this.mileageM += remaining;
      this.along = 0;
      this.segment = (this.segment + 1) % this.route.length;
      if (this.segment === 0) this.roadsideDone = false;
      const arrived = this.route[this.segment]!;
      if (arrived.stopMinutes && !this.o.longDriving) this.stopLeftS = arrived.stopMinutes * 60;
      // The unscheduled stop: parked by the road before the port, where no parking is allowed.
      if (this.segment === ROADSIDE_STOP_AT && this.o.roadsideStopMinutes > 0 && !this.roadsideDone) {
        this.roadsideDone = true;
        this.stopLeftS += this.o.roadsideStopMinutes * 60;
      }
    }
    return this.state(this.stopLeftS > 0 ? 0 : speed);
  }

  private state(speedKmh: number): DriveState {
    const a = this.route[this.segment]!;
    const b = this.route[(this.segment + 1) % this.route.length]!;
    const f = this.lengths[this.segment]! === 0 ? 0 : this.along / this.lengths[this.segment]!;
    return {
      lat: a.lat + (b.lat - a.lat) * f,
      lon: a.lon + (b.lon - a.lon) * f,
      speedKmh: Math.round(speedKmh * 10) / 10,
      heading: bearing(a, b),
      acc: this.stopLeftS < 5 * 60,
      road: a.road,
      mileageKm: Math.round(this.mileageM / 100) / 10,
    };
  }
}
