import { decodeError, type DecodeError, type DecodeFlags } from './errors.js';
import { type ByteWriter, encodeText, readIdentifier, readText } from './fields.js';
import type { Jt808Header, Jt808Version } from './header.js';
import type { Auth, Register, RegisterResponse } from './messages.js';
import { checkResult } from './responses.js';

// Field sizes of 0x0100 per version: maker, model, terminal id.
const LAYOUT: Record<Jt808Version, readonly [number, number, number]> = {
  2011: [5, 8, 7],
  2013: [5, 20, 7],
  2019: [11, 30, 30],
};

const fixedLength = (v: Jt808Version) => 4 + LAYOUT[v][0] + LAYOUT[v][1] + LAYOUT[v][2] + 1;

// JT/T 697.7 colours (0 = not registered: the plate field holds the VIN); some platforms also use 91–94 for
// new-energy plates, so those count as colours too.
const isPlateColour = (b: number | undefined) => b !== undefined && (b <= 5 || b === 9 || (b >= 91 && b <= 94));

/**
 * 2011 and 2013 headers are identical, so the body tells them apart: a 2013 body is at least 37 bytes and has a
 * plate colour at offset 36. A 2011 body with a long plate (a VIN) is also ≥ 37 bytes, but its offset 36 then holds
 * a VIN character, which is never a colour code, while offset 24 holds the real colour.
 */
export function registerVersion(header: Jt808Header, buf: Buffer, start: number, end: number): Jt808Version {
  if (header.is2019) return 2019;
  if (end - start < fixedLength(2013)) return 2011;
  if (isPlateColour(buf[start + 36]) || !isPlateColour(buf[start + 24])) return 2013;
  return 2011;
}

export function decodeRegister(header: Jt808Header, buf: Buffer, start: number, end: number): Register | DecodeError {
  const version = registerVersion(header, buf, start, end);
  const [makerLen, modelLen, idLen] = LAYOUT[version];
  if (end - start < fixedLength(version)) {
    return decodeError('truncated', `0x0100 (${version}) body is ${end - start} bytes, needs ${fixedLength(version)}`);
  }
  let p = start + 4;
  const maker = readText(buf, p, (p += makerLen));
  const model = readText(buf, p, (p += modelLen));
  const terminalId = readIdentifier(buf, p, (p += idLen));
  return {
    type: 'register',
    version,
    province: buf.readUInt16BE(start),
    city: buf.readUInt16BE(start + 2),
    maker,
    model,
    terminalId,
    plateColour: buf[p]!,
    plate: readText(buf, p + 1, end),
  };
}

export function encodeRegister(w: ByteWriter, m: Register): void {
  const [makerLen, modelLen, idLen] = LAYOUT[m.version];
  w.u16(m.province).u16(m.city);
  w.fixedText(m.maker, makerLen, 'maker').fixedText(m.model, modelLen, 'model');
  w.fixedText(m.terminalId, idLen, 'terminal id').u8(m.plateColour).bytes(encodeText(m.plate));
}

/** 0x0102. 2011/2013: the whole body is the code. 2019: length BYTE, code, IMEI[15], software version[20]. */
export function decodeAuth(header: Jt808Header, buf: Buffer, start: number, end: number, flags: DecodeFlags): Auth {
  if (!header.is2019) return { type: 'auth', code: readText(buf, start, end), imei: null, softwareVersion: null };
  const codeEnd = start + 1 + (buf[start] ?? 0);
  if (start >= end || codeEnd + 35 > end) flags.truncated = true;
  return {
    type: 'auth',
    code: readText(buf, Math.min(start + 1, end), Math.min(codeEnd, end)),
    imei: codeEnd + 15 <= end ? readText(buf, codeEnd, codeEnd + 15) : null,
    softwareVersion: codeEnd + 35 <= end ? readText(buf, codeEnd + 15, codeEnd + 35) : null,
  };
}

export function encodeAuth(
  w: ByteWriter,
  version2019: boolean,
  m: { code: string; imei?: string | null; softwareVersion?: string | null },
): void {
  const code = encodeText(m.code);
  if (!version2019) {
    w.bytes(code);
    return;
  }
  if (code.length > 255) throw new RangeError(`auth code of ${code.length} bytes does not fit a length BYTE`);
  w.u8(code.length).bytes(code);
  w.fixedText(m.imei ?? '', 15, 'IMEI').fixedText(m.softwareVersion ?? '', 20, 'software version');
}

/** 0x8100: reply serial, result, and the auth code only when the result is 0. */
export function decodeRegisterResponse(buf: Buffer, start: number, end: number): RegisterResponse | DecodeError {
  if (end - start < 3) return decodeError('truncated', `0x8100 body is ${end - start} bytes, needs at least 3`);
  const result = buf[start + 2]!;
  return {
    type: 'registerResponse',
    replySerial: buf.readUInt16BE(start),
    result,
    authCode: result === 0 ? readText(buf, start + 3, end) : null,
  };
}

export function encodeRegisterResponse(w: ByteWriter, m: RegisterResponse): void {
  checkResult(m.result, 4);
  w.u16(m.replySerial).u8(m.result);
  if (m.result === 0) w.bytes(encodeText(m.authCode ?? ''));
}
