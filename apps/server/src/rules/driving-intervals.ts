import type { RulesConfig } from './config.js';
import type { ActivityKind, DrivingLedger } from './driving-ledger.js';
import { distanceM } from './geometry/projection.js';

/** A fix as driving-time accounting sees it. */
export interface Sample {
  t: number;
  lat: number;
  lon: number;
  moving: boolean;
}

export interface Interval {
  from: number;
  to: number;
  kind: ActivityKind;
}

type FatigueParams = RulesConfig['fatigue'];

/**
 * What the time between two consecutive fixes was.
 * - Fixes close in time (≤ sampleGapS): driving when both say moving, stopped when both say standing, half each when
 *   they disagree. Standing counts as stopped whatever the ignition: the law asks for a stop (停车休息), and a stop
 *   shorter than minRestMin (a red light, a queue) never resets the clock anyway.
 * - A gap in the data (signal loss, a terminal asleep): where did the vehicle go?
 *   · It ended within stationaryRadiusM of where it began: it stood still — a rest (a parked truck whose terminal
 *     sleeps with the ignition off reports rarely; that is the common case).
 *   · It moved D metres: it drove at least D / gapAssumedSpeedKmh (a slow pace, so the charge is generous); the rest
 *     of the gap counts as a rest only when it is itself a qualifying rest (≥ minRestMin), placed before the drive
 *     that brought the vehicle to where it reappeared. A shorter remainder is unknown: neither driving nor rest, so it
 *     neither adds to the clock nor restarts it.
 */
export function classifyPair(a: Sample, b: Sample, f: FatigueParams): Interval[] {
  const dt = b.t - a.t;
  if (dt <= 0) return [];
  const kind = (s: Sample): ActivityKind => (s.moving ? 'drive' : 'stop');
  if (dt <= f.sampleGapS * 1000) {
    if (a.moving === b.moving) return [{ from: a.t, to: b.t, kind: kind(a) }];
    const mid = a.t + Math.round(dt / 2);
    return [
      { from: a.t, to: mid, kind: kind(a) },
      { from: mid, to: b.t, kind: kind(b) },
    ];
  }
  const d = distanceM(a.lat, a.lon, b.lat, b.lon);
  if (d <= f.stationaryRadiusM) return [{ from: a.t, to: b.t, kind: 'stop' }];
  const driveMs = Math.min(dt, Math.round((d / (f.gapAssumedSpeedKmh / 3.6)) * 1000));
  const restMs = dt - driveMs;
  const out: Interval[] = [];
  if (restMs >= f.minRestMin * 60_000) out.push({ from: a.t, to: a.t + restMs, kind: 'stop' });
  out.push({ from: b.t - driveMs, to: b.t, kind: 'drive' });
  return out;
}

/** Adds (sign 1) or takes back (sign −1) every interval of a chain of consecutive samples. */
export function applyChain(ledger: DrivingLedger, chain: readonly Sample[], f: FatigueParams, sign: 1 | -1): void {
  for (let i = 0; i + 1 < chain.length; i++)
    for (const iv of classifyPair(chain[i]!, chain[i + 1]!, f)) ledger.add(iv.from, iv.to, iv.kind, sign);
}

/** A gap between two evaluated fixes, remembered so that back-fill can explain it later. */
export interface GapRecord {
  a: Sample;
  b: Sample;
  /** Back-filled samples inside (a, b), in time order. */
  samples: Sample[];
  /** The thresholds the gap was explained with: taking it back must use the same. */
  fatigue: FatigueParams;
}

/** Back-filled samples kept per gap: a day of 10-second reports. */
const MAX_GAP_SAMPLES = 10_000;

/**
 * Folds late samples into the gaps they fall in and re-explains those gaps in the ledger: the old intervals are taken
 * back, the new chain (a, samples…, b) added. Samples outside every gap fall between fixes already evaluated close in
 * time and add nothing; samples that imply an impossible speed against their neighbours (drift) are dropped.
 * Returns how many samples were used and how many dropped as drift.
 */
export function backfillGaps(
  gaps: GapRecord[],
  late: readonly Sample[],
  ledger: DrivingLedger,
  params: RulesConfig,
): { used: number; drift: number } {
  const before = new Map<GapRecord, Sample[]>();
  let used = 0;
  let drift = 0;
  for (const s of late) {
    const gap = findGap(gaps, s.t);
    if (!gap || gap.samples.length >= MAX_GAP_SAMPLES) continue;
    const i = insertionIndex(gap.samples, s.t);
    if (gap.samples[i]?.t === s.t) continue;
    const prev = i === 0 ? gap.a : gap.samples[i - 1]!;
    const next = i === gap.samples.length ? gap.b : gap.samples[i]!;
    if (implausible(prev, s, params) || implausible(s, next, params)) {
      drift++;
      continue;
    }
    if (!before.has(gap)) before.set(gap, [gap.a, ...gap.samples, gap.b]);
    gap.samples.splice(i, 0, s);
    used++;
  }
  for (const [gap, oldChain] of before) {
    applyChain(ledger, oldChain, gap.fatigue, -1);
    applyChain(ledger, [gap.a, ...gap.samples, gap.b], params.fatigue, 1);
    gap.fatigue = params.fatigue;
  }
  return { used, drift };
}

/** Forgets gaps that ended before `oldestT`: the ledger no longer holds those minutes. */
export function pruneGaps(gaps: GapRecord[], oldestT: number): void {
  let n = 0;
  while (n < gaps.length && gaps[n]!.b.t < oldestT) n++;
  if (n > 0) gaps.splice(0, n);
}

function implausible(a: Sample, b: Sample, params: RulesConfig): boolean {
  const d = distanceM(a.lat, a.lon, b.lat, b.lon);
  const dt = Math.max(b.t - a.t, 1);
  return d >= params.drift.minDistanceM && (d / dt) * 3600 > params.drift.maxSpeedKmh;
}

/** The gap (gaps sorted by a.t, disjoint) that strictly contains t. */
function findGap(gaps: readonly GapRecord[], t: number): GapRecord | null {
  let lo = 0;
  let hi = gaps.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const g = gaps[mid]!;
    if (t <= g.a.t) hi = mid - 1;
    else if (t >= g.b.t) lo = mid + 1;
    else return g;
  }
  return null;
}

function insertionIndex(samples: readonly Sample[], t: number): number {
  let lo = 0;
  let hi = samples.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (samples[mid]!.t < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
