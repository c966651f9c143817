import zlib from 'node:zlib';

/** CRC-32 as PNG chunks need it. */
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/**
 * A placeholder photo for demo data: a 320×240 PNG, reddish for "before" and greenish for "after",
 * with diagonal stripes so that it reads as a picture, not a colour swatch. Not a real photo.
 */
export function demoPhoto(kind: 'before' | 'after', variant = 0): Buffer {
  const w = 320;
  const h = 240;
  const [r, g, b] = kind === 'before' ? [196, 72, 64] : [64, 160, 96];
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    raw[y * (w * 3 + 1)] = 0;
    for (let x = 0; x < w; x++) {
      const stripe = ((x + y + variant * 7) >> 4) % 2 === 0 ? 1 : 0.82;
      const shade = 0.75 + (0.25 * y) / h;
      const o = y * (w * 3 + 1) + 1 + x * 3;
      raw[o] = Math.round(r * stripe * shade);
      raw[o + 1] = Math.round(g * stripe * shade);
      raw[o + 2] = Math.round(b * stripe * shade);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
