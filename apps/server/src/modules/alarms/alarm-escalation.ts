import type { AlarmSeverityLevel } from '@anlan/contracts';
import { sql } from 'kysely';
import type { Db } from '../../db/client.js';
import { appendEvents } from '../events/event-log.js';
import type { AlarmConfigSource } from './alarm-config.js';
import { hazardGroups, raiseHazard, type HazardRecorder } from './alarm-hazards.js';
import { UNHANDLED } from './alarm-lifecycle.js';

/** One run of the escalation job at a time across every process on the database. */
const ESCALATION_LOCK = 80_808_101;

export interface EscalationRun {
  escalated: number;
  hazards: { id: string; code: string; rule: string; alarmIds: string[] }[];
}

/**
 * The escalation ladder after the monitor's own steps (remind → carrier → …): alarms left unhandled past their
 * severity's time are escalated ('alarm.escalated'), and repeated, critical or neglected violations become hazards
 * in the closed loop against the carrier (see alarm-hazards.ts). A run is one transaction under an advisory lock,
 * so hazards are created once even with several processes, and a failed run leaves nothing half done.
 */
export class AlarmEscalation {
  constructor(
    private readonly db: Db,
    private readonly hazards: HazardRecorder,
    private readonly config: AlarmConfigSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Null when another process is running it right now. */
  async run(): Promise<EscalationRun | null> {
    return this.db.transaction().execute(async (trx) => {
      const lock = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(${ESCALATION_LOCK}) as ok`.execute(trx);
      if (!lock.rows[0]?.ok) return null;
      const now = this.now();
      const config = this.config.get();
      const escalated = await this.escalate(trx, config.escalateAfterMinutes, now);
      const hazards = [];
      for (const g of await hazardGroups(trx, config, now))
        hazards.push(await raiseHazard(trx, this.hazards, g, config, now));
      return { escalated, hazards };
    });
  }

  private async escalate(trx: Db, minutes: Record<AlarmSeverityLevel, number | null>, now: Date): Promise<number> {
    let n = 0;
    for (const [severity, after] of Object.entries(minutes) as [AlarmSeverityLevel, number | null][]) {
      if (after === null) continue;
      const rows = await trx
        .updateTable('alarms as a')
        .set({ escalated_at: now })
        .from('vehicles as v')
        .whereRef('v.id', '=', 'a.vehicle_id')
        .where('a.severity', '=', severity)
        .where('a.status', 'in', UNHANDLED)
        .where('a.escalated_at', 'is', null)
        .where('a.raised_at', '<=', new Date(now.getTime() - after * 60_000))
        .returning(['a.id', 'a.vehicle_id', 'a.organisation_id', 'a.type', 'a.status', 'a.raised_at', 'v.plate'])
        .execute();
      await appendEvents(
        trx,
        rows.map((a) => ({
          entityType: 'alarm',
          entityId: a.id,
          organisationId: a.organisation_id,
          type: 'alarm.escalated',
          actorId: null,
          at: now,
          payload: {
            vehicleId: a.vehicle_id,
            plate: a.plate,
            type: a.type,
            severity,
            status: a.status,
            afterMinutes: after,
            unhandledMinutes: Math.floor((now.getTime() - a.raised_at.getTime()) / 60_000),
          },
        })),
      );
      n += rows.length;
    }
    return n;
  }
}

/** Runs the job every `intervalMs` (default 1 min); returns the function that stops it. */
export function startAlarmEscalation(
  escalation: AlarmEscalation,
  opts: { intervalMs?: number; log?: (msg: string, err?: unknown) => void } = {},
): { stop(): Promise<void> } {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    // A slow run is never overlapped by the next one.
    running ??= escalation
      .run()
      .catch((err: unknown) => opts.log?.('alarm escalation failed', err))
      .finally(() => (running = null));
  };
  const timer = setInterval(tick, opts.intervalMs ?? 60_000);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
