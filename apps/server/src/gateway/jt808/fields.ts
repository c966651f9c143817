import iconv from 'iconv-lite';

const GMT8_MS = 8 * 3600_000;

function bcd(b: number): number {
  const hi = b >> 4;
  const lo = b & 0xf;
  return hi > 9 || lo > 9 ? -1 : hi * 10 + lo;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// Years are 2000–2099 only, where every fourth year is a leap year.
function daysInMonth(year: number, month: number): number {
  return month === 2 && year % 4 === 0 ? 29 : DAYS[month - 1]!;
}

/** Reads BCD `YYMMDDhhmmss` (GMT+8, years 2000–2099) at `at`; returns epoch ms (UTC), or NaN when not a valid time. */
export function readBcdTime(buf: Uint8Array, at: number): number {
  const y = bcd(buf[at]!);
  const mo = bcd(buf[at + 1]!);
  const d = bcd(buf[at + 2]!);
  const h = bcd(buf[at + 3]!);
  const mi = bcd(buf[at + 4]!);
  const s = bcd(buf[at + 5]!);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59) return NaN;
  if (d > daysInMonth(2000 + y, mo)) return NaN;
  return daysSinceEpoch(2000 + y, mo, d) * 86_400_000 + ((h * 60 + mi) * 60 + s) * 1000 - GMT8_MS;
}

// Days from 1970-01-01 to a civil date (H. Hinnant's algorithm): a few integer ops where Date.UTC costs ~40 ns.
function daysSinceEpoch(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

const pad2 = (n: number) => ((n / 10) << 4) | (n % 10);

/** Writes `time` as BCD `YYMMDDhhmmss` in GMT+8; throws RangeError outside 2000–2099 (programming error). */
export function writeBcdTime(dst: Uint8Array, at: number, time: Date): number {
  const t = new Date(time.getTime() + GMT8_MS);
  const year = t.getUTCFullYear();
  if (!(year >= 2000 && year <= 2099)) throw new RangeError(`time ${time.toISOString()} is outside 2000–2099`);
  dst[at] = pad2(year - 2000);
  dst[at + 1] = pad2(t.getUTCMonth() + 1);
  dst[at + 2] = pad2(t.getUTCDate());
  dst[at + 3] = pad2(t.getUTCHours());
  dst[at + 4] = pad2(t.getUTCMinutes());
  dst[at + 5] = pad2(t.getUTCSeconds());
  return at + 6;
}

/** GBK text of `buf[start..end)` with NUL padding on either side removed. */
export function readText(buf: Buffer, start: number, end: number): string {
  let a = start;
  let b = end;
  while (a < b && buf[a] === 0) a++;
  while (b > a && buf[b - 1] === 0) b--;
  return a === b ? '' : iconv.decode(buf.subarray(a, b), 'gbk').trimEnd();
}

/**
 * An identifier field (terminal id): printable ASCII as text, anything else as the hex of the whole field, because
 * some devices put BCD digits there and GBK would turn them into noise.
 */
export function readIdentifier(buf: Buffer, start: number, end: number): string {
  let a = start;
  let b = end;
  while (a < b && buf[a] === 0) a++;
  while (b > a && buf[b - 1] === 0) b--;
  for (let i = a; i < b; i++) {
    const c = buf[i]!;
    if (c < 0x20 || c > 0x7e) return buf.toString('hex', start, end);
  }
  return buf.toString('latin1', a, b).trimEnd();
}

export function encodeText(text: string): Buffer {
  return iconv.encode(text, 'gbk');
}

/** A growable buffer for encoders (not on the decode hot path). */
export class ByteWriter {
  private buf: Buffer;
  length = 0;

  constructor(capacity = 64) {
    this.buf = Buffer.allocUnsafe(capacity);
  }

  // Callers must take the offset before touching `this.buf`: growing replaces it.
  private room(n: number): number {
    if (this.length + n > this.buf.length) {
      const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.length + n));
      this.buf.copy(next, 0, 0, this.length);
      this.buf = next;
    }
    const at = this.length;
    this.length += n;
    return at;
  }

  u8(v: number): this {
    const at = this.room(1);
    this.buf.writeUInt8(v, at);
    return this;
  }

  u16(v: number): this {
    const at = this.room(2);
    this.buf.writeUInt16BE(v, at);
    return this;
  }

  u32(v: number): this {
    const at = this.room(4);
    this.buf.writeUInt32BE(v, at);
    return this;
  }

  /** Overwrites a WORD written earlier (a length known only after what follows it). */
  patchU16(at: number, v: number): this {
    this.buf.writeUInt16BE(v, at);
    return this;
  }

  bytes(b: Uint8Array): this {
    const at = this.room(b.length);
    this.buf.set(b, at);
    return this;
  }

  /** GBK text padded with NUL (or rejected when longer) to exactly `size` bytes. */
  fixedText(text: string, size: number, field: string): this {
    const b = encodeText(text);
    if (b.length > size) throw new RangeError(`${field} "${text}" is ${b.length} bytes, the field holds ${size}`);
    const at = this.room(size);
    this.buf.set(b, at);
    this.buf.fill(0, at + b.length, at + size);
    return this;
  }

  time(t: Date): this {
    const at = this.room(6);
    writeBcdTime(this.buf, at, t);
    return this;
  }

  finish(): Buffer {
    return this.buf.subarray(0, this.length);
  }
}
