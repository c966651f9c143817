import { decodeBatch, encodeBatch } from './batch.js';
import { decodeTerminalControl, decodeText, encodeTerminalControl, encodeTextMessage } from './commands.js';
import { decodeError, failure, newFlags, type DecodeError, type DecodeFailure, type DecodeFlags } from './errors.js';
import { ByteWriter } from './fields.js';
import { asBuffer, badEscape, checkCode, wrapFrame } from './frame.js';
import {
  headerLength,
  MAX_BODY_LENGTH,
  parseHeader,
  writeHeader,
  type HeaderFields,
  type Jt808Header,
  type Jt808Version,
  type SubpackageInfo,
} from './header.js';
import { decodeLocation, encodeLocation } from './location.js';
import { MSG, type Jt808Message, type Jt808MessageInput } from './messages.js';
import {
  decodeParamsAnswer,
  decodeQueryParamsById,
  decodeSetParams,
  encodeParams,
  encodeQueryParamsById,
} from './params.js';
import {
  decodeAuth,
  decodeRegister,
  decodeRegisterResponse,
  encodeAuth,
  encodeRegister,
  encodeRegisterResponse,
} from './register.js';
import { decodeResponse, encodeResponse } from './responses.js';

export interface DecodeSuccess {
  ok: true;
  header: Jt808Header;
  message: Jt808Message;
  flags: DecodeFlags;
}

export type DecodeResult = DecodeSuccess | DecodeFailure;

export interface DecodeOptions {
  /** Largest unescaped frame (header + body + check code) accepted; default 4096. */
  maxFrameBytes?: number;
}

const SUPPORTED = new Set<number>(Object.values(MSG));

/** True for the message ids this codec decodes. */
export function isSupportedMessage(msgId: number): boolean {
  return SUPPORTED.has(msgId);
}

// Frames with escapes are unescaped here rather than into a fresh buffer: nothing decoded keeps a view of it.
let scratch = Buffer.allocUnsafe(4096);

/**
 * Decodes one frame as read from the socket (escaped; 0x7E delimiters optional). Never throws: every failure is a
 * typed error, with the header when it parsed. A subpackaged frame of a supported message comes back as a
 * `part` message for `SubpackageAssembler`.
 */
export function decodeFrame(bytes: Uint8Array, options?: DecodeOptions): DecodeResult {
  try {
    return decodeWire(asBuffer(bytes), options?.maxFrameBytes ?? 4096);
  } catch (e) {
    return failure(decodeError('internal', e instanceof Error ? e.message : String(e)));
  }
}

function decodeWire(src: Buffer, max: number): DecodeResult {
  let s = 0;
  let e = src.length;
  if (e > 0 && src[0] === 0x7e) s++;
  if (e > s && src[e - 1] === 0x7e) e--;
  if (e - s > 2 * max) return failure(decodeError('too_large', `frame of ${e - s} escaped bytes`));
  // One pass: XOR over header + body + check code is 0 exactly when the check code is right.
  let x = 0;
  let i = s;
  for (; i < e; i++) {
    const b = src[i]!;
    if (b === 0x7d || b === 0x7e) break;
    x ^= b;
  }
  let buf = src;
  let start = s;
  let end = e;
  if (i < e) {
    // Unescape the rest into the scratch buffer, carrying on with the same XOR.
    if (scratch.length < e - s) scratch = Buffer.allocUnsafe(e - s);
    src.copy(scratch, 0, s, i);
    let o = i - s;
    for (; i < e; i++) {
      let b = src[i]!;
      if (b === 0x7d) {
        const next = src[++i];
        if (next === 0x02) b = 0x7e;
        else if (next !== 0x01 || i >= e) return failure(badEscape(src, i - 1));
      } else if (b === 0x7e) {
        return failure(badEscape(src, i));
      }
      scratch[o++] = b;
      x ^= b;
    }
    buf = scratch;
    start = 0;
    end = o;
  }
  if (end - start > max) return failure(decodeError('too_large', `frame of ${end - start} bytes, limit ${max}`));
  if (end - start < 13) return failure(decodeError('bad_length', `frame of ${end - start} bytes, the least is 13`));
  const parsed = parseHeader(buf, start, end - 1);
  if (x !== 0) {
    const expected = checkCode(buf, start, end - 1);
    const detail = `check code 0x${hex2(buf[end - 1])}, computed 0x${hex2(expected)}`;
    return failure(decodeError('bad_check_code', detail), 'code' in parsed ? null : parsed);
  }
  if ('code' in parsed) return failure(parsed);
  return decodeContent(parsed, buf, start + parsed.length, end - 1, true);
}

const hex2 = (b: number | undefined) => (b ?? 0).toString(16).padStart(2, '0');

/** Decodes a complete body, e.g. one reassembled by `SubpackageAssembler`. */
export function decodeBody(header: Jt808Header, body: Uint8Array): DecodeResult {
  try {
    return decodeContent({ ...header, packet: null }, asBuffer(body), 0, body.length, false);
  } catch (e) {
    return failure(decodeError('internal', e instanceof Error ? e.message : String(e)), header);
  }
}

function decodeContent(header: Jt808Header, buf: Buffer, start: number, end: number, wire: boolean): DecodeResult {
  if (!SUPPORTED.has(header.msgId)) {
    return failure(
      decodeError('unsupported_message', `message 0x${header.msgId.toString(16).padStart(4, '0')}`),
      header,
    );
  }
  if (header.encryption !== 0) return failure(decodeError('encrypted', `encryption ${header.encryption}`), header);
  const flags = newFlags();
  if (wire && end - start !== header.bodyLength) flags.lengthMismatch = true;
  const packet = header.packet;
  if (packet) {
    if (packet.total === 0 || packet.index === 0 || packet.index > packet.total) {
      return failure(decodeError('bad_subpackage', `part ${packet.index} of ${packet.total}`), header);
    }
    return { ok: true, header, message: { type: 'part', body: Buffer.from(buf.subarray(start, end)) }, flags };
  }
  const message = decodeMessage(header, buf, start, end, flags);
  if (!('type' in message)) return failure(message, header);
  return { ok: true, header, message, flags };
}

function decodeMessage(
  header: Jt808Header,
  buf: Buffer,
  start: number,
  end: number,
  flags: DecodeFlags,
): Jt808Message | DecodeError {
  switch (header.msgId) {
    case MSG.location: {
      const position = decodeLocation(buf, start, end, false, flags);
      if (!position) return decodeError('truncated', `0x0200 body is ${end - start} bytes, needs 28`);
      return { type: 'location', position };
    }
    case MSG.batchLocation:
      return decodeBatch(buf, start, end, flags);
    case MSG.heartbeat:
      return { type: 'heartbeat' };
    case MSG.logout:
      return { type: 'logout' };
    case MSG.terminalResponse:
      return decodeResponse('terminalResponse', buf, start, end);
    case MSG.platformResponse:
      return decodeResponse('platformResponse', buf, start, end);
    case MSG.register:
      return decodeRegister(header, buf, start, end);
    case MSG.auth:
      return decodeAuth(header, buf, start, end, flags);
    case MSG.registerResponse:
      return decodeRegisterResponse(buf, start, end);
    case MSG.paramsAnswer:
      return decodeParamsAnswer(buf, start, end, flags);
    case MSG.setParams:
      return decodeSetParams(buf, start, end, flags);
    case MSG.queryParams:
      return { type: 'queryParams' };
    case MSG.queryParamsById:
      return decodeQueryParamsById(buf, start, end, flags);
    case MSG.terminalControl:
      return decodeTerminalControl(buf, start, end);
    case MSG.text:
      return decodeText(header, buf, start, end);
    default:
      return decodeError('unsupported_message', `message 0x${header.msgId.toString(16)}`);
  }
}

/** Header fields of an outgoing message; the id comes from the message type. */
export type EncodeHeader = Omit<HeaderFields, 'msgId' | 'packet'>;

/** The body bytes of a message. Throws RangeError for values the format cannot carry (our own bug, not input). */
export function encodeBody(message: Jt808MessageInput, version: Jt808Version = 2013): Buffer {
  const w = new ByteWriter();
  const v2019 = version === 2019;
  switch (message.type) {
    case 'location':
      encodeLocation(w, message.position);
      break;
    case 'batchLocation':
      encodeBatch(w, message.dataType, message.positions);
      break;
    case 'heartbeat':
    case 'logout':
    case 'queryParams':
      break;
    case 'terminalResponse':
    case 'platformResponse':
      encodeResponse(w, message);
      break;
    case 'register':
      encodeRegister(w, message);
      break;
    case 'auth':
      encodeAuth(w, v2019, message);
      break;
    case 'registerResponse':
      encodeRegisterResponse(w, message);
      break;
    case 'paramsAnswer':
      w.u16(message.replySerial);
      encodeParams(w, message.params);
      break;
    case 'setParams':
      encodeParams(w, message.params);
      break;
    case 'queryParamsById':
      encodeQueryParamsById(w, message.ids);
      break;
    case 'terminalControl':
      encodeTerminalControl(w, message);
      break;
    case 'text':
      encodeTextMessage(w, v2019, message);
      break;
    default:
      return exhaustive(message);
  }
  return w.finish();
}

function exhaustive(message: never): never {
  throw new TypeError(`cannot encode ${JSON.stringify(message)}`);
}

/** Builds header + body + check code, escapes, and wraps in 0x7E: works for any id, vendor ones included. */
export function encodeFrame(fields: HeaderFields, body: Uint8Array): Buffer {
  const hl = headerLength(fields);
  const content = Buffer.allocUnsafe(hl + body.length + 1);
  writeHeader(content, 0, fields, body.length);
  content.set(body, hl);
  content[hl + body.length] = checkCode(content, 0, hl + body.length);
  return wrapFrame(content);
}

/** One message as wire bytes. Throws RangeError when the body needs subpackaging: use `encodeMessageParts`. */
export function encodeMessage(head: EncodeHeader, message: Jt808MessageInput): Buffer {
  return encodeFrame(headerOf(head, MSG[message.type]), encodeBody(message, head.version));
}

/** The header fields of a message, always in one object shape (a spread would give each caller's shape its own). */
const headerOf = (head: EncodeHeader, msgId: number, packet: SubpackageInfo | null = null): HeaderFields => ({
  msgId,
  phone: head.phone,
  serial: head.serial,
  version: head.version ?? 2013,
  protocolVersion: head.protocolVersion ?? 1,
  encryption: head.encryption ?? 0,
  packet,
});

/**
 * One message as one frame, or as subpackaged frames when its body exceeds `maxBodyLength`; part i carries serial
 * `head.serial + i - 1`, as the standard numbers parts.
 */
export function encodeMessageParts(
  head: EncodeHeader,
  message: Jt808MessageInput,
  maxBodyLength = MAX_BODY_LENGTH,
): Buffer[] {
  const msgId = MSG[message.type];
  const body = encodeBody(message, head.version);
  if (body.length <= maxBodyLength) return [encodeFrame(headerOf(head, msgId), body)];
  const size = Math.max(1, Math.min(maxBodyLength, MAX_BODY_LENGTH));
  const total = Math.ceil(body.length / size);
  if (total > 0xffff) throw new RangeError(`body of ${body.length} bytes needs ${total} parts`);
  const frames: Buffer[] = [];
  for (let index = 1; index <= total; index++) {
    const part = body.subarray((index - 1) * size, index * size);
    const serial = (head.serial + index - 1) & 0xffff;
    frames.push(encodeFrame(headerOf({ ...head, serial }, msgId, { total, index }), part));
  }
  return frames;
}
