import type { RulePosition } from './types.js';

/**
 * A position accepted for evaluation, in device-time order, with the facts every rule asks about worked out once.
 * `valid` fixes carry a usable GNSS location; the others (no fix, 0,0) still count for device alarms and presence.
 */
export interface Fix {
  t: number;
  receivedAt: number;
  lat: number;
  lon: number;
  speedKmh: number;
  alarmBits: number;
  statusBits: number;
  valid: boolean;
  acc: boolean;
  /** At or above motion.movingKmh. */
  moving: boolean;
  /** Below parking.stopSpeedKmh. */
  stopped: boolean;
}

/** Status bit 1 set, and a location that is not the 0,0 of a terminal that has never had a fix. */
export function hasGnssFix(p: RulePosition): boolean {
  return (
    ((p.statusBits >>> 1) & 1) === 1 &&
    !(p.lat === 0 && p.lon === 0) &&
    Number.isFinite(p.lat) &&
    Number.isFinite(p.lon) &&
    Math.abs(p.lat) <= 90 &&
    Math.abs(p.lon) <= 180
  );
}

export function toFix(p: RulePosition, movingKmh: number, stopSpeedKmh: number): Fix {
  const speed = Number.isFinite(p.speedKmh) && p.speedKmh > 0 ? p.speedKmh : 0;
  return {
    t: p.t,
    receivedAt: p.receivedAt,
    lat: p.lat,
    lon: p.lon,
    speedKmh: speed,
    alarmBits: p.alarmBits >>> 0,
    statusBits: p.statusBits >>> 0,
    valid: hasGnssFix(p),
    acc: (p.statusBits & 1) === 1,
    moving: speed >= movingKmh,
    stopped: speed < stopSpeedKmh,
  };
}

/** Status bits 8–9 say half or full (the standard: 00 empty, 01 half, 10 reserved, 11 full). */
export function loadBitsSayLoaded(statusBits: number): boolean {
  const load = (statusBits >>> 8) & 3;
  return load === 1 || load === 3;
}
