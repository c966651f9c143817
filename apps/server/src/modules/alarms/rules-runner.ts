import type { LiveHub, LivePositionEvent } from '../../gateway/live.js';
import type { PositionRecord } from '../../gateway/position-record.js';
import type { AlarmSignal, RulePosition, RuleRoute, RuleVehicle, RuleZone } from '../../rules/types.js';
import { SignalQueue, type SignalWriter } from './signal-queue.js';

/** What the runner needs of the rules engine (rules/engine.ts RulesEngine): pure, synchronous. */
export interface RuleEngine<C> {
  setConfig(config: C): void;
  setGeometry(zones: RuleZone[], routes: RuleRoute[]): void;
  setVehicle(v: RuleVehicle): void;
  removeVehicle(vehicleId: string): void;
  ingest(vehicleId: string, positions: RulePosition[]): AlarmSignal[];
  presence(vehicleId: string, online: boolean, nowMs: number): AlarmSignal[];
  tick(nowMs: number): AlarmSignal[];
}

export interface RulesRunnerDeps<C> {
  hub: LiveHub;
  engine: RuleEngine<C>;
  store: SignalWriter;
  loadGeometry(): Promise<{ zones: RuleZone[]; routes: RuleRoute[] }>;
  loadVehicles(now: Date): Promise<RuleVehicle[]>;
  /** The rules' thresholds now (settings 'rules'); the engine was built with them, they are re-read on start. */
  loadConfig?(): Promise<C>;
  /** Change signals; each subscription returns the function that ends it. */
  onConfigChange?(listener: (config: C) => void): () => void;
  onGeoChange?(listener: () => void): () => void;
  /** engine.tick (offline, silent, parking …) every this many ms; default 5 s. */
  tickMs?: number;
  /** Vehicles and their trips are re-read this often (a trip's planned window opens; a vehicle is registered); default 60 s. */
  vehiclesReloadMs?: number;
  /** Positions waiting for the engine at most; beyond, they are counted and skipped. Default 200,000. */
  maxPendingPositions?: number;
  maxPendingSignals?: number;
  batchSize?: number;
  /** Platform time now, epoch ms; default the system clock (through `platformTime`). */
  now?: () => number;
  /**
   * Maps real instants (arrival of positions, the clock) to platform time. Identity in production; a simulation that
   * runs device time N× faster (tools/simulator --step-s) runs the platform N× faster too, so that presence rules
   * (silent, offline) see the same world as the device-time rules.
   */
  platformTime?: (realMs: number) => number;
  log?: (msg: string, err?: unknown) => void;
}

/** A position as the rules see it; null for one without a fix or without a device time of its own. */
export function toRulePosition(
  p: PositionRecord,
  platformTime: (realMs: number) => number = (t) => t,
): RulePosition | null {
  if ((p.lat === 0 && p.lon === 0) || p.extras?.serverTime === true) return null;
  return {
    t: p.deviceTime.getTime(),
    receivedAt: platformTime(p.receivedAt.getTime()),
    lat: p.lat,
    lon: p.lon,
    speedKmh: p.speedKmh,
    heading: p.heading,
    alarmBits: p.alarmBits,
    statusBits: p.statusBits,
    mileageKm: p.mileageKm,
    blindArea: p.blindArea,
  };
}

/**
 * Feeds the rules engine from the gateway and stores what it says, without ever holding up ingest: the hub's
 * listeners only copy committed positions into a bounded inbox; the engine runs on the next turn of the event loop,
 * and its signals go through a bounded queue to the alarm store, one transaction per batch. Overload is counted and
 * logged, never buffered without limit. Geometry, vehicles (trips) and thresholds are reloaded on their change
 * signals, and vehicles on a timer too.
 */
export class RulesRunner<C> {
  readonly counters = {
    positionsIn: 0,
    positionsDropped: 0,
    positionsSkipped: 0,
    engineErrors: 0,
    reloads: 0,
    reloadFailures: 0,
  };
  private readonly signals: SignalQueue;
  /** Committed positions and connection changes, in the order the hub told them. */
  private inbox: (readonly LivePositionEvent[] | { vehicleId: string; online: boolean; at: number })[] = [];
  private pending = 0;
  private scheduled: NodeJS.Immediate | null = null;
  private readonly known = new Set<string>();
  private readonly offs: (() => void)[] = [];
  private readonly timers: NodeJS.Timeout[] = [];
  private reloading: Promise<void> | null = null;
  private reloadAgain = false;
  private lastDropLog = 0;
  private readonly now: () => number;

  private readonly platformTime: (realMs: number) => number;

  constructor(private readonly d: RulesRunnerDeps<C>) {
    this.platformTime = d.platformTime ?? ((t) => t);
    this.now = d.now ?? (() => this.platformTime(Date.now()));
    this.signals = new SignalQueue(d.store, {
      max: d.maxPendingSignals ?? 50_000,
      batchSize: d.batchSize ?? 500,
      ...(d.log ? { log: d.log } : {}),
    });
  }

  /** Loads config, geometry and vehicles, then listens. */
  async start(): Promise<void> {
    if (this.d.loadConfig) this.d.engine.setConfig(await this.d.loadConfig());
    await this.reload();
    const { hub } = this.d;
    this.offs.push(hub.on('positions', (events) => this.offer(events)));
    this.offs.push(
      hub.on('presence', (vehicleId, online) => {
        // Queued behind the positions that came before it: judged in arrival order, off the gateway's call.
        this.inbox.push({ vehicleId, online, at: this.now() });
        this.schedule();
      }),
    );
    if (this.d.onConfigChange) this.offs.push(this.d.onConfigChange((c) => this.d.engine.setConfig(c)));
    if (this.d.onGeoChange) this.offs.push(this.d.onGeoChange(() => void this.reload()));
    this.timers.push(setInterval(() => this.tick(), this.d.tickMs ?? 5000));
    this.timers.push(setInterval(() => void this.reload(), this.d.vehiclesReloadMs ?? 60_000));
    for (const t of this.timers) t.unref();
  }

  /** Stops listening, then works off what was already received. */
  async stop(): Promise<void> {
    for (const off of this.offs.splice(0)) off();
    for (const t of this.timers.splice(0)) clearInterval(t);
    await this.idle();
    await this.reloading;
  }

  /** Resolves when every position received so far has been through the engine and its signals are stored. */
  async idle(): Promise<void> {
    if (this.scheduled) {
      clearImmediate(this.scheduled);
      this.scheduled = null;
    }
    this.process();
    await this.signals.idle();
  }

  stats() {
    return {
      ...this.counters,
      positionsPending: this.pending,
      ...this.signals.counters,
      signalsPending: this.signals.size,
    };
  }

  /** The engine's time-driven rules at platform time now (after what waits in the inbox). */
  tick(): void {
    this.process();
    this.guard(() => this.d.engine.tick(this.now()));
  }

  /** Re-reads geometry and vehicles; concurrent calls share one read, and a call during a read causes one more. */
  reload(): Promise<void> {
    if (this.reloading) {
      this.reloadAgain = true;
      return this.reloading;
    }
    this.reloading = (async () => {
      do {
        this.reloadAgain = false;
        try {
          const [geometry, vehicles] = await Promise.all([
            this.d.loadGeometry(),
            this.d.loadVehicles(new Date(this.now())),
          ]);
          this.d.engine.setGeometry(geometry.zones, geometry.routes);
          const ids = new Set(vehicles.map((v) => v.vehicleId));
          for (const v of vehicles) this.d.engine.setVehicle(v);
          for (const id of this.known) if (!ids.has(id)) this.d.engine.removeVehicle(id);
          this.known.clear();
          for (const id of ids) this.known.add(id);
          this.counters.reloads++;
        } catch (err) {
          this.counters.reloadFailures++;
          this.d.log?.('rules runner: reload failed', err);
        }
      } while (this.reloadAgain);
    })().finally(() => (this.reloading = null));
    return this.reloading;
  }

  private offer(events: readonly LivePositionEvent[]): void {
    if (this.pending + events.length > (this.d.maxPendingPositions ?? 200_000)) {
      this.counters.positionsDropped += events.length;
      const now = Date.now();
      if (now - this.lastDropLog > 10_000) {
        this.lastDropLog = now;
        this.d.log?.(`rules runner behind: ${this.counters.positionsDropped} positions skipped so far`);
      }
      return;
    }
    this.inbox.push(events);
    this.pending += events.length;
    this.schedule();
  }

  private schedule(): void {
    this.scheduled ??= setImmediate(() => {
      this.scheduled = null;
      this.process();
    });
  }

  private process(): void {
    if (this.inbox.length === 0) return;
    const entries = this.inbox;
    this.inbox = [];
    this.pending = 0;
    const byVehicle = new Map<string, { organisationId: string; positions: RulePosition[] }>();
    for (const entry of entries) {
      if (!Array.isArray(entry)) {
        // A connection change: what arrived before it is judged first.
        this.ingest(byVehicle);
        const { vehicleId, online, at } = entry as { vehicleId: string; online: boolean; at: number };
        this.guard(() => this.d.engine.presence(vehicleId, online, at));
        continue;
      }
      for (const e of entry as readonly LivePositionEvent[]) {
        this.counters.positionsIn++;
        const p = toRulePosition(e.position, this.platformTime);
        if (!p) {
          this.counters.positionsSkipped++;
          continue;
        }
        let v = byVehicle.get(e.position.vehicleId);
        if (!v) byVehicle.set(e.position.vehicleId, (v = { organisationId: e.organisationId, positions: [] }));
        v.positions.push(p);
      }
    }
    this.ingest(byVehicle);
  }

  /** Feeds each vehicle's gathered positions to the engine in device-time order, and forgets them. */
  private ingest(byVehicle: Map<string, { organisationId: string; positions: RulePosition[] }>): void {
    for (const [vehicleId, v] of byVehicle) {
      if (!this.known.has(vehicleId)) this.adopt(vehicleId, v.organisationId);
      v.positions.sort((a, b) => a.t - b.t);
      this.guard(() => this.d.engine.ingest(vehicleId, v.positions));
    }
    byVehicle.clear();
  }

  /** A vehicle registered since the last reload: watched at once without a trip; the reload brings its trip. */
  private adopt(vehicleId: string, organisationId: string): void {
    this.d.engine.setVehicle({ vehicleId, organisationId, vehicleClass: 'other', trip: null });
    this.known.add(vehicleId);
    void this.reload();
  }

  /** Runs one engine call; an engine fault costs a counter and a log line, never the runner. */
  private guard(call: () => AlarmSignal[]): void {
    try {
      const out = call();
      if (out.length > 0) this.signals.push(out);
    } catch (err) {
      this.counters.engineErrors++;
      this.d.log?.('rules engine failed', err);
    }
  }
}
