import type { DecodeFlags } from './errors.js';
import { u16, u32, i16 } from './bytes.js';
import { ByteWriter, readBcdTime } from './fields.js';
import { hexOf } from './header.js';
import { alarmFlags, statusFlags } from './location-flags.js';
import type { AreaType, LocationInput, LocationItems, LocationReport } from './messages.js';

/** Fixed part of a 0x0200 body: alarm, status, lat, lon, altitude, speed, direction, time. */
export const LOCATION_FIXED_LENGTH = 28;

const AREA_TYPES: readonly AreaType[] = ['none', 'circle', 'rectangle', 'polygon', 'route'];

/**
 * Decodes a 0x0200 body at `buf[start..end)` without slicing: the hot path of the gateway. Returns null when the
 * fixed part is incomplete. Altitude is read as signed: a WORD above 32767 m only ever means a negative altitude.
 */
export function decodeLocation(
  buf: Buffer,
  start: number,
  end: number,
  blindArea: boolean,
  flags: DecodeFlags,
): LocationReport | null {
  if (end - start < LOCATION_FIXED_LENGTH) return null;
  const alarm = u32(buf, start);
  const status = u32(buf, start + 4);
  const lat = u32(buf, start + 8) / 1e6;
  const lon = u32(buf, start + 12) / 1e6;
  const ms = readBcdTime(buf, start + 22);
  let time: Date | null = null;
  if (Number.isNaN(ms)) flags.badTime = true;
  else time = new Date(ms);
  return {
    alarm,
    status,
    alarmFlags: alarmFlags(alarm),
    statusFlags: statusFlags(status),
    // 0 - x rather than -x: a zero coordinate with the south/west bit stays +0, not -0.
    latitude: status & 0x4 ? 0 - lat : lat,
    longitude: status & 0x8 ? 0 - lon : lon,
    altitude: i16(buf, start + 16),
    speed: u16(buf, start + 18) / 10,
    direction: u16(buf, start + 20),
    time,
    blindArea,
    items: decodeItems(buf, start + LOCATION_FIXED_LENGTH, end, flags),
  };
}

function decodeItems(buf: Buffer, start: number, end: number, flags: DecodeFlags): LocationItems {
  const items: LocationItems = {};
  let p = start;
  while (p < end) {
    const id = buf[p]!;
    const v = p + 2;
    const len = v <= end ? buf[p + 1]! : 0;
    if (v > end || v + len > end) {
      items.truncated = true;
      flags.truncated = true;
      (items.raw ??= []).push({ id, hex: hexOf(buf, Math.min(v, end), end) });
      break;
    }
    if (!decodeItem(items, id, buf, v, len)) (items.raw ??= []).push({ id, hex: hexOf(buf, v, v + len) });
    p = v + len;
  }
  return items;
}

// Returns false when the item is not a standard one with its standard length and value range.
function decodeItem(items: LocationItems, id: number, buf: Buffer, v: number, len: number): boolean {
  switch (id) {
    case 0x01:
      if (len !== 4) return false;
      items.mileageKm = u32(buf, v) / 10;
      return true;
    case 0x02:
      if (len !== 2) return false;
      items.fuelL = u16(buf, v) / 10;
      return true;
    case 0x03:
      if (len !== 2) return false;
      items.recorderSpeedKmh = u16(buf, v) / 10;
      return true;
    case 0x04:
      if (len !== 2) return false;
      items.alarmEventId = u16(buf, v);
      return true;
    case 0x11: {
      const areaType = AREA_TYPES[buf[v]!];
      if (areaType === undefined || !(len === 5 || (len === 1 && areaType === 'none'))) return false;
      items.overspeed = { areaType, areaId: len === 5 ? u32(buf, v + 1) : null };
      return true;
    }
    case 0x12: {
      const areaType = AREA_TYPES[buf[v]!];
      const direction = buf[v + 5];
      if (len !== 6 || areaType === undefined || areaType === 'none' || direction! > 1) return false;
      items.areaAlarm = { areaType, areaId: u32(buf, v + 1), direction: direction === 0 ? 'in' : 'out' };
      return true;
    }
    case 0x13: {
      const result = buf[v + 6];
      if (len !== 7 || result! > 1) return false;
      items.roadSection = {
        sectionId: u32(buf, v),
        drivingTimeS: u16(buf, v + 4),
        result: result === 0 ? 'tooShort' : 'tooLong',
      };
      return true;
    }
    case 0x25:
      if (len !== 4) return false;
      items.extendedSignals = u32(buf, v);
      return true;
    case 0x2a:
      if (len !== 2) return false;
      items.io = u16(buf, v);
      return true;
    case 0x2b:
      if (len !== 4) return false;
      items.analog = { ad0: u16(buf, v + 2), ad1: u16(buf, v) };
      return true;
    case 0x30:
      if (len !== 1) return false;
      items.signalStrength = buf[v]!;
      return true;
    case 0x31:
      if (len !== 1) return false;
      items.satellites = buf[v]!;
      return true;
    default:
      return false;
  }
}

/** Writes a 0x0200 body. Values are rounded to the wire's resolution. */
export function encodeLocation(w: ByteWriter, p: LocationInput): void {
  let status = (p.status ?? 0) & ~0xc;
  if (p.latitude < 0) status |= 0x4;
  if (p.longitude < 0) status |= 0x8;
  w.u32((p.alarm ?? 0) >>> 0)
    .u32(status >>> 0)
    .u32(Math.round(Math.abs(p.latitude) * 1e6))
    .u32(Math.round(Math.abs(p.longitude) * 1e6))
    .u16((p.altitude ?? 0) & 0xffff)
    .u16(Math.round((p.speed ?? 0) * 10))
    .u16(p.direction ?? 0)
    .time(p.time);
  if (p.items) encodeItems(w, p.items);
}

function item(w: ByteWriter, id: number, len: number): ByteWriter {
  return w.u8(id).u8(len);
}

function encodeItems(w: ByteWriter, it: LocationItems): void {
  if (it.mileageKm !== undefined) item(w, 0x01, 4).u32(Math.round(it.mileageKm * 10));
  if (it.fuelL !== undefined) item(w, 0x02, 2).u16(Math.round(it.fuelL * 10));
  if (it.recorderSpeedKmh !== undefined) item(w, 0x03, 2).u16(Math.round(it.recorderSpeedKmh * 10));
  if (it.alarmEventId !== undefined) item(w, 0x04, 2).u16(it.alarmEventId);
  if (it.overspeed) {
    const { areaType, areaId } = it.overspeed;
    if (areaId === null) item(w, 0x11, 1).u8(AREA_TYPES.indexOf(areaType));
    else item(w, 0x11, 5).u8(AREA_TYPES.indexOf(areaType)).u32(areaId);
  }
  if (it.areaAlarm) {
    const a = it.areaAlarm;
    item(w, 0x12, 6)
      .u8(AREA_TYPES.indexOf(a.areaType))
      .u32(a.areaId)
      .u8(a.direction === 'in' ? 0 : 1);
  }
  if (it.roadSection) {
    const r = it.roadSection;
    item(w, 0x13, 7)
      .u32(r.sectionId)
      .u16(r.drivingTimeS)
      .u8(r.result === 'tooShort' ? 0 : 1);
  }
  if (it.extendedSignals !== undefined) item(w, 0x25, 4).u32(it.extendedSignals >>> 0);
  if (it.io !== undefined) item(w, 0x2a, 2).u16(it.io);
  if (it.analog) item(w, 0x2b, 4).u16(it.analog.ad1).u16(it.analog.ad0);
  if (it.signalStrength !== undefined) item(w, 0x30, 1).u8(it.signalStrength);
  if (it.satellites !== undefined) item(w, 0x31, 1).u8(it.satellites);
  for (const raw of it.raw ?? []) {
    const bytes = Buffer.from(raw.hex, 'hex');
    item(w, raw.id, bytes.length).bytes(bytes);
  }
}
