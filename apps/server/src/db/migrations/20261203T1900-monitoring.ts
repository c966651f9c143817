import { sql, type Kysely } from 'kysely';

// Online monitoring of hazmat vehicles: the geometry the rules check positions against, the carriers' trips
// (电子运单) with their approved routes, the alarms the rules raise, the daily monitoring reports and the settings
// (thresholds) an administrator may change without a release.
//
// Geometry is GeoJSON (WGS-84) in jsonb: both engines store it alike and the rules engine indexes it in memory
// (R-tree), so no PostGIS is needed. A zone is a Polygon/MultiPolygon, or a LineString with buffer_m (a corridor:
// a road, a bridge, a tunnel). kind says what the rules do with it:
//   restricted — loaded hazmat vehicles must not enter (school, residential estate, tunnel, bridge …; category says which)
//   road       — gives the road class (expressway / urban / park) and so the speed limit
//   speed_limit— a posted or zone limit that overrides the road's (e.g. 30 km/h in the chemical park)
//   parking    — an approved parking area (parking there is never overtime)
//   sensitive  — near it, parking is held to a stricter limit
// Any zone may carry a night window (night_from–night_to, Asia/Shanghai wall time) in which hazmat driving is banned.
//
// Alarms are violation records: kept 3 years (not partitioned with positions). One row per episode: the rule's
// episode_key makes a repeated signal for the same episode an update, never a second alarm. State changes of an
// alarm are events in the event log (entity_type 'alarm').
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table zones (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      kind text not null check (kind in ('restricted', 'road', 'speed_limit', 'parking', 'sensitive')),
      category text,
      geometry jsonb not null,
      buffer_m real check (buffer_m is null or buffer_m > 0),
      road_class text check (road_class is null or road_class in ('expressway', 'urban', 'park')),
      speed_limit_kmh real check (speed_limit_kmh is null or speed_limit_kmh > 0),
      night_from text check (night_from is null or night_from ~ '^[0-2][0-9]:[0-5][0-9]$'),
      night_to text check (night_to is null or night_to ~ '^[0-2][0-9]:[0-5][0-9]$'),
      max_parking_minutes integer check (max_parking_minutes is null or max_parking_minutes > 0),
      active boolean not null default true,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    create table approved_routes (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      organisation_id uuid references organisations(id),
      geometry jsonb not null,
      buffer_m real not null default 200 check (buffer_m > 0),
      active boolean not null default true,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index approved_routes_organisation_idx on approved_routes (organisation_id);

    -- 电子运单: what a vehicle carries, from when to when, on which approved route.
    create table trips (
      id uuid primary key default gen_random_uuid(),
      vehicle_id uuid not null references vehicles(id),
      organisation_id uuid not null references organisations(id),
      waybill_no text not null,
      route_id uuid references approved_routes(id),
      cargo_un text,
      cargo_name text,
      loaded boolean not null default true,
      planned_start timestamptz not null,
      planned_end timestamptz not null check (planned_end > planned_start),
      status text not null default 'planned' check (status in ('planned', 'active', 'done', 'cancelled')),
      created_by uuid references users(id),
      created_at timestamptz not null default now()
    );
    create unique index trips_waybill_key on trips (organisation_id, waybill_no);
    create index trips_vehicle_idx on trips (vehicle_id, planned_start desc);

    create table alarms (
      id uuid primary key default gen_random_uuid(),
      vehicle_id uuid not null references vehicles(id),
      organisation_id uuid not null references organisations(id),
      type text not null,
      subtype text,
      severity text not null check (severity in ('info', 'warning', 'serious', 'critical')),
      episode_key text not null,
      status text not null default 'open' check (status in ('open', 'acknowledged', 'handled', 'closed')),
      started_at timestamptz not null,
      ended_at timestamptz,
      last_at timestamptz not null,
      lat double precision,
      lon double precision,
      zone_id uuid references zones(id),
      route_id uuid references approved_routes(id),
      trip_id uuid references trips(id),
      details jsonb not null default '{}',
      raised_at timestamptz not null default now(),
      acknowledged_at timestamptz,
      acknowledged_by uuid references users(id),
      reminded_at timestamptz,
      carrier_notified_at timestamptz,
      handled_at timestamptz,
      handled_by uuid references users(id),
      handling text,
      closed_at timestamptz,
      closed_by uuid references users(id),
      escalated_at timestamptz,
      hazard_id uuid references hazards(id)
    );
    create unique index alarms_episode_key on alarms (vehicle_id, type, episode_key);
    create index alarms_started_idx on alarms (started_at desc);
    create index alarms_organisation_started_idx on alarms (organisation_id, started_at desc);
    create index alarms_unclosed_idx on alarms (raised_at) where status <> 'closed';

    -- One report per day and carrier; organisation_id null is the district's. Kept as generated (history).
    create table daily_monitoring_reports (
      id uuid primary key default gen_random_uuid(),
      day date not null,
      organisation_id uuid references organisations(id),
      metrics jsonb not null,
      generated_at timestamptz not null default now(),
      generated_by uuid references users(id)
    );
    create unique index daily_monitoring_reports_key
      on daily_monitoring_reports (day, coalesce(organisation_id, '00000000-0000-0000-0000-000000000000'::uuid));

    -- Settings an administrator changes at run time (rule thresholds, risk bands …): one validated JSON per key.
    create table settings (
      key text primary key,
      value jsonb not null,
      updated_by uuid references users(id),
      updated_at timestamptz not null default now()
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table settings; drop table daily_monitoring_reports; drop table alarms; drop table trips;
    drop table approved_routes; drop table zones;
  `.execute(db);
}
