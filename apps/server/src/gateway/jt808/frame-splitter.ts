const DELIMITER = 0x7e;

export interface FrameSplitterOptions {
  /** Largest escaped frame kept, delimiters excluded; longer ones are discarded and counted. Default 4096. */
  maxFrameBytes?: number;
}

export interface FrameSplitterStats {
  frames: number;
  /** Bytes outside any frame plus bytes of discarded oversized frames. */
  garbageBytes: number;
  oversizedFrames: number;
}

const OUTSIDE = 0;
const INSIDE = 1;

/**
 * Cuts a TCP byte stream into frames on 0x7E. Bytes between a closing 0x7E and the next 0x7E are garbage; two
 * adjacent 0x7E (end of one frame, start of the next) resynchronise the splitter after garbage. Memory is bounded by
 * `maxFrameBytes` per connection.
 */
export class FrameSplitter {
  readonly stats: FrameSplitterStats = { frames: 0, garbageBytes: 0, oversizedFrames: 0 };
  private readonly max: number;
  private state = OUTSIDE;
  private pending: Buffer | null = null;
  private pendingLength = 0;

  constructor(options: FrameSplitterOptions = {}) {
    this.max = Math.max(1, options.maxFrameBytes ?? 4096);
  }

  /** Bytes held for a frame that has not ended yet. */
  get bufferedBytes(): number {
    return this.pendingLength;
  }

  /**
   * Feeds one chunk; returns the frames it completed, escaped and without delimiters. A frame that lay wholly in
   * `chunk` is a view of it (no copy): decode it before reusing `chunk`, or copy it to keep it.
   */
  push(chunk: Uint8Array): Buffer[] {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const frames: Buffer[] = [];
    const n = buf.length;
    let pos = 0;
    while (pos < n) {
      const d = buf.indexOf(DELIMITER, pos);
      const stop = d === -1 ? n : d;
      if (this.state === OUTSIDE) {
        this.stats.garbageBytes += stop - pos;
        if (d === -1) break;
        this.state = INSIDE;
        this.pendingLength = 0;
        pos = d + 1;
        continue;
      }
      const len = stop - pos;
      if (this.pendingLength + len > this.max) {
        this.stats.oversizedFrames++;
        this.stats.garbageBytes += this.pendingLength + len;
        this.pendingLength = 0;
        // The 0x7E that ends an oversized frame is taken as a start; the next real start then reads as an empty
        // frame, which resynchronises.
        this.state = OUTSIDE;
        pos = stop;
        continue;
      }
      if (d === -1) {
        this.append(buf, pos, n);
        break;
      }
      if (this.pendingLength === 0) {
        // Two adjacent delimiters: the second one starts a frame.
        if (len === 0) {
          pos = d + 1;
          continue;
        }
        frames.push(buf.subarray(pos, d));
      } else {
        this.append(buf, pos, d);
        frames.push(Buffer.from(this.pending!.subarray(0, this.pendingLength)));
        this.pendingLength = 0;
      }
      this.stats.frames++;
      this.state = OUTSIDE;
      pos = d + 1;
    }
    return frames;
  }

  /** Drops any partial frame, e.g. when the connection is reset. */
  reset(): void {
    this.state = OUTSIDE;
    this.pendingLength = 0;
  }

  private append(buf: Buffer, start: number, end: number): void {
    this.pending ??= Buffer.allocUnsafe(this.max);
    buf.copy(this.pending, this.pendingLength, start, end);
    this.pendingLength += end - start;
  }
}

/** Splits a whole byte string at once (tests, the CLI). */
export function splitFrames(bytes: Uint8Array, options?: FrameSplitterOptions): Buffer[] {
  return new FrameSplitter(options).push(bytes);
}
