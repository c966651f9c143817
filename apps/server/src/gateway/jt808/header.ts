import { u16 } from './bytes.js';
import { decodeError, type DecodeError } from './errors.js';

/** 2011 and 2013 share one header; only some bodies (0x0100) tell them apart. */
export type Jt808Version = 2011 | 2013 | 2019;

export interface SubpackageInfo {
  /** Number of parts, from 1. */
  total: number;
  /** This part's index, from 1. */
  index: number;
}

export interface Jt808Header {
  msgId: number;
  /** Body length stated by the properties word (bits 0–9); the decoder uses the real bytes. */
  bodyLength: number;
  /** Properties bits 10–12: 0 plain, 1 (bit 10) RSA. */
  encryption: number;
  /** Properties bit 14: the 2019 header with a version byte and a 10-byte phone. */
  is2019: boolean;
  /** The 2019 protocol version byte; 0 for 2011/2013 headers. */
  protocolVersion: number;
  /** The BCD phone/terminal number as its digits (12 or 20, leading zeros kept; non-BCD nibbles show as a–f). */
  phone: string;
  serial: number;
  /** Present when properties bit 13 is set. */
  packet: SubpackageInfo | null;
  /** Bytes the header took: 12, 16, 17 or 21. */
  length: number;
}

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Lower-case hex of `bytes[start..end)`: BCD digits read as hex keep non-BCD nibbles visible instead of failing. */
export function hexOf(bytes: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += HEX[bytes[i]!]!;
  return s;
}

/** Parses the header of unescaped frame content `buf[start..end)` (end excludes the check code). */
export function parseHeader(buf: Buffer, start: number, end: number): Jt808Header | DecodeError {
  if (end - start < 12) return decodeError('bad_length', `frame content is ${end - start} bytes, a header needs 12`);
  const props = u16(buf, start + 2);
  const is2019 = (props & 0x4000) !== 0;
  const split = (props & 0x2000) !== 0;
  const length = (is2019 ? 17 : 12) + (split ? 4 : 0);
  if (end - start < length) {
    return decodeError('bad_length', `frame content is ${end - start} bytes, this header needs ${length}`);
  }
  const phoneStart = start + (is2019 ? 5 : 4);
  const phoneEnd = phoneStart + (is2019 ? 10 : 6);
  let packet: SubpackageInfo | null = null;
  if (split) packet = { total: u16(buf, phoneEnd + 2), index: u16(buf, phoneEnd + 4) };
  return {
    msgId: u16(buf, start),
    bodyLength: props & 0x3ff,
    encryption: (props >> 10) & 0x7,
    is2019,
    protocolVersion: is2019 ? buf[start + 4]! : 0,
    phone: hexOf(buf, phoneStart, phoneEnd),
    serial: u16(buf, phoneEnd),
    packet,
    length,
  };
}

/** What an encoder needs to build a header. */
export interface HeaderFields {
  msgId: number;
  /** Digits; left-padded with zeros to 12 (2011/2013) or 20 (2019). */
  phone: string;
  serial: number;
  /** Default 2013. */
  version?: Jt808Version;
  /** The 2019 version byte; default 1. */
  protocolVersion?: number;
  /** Properties bits 10–12; default 0. */
  encryption?: number;
  packet?: SubpackageInfo | null;
}

export const MAX_BODY_LENGTH = 0x3ff;

export function headerLength(fields: Pick<HeaderFields, 'version' | 'packet'>): number {
  return (fields.version === 2019 ? 17 : 12) + (fields.packet ? 4 : 0);
}

/**
 * Writes the header at `at`; returns the offset after it. Throws RangeError on values the header cannot carry:
 * encoders are fed by our own code, so a bad value there is a programming error, not input.
 */
export function writeHeader(dst: Buffer, at: number, fields: HeaderFields, bodyLength: number): number {
  if (bodyLength > MAX_BODY_LENGTH) throw new RangeError(`body of ${bodyLength} bytes needs subpackaging`);
  const is2019 = fields.version === 2019;
  const encryption = fields.encryption ?? 0;
  if (encryption < 0 || encryption > 7) throw new RangeError(`encryption ${encryption} does not fit 3 bits`);
  let props = bodyLength | (encryption << 10);
  if (fields.packet) props |= 0x2000;
  if (is2019) props |= 0x4000;
  let o = dst.writeUInt16BE(fields.msgId & 0xffff, at);
  o = dst.writeUInt16BE(props, o);
  if (is2019) o = dst.writeUInt8((fields.protocolVersion ?? 1) & 0xff, o);
  o = writePhone(dst, o, fields.phone, is2019 ? 10 : 6);
  o = dst.writeUInt16BE(fields.serial & 0xffff, o);
  if (fields.packet) {
    o = dst.writeUInt16BE(fields.packet.total, o);
    o = dst.writeUInt16BE(fields.packet.index, o);
  }
  return o;
}

function writePhone(dst: Buffer, at: number, phone: string, size: number): number {
  if (!/^[0-9a-fA-F]*$/.test(phone) || phone.length > size * 2) {
    throw new RangeError(`phone "${phone}" is not up to ${size * 2} BCD digits`);
  }
  dst.write(phone.padStart(size * 2, '0'), at, size, 'hex');
  return at + size;
}
