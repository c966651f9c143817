import type { RulesConfig } from './config.js';
import { initialDaily, type DailyState } from './daily-driving.js';
import { initialDevice, type DeviceState } from './device-alarms.js';
import { initialDrift, type DriftState } from './drift.js';
import type { GapRecord, Sample } from './driving-intervals.js';
import { DrivingLedger } from './driving-ledger.js';
import { initialFatigue, type FatigueState } from './fatigue.js';
import { initialNight, type NightState } from './night-driving.js';
import { initialOverspeed, type OverspeedState } from './overspeed.js';
import { initialParking, type ParkingState } from './parking.js';
import { initialPresence, type PresenceState } from './presence.js';
import { initialRestricted, type RestrictedState } from './restricted-zone.js';
import { initialRoute, type RouteState } from './route-deviation.js';
import type { RulePosition, RuleVehicle } from './types.js';

/** Everything the engine keeps about one vehicle. */
export interface VehicleState {
  vehicle: RuleVehicle;
  params: RulesConfig;
  /** Positions waiting out the reorder window, in device-time order. */
  pending: RulePosition[];
  /** Newest device time accepted into `pending`, and the newest evaluated. */
  newestT: number;
  evaluatedT: number;
  /** Arrival time of the newest evaluated position (maps platform time onto device time in tick). */
  evaluatedReceivedAt: number;
  /** The last believed fix, as driving-time accounting sees it. */
  lastSample: Sample | null;
  ledger: DrivingLedger;
  gaps: GapRecord[];
  drift: DriftState;
  overspeed: OverspeedState;
  fatigue: FatigueState;
  daily: DailyState;
  night: NightState;
  restricted: RestrictedState;
  route: RouteState;
  parking: ParkingState;
  presence: PresenceState;
  device: DeviceState;
}

export function newVehicleState(vehicle: RuleVehicle, params: RulesConfig): VehicleState {
  return {
    vehicle,
    params,
    pending: [],
    newestT: -Infinity,
    evaluatedT: -Infinity,
    evaluatedReceivedAt: -Infinity,
    lastSample: null,
    ledger: new DrivingLedger(params.fatigue.minRestMin * 60),
    gaps: [],
    drift: initialDrift,
    overspeed: initialOverspeed,
    fatigue: initialFatigue,
    daily: initialDaily,
    night: initialNight,
    restricted: initialRestricted,
    route: initialRoute,
    parking: initialParking,
    presence: initialPresence,
    device: initialDevice,
  };
}

/** Inserts into `pending` by device time; false for a duplicate (same device time already waiting). */
export function insertPending(pending: RulePosition[], p: RulePosition): boolean {
  let i = pending.length;
  while (i > 0 && pending[i - 1]!.t > p.t) i--;
  if (i > 0 && pending[i - 1]!.t === p.t) return false;
  pending.splice(i, 0, p);
  return true;
}
