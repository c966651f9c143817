import { localDayStart, MINUTE_MS } from './time.js';

/**
 * Minutes of history the ledger keeps: a calendar day (daily limit) plus room for a stint that spans midnight and for
 * back-fill that arrives hours late. Two bytes per minute per vehicle: 3 kB each, 30 MB for 10,000 vehicles.
 */
export const LEDGER_MINUTES = 1500;

export type ActivityKind = 'drive' | 'stop';

/** Where a vehicle stands against the driving-time limits, as of the newest minute in the ledger. */
export interface DrivingSummary {
  /** Driving seconds since the last qualifying rest; 0 while a qualifying rest is under way. */
  stintS: number;
  /** Seconds stopped since the vehicle last drove (a rest in progress), Infinity before any driving. */
  restS: number;
  /** Start (epoch ms, minute precision) of the current stint; null before any driving. */
  stintStart: number | null;
  /** Driving seconds since local midnight (Asia/Shanghai) of the newest minute. */
  dayDriveS: number;
  dayStart: number;
}

/**
 * Driving time as a ring of minute buckets: seconds driven and seconds stopped in each minute of device time. Filled
 * from the intervals between consecutive fixes (driving-intervals.ts), in any order: blind-area back-fill rewrites
 * past minutes, and the stint is then worked out again from the buckets, so late data corrects the clock instead of
 * restarting it.
 *
 * The stint is a fold over minutes (stint, rest) — a stop of at least minRest ends the stint, a shorter one does not,
 * and minutes with no evidence either way (an unexplained gap) change nothing. The fold is kept up to the minute
 * before the newest (`base`) so that the in-order path costs O(minutes advanced); writing into already-folded
 * minutes (back-fill) marks it for a rebuild over the ring.
 */
export class DrivingLedger {
  private readonly drive = new Uint8Array(LEDGER_MINUTES);
  private readonly stop = new Uint8Array(LEDGER_MINUTES);
  private head: number | null = null;
  private baseNext = 0;
  private baseStint = 0;
  private baseRest = Infinity;
  private baseStart: number | null = null;
  private dirty = false;
  private dayStartMin = 0;
  private dayDriveS = 0;

  constructor(private minRestS: number) {}

  /** A different minimum rest (config change): the stint is worked out again. */
  setMinRest(minRestS: number): void {
    if (minRestS !== this.minRestS) {
      this.minRestS = minRestS;
      this.dirty = true;
    }
  }

  /** Newest minute (epoch ms) written, or null while empty. */
  get newestMinute(): number | null {
    return this.head === null ? null : this.head * MINUTE_MS;
  }

  /** Adds (sign 1) or takes back (sign −1) the interval [fromT, toT) as driving or stopped time. */
  add(fromT: number, toT: number, kind: ActivityKind, sign: 1 | -1): void {
    if (!(toT > fromT)) return;
    const m0 = Math.floor(fromT / MINUTE_MS);
    const m1 = Math.floor((toT - 1) / MINUTE_MS);
    this.advanceTo(m1);
    const head = this.head!;
    const target = kind === 'drive' ? this.drive : this.stop;
    for (let m = Math.max(m0, head - LEDGER_MINUTES + 1); m <= m1; m++) {
      const overlap = Math.min(toT, (m + 1) * MINUTE_MS) - Math.max(fromT, m * MINUTE_MS);
      const secs = Math.round(overlap / 1000);
      if (secs === 0) continue;
      const slot = m % LEDGER_MINUTES;
      target[slot] = Math.min(255, Math.max(0, target[slot]! + sign * secs));
      if (kind === 'drive' && m >= this.dayStartMin) this.dayDriveS = Math.max(0, this.dayDriveS + sign * secs);
      if (m < this.baseNext) this.dirty = true;
    }
  }

  summary(): DrivingSummary {
    if (this.head === null) return { stintS: 0, restS: Infinity, stintStart: null, dayDriveS: 0, dayStart: 0 };
    if (this.dirty) this.rebuild();
    this.foldTo(this.head);
    // The newest minute is still filling: fold it into a copy, not into the base.
    let stint = this.baseStint;
    let rest = this.baseRest;
    let start = this.baseStart;
    const slot = this.head % LEDGER_MINUTES;
    const d = this.drive[slot]!;
    const s = this.stop[slot]!;
    if (d === 0) rest += s;
    else if (rest > 0) {
      if (rest + s >= this.minRestS) {
        stint = 0;
        start = this.head;
      }
      stint += d;
      rest = 0;
    } else {
      stint += d;
      rest = s;
    }
    return {
      stintS: rest >= this.minRestS ? 0 : stint,
      restS: rest,
      stintStart: start === null ? null : start * MINUTE_MS,
      dayDriveS: this.dayDriveS,
      dayStart: this.dayStartMin * MINUTE_MS,
    };
  }

  /** Folds minutes [baseNext, end) into the base. */
  private foldTo(end: number): void {
    let stint = this.baseStint;
    let rest = this.baseRest;
    let start = this.baseStart;
    for (let m = this.baseNext; m < end; m++) {
      const slot = m % LEDGER_MINUTES;
      const d = this.drive[slot]!;
      const s = this.stop[slot]!;
      if (d === 0) {
        rest += s;
      } else if (rest > 0) {
        // Resting before this minute: its stopped seconds came first, then the driving.
        if (rest + s >= this.minRestS) {
          stint = 0;
          start = m;
        }
        stint += d;
        rest = 0;
      } else {
        // Driving before this minute: it drove first, then stopped.
        stint += d;
        rest = s;
      }
    }
    this.baseStint = stint;
    this.baseRest = rest;
    this.baseStart = start;
    if (end > this.baseNext) this.baseNext = end;
  }

  private rebuild(): void {
    this.dirty = false;
    this.baseStint = 0;
    this.baseRest = Infinity;
    this.baseStart = null;
    this.baseNext = this.head! - LEDGER_MINUTES + 1;
    const dayFirst = Math.max(this.dayStartMin, this.baseNext);
    let day = 0;
    for (let m = dayFirst; m <= this.head!; m++) day += this.drive[m % LEDGER_MINUTES]!;
    this.dayDriveS = day;
  }

  private advanceTo(m: number): void {
    if (this.head === null) {
      this.head = m;
      this.baseNext = m - LEDGER_MINUTES + 1;
      this.dayStartMin = localDayStart(m * MINUTE_MS) / MINUTE_MS;
      return;
    }
    if (m <= this.head) return;
    // Minutes about to leave the ring must be folded first, or the stint would forget them.
    const oldest = m - LEDGER_MINUTES + 1;
    if (this.dirty) this.rebuild();
    if (this.baseNext < oldest) this.foldTo(Math.min(oldest, this.head + 1));
    if (this.baseNext < oldest) this.baseNext = oldest;
    const from = Math.max(this.head + 1, oldest);
    for (let k = from; k <= m; k++) {
      this.drive[k % LEDGER_MINUTES] = 0;
      this.stop[k % LEDGER_MINUTES] = 0;
    }
    this.head = m;
    const day = localDayStart(m * MINUTE_MS) / MINUTE_MS;
    if (day !== this.dayStartMin) {
      this.dayStartMin = day;
      this.dayDriveS = 0;
    }
  }
}
