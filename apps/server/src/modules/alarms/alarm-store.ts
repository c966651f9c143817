import { sql } from 'kysely';
import type { Db } from '../../db/client.js';
import type { AlarmRow } from '../../db/tables.js';
import type { LiveHub } from '../../gateway/live.js';
import type { AlarmSeverity, AlarmSignal } from '../../rules/types.js';
import { appendEvents, canonicalJson, type NewEvent } from '../events/event-log.js';
import { toLiveAlarm } from './alarms.repository.js';

const RANK: Record<AlarmSeverity, number> = { info: 0, warning: 1, serious: 2, critical: 3 };
export const maxSeverity = (a: AlarmSeverity, b: AlarmSeverity) => (RANK[b] > RANK[a] ? b : a);
export const severityRank = (s: AlarmSeverity) => RANK[s];

/** One episode's signals of a batch folded into what the row should say. */
interface Episode {
  vehicleId: string;
  organisationId: string;
  type: string;
  subtype: string | null;
  severity: AlarmSeverity;
  episodeKey: string;
  startedAt: number;
  lastAt: number;
  endedAt: number | null;
  lat: number;
  lon: number;
  zoneId: string | null;
  routeId: string | null;
  tripId: string | null;
  details: AlarmSignal['details'];
}

const keyOf = (vehicleId: string, type: string, episodeKey: string) => `${vehicleId}\u0000${type}\u0000${episodeKey}`;

/** Folds signals in order: the earliest start, the newest evidence (and its figures), the worst severity, the end. */
export function foldSignals(signals: readonly AlarmSignal[]): Map<string, Episode> {
  const out = new Map<string, Episode>();
  for (const s of signals) {
    const k = keyOf(s.vehicleId, s.type, s.episodeKey);
    const e = out.get(k);
    const endedAt = s.kind === 'close' ? (s.endedAt ?? s.lastAt) : null;
    if (!e) {
      out.set(k, { ...s, endedAt, details: { ...s.details } });
      continue;
    }
    e.startedAt = Math.min(e.startedAt, s.startedAt);
    if (s.lastAt >= e.lastAt) {
      e.lastAt = s.lastAt;
      e.details = { ...s.details };
    }
    e.severity = maxSeverity(e.severity, s.severity);
    if (endedAt !== null) e.endedAt = Math.max(e.endedAt ?? 0, endedAt);
    e.subtype ??= s.subtype;
    e.zoneId ??= s.zoneId;
    e.routeId ??= s.routeId;
    e.tripId ??= s.tripId;
  }
  return out;
}

/** The store's `onStored` for a process with live subscribers: stored alarms go out on the hub's 'alarms' event. */
export const publishAlarms =
  (hub: LiveHub) =>
  (rows: readonly (AlarmRow & { plate: string })[]): void =>
    hub.emit(
      'alarms',
      rows.map((r) => ({ alarm: toLiveAlarm(r), organisationId: r.organisation_id })),
    );

/** What one apply() changed; `changed` rows (with plates) are what subscribers are told about. */
export interface StoreResult {
  inserted: number;
  updated: number;
  ended: number;
  unchanged: number;
  changed: (AlarmRow & { plate: string })[];
}

/**
 * Applies rule signals to the alarms table: one row per episode (vehicle, type, episode key). A batch is folded per
 * episode and written in one transaction with its events — 'alarm.raised' when a row is first inserted,
 * 'alarm.severity_raised' when it gets worse, 'alarm.ended' when its end is first known. Replaying signals already
 * applied changes nothing and records nothing. Only signal columns are written: the workflow's columns (status,
 * acknowledged_at …) belong to the monitors.
 */
export class AlarmStore {
  private readonly plateCache = new Map<string, string>();

  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
    private readonly onStored?: (rows: readonly (AlarmRow & { plate: string })[]) => void,
  ) {}

  async apply(signals: readonly AlarmSignal[]): Promise<StoreResult> {
    const episodes = foldSignals(signals);
    const result: StoreResult = { inserted: 0, updated: 0, ended: 0, unchanged: 0, changed: [] };
    if (episodes.size === 0) return result;
    await this.db.transaction().execute(async (trx) => {
      const at = this.now();
      const events: NewEvent[] = [];
      const existing = await this.existing(trx, [...episodes.values()]);
      const fresh = [...episodes.entries()].filter(([k]) => !existing.has(k)).map(([, e]) => e);
      const inserted = await this.insert(trx, fresh);
      // A row another writer inserted meanwhile (none in one process; per-vehicle partitions in a cluster) is updated.
      for (const row of await this.existing(
        trx,
        fresh.filter((e) => !inserted.has(keyOf(e.vehicleId, e.type, e.episodeKey))),
      ))
        existing.set(row[0], row[1]);
      const plates = await this.plates(
        trx,
        [...episodes.values()].map((e) => e.vehicleId),
      );
      const rows: AlarmRow[] = [];
      for (const row of inserted.values()) {
        rows.push(row);
        result.inserted++;
        events.push(this.event(row, 'alarm.raised', at, plates, { subtype: row.subtype, severity: row.severity }));
        if (row.ended_at) {
          result.ended++;
          events.push(
            this.event(row, 'alarm.ended', at, plates, { endedAt: row.ended_at.toISOString(), details: row.details }),
          );
        }
      }
      const patches: Patch[] = [];
      for (const [k, row] of existing) {
        const p = patchFor(row, episodes.get(k)!);
        if (p) patches.push(p);
        else result.unchanged++;
      }
      for (const row of await this.update(trx, patches)) {
        const before = existing.get(keyOf(row.vehicle_id, row.type, row.episode_key))!;
        rows.push(row);
        result.updated++;
        if (RANK[row.severity] > RANK[before.severity])
          events.push(
            this.event(row, 'alarm.severity_raised', at, plates, { from: before.severity, to: row.severity }),
          );
        if (row.ended_at && !before.ended_at) {
          result.ended++;
          events.push(
            this.event(row, 'alarm.ended', at, plates, { endedAt: row.ended_at.toISOString(), details: row.details }),
          );
        }
      }
      await appendEvents(trx, events);
      result.changed = rows.map((r) => ({ ...r, plate: plates.get(r.vehicle_id) ?? '' }));
    });
    if (result.changed.length > 0) this.onStored?.(result.changed);
    return result;
  }

  private event(
    row: AlarmRow,
    type: string,
    at: Date,
    plates: Map<string, string>,
    extra: Record<string, unknown>,
  ): NewEvent {
    return {
      entityType: 'alarm',
      entityId: row.id,
      organisationId: row.organisation_id,
      type,
      actorId: null,
      at,
      payload: { vehicleId: row.vehicle_id, plate: plates.get(row.vehicle_id) ?? null, type: row.type, ...extra },
    };
  }

  private async existing(trx: Db, episodes: readonly Episode[]): Promise<Map<string, AlarmRow>> {
    const out = new Map<string, AlarmRow>();
    if (episodes.length === 0) return out;
    const r = await sql<AlarmRow>`
      select a.* from alarms a
      join unnest(${episodes.map((e) => e.vehicleId)}::uuid[], ${episodes.map((e) => e.type)}::text[],
        ${episodes.map((e) => e.episodeKey)}::text[]) as k(vehicle_id, type, episode_key)
      on a.vehicle_id = k.vehicle_id and a.type = k.type and a.episode_key = k.episode_key
    `.execute(trx);
    for (const row of r.rows) out.set(keyOf(row.vehicle_id, row.type, row.episode_key), row);
    return out;
  }

  private async insert(trx: Db, episodes: readonly Episode[]): Promise<Map<string, AlarmRow>> {
    const out = new Map<string, AlarmRow>();
    // Chunks keep a statement well under PostgreSQL's 65,535 parameters (16 per row).
    for (let i = 0; i < episodes.length; i += 1000) {
      const rows = await trx
        .insertInto('alarms')
        .values(
          episodes.slice(i, i + 1000).map((e) => ({
            vehicle_id: e.vehicleId,
            organisation_id: e.organisationId,
            type: e.type,
            subtype: e.subtype,
            severity: e.severity,
            episode_key: e.episodeKey,
            started_at: new Date(e.startedAt),
            last_at: new Date(e.lastAt),
            ended_at: e.endedAt === null ? null : new Date(e.endedAt),
            lat: e.lat,
            lon: e.lon,
            zone_id: e.zoneId,
            route_id: e.routeId,
            trip_id: e.tripId,
            details: JSON.stringify(e.details),
            raised_at: this.now(),
          })),
        )
        .onConflict((oc) => oc.columns(['vehicle_id', 'type', 'episode_key']).doNothing())
        .returningAll()
        .execute();
      for (const row of rows) out.set(keyOf(row.vehicle_id, row.type, row.episode_key), row);
    }
    return out;
  }

  private async update(trx: Db, patches: readonly Patch[]): Promise<AlarmRow[]> {
    if (patches.length === 0) return [];
    const r = await sql<AlarmRow>`
      update alarms a set started_at = u.started_at, last_at = u.last_at, ended_at = u.ended_at,
        severity = u.severity, details = u.details
      from unnest(${patches.map((p) => p.id)}::uuid[], ${patches.map((p) => p.startedAt.toISOString())}::timestamptz[],
        ${patches.map((p) => p.lastAt.toISOString())}::timestamptz[],
        ${patches.map((p) => p.endedAt?.toISOString() ?? null)}::timestamptz[], ${patches.map((p) => p.severity)}::text[],
        ${patches.map((p) => p.details)}::jsonb[]) as u(id, started_at, last_at, ended_at, severity, details)
      where a.id = u.id
      returning a.*
    `.execute(trx);
    return r.rows;
  }

  /** Plates by vehicle; a plate never changes once registered, so each is read once per process. */
  private async plates(trx: Db, vehicleIds: string[]): Promise<Map<string, string>> {
    const missing = [...new Set(vehicleIds)].filter((id) => !this.plateCache.has(id));
    if (missing.length > 0) {
      const rows = await trx.selectFrom('vehicles').select(['id', 'plate']).where('id', 'in', missing).execute();
      for (const r of rows) this.plateCache.set(r.id, r.plate);
    }
    return this.plateCache;
  }
}

interface Patch {
  id: string;
  startedAt: Date;
  lastAt: Date;
  endedAt: Date | null;
  severity: AlarmSeverity;
  details: string;
}

/** The row after this batch's evidence, or null when the batch adds nothing (a replay). An end, once known, stays. */
function patchFor(row: AlarmRow, e: Episode): Patch | null {
  const startedAt = Math.min(row.started_at.getTime(), e.startedAt);
  // Equal times take the batch's figures: a close carries the episode's final ones for the same last position.
  const newer = e.lastAt >= row.last_at.getTime();
  const lastAt = Math.max(e.lastAt, row.last_at.getTime());
  const endedAt = row.ended_at?.getTime() ?? e.endedAt;
  const severity = maxSeverity(row.severity, e.severity);
  const details = newer ? canonicalJson(e.details) : canonicalJson(row.details);
  const same =
    startedAt === row.started_at.getTime() &&
    lastAt === row.last_at.getTime() &&
    endedAt === (row.ended_at?.getTime() ?? null) &&
    severity === row.severity &&
    details === canonicalJson(row.details);
  if (same) return null;
  return {
    id: row.id,
    startedAt: new Date(startedAt),
    lastAt: new Date(lastAt),
    endedAt: endedAt === null ? null : new Date(endedAt),
    severity,
    details,
  };
}
