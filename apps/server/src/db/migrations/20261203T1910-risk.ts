import { sql, type Kysely } from 'kysely';

// 风险分级管控: risk points of a subject and their LEC / LS assessments (history kept: an assessment is never
// updated, a re-assessment is a new row and the point points at its current one), the computed risk level of every
// subject and vehicle (a snapshot rewritten by each recompute, plus one row per subject and day for trends), and the
// escalation ladder of every subject that has ever left "none" or been set by hand. A recompute rewrites only the rows
// whose level changed; risk_runs records each run.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table risk_points (
      id uuid primary key default gen_random_uuid(),
      subject_id uuid not null references subjects(id),
      name text not null,
      location text,
      description text,
      hazard_factors text[] not null default '{}',
      controls text[] not null default '{}',
      responsible_person text,
      contact_phone text,
      active boolean not null default true,
      current_assessment_id uuid,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index risk_points_subject_idx on risk_points (subject_id, created_at);

    create table risk_assessments (
      id uuid primary key default gen_random_uuid(),
      -- Insertion order: two assessments at the same instant still list newest first.
      seq bigint generated always as identity,
      risk_point_id uuid not null references risk_points(id),
      method text not null check (method in ('lec', 'ls')),
      l double precision not null,
      e double precision,
      c double precision,
      s integer,
      value double precision not null,
      band text check (band is null or band in ('extreme', 'high', 'significant', 'general', 'acceptable')),
      colour text not null check (colour in ('red', 'orange', 'yellow', 'blue')),
      self_assessment boolean not null default false,
      note text,
      assessed_by uuid references users(id),
      assessed_at timestamptz not null,
      check ((method = 'lec' and e is not null and c is not null and s is null and band is not null)
          or (method = 'ls' and s is not null and e is null and c is null and band is null))
    );
    create index risk_assessments_point_idx on risk_assessments (risk_point_id, seq desc);
    -- Deferred: points and assessments reference each other, and a restore inserts one table before the other.
    alter table risk_points add constraint risk_points_current_fk foreign key (current_assessment_id) references risk_assessments(id)
      deferrable initially deferred;

    create table subject_risk_levels (
      subject_id uuid primary key references subjects(id),
      colour text not null check (colour in ('red', 'orange', 'yellow', 'blue')),
      score integer not null,
      factors jsonb not null,
      inspection_frequency_days integer not null check (inspection_frequency_days > 0),
      -- A hash of the columns above: a recompute sends only rows whose digest changed.
      digest text not null,
      computed_at timestamptz not null
    );
    create index subject_risk_levels_score_idx on subject_risk_levels (score desc, subject_id);

    create table subject_risk_history (
      day date not null,
      subject_id uuid not null references subjects(id),
      colour text not null check (colour in ('red', 'orange', 'yellow', 'blue')),
      score integer not null,
      primary key (day, subject_id)
    );

    create table subject_escalations (
      subject_id uuid primary key references subjects(id),
      level text not null check (level in ('none', 'listed', 'escalated')),
      since timestamptz not null,
      -- The first recompute that found no fact calling for the current level (null while one does): the clean period.
      clean_since timestamptz,
      listed_since timestamptz,
      score_at_listing integer,
      reasons jsonb not null default '[]',
      manual_level text check (manual_level is null or manual_level in ('none', 'listed', 'escalated')),
      manual_reason text,
      manual_by uuid references users(id),
      manual_at timestamptz,
      supervisor_scope text not null check (supervisor_scope in ('department', 'district')),
      supervisor_role text not null,
      supervisor_organisation_id uuid references organisations(id),
      inspection_frequency_days integer not null check (inspection_frequency_days > 0),
      daily_online_review boolean not null default false,
      updated_at timestamptz not null
    );
    create index subject_escalations_level_idx on subject_escalations (level) where level <> 'none';

    create table vehicle_risk_levels (
      vehicle_id uuid primary key references vehicles(id),
      organisation_id uuid not null references organisations(id),
      colour text not null check (colour in ('red', 'orange', 'yellow', 'blue')),
      score integer not null,
      factors jsonb not null,
      daily_online_review boolean not null,
      digest text not null,
      computed_at timestamptz not null
    );
    create index vehicle_risk_levels_organisation_idx on vehicle_risk_levels (organisation_id);

    -- One row per recompute: when the levels were last computed, and what it did.
    create table risk_runs (
      id bigint generated always as identity primary key,
      computed_at timestamptz not null,
      subjects integer not null,
      vehicles integer not null,
      changed integer not null,
      moves integer not null
    );
    create index risk_runs_computed_idx on risk_runs (computed_at desc);

    create index alarms_severity_started_idx on alarms (started_at) where severity in ('serious', 'critical');
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index alarms_severity_started_idx;
    drop table risk_runs; drop table vehicle_risk_levels; drop table subject_escalations; drop table subject_risk_history;
    drop table subject_risk_levels;
    alter table risk_points drop constraint risk_points_current_fk;
    drop table risk_assessments; drop table risk_points;
  `.execute(db);
}
