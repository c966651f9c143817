import type { LocationReport } from './jt808/index.js';

/** A position ready to store: canonical units (WGS-84 degrees, km/h, metres), UTC instants, unsigned DWORDs. */
export interface PositionRecord {
  vehicleId: string;
  deviceTime: Date;
  receivedAt: Date;
  lat: number;
  lon: number;
  speedKmh: number;
  heading: number;
  altitudeM: number;
  alarmBits: number;
  statusBits: number;
  mileageKm: number | null;
  blindArea: boolean;
  /** Decoded additional items other than mileage (unknown ones raw), or null when there are none. */
  extras: Record<string, unknown> | null;
}

/**
 * Maps a decoded report to a record. A report without a valid device time (often all zeros before a first fix)
 * is stored at its receive time with `extras.serverTime`, so that it is acknowledged and kept but never mistaken
 * for a device-timed fix.
 */
export function toPositionRecord(vehicleId: string, p: LocationReport, receivedAt: Date): PositionRecord {
  const { mileageKm, ...rest } = p.items;
  let extras: Record<string, unknown> | null = Object.keys(rest).length > 0 ? rest : null;
  if (!p.time) extras = { ...(extras ?? {}), serverTime: true };
  return {
    vehicleId,
    deviceTime: p.time ?? receivedAt,
    receivedAt,
    lat: p.latitude,
    lon: p.longitude,
    speedKmh: p.speed,
    heading: p.direction,
    altitudeM: p.altitude,
    alarmBits: p.alarm,
    statusBits: p.status,
    mileageKm: mileageKm ?? null,
    blindArea: p.blindArea,
    extras,
  };
}
