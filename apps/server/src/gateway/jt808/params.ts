import { decodeError, type DecodeError, type DecodeFlags } from './errors.js';
import { type ByteWriter, encodeText } from './fields.js';
import { hexOf } from './header.js';
import type { ParamsAnswer, QueryParamsById, SetParams, TerminalParam, TerminalParamInput } from './messages.js';

/** Terminal parameters the platform relies on; all DWORD. */
export const PARAM = {
  reportIntervalS: 0x0029,
  maxSpeedKmh: 0x0055,
  overspeedDurationS: 0x0056,
  continuousDrivingLimitS: 0x0057,
  dailyDrivingLimitS: 0x0058,
  minRestS: 0x0059,
  maxParkingS: 0x005a,
} as const;

const NUMERIC_PARAMS = new Set<number>(Object.values(PARAM));

// Reads `count` (id DWORD, length BYTE, value) entries from `p`; stops with `flags.truncated` at a short one.
function readParams(buf: Buffer, p: number, end: number, count: number, flags: DecodeFlags): TerminalParam[] {
  const params: TerminalParam[] = [];
  while (p < end && params.length < count) {
    if (p + 5 > end || p + 5 + buf[p + 4]! > end) {
      flags.truncated = true;
      break;
    }
    const id = buf.readUInt32BE(p);
    const len = buf[p + 4]!;
    const v = p + 5;
    if (NUMERIC_PARAMS.has(id) && len === 4) params.push({ id, value: buf.readUInt32BE(v) });
    else params.push({ id, hex: hexOf(buf, v, v + len) });
    p = v + len;
  }
  if (params.length !== count || p < end) flags.countMismatch = true;
  return params;
}

/** 0x0104: reply serial WORD, count BYTE, parameters. */
export function decodeParamsAnswer(
  buf: Buffer,
  start: number,
  end: number,
  flags: DecodeFlags,
): ParamsAnswer | DecodeError {
  if (end - start < 3) return decodeError('truncated', `0x0104 body is ${end - start} bytes, needs at least 3`);
  const params = readParams(buf, start + 3, end, buf[start + 2]!, flags);
  return { type: 'paramsAnswer', replySerial: buf.readUInt16BE(start), params };
}

/** 0x8103: count BYTE, parameters. */
export function decodeSetParams(buf: Buffer, start: number, end: number, flags: DecodeFlags): SetParams | DecodeError {
  if (end - start < 1) return decodeError('truncated', '0x8103 body is empty');
  return { type: 'setParams', params: readParams(buf, start + 1, end, buf[start]!, flags) };
}

/** 0x8106: count BYTE, ids DWORD. */
export function decodeQueryParamsById(
  buf: Buffer,
  start: number,
  end: number,
  flags: DecodeFlags,
): QueryParamsById | DecodeError {
  if (end - start < 1) return decodeError('truncated', '0x8106 body is empty');
  const count = buf[start]!;
  const ids: number[] = [];
  for (let p = start + 1; p + 4 <= end && ids.length < count; p += 4) ids.push(buf.readUInt32BE(p));
  if (ids.length !== count || start + 1 + count * 4 !== end) flags.countMismatch = true;
  return { type: 'queryParamsById', ids };
}

export function encodeParams(w: ByteWriter, params: TerminalParamInput[]): void {
  if (params.length > 255) throw new RangeError(`${params.length} parameters do not fit a count BYTE`);
  w.u8(params.length);
  for (const param of params) {
    const value = paramBytes(param);
    if (value.length > 255) throw new RangeError(`parameter 0x${param.id.toString(16)} is over 255 bytes`);
    w.u32(param.id >>> 0)
      .u8(value.length)
      .bytes(value);
  }
}

function paramBytes(param: TerminalParamInput): Buffer {
  if ('hex' in param) return Buffer.from(param.hex, 'hex');
  if ('text' in param) return encodeText(param.text);
  const size = param.size ?? 4;
  const out = Buffer.alloc(size);
  out.writeUIntBE(param.value, 0, size);
  return out;
}

export function encodeQueryParamsById(w: ByteWriter, ids: number[]): void {
  if (ids.length > 255) throw new RangeError(`${ids.length} ids do not fit a count BYTE`);
  w.u8(ids.length);
  for (const id of ids) w.u32(id >>> 0);
}
