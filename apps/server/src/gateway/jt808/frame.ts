import { decodeError, type DecodeError } from './errors.js';

export const DELIMITER = 0x7e;
const ESCAPE = 0x7d;

export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** XOR of `bytes[start..end)`: the check code is this over header + body. */
export function checkCode(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let x = 0;
  for (let i = start; i < end; i++) x ^= bytes[i]!;
  return x;
}

// Returns the unescaped length, or -(index + 1) of the first bad escape (0x7D not followed by 01/02, or a raw 0x7E).
function unescapeInto(src: Uint8Array, start: number, end: number, dst: Uint8Array): number {
  let o = 0;
  for (let i = start; i < end; i++) {
    const b = src[i]!;
    if (b === ESCAPE) {
      const next = i + 1 < end ? src[i + 1] : -1;
      if (next === 0x02) dst[o++] = DELIMITER;
      else if (next === 0x01) dst[o++] = ESCAPE;
      else return -(i + 1);
      i++;
    } else if (b === DELIMITER) {
      return -(i + 1);
    } else {
      dst[o++] = b;
    }
  }
  return o;
}

/**
 * Unescapes one frame's content (delimiters already removed). Returns a view of the input when nothing is escaped,
 * else a new buffer; an invalid escape is a `bad_escape` error.
 */
export function unescape(bytes: Uint8Array, start = 0, end = bytes.length): Buffer | DecodeError {
  const buf = asBuffer(bytes);
  const esc = buf.indexOf(ESCAPE, start);
  const raw = buf.indexOf(DELIMITER, start);
  if ((esc === -1 || esc >= end) && (raw === -1 || raw >= end)) return buf.subarray(start, end);
  const out = Buffer.allocUnsafe(end - start);
  const n = unescapeInto(buf, start, end, out);
  if (n < 0) return badEscape(buf, -n - 1);
  return out.subarray(0, n);
}

export function badEscape(buf: Uint8Array, at: number): DecodeError {
  const b = buf[at];
  const what = b === DELIMITER ? 'raw 0x7E inside the frame' : `0x7D followed by ${hexByte(buf[at + 1])}`;
  return decodeError('bad_escape', `${what} at byte ${at}`);
}

function hexByte(b: number | undefined): string {
  return b === undefined ? 'end of frame' : `0x${b.toString(16).padStart(2, '0')}`;
}

export function escapedLength(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let n = end - start;
  for (let i = start; i < end; i++) {
    const b = bytes[i];
    if (b === DELIMITER || b === ESCAPE) n++;
  }
  return n;
}

/** Escapes `src[start..end)` into `dst` at `at`; returns the offset after the last byte written. */
export function escapeInto(src: Uint8Array, start: number, end: number, dst: Uint8Array, at: number): number {
  let o = at;
  for (let i = start; i < end; i++) {
    const b = src[i]!;
    if (b === DELIMITER) {
      dst[o++] = ESCAPE;
      dst[o++] = 0x02;
    } else if (b === ESCAPE) {
      dst[o++] = ESCAPE;
      dst[o++] = 0x01;
    } else {
      dst[o++] = b;
    }
  }
  return o;
}

/** Escapes frame content (no delimiters added). */
export function escape(bytes: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(escapedLength(bytes));
  escapeInto(bytes, 0, bytes.length, out, 0);
  return out;
}

/** Escapes header + body + check code and wraps them in 0x7E: the bytes to write to the socket. */
export function wrapFrame(content: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(escapedLength(content) + 2);
  out[0] = DELIMITER;
  const end = escapeInto(content, 0, content.length, out, 1);
  out[end] = DELIMITER;
  return out;
}

export { FrameSplitter, splitFrames, type FrameSplitterOptions, type FrameSplitterStats } from './frame-splitter.js';
