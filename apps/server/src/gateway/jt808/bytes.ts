// Unchecked big-endian reads for the decode hot path: callers check lengths first, and these cost about half of
// Buffer#readUInt32BE, which re-checks bounds on every call.

export function u16(b: Uint8Array, o: number): number {
  return (b[o]! << 8) | b[o + 1]!;
}

export function u32(b: Uint8Array, o: number): number {
  return ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;
}

export function i16(b: Uint8Array, o: number): number {
  return ((b[o]! << 24) >> 16) | b[o + 1]!;
}
