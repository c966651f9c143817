import { sql, type Kysely } from 'kysely';

// Hazmat vehicles bound to JT/T 808 terminals, their positions and the latest position of each.
//
// positions is built for 10^9 rows: range-partitioned by device time, one partition a month, created ahead by the
// maintenance job (modules/vehicles/position-partitions.ts) and dropped whole when older than the retention
// (POSITIONS_RETENTION_MONTHS, at least 6: carriers must keep monitoring data 6 months). Violation records are kept
// 3 years, but in the alarm tables, not here. The default partition only catches device times outside the prepared
// months (a terminal with a broken clock); the job moves its rows into a month when that month is created.
//
// The primary key (vehicle_id, device_time) makes a re-sent position (same vehicle, same device second) a no-op
// under ON CONFLICT DO NOTHING, and serves track queries by vehicle and period. alarm_bits and status_bits hold the
// 32-bit DWORDs as signed integers (bit 31 reads negative): half the size of bigint on a billion rows.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table vehicles (
      id uuid primary key default gen_random_uuid(),
      plate text not null,
      plate_colour smallint not null check (plate_colour between 0 and 255),
      vin text,
      organisation_id uuid not null references organisations(id),
      vehicle_class text not null,
      cargo_un text,
      cargo_name text,
      driver_name text,
      driver_phone text,
      terminal_phone text not null check (terminal_phone ~ '^([0-9]{12}|[0-9]{20})$'),
      terminal_id text,
      auth_code text,
      registered_at timestamptz,
      active boolean not null default true,
      created_at timestamptz not null default now()
    );
    -- 2013 terminals send 12 BCD digits, 2019 ones 20: the same number, left-padded. Unique without the padding.
    create unique index vehicles_terminal_phone_key on vehicles ((ltrim(terminal_phone, '0')));
    create unique index vehicles_plate_key on vehicles (plate, plate_colour);
    create index vehicles_organisation_idx on vehicles (organisation_id);

    create table positions (
      vehicle_id uuid not null,
      device_time timestamptz not null,
      received_at timestamptz not null,
      lat double precision not null,
      lon double precision not null,
      speed_kmh real not null,
      heading integer not null,
      altitude_m integer not null,
      alarm_bits integer not null,
      status_bits integer not null,
      mileage_km double precision,
      blind_area boolean not null default false,
      extras jsonb,
      primary key (vehicle_id, device_time)
    ) partition by range (device_time);
    create table positions_default partition of positions default;

    create table latest_positions (
      vehicle_id uuid primary key references vehicles(id) on delete cascade,
      device_time timestamptz not null,
      received_at timestamptz not null,
      lat double precision not null,
      lon double precision not null,
      speed_kmh real not null,
      heading integer not null,
      altitude_m integer not null,
      alarm_bits integer not null,
      status_bits integer not null,
      mileage_km double precision
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table latest_positions; drop table positions; drop table vehicles;`.execute(db);
}
