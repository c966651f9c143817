import { decodeFrame, type DecodeResult } from './codec.js';
import { wrapFrame } from './frame.js';
import { alarmNames, type StatusFlags } from './location-flags.js';
import { MSG, type Jt808Message, type LocationReport } from './messages.js';

const NAMES = new Map<number, string>(Object.entries(MSG).map(([name, id]) => [id, name]));

const hexId = (id: number) => `0x${id.toString(16).padStart(4, '0')}`;

/**
 * Decodes one frame given as hex, for people (`anlan jt808 decode <hex>`). Whitespace is ignored; the 0x7E
 * delimiters are optional; the content may be escaped (as on the wire) or already de-escaped (as in logs and test
 * files): the escaped reading is tried first, the de-escaped one when that fails on escaping or the check code.
 * Returns a JSON-serialisable object; bad hex is a typed `bad_hex` error, never an exception.
 */
export function inspectFrame(hexOrEscaped: string): unknown {
  const hex = hexOrEscaped.replace(/\s+/g, '');
  if (hex.length === 0 || hex.length % 2 !== 0 || !/^[0-9a-fA-F]+$/.test(hex)) {
    const detail = hex.length % 2 !== 0 ? 'odd number of hex digits' : 'not hex (0-9, a-f) or empty';
    return { ok: false, error: { code: 'bad_hex', detail } };
  }
  const bytes = Buffer.from(hex, 'hex');
  let s = 0;
  let e = bytes.length;
  if (bytes[0] === 0x7e) s++;
  if (e > s && bytes[e - 1] === 0x7e) e--;
  const content = bytes.subarray(s, e);
  const asWire = decodeFrame(content);
  const hasEscapeBytes = content.includes(0x7d) || content.includes(0x7e);
  if (asWire.ok || !hasEscapeBytes || !['bad_escape', 'bad_check_code'].includes(asWire.error.code)) {
    return report(asWire, hasEscapeBytes ? 'escaped' : 'plain', content.length);
  }
  const asPlain = decodeFrame(wrapFrame(content));
  if (asPlain.ok || asPlain.error.code !== 'bad_check_code') return report(asPlain, 'de-escaped', content.length);
  return report(asWire, 'escaped', content.length);
}

function report(r: DecodeResult, form: string, bytes: number): unknown {
  const header = r.header && {
    ...r.header,
    msgId: hexId(r.header.msgId),
    name: NAMES.get(r.header.msgId) ?? null,
  };
  if (!r.ok) return { ok: false, form, bytes, header, error: r.error };
  const flags = Object.entries(r.flags)
    .filter(([, on]) => on)
    .map(([name]) => name);
  return { ok: true, form, bytes, header, flags, message: messageJson(r.message) };
}

function messageJson(m: Jt808Message): unknown {
  switch (m.type) {
    case 'location':
      return { type: m.type, position: positionJson(m.position) };
    case 'batchLocation':
      return { ...m, positions: m.positions.map(positionJson) };
    case 'part':
      return { type: m.type, body: m.body.toString('hex') };
    case 'terminalResponse':
    case 'platformResponse':
      return { ...m, replyId: hexId(m.replyId) };
    case 'heartbeat':
    case 'logout':
    case 'register':
    case 'auth':
    case 'registerResponse':
    case 'paramsAnswer':
    case 'setParams':
    case 'queryParams':
    case 'queryParamsById':
    case 'terminalControl':
    case 'text':
      return m;
  }
}

function positionJson(p: LocationReport): unknown {
  const status = Object.entries(p.statusFlags as StatusFlags).filter(([, v]) => v !== false);
  return {
    time: p.time?.toISOString() ?? null,
    latitude: p.latitude,
    longitude: p.longitude,
    altitude: p.altitude,
    speed: p.speed,
    direction: p.direction,
    alarm: `0x${p.alarm.toString(16).padStart(8, '0')}`,
    alarms: alarmNames(p.alarm),
    vendorAlarmBits: p.alarmFlags.vendorBits,
    status: `0x${p.status.toString(16).padStart(8, '0')}`,
    statusFlags: Object.fromEntries(status),
    blindArea: p.blindArea,
    items: p.items,
  };
}

/** Wire bytes of frame content given de-escaped (used by tests and the simulator's logs). */
export function toWire(deEscapedHex: string): Buffer {
  const bytes = Buffer.from(deEscapedHex.replace(/\s+/g, ''), 'hex');
  const s = bytes[0] === 0x7e ? 1 : 0;
  const e = bytes.length > s && bytes[bytes.length - 1] === 0x7e ? bytes.length - 1 : bytes.length;
  return wrapFrame(bytes.subarray(s, e));
}
