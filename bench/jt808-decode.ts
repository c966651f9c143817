/**
 * JT/T 808 0x0200 decode throughput on one core (unescape + check code + header + body), measured side by side with a
 * plain Buffer.copy of the same bytes: the copy is the ceiling, the ratio is what a noisy machine cannot fake.
 * Run: npm run bench -- bench/jt808-decode.ts [seconds]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { decodeFrame, encodeMessage } from '../apps/server/src/gateway/jt808/codec.js';

export interface DecodeBenchParams {
  /** Distinct frames cycled through (real traffic is not one frame repeated). */
  frames: number;
  /** Measured time per round, ms. */
  roundMs: number;
  rounds: number;
}

export interface DecodeBenchResult {
  params: DecodeBenchParams & { avgFrameBytes: number; escapedShare: number };
  decodePerSec: number;
  copyPerSec: number;
  ratio: number;
}

/**
 * Realistic 0x0200 frames: moving vehicles around the port with the items terminals usually send. About a third carry
 * a 0x7E/0x7D byte (here in the serial) and so need unescaping: random 69-byte content would give ~40 %.
 */
export function sampleFrames(count: number): Buffer[] {
  const frames: Buffer[] = [];
  const t0 = Date.UTC(2026, 5, 1, 0, 0, 0);
  for (let i = 0; i < count; i++) {
    const position = {
      alarm: i % 17 === 0 ? 0x2 : 0,
      status: 0x000c0003,
      latitude: 29.9 + ((i * 7919) % 100_000) / 1e6,
      longitude: 121.8 + ((i * 104_729) % 200_000) / 1e6,
      altitude: 5 + (i % 30),
      speed: ((i * 13) % 900) / 10,
      direction: (i * 37) % 360,
      time: new Date(t0 + i * 30_000),
      items: {
        mileageKm: 12_000 + i / 10,
        fuelL: 120 + (i % 50),
        extendedSignals: 0,
        io: 0,
        signalStrength: 20 + (i % 11),
        satellites: 8 + (i % 12),
      },
    };
    const phone = `0138${String(10_000_000 + i).slice(-8)}`;
    const serial = i % 3 === 0 ? 0x7e00 | (i & 0xff) : i & 0xffff;
    frames.push(encodeMessage({ phone, serial }, { type: 'location', position }));
  }
  return frames;
}

function decodeRound(frames: Buffer[], ms: number): number {
  let n = 0;
  let sink = 0;
  const end = performance.now() + ms;
  while (performance.now() < end) {
    for (let i = 0; i < frames.length; i++) {
      const r = decodeFrame(frames[i]!);
      if (r.ok && r.message.type === 'location') sink += r.message.position.speed;
    }
    n += frames.length;
  }
  if (sink < 0) throw new Error('unreachable');
  return n;
}

function copyRound(frames: Buffer[], ms: number): number {
  const target = Buffer.alloc(4096);
  let n = 0;
  let sink = 0;
  const end = performance.now() + ms;
  while (performance.now() < end) {
    for (let i = 0; i < frames.length; i++) sink += frames[i]!.copy(target);
    n += frames.length;
  }
  if (sink < 0) throw new Error('unreachable');
  return n;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Alternates decode and copy rounds so that both see the same machine noise; reports medians. */
export function measureDecode(params: DecodeBenchParams): DecodeBenchResult {
  const frames = sampleFrames(params.frames);
  decodeRound(frames, Math.min(200, params.roundMs)); // warm-up: let the JIT optimise both loops
  copyRound(frames, Math.min(200, params.roundMs));
  const decode: number[] = [];
  const copy: number[] = [];
  for (let r = 0; r < params.rounds; r++) {
    decode.push((decodeRound(frames, params.roundMs) * 1000) / params.roundMs);
    copy.push((copyRound(frames, params.roundMs) * 1000) / params.roundMs);
  }
  const decodePerSec = Math.round(median(decode));
  const copyPerSec = Math.round(median(copy));
  const bytes = frames.reduce((sum, f) => sum + f.length, 0);
  const escaped = frames.filter((f) => f.subarray(1, -1).includes(0x7d)).length;
  return {
    params: {
      ...params,
      avgFrameBytes: Math.round(bytes / frames.length),
      escapedShare: Math.round((escaped / frames.length) * 100) / 100,
    },
    decodePerSec,
    copyPerSec,
    ratio: Math.round((decodePerSec / copyPerSec) * 1000) / 1000,
  };
}

export function resultFile(result: DecodeBenchResult): object {
  const cpus = os.cpus();
  return {
    name: 'jt808-decode',
    date: new Date().toISOString(),
    machine: `${cpus.length} cores (${cpus[0]?.model ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
    params: result.params,
    metrics: {
      decode_0200: { value: result.decodePerSec, unit: 'frames/s', target: 1_000_000, better: 'higher' },
      buffer_copy: { value: result.copyPerSec, unit: 'frames/s', better: 'higher' },
      ratio: { value: result.ratio, unit: 'decode/copy', better: 'higher' },
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const seconds = Number(process.argv[2] ?? 10);
  const rounds = 5;
  const result = measureDecode({ frames: 1024, roundMs: Math.round((seconds * 1000) / (2 * rounds)), rounds });
  const file = resultFile(result);
  const dir = fileURLToPath(new URL('./results/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}jt808-decode.json`, `${JSON.stringify(file, null, 2)}\n`);
  console.log(JSON.stringify(file, null, 2));
}
