import { decodeError, type DecodeError } from './errors.js';
import type { Jt808Header } from './header.js';

export interface SubpackageLimits {
  /** Most parts one message may announce; default 256. */
  maxParts?: number;
  /** Most body bytes held for one message; default 256 KiB. */
  maxBytes?: number;
  /** Most messages being assembled at once; the oldest is dropped beyond it. Default 64. */
  maxPending?: number;
  /** A message with no new part for this long is dropped; default 30 s. */
  timeoutMs?: number;
}

export type AssembleResult =
  | { status: 'pending'; received: number; total: number }
  /** The header of the whole message: serial of the first part, no subpackage fields, body length of the whole. */
  | { status: 'complete'; header: Jt808Header; body: Buffer }
  | { status: 'rejected'; error: DecodeError };

/** A message dropped unfinished: what a 0x8003 (resend parts) request would need. */
export interface DroppedMessage {
  phone: string;
  msgId: number;
  firstSerial: number;
  total: number;
  missing: number[];
}

interface Pending {
  header: Jt808Header;
  firstSerial: number;
  total: number;
  parts: (Uint8Array | undefined)[];
  received: number;
  bytes: number;
  lastSeen: number;
}

/**
 * Reassembles subpackaged messages keyed by phone + message id + serial of the first part (parts carry consecutive
 * serials). Pure: time comes in as `now` (ms), so tests and the caller's clock decide expiry. Memory is bounded by
 * `maxPending × maxBytes`.
 */
export class SubpackageAssembler {
  readonly stats = { completed: 0, rejected: 0, expired: 0, evicted: 0 };
  private readonly maxParts: number;
  private readonly maxBytes: number;
  private readonly maxPending: number;
  private readonly timeoutMs: number;
  private readonly pending = new Map<string, Pending>();

  constructor(limits: SubpackageLimits = {}) {
    this.maxParts = limits.maxParts ?? 256;
    this.maxBytes = limits.maxBytes ?? 256 * 1024;
    this.maxPending = limits.maxPending ?? 64;
    this.timeoutMs = limits.timeoutMs ?? 30_000;
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  /** Adds one part. `body` is kept as given: pass a buffer you own (a `part` message's body is a copy). */
  add(header: Jt808Header, body: Uint8Array, now: number): AssembleResult {
    const packet = header.packet;
    if (!packet || packet.total === 0 || packet.index === 0 || packet.index > packet.total) {
      return this.reject('bad_subpackage', packet ? `part ${packet.index} of ${packet.total}` : 'not a part');
    }
    if (packet.total > this.maxParts) return this.reject('too_large', `${packet.total} parts, limit ${this.maxParts}`);
    const firstSerial = (header.serial - packet.index + 1) & 0xffff;
    const key = `${header.phone}:${header.msgId}:${firstSerial}`;
    let entry = this.pending.get(key);
    if (entry && now - entry.lastSeen > this.timeoutMs) {
      this.pending.delete(key);
      this.stats.expired++;
      entry = undefined;
    }
    if (!entry) {
      this.makeRoom(now);
      entry = { header, firstSerial, total: packet.total, parts: [], received: 0, bytes: 0, lastSeen: now };
      this.pending.set(key, entry);
    }
    if (entry.total !== packet.total) {
      this.pending.delete(key);
      return this.reject('bad_subpackage', `part says ${packet.total} parts, an earlier one said ${entry.total}`);
    }
    const previous = entry.parts[packet.index - 1];
    if (previous) entry.bytes -= previous.length;
    else entry.received++;
    entry.parts[packet.index - 1] = body;
    entry.bytes += body.length;
    entry.lastSeen = now;
    if (entry.bytes > this.maxBytes) {
      this.pending.delete(key);
      return this.reject('too_large', `${entry.bytes} bytes, limit ${this.maxBytes}`);
    }
    if (entry.received < entry.total) return { status: 'pending', received: entry.received, total: entry.total };
    this.pending.delete(key);
    this.stats.completed++;
    const whole = Buffer.concat(entry.parts as Uint8Array[], entry.bytes);
    const h = entry.header;
    return {
      status: 'complete',
      header: { ...h, serial: firstSerial, packet: null, bodyLength: whole.length, length: h.length - 4 },
      body: whole,
    };
  }

  /** Drops messages idle for longer than the timeout; returns them with their missing part indexes. */
  expire(now: number): DroppedMessage[] {
    const dropped: DroppedMessage[] = [];
    for (const [key, entry] of this.pending) {
      if (now - entry.lastSeen <= this.timeoutMs) continue;
      this.pending.delete(key);
      this.stats.expired++;
      const missing: number[] = [];
      for (let i = 0; i < entry.total; i++) if (!entry.parts[i]) missing.push(i + 1);
      const { phone, msgId } = entry.header;
      dropped.push({ phone, msgId, firstSerial: entry.firstSerial, total: entry.total, missing });
    }
    return dropped;
  }

  private makeRoom(now: number): void {
    if (this.pending.size < this.maxPending) return;
    this.expire(now);
    // Map iteration order is insertion order: the first key is the oldest message.
    while (this.pending.size >= this.maxPending) {
      const oldest = this.pending.keys().next();
      if (oldest.done) break;
      this.pending.delete(oldest.value);
      this.stats.evicted++;
    }
  }

  private reject(code: DecodeError['code'], detail: string): AssembleResult {
    this.stats.rejected++;
    return { status: 'rejected', error: decodeError(code, detail) };
  }
}
