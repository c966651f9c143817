import type { RulesConfig } from './config.js';
import { closeEpisode, NO_SIGNALS, openEpisode, updateEpisode, type Episode, type Step } from './episode.js';
import { ALARM_BITS, type AlarmName } from '../gateway/jt808/location-flags.js';
import type { AlarmSeverity, AlarmSignal, RuleVehicle } from './types.js';

/** A bit the config raises: its name (the alarm's subtype), position in the DWORD and severity. */
interface WatchedBit {
  name: string;
  bit: number;
  severity: AlarmSeverity;
}

const VENDOR_BITS = [15, 16, 17];
const watchedByConfig = new WeakMap<RulesConfig, { bits: WatchedBit[]; mask: number }>();

/** The bits to watch under a config (cached per config object). */
export function watchedBits(params: RulesConfig): { bits: WatchedBit[]; mask: number } {
  let w = watchedByConfig.get(params);
  if (!w) {
    const bits: WatchedBit[] = [];
    for (const [name, bit] of Object.entries(ALARM_BITS) as [AlarmName, number][]) {
      const severity = params.device.bits[name];
      if (severity !== 'off') bits.push({ name, bit, severity });
    }
    const vendor = params.device.vendorBits;
    if (vendor !== 'off') for (const bit of VENDOR_BITS) bits.push({ name: `vendor${bit}`, bit, severity: vendor });
    w = { bits, mask: bits.reduce((m, b) => (m | (1 << b.bit)) >>> 0, 0) };
    watchedByConfig.set(params, w);
  }
  return w;
}

export interface DeviceState {
  open: ReadonlyMap<string, Episode>;
}

export const initialDevice: DeviceState = { open: new Map() };

/** Where and when a report was made (a report without a fix is placed at the last known location). */
export interface Report {
  t: number;
  alarmBits: number;
  lat: number;
  lon: number;
}

/**
 * Device alarms: each watched bit of the terminal's alarm DWORD opens an episode of type 'device' (subtype = the bit's
 * standard name, e.g. 'emergency', 'rollover') while it stays set, and closes when a report arrives with it clear.
 * Bits are level signals held by the terminal (an emergency stays set until the platform confirms it), so the live
 * reports carry them; late back-fill is not replayed for them.
 */
export function deviceAlarmsRule(
  state: DeviceState,
  r: Report,
  v: RuleVehicle,
  params: RulesConfig,
): Step<DeviceState> {
  const w = watchedBits(params);
  const set = r.alarmBits & w.mask;
  if (set === 0 && state.open.size === 0) return { state, signals: NO_SIGNALS };
  const signals: AlarmSignal[] = [];
  const open = new Map<string, Episode>();
  for (const b of w.bits) {
    const on = ((set >>> b.bit) & 1) === 1;
    const e = state.open.get(b.name);
    if (on && !e) {
      const o = openEpisode(v, {
        type: 'device',
        severity: b.severity,
        startedAt: r.t,
        lat: r.lat,
        lon: r.lon,
        subtype: b.name,
        key: `${b.name}:${r.t}`,
        details: { bit: b.bit },
      });
      open.set(b.name, o.episode);
      signals.push(o.signal);
    } else if (on && e) {
      const u = updateEpisode(v, e, { lastAt: r.t, lat: r.lat, lon: r.lon }, params.signals.updateIntervalS);
      open.set(b.name, u.episode);
      if (u.signal) signals.push(u.signal);
    } else if (e) signals.push(closeEpisode(v, e, r.t));
  }
  // A bit switched off in the config while its episode was open: end it too.
  for (const [name, e] of state.open)
    if (!open.has(name) && !w.bits.some((b) => b.name === name)) signals.push(closeEpisode(v, e, r.t));
  return { state: { open }, signals };
}
