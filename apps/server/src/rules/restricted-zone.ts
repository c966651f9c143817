import type { RulesConfig } from './config.js';
import type { RuleContext } from './context.js';
import { established } from './debounce.js';
import { closeEpisode, NO_SIGNALS, openEpisode, updateEpisode, type Episode, type Step } from './episode.js';
import { loadBitsSayLoaded, type Fix } from './fix.js';
import type { AlarmSignal, RuleVehicle, RuleZone } from './types.js';

/** One restricted zone the vehicle is entering, inside, or leaving. */
interface ZoneTrack {
  zone: RuleZone;
  inCount: number;
  inSince: number;
  outCount: number;
  outSince: number | null;
  episode: Episode | null;
}

export interface RestrictedState {
  tracks: ReadonlyMap<string, ZoneTrack>;
}

export const initialRestricted: RestrictedState = { tracks: new Map() };

/**
 * Does the vehicle carry dangerous goods now? The active trip (电子运单) decides when there is one. Without a trip,
 * restricted.loadedWithoutTrip decides: 'status_bits' believes the terminal's load state (bits 8–9 half or full),
 * 'always' treats every hazmat vehicle as loaded (an uncleaned empty tanker still is), 'never' only trusts trips.
 */
export function loadedBy(v: RuleVehicle, fix: Fix, params: RulesConfig): 'trip' | 'status_bits' | 'config' | null {
  if (v.trip) return v.trip.loaded ? 'trip' : null;
  switch (params.restricted.loadedWithoutTrip) {
    case 'always':
      return 'config';
    case 'never':
      return null;
    case 'status_bits':
      return loadBitsSayLoaded(fix.statusBits) ? 'status_bits' : null;
  }
}

/**
 * A loaded vehicle inside a 'restricted' zone (subtype = the zone's category). Entry is established after
 * restricted.enterFixes consecutive fixes inside (or 2+ over enterS), exit alike, so GNSS jitter along the boundary
 * neither opens nor closes an episode; the episode starts at the first fix inside and ends at the first fix outside.
 */
export function restrictedZoneRule(state: RestrictedState, fix: Fix, ctx: RuleContext): Step<RestrictedState> {
  const r = ctx.params.restricted;
  const v = ctx.vehicle;
  const by = loadedBy(v, fix, ctx.params);
  const anyInside = by !== null && ctx.here.some((m) => m.zone.kind === 'restricted');
  if (!anyInside && state.tracks.size === 0) return { state, signals: NO_SIGNALS };
  const inside = new Map<string, RuleZone>();
  if (anyInside) for (const m of ctx.here) if (m.zone.kind === 'restricted') inside.set(m.zone.id, m.zone);

  const signals: AlarmSignal[] = [];
  const tracks = new Map<string, ZoneTrack>();
  const t = fix.t;
  const enter = (tr: ZoneTrack): ZoneTrack => {
    const inCount = tr.inCount + 1;
    if (tr.episode) {
      const u = updateEpisode(
        v,
        tr.episode,
        {
          lastAt: t,
          lat: fix.lat,
          lon: fix.lon,
          details: { durationS: Math.round((t - tr.episode.startedAt) / 1000) },
        },
        ctx.params.signals.updateIntervalS,
      );
      if (u.signal) signals.push(u.signal);
      return { ...tr, inCount, outCount: 0, outSince: null, episode: u.episode };
    }
    if (!established(inCount, tr.inSince, t, r.enterFixes, r.enterS)) return { ...tr, inCount };
    const o = openEpisode(v, {
      type: 'restricted_zone',
      severity: ctx.params.severity.restrictedZone,
      startedAt: tr.inSince,
      lastAt: t,
      lat: fix.lat,
      lon: fix.lon,
      subtype: tr.zone.category,
      key: `${tr.zone.id}:${tr.inSince}`,
      zoneId: tr.zone.id,
      details: { zoneName: tr.zone.name, loadedBy: by, durationS: Math.round((t - tr.inSince) / 1000) },
    });
    signals.push(o.signal);
    return { ...tr, inCount, episode: o.episode };
  };

  for (const [id, tr] of state.tracks) {
    const zone = inside.get(id);
    if (zone) {
      inside.delete(id);
      tracks.set(id, enter({ ...tr, zone }));
      continue;
    }
    if (!tr.episode) continue;
    const outCount = tr.outCount + 1;
    const outSince = tr.outSince ?? t;
    if (established(outCount, outSince, t, r.exitFixes, r.exitS)) {
      const durationS = Math.round((outSince - tr.episode.startedAt) / 1000);
      signals.push(closeEpisode(v, tr.episode, outSince, { details: { durationS } }));
    } else tracks.set(id, { ...tr, outCount, outSince });
  }
  for (const [id, zone] of inside)
    tracks.set(id, enter({ zone, inCount: 0, inSince: t, outCount: 0, outSince: null, episode: null }));
  return { state: { tracks }, signals };
}
