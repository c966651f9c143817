import { sql, type Kysely } from 'kysely';

// vehicle_day_stats: the daily monitoring report's per-vehicle figures of one Asia/Shanghai day, kept up to date at
// ingest so that a report reads one small row per vehicle instead of the vehicle's day of positions
// (modules/monitoring-reports/README.md, "Rollup").
//
// A row is a cache of the exact definitions, never the source of truth: `dirty` (a back-fill older than the day's
// last fix arrived, or a write raced) or a `thresholds_key` other than the report's makes the report recompute the
// vehicle-day from positions and store the result. `version` grows with every write, so that a writer that read an
// older row (a report recomputing, a concurrent ingest batch) can tell and does not overwrite newer figures.
// last_at and last_valid_* are where the next in-order fix continues the day's two windows (every report, valid fixes).
// No foreign key: vehicles are never deleted (only deactivated) and the check would cost every ingest batch.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table vehicle_day_stats (
      vehicle_id uuid not null,
      day date not null,
      positions integer not null,
      valid_positions integer not null,
      online_seconds double precision not null,
      jumps integer not null,
      distance_m double precision not null,
      continuous_m double precision not null,
      first_at timestamptz,
      last_at timestamptz,
      last_valid_at timestamptz,
      last_valid_lat double precision,
      last_valid_lon double precision,
      dirty boolean not null,
      thresholds_key text not null,
      version bigint not null,
      computed_at timestamptz not null default now(),
      primary key (vehicle_id, day)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table vehicle_day_stats`.execute(db);
}
