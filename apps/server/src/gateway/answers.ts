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
 * so it is encoded once by the general encoder and kept; each answer then writes serial and body into a scratch
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
    const digits = header.is2019 ? 20 : 12;
    if (!/^[0-9a-fA-F]*$/.test(header.phone) || header.phone.length > digits) {
      this.scratch = null;
      return;
    }
    this.prefix = header.is2019 ? 15 : 10;
    const b = Buffer.alloc(this.prefix + 2 + BODY + 1);
    b.writeUInt16BE(MSG.platformResponse, 0);
    b.writeUInt16BE(BODY | (header.is2019 ? 0x4000 : 0), 2);
    if (header.is2019) b[4] = header.protocolVersion & 0xff;
    b.write(header.phone.padStart(digits, '0'), this.prefix - digits / 2, digits / 2, 'hex');
    this.scratch = b;
  }
}
