import type { RulesConfig } from './config.js';
import { closeEpisode, NO_SIGNALS, openEpisode, type Episode, type Step } from './episode.js';
import type { AlarmSignal, RuleVehicle } from './types.js';

/**
 * Whether the terminal is heard. Times here are platform time (arrival, presence changes, ticks), not device time:
 * being offline is about the connection, and a terminal's clock may be wrong.
 */
export interface PresenceState {
  /** Connection as last reported by presence(); null until told. */
  online: boolean | null;
  /** When the connection last changed state. */
  changedAt: number | null;
  lastReceivedAt: number | null;
  /** The newest report said ignition on or moving: it was in service when it went quiet. */
  inService: boolean;
  offline: Episode | null;
  silent: Episode | null;
}

export const initialPresence: PresenceState = {
  online: null,
  changedAt: null,
  lastReceivedAt: null,
  inService: false,
  offline: null,
  silent: null,
};

/** What presence learns from one arriving position. */
export interface Heard {
  receivedAt: number;
  /** True when this is the newest position by device time (its ignition and speed describe now). */
  newest: boolean;
  inService: boolean;
}

/** A position arrived: the terminal is heard, which ends 'offline' and 'silent'. */
export function presenceHeard(state: PresenceState, h: Heard, v: RuleVehicle): Step<PresenceState> {
  const signals: AlarmSignal[] = [];
  const end = (e: Episode) => closeEpisode(v, e, h.receivedAt, { details: durationOf(e, h.receivedAt) });
  if (state.offline) signals.push(end(state.offline));
  if (state.silent) signals.push(end(state.silent));
  return {
    state: {
      ...state,
      lastReceivedAt: Math.max(state.lastReceivedAt ?? h.receivedAt, h.receivedAt),
      inService: h.newest ? h.inService : state.inService,
      offline: null,
      silent: null,
    },
    signals: signals.length ? signals : NO_SIGNALS,
  };
}

/** The gateway says the terminal connected or disconnected. */
export function presenceChange(
  state: PresenceState,
  online: boolean,
  now: number,
  v: RuleVehicle,
): Step<PresenceState> {
  const signals: AlarmSignal[] = [];
  let { offline, silent } = state;
  if (online && offline) {
    signals.push(closeEpisode(v, offline, now, { details: durationOf(offline, now) }));
    offline = null;
  }
  if (!online && silent) {
    signals.push(closeEpisode(v, silent, now, { details: durationOf(silent, now) }));
    silent = null;
  }
  const changed = state.online !== online;
  return {
    state: { ...state, online, changedAt: changed ? now : state.changedAt, offline, silent },
    signals: signals.length ? signals : NO_SIGNALS,
  };
}

/**
 * On duty: an active trip, or the last report showed it in service (ignition on or moving) — a vehicle parked with the
 * ignition off whose terminal sleeps is not "offline". Heard of within presence.dutyWindowH: a vehicle silent for
 * longer is out of service (laid up, sold), not an alarm.
 */
function onDuty(s: PresenceState, v: RuleVehicle, now: number, p: RulesConfig): boolean {
  const heard = Math.max(s.lastReceivedAt ?? -Infinity, s.changedAt ?? -Infinity);
  return (v.trip !== null || s.inService) && heard > -Infinity && now - heard <= p.presence.dutyWindowH * 3_600_000;
}

/**
 * Time-driven: 'offline' when not connected (or not known to be) and nothing heard for presence.offlineAfterMin;
 * 'silent' when connected but without a position for presence.silentAfterMin. Both start when the vehicle was last
 * heard and end when a position arrives (offline also on reconnection, silent on disconnection).
 */
export function presenceTick(
  state: PresenceState,
  now: number,
  where: { lat: number; lon: number },
  v: RuleVehicle,
  p: RulesConfig,
): Step<PresenceState> {
  if (state.offline || state.silent || !onDuty(state, v, now, p)) return { state, signals: NO_SIGNALS };
  const lastPosition = state.lastReceivedAt ?? -Infinity;
  if (state.online === true) {
    const since = Math.max(lastPosition, state.changedAt ?? -Infinity);
    if (now - since < p.presence.silentAfterMin * 60_000) return { state, signals: NO_SIGNALS };
    const o = openEpisode(v, {
      type: 'silent',
      severity: p.severity.silent,
      startedAt: since,
      lastAt: now,
      lat: where.lat,
      lon: where.lon,
      details: { afterMin: p.presence.silentAfterMin },
    });
    return { state: { ...state, silent: o.episode }, signals: [o.signal] };
  }
  const since = Math.max(lastPosition, state.online === false ? (state.changedAt ?? -Infinity) : -Infinity);
  if (now - since < p.presence.offlineAfterMin * 60_000) return { state, signals: NO_SIGNALS };
  const o = openEpisode(v, {
    type: 'offline',
    severity: p.severity.offline,
    startedAt: since,
    lastAt: now,
    lat: where.lat,
    lon: where.lon,
    details: { afterMin: p.presence.offlineAfterMin },
  });
  return { state: { ...state, offline: o.episode }, signals: [o.signal] };
}

function durationOf(e: Episode, end: number) {
  return { durationMin: Math.round((end - e.startedAt) / 60_000) };
}
