import { createHash } from 'node:crypto';
import type { RiskColour, RiskFactor } from '@anlan/contracts';
import { sql, type Insertable } from 'kysely';
import type { Db } from '../../db/client.js';
import type { SubjectEscalationsTable } from '../../db/tables.js';

export interface LevelRow {
  subject_id: string;
  colour: RiskColour;
  score: number;
  factors: RiskFactor[];
  inspection_frequency_days: number;
}

export interface VehicleLevelRow {
  vehicle_id: string;
  organisation_id: string;
  colour: RiskColour;
  score: number;
  factors: RiskFactor[];
  daily_online_review: boolean;
}

export type LadderRow = Omit<Insertable<SubjectEscalationsTable>, 'updated_at'>;

const CHUNK = 1000;
/** A row's content, hashed: the factors are built in a fixed order, so equal levels hash equal. */
const digestOf = (values: unknown[]) => createHash('sha1').update(JSON.stringify(values)).digest('base64');

/**
 * Writes a recompute's result, only what changed: a run every ten minutes over thousands of subjects mostly changes
 * nothing, and on the embedded engine every written row holds up the API. Rows travel as one JSON parameter
 * (jsonb_to_recordset) rather than thousands of bound values.
 */
export class RiskSnapshotRepository {
  constructor(private readonly trx: Db) {}

  /** Subject levels whose content changed, and today's history (every subject on the day's first run). */
  async levels(rows: LevelRow[], day: string, now: Date): Promise<number> {
    const stored = new Map((await this.trx.selectFrom('subject_risk_levels').select(['subject_id', 'digest']).execute()).map((r) => [r.subject_id, r.digest]));
    const changed = rows
      .map((r) => ({ ...r, digest: digestOf([r.colour, r.score, r.factors, r.inspection_frequency_days]) }))
      .filter((r) => stored.get(r.subject_id) !== r.digest);
    for (let i = 0; i < changed.length; i += CHUNK) {
      await sql`
        insert into subject_risk_levels (subject_id, colour, score, factors, inspection_frequency_days, digest, computed_at)
        select x.subject_id, x.colour, x.score, x.factors, x.inspection_frequency_days, x.digest, ${now}::timestamptz
        from jsonb_to_recordset(${JSON.stringify(changed.slice(i, i + CHUNK))}::jsonb)
          as x(subject_id uuid, colour text, score integer, factors jsonb, inspection_frequency_days integer, digest text)
        on conflict (subject_id) do update set
          colour = excluded.colour, score = excluded.score, factors = excluded.factors,
          inspection_frequency_days = excluded.inspection_frequency_days, digest = excluded.digest, computed_at = excluded.computed_at`.execute(this.trx);
    }
    const started = await this.trx.selectFrom('subject_risk_history').select('subject_id').where('day', '=', day).limit(1).executeTakeFirst();
    const history = (started ? changed : rows).map((r) => ({ subject_id: r.subject_id, colour: r.colour, score: r.score }));
    for (let i = 0; i < history.length; i += CHUNK * 5) {
      await sql`
        insert into subject_risk_history (day, subject_id, colour, score)
        select ${day}::date, x.subject_id, x.colour, x.score
        from jsonb_to_recordset(${JSON.stringify(history.slice(i, i + CHUNK * 5))}::jsonb) as x(subject_id uuid, colour text, score integer)
        on conflict (day, subject_id) do update set colour = excluded.colour, score = excluded.score`.execute(this.trx);
    }
    return changed.length;
  }

  async ladders(rows: LadderRow[], now: Date): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK) {
      await this.trx
        .insertInto('subject_escalations')
        .values(rows.slice(i, i + CHUNK).map((r) => ({ ...r, updated_at: now })))
        .onConflict((oc) =>
          oc.column('subject_id').doUpdateSet((eb) => ({
            level: eb.ref('excluded.level'),
            since: eb.ref('excluded.since'),
            clean_since: eb.ref('excluded.clean_since'),
            listed_since: eb.ref('excluded.listed_since'),
            score_at_listing: eb.ref('excluded.score_at_listing'),
            reasons: eb.ref('excluded.reasons'),
            supervisor_scope: eb.ref('excluded.supervisor_scope'),
            supervisor_role: eb.ref('excluded.supervisor_role'),
            supervisor_organisation_id: eb.ref('excluded.supervisor_organisation_id'),
            inspection_frequency_days: eb.ref('excluded.inspection_frequency_days'),
            daily_online_review: eb.ref('excluded.daily_online_review'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    }
  }

  /** Vehicle levels whose content changed; vehicles no longer active are removed. */
  async vehicles(rows: VehicleLevelRow[], now: Date): Promise<void> {
    const stored = new Map((await this.trx.selectFrom('vehicle_risk_levels').select(['vehicle_id', 'digest']).execute()).map((r) => [r.vehicle_id, r.digest]));
    const changed = rows
      .map((r) => ({ ...r, digest: digestOf([r.organisation_id, r.colour, r.score, r.factors, r.daily_online_review]) }))
      .filter((r) => stored.get(r.vehicle_id) !== r.digest);
    for (let i = 0; i < changed.length; i += CHUNK) {
      await sql`
        insert into vehicle_risk_levels (vehicle_id, organisation_id, colour, score, factors, daily_online_review, digest, computed_at)
        select x.vehicle_id, x.organisation_id, x.colour, x.score, x.factors, x.daily_online_review, x.digest, ${now}::timestamptz
        from jsonb_to_recordset(${JSON.stringify(changed.slice(i, i + CHUNK))}::jsonb)
          as x(vehicle_id uuid, organisation_id uuid, colour text, score integer, factors jsonb, daily_online_review boolean, digest text)
        on conflict (vehicle_id) do update set
          organisation_id = excluded.organisation_id, colour = excluded.colour, score = excluded.score, factors = excluded.factors,
          daily_online_review = excluded.daily_online_review, digest = excluded.digest, computed_at = excluded.computed_at`.execute(this.trx);
    }
    const current = new Set(rows.map((r) => r.vehicle_id));
    const gone = [...stored.keys()].filter((id) => !current.has(id));
    if (gone.length) await this.trx.deleteFrom('vehicle_risk_levels').where('vehicle_id', 'in', gone).execute();
  }

  async run(r: { computed_at: Date; subjects: number; vehicles: number; changed: number; moves: number }): Promise<void> {
    await this.trx.insertInto('risk_runs').values(r).execute();
  }
}
