/** Alarm flag bits of 0x0200 by their JT/T 808 meaning. Bits 15–17 are reserved and left to vendors. */
export const ALARM_BITS = {
  emergency: 0,
  overspeed: 1,
  fatigue: 2,
  dangerWarning: 3,
  gnssFault: 4,
  gnssAntennaCut: 5,
  gnssAntennaShort: 6,
  powerUnderVoltage: 7,
  powerOff: 8,
  displayFault: 9,
  ttsFault: 10,
  cameraFault: 11,
  icCardFault: 12,
  overspeedWarning: 13,
  fatigueWarning: 14,
  // Traccar maps bit 18 to low battery; the standard says daily cumulative driving timeout.
  dailyDrivingTimeout: 18,
  overtimeParking: 19,
  areaInOut: 20,
  routeInOut: 21,
  roadSectionTime: 22,
  routeDeviation: 23,
  vssFault: 24,
  fuelAbnormal: 25,
  stolen: 26,
  illegalIgnition: 27,
  illegalDisplacement: 28,
  collision: 29,
  rollover: 30,
  illegalDoorOpen: 31,
} as const;

export type AlarmName = keyof typeof ALARM_BITS;

export type AlarmFlags = Record<AlarmName, boolean> & {
  /** Bits 15–17 as a number 0–7: reserved by the standard, used by some vendors. */
  vendorBits: number;
};

const ALARM_ENTRIES = Object.entries(ALARM_BITS) as [AlarmName, number][];

/** True when `alarm` has the named bit set. */
export function hasAlarm(alarm: number, name: AlarmName): boolean {
  return ((alarm >>> ALARM_BITS[name]) & 1) === 1;
}

/** The standard alarms set in `alarm`, in bit order. */
export function alarmNames(alarm: number): AlarmName[] {
  const names: AlarmName[] = [];
  if (alarm === 0) return names;
  for (const [name, bit] of ALARM_ENTRIES) if ((alarm >>> bit) & 1) names.push(name);
  return names;
}

/** Load state from status bits 8–9. */
export type LoadState = 'empty' | 'half' | 'reserved' | 'full';
const LOAD_STATES: readonly LoadState[] = ['empty', 'half', 'reserved', 'full'];

export interface StatusFlags {
  acc: boolean;
  fixed: boolean;
  south: boolean;
  west: boolean;
  outOfService: boolean;
  coordinatesEncrypted: boolean;
  load: LoadState;
  oilCut: boolean;
  circuitCut: boolean;
  doorLocked: boolean;
  frontDoorOpen: boolean;
  middleDoorOpen: boolean;
  rearDoorOpen: boolean;
  driverDoorOpen: boolean;
  customDoorOpen: boolean;
  gps: boolean;
  beidou: boolean;
  glonass: boolean;
  galileo: boolean;
}

const bit = (v: number, n: number) => ((v >>> n) & 1) === 1;

function buildAlarmFlags(alarm: number): AlarmFlags {
  const flags = { vendorBits: (alarm >>> 15) & 7 } as AlarmFlags;
  for (const [name, n] of ALARM_ENTRIES) flags[name] = bit(alarm, n);
  return flags;
}

function buildStatusFlags(s: number): StatusFlags {
  return {
    acc: bit(s, 0),
    fixed: bit(s, 1),
    south: bit(s, 2),
    west: bit(s, 3),
    outOfService: bit(s, 4),
    coordinatesEncrypted: bit(s, 5),
    load: LOAD_STATES[(s >>> 8) & 3]!,
    oilCut: bit(s, 10),
    circuitCut: bit(s, 11),
    doorLocked: bit(s, 12),
    frontDoorOpen: bit(s, 13),
    middleDoorOpen: bit(s, 14),
    rearDoorOpen: bit(s, 15),
    driverDoorOpen: bit(s, 16),
    customDoorOpen: bit(s, 17),
    gps: bit(s, 18),
    beidou: bit(s, 19),
    glonass: bit(s, 20),
    galileo: bit(s, 21),
  };
}

// Decoded objects are frozen and shared per distinct value: a fleet uses few distinct alarm/status words, so the
// 0x0200 hot path pays a map lookup instead of building an object per frame. The caches stop growing at a bound.
const CACHE_LIMIT = 4096;
const alarmCache = new Map<number, Readonly<AlarmFlags>>();
const statusCache = new Map<number, Readonly<StatusFlags>>();

function cached<T>(cache: Map<number, Readonly<T>>, key: number, build: (v: number) => T): Readonly<T> {
  let value = cache.get(key);
  if (value === undefined) {
    value = Object.freeze(build(key));
    if (cache.size < CACHE_LIMIT) cache.set(key, value);
  }
  return value;
}

/** Every standard alarm bit by name (frozen, shared). */
export function alarmFlags(alarm: number): Readonly<AlarmFlags> {
  return cached(alarmCache, alarm >>> 0, buildAlarmFlags);
}

/** Every standard status bit by name (frozen, shared). */
export function statusFlags(status: number): Readonly<StatusFlags> {
  return cached(statusCache, status >>> 0, buildStatusFlags);
}
