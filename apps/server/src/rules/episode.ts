import type { AlarmSeverity, AlarmSignal, AlarmType, RuleVehicle } from './types.js';

export type Details = AlarmSignal['details'];

/**
 * An alarm episode a rule holds open: what the store will see in the signals. The episode key is fixed when the
 * episode opens and never recomputed, so that later evidence (back-fill, a changed trip) cannot split one row in two.
 */
export interface Episode {
  type: AlarmType;
  subtype: string | null;
  severity: AlarmSeverity;
  key: string;
  startedAt: number;
  lastAt: number;
  lat: number;
  lon: number;
  zoneId: string | null;
  routeId: string | null;
  tripId: string | null;
  details: Details;
  /** lastAt when the last signal went out: updates are throttled by it. */
  sentAt: number;
}

/** What one rule returns: its next state and the signals to store. */
export interface Step<S> {
  state: S;
  signals: AlarmSignal[];
}

export interface EpisodeStart {
  type: AlarmType;
  severity: AlarmSeverity;
  startedAt: number;
  lat: number;
  lon: number;
  /** Device time of the evidence that opens it (defaults to startedAt). */
  lastAt?: number;
  subtype?: string | null;
  key?: string;
  zoneId?: string | null;
  routeId?: string | null;
  details?: Details;
}

export interface EpisodeChange {
  lastAt: number;
  lat?: number;
  lon?: number;
  severity?: AlarmSeverity;
  details?: Details;
}

const RANK: Record<AlarmSeverity, number> = { info: 0, warning: 1, serious: 2, critical: 3 };

/** The worse of two severities. */
export const worse = (a: AlarmSeverity, b: AlarmSeverity): AlarmSeverity => (RANK[b] > RANK[a] ? b : a);

export function toSignal(kind: AlarmSignal['kind'], v: RuleVehicle, e: Episode, endedAt: number | null): AlarmSignal {
  return {
    kind,
    vehicleId: v.vehicleId,
    organisationId: v.organisationId,
    type: e.type,
    subtype: e.subtype,
    severity: e.severity,
    episodeKey: e.key,
    startedAt: e.startedAt,
    lastAt: e.lastAt,
    endedAt,
    lat: e.lat,
    lon: e.lon,
    zoneId: e.zoneId,
    routeId: e.routeId,
    tripId: e.tripId,
    details: { ...e.details },
  };
}

/** A new episode and its 'open' signal; the trip is the vehicle's trip at this moment. */
export function openEpisode(v: RuleVehicle, s: EpisodeStart): { episode: Episode; signal: AlarmSignal } {
  const lastAt = s.lastAt ?? s.startedAt;
  const episode: Episode = {
    type: s.type,
    subtype: s.subtype ?? null,
    severity: s.severity,
    key: s.key ?? String(s.startedAt),
    startedAt: s.startedAt,
    lastAt,
    lat: s.lat,
    lon: s.lon,
    zoneId: s.zoneId ?? null,
    routeId: s.routeId ?? null,
    tripId: v.trip?.id ?? null,
    details: s.details ?? {},
    sentAt: lastAt,
  };
  return { episode, signal: toSignal('open', v, episode, null) };
}

/**
 * The episode with new evidence; an 'update' signal when the severity rose or `intervalS` of device time passed since
 * the last signal, else null (the store keeps the last figures sent; the close carries the final ones).
 */
export function updateEpisode(
  v: RuleVehicle,
  e: Episode,
  c: EpisodeChange,
  intervalS: number,
): { episode: Episode; signal: AlarmSignal | null } {
  const severity = c.severity ?? e.severity;
  const episode: Episode = {
    ...e,
    severity,
    lastAt: Math.max(e.lastAt, c.lastAt),
    lat: c.lat ?? e.lat,
    lon: c.lon ?? e.lon,
    details: c.details ? { ...e.details, ...c.details } : e.details,
  };
  const due = RANK[severity] > RANK[e.severity] || episode.lastAt - e.sentAt >= intervalS * 1000;
  if (!due) return { episode, signal: null };
  episode.sentAt = episode.lastAt;
  return { episode, signal: toSignal('update', v, episode, null) };
}

/** The 'close' signal of an episode, with its final figures. */
export function closeEpisode(v: RuleVehicle, e: Episode, endedAt: number, c?: Partial<EpisodeChange>): AlarmSignal {
  const end = Math.max(endedAt, e.startedAt);
  const last: Episode = {
    ...e,
    severity: c?.severity ?? e.severity,
    lastAt: Math.max(e.lastAt, Math.min(c?.lastAt ?? e.lastAt, end)),
    lat: c?.lat ?? e.lat,
    lon: c?.lon ?? e.lon,
    details: c?.details ? { ...e.details, ...c.details } : e.details,
  };
  return toSignal('close', v, last, end);
}

/** Shared by rules that have nothing to say: never mutated. */
export const NO_SIGNALS: AlarmSignal[] = Object.freeze([]) as unknown as AlarmSignal[];
