import { decodeError, type DecodeError, type DecodeFlags } from './errors.js';
import type { ByteWriter } from './fields.js';
import { decodeLocation, encodeLocation } from './location.js';
import type { BatchLocation, LocationInput, LocationReport } from './messages.js';

/**
 * 0x0704: count WORD, type BYTE, then (length WORD + 0x0200 body) items. Items are read while they fit; one that
 * runs past the body ends the batch with `flags.truncated`, a count that disagrees sets `flags.countMismatch`.
 */
export function decodeBatch(buf: Buffer, start: number, end: number, flags: DecodeFlags): BatchLocation | DecodeError {
  if (end - start < 3) return decodeError('truncated', `0x0704 body is ${end - start} bytes, needs at least 3`);
  const count = buf.readUInt16BE(start);
  const dataType = buf[start + 2]!;
  const blindArea = dataType === 1;
  const positions: LocationReport[] = [];
  let p = start + 3;
  while (p < end && positions.length < count) {
    const s = p + 2;
    const e = s + (s <= end ? buf.readUInt16BE(p) : 0);
    if (s > end || e > end) {
      flags.truncated = true;
      break;
    }
    const position = decodeLocation(buf, s, e, blindArea, flags);
    if (position) positions.push(position);
    else flags.truncated = true;
    p = e;
  }
  if (positions.length !== count || p < end) flags.countMismatch = true;
  return { type: 'batchLocation', dataType, positions };
}

export function encodeBatch(w: ByteWriter, dataType: number, positions: LocationInput[]): void {
  w.u16(positions.length).u8(dataType);
  for (const position of positions) {
    const lengthAt = w.length;
    w.u16(0);
    encodeLocation(w, position);
    w.patchU16(lengthAt, w.length - lengthAt - 2);
  }
}
