import { headerLength, writeHeader } from './jt808/header.js';
import { MSG } from './jt808/messages.js';
import {
  checkCode,
  encodeMessage,
  wrapFrame,
  type Jt808Header,
  type PlatformResponse,
  type RegisterResponse,
} from './jt808/index.js';

/** The header an answer to `header` carries: that header's version (a 2019 terminal gets its 20-digit phone back). */
const answerHead = (header: Jt808Header, serial: number) =>
  ({
    phone: header.phone,
    serial,
    version: header.is2019 ? 2019 : 2013,
    protocolVersion: header.protocolVersion,
  }) as const;

/**
 * A platform answer to the terminal that sent `header`, in that header's version. Null when the phone cannot be
 * written back (non-BCD nibbles from a broken device).
 */
export function encodeAnswer(
  header: Jt808Header,
  serial: number,
  message: PlatformResponse | RegisterResponse,
): Buffer | null {
  try {
    return encodeMessage(answerHead(header, serial), message);
  } catch {
    return null;
  }
}

const BODY = 5;

/**
 * 0x8001 general responses for one connection: the answer to every report, so the hot path of the write side. The
 * header up to the serial (message id, properties, version byte, phone) is the same for every answer to one terminal,
 * so it is written once by the codec's `writeHeader` and kept; each answer then writes serial and body into a scratch
 * buffer, adds the check code and escapes it into the one buffer handed to the socket. Byte for byte what
 * `encodeAnswer` gives (the tests compare them).
 */
export class PlatformResponder {
  private phone = '';
  private is2019 = false;
  private protocolVersion = -1;
  /** Header bytes before the serial, then room for serial, body and check code; null: the phone is unencodable. */
  private scratch: Buffer | null = null;
  private prefix = 0;

  /** The answer to the message `header` carries, or null when its phone cannot be written back. */
  encode(header: Jt808Header, serial: number, result: number): Buffer | null {
    if (
      header.phone !== this.phone ||
      header.is2019 !== this.is2019 ||
      header.protocolVersion !== this.protocolVersion
    ) {
      this.prepare(header);
    }
    const b = this.scratch;
    if (!b) return null;
    let o = this.prefix;
    b.writeUInt16BE(serial & 0xffff, o);
    b.writeUInt16BE(header.serial, o + 2);
    b.writeUInt16BE(header.msgId, o + 4);
    b[o + 6] = result;
    o += 2 + BODY;
    b[o] = checkCode(b, 0, o);
    return wrapFrame(b);
  }

  private prepare(header: Jt808Header): void {
    this.phone = header.phone;
    this.is2019 = header.is2019;
    this.protocolVersion = header.protocolVersion;
    const fields = { ...answerHead(header, 0), msgId: MSG.platformResponse };
    const b = Buffer.alloc(headerLength(fields) + BODY + 1);
    try {
      // The serial is written per answer: what comes before it is the prefix kept.
      this.prefix = writeHeader(b, 0, fields, BODY) - 2;
      this.scratch = b;
    } catch {
      this.scratch = null;
    }
  }
}
