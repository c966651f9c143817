import { sql, type Kysely } from 'kysely';

// Notifications, daily digests and webhooks: all consumers of the event log.
//
// The dispatcher reads events after its cursor (notification_cursors), in id order, and writes per-user items
// (notifications) and webhook deliveries in the same transaction that moves the cursor, so a crash never loses or
// doubles an item. Event ids are assigned under the event log's advisory lock, held to commit, so ids commit in
// order and reading "id > cursor" never skips an event that commits later.
//
// notifications holds two kinds of row: 'event' (one per user and event; in_inbox when pushed at once, otherwise
// waiting for the digest until summarised_in is set) and 'digest' (the daily digest's inbox entry).
// The cursor row is made by the dispatcher's first run, at 0 (a migration leaves every table empty, so that a
// backup restores into a freshly migrated database). A database upgraded to this version so replays its history
// once: items of events older than a day go to the digest only, nothing is pushed, and no webhook exists yet.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table notification_cursors (
      name text primary key,
      last_event_id bigint not null,
      updated_at timestamptz not null default now()
    );

    create table notification_preferences (
      user_id uuid primary key references users(id) on delete cascade,
      digest_enabled boolean not null default true,
      categories jsonb not null default '{}'::jsonb,
      updated_at timestamptz not null default now()
    );

    create table digests (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id) on delete cascade,
      day date not null,
      period_start timestamptz,
      period_end timestamptz not null,
      title_zh text not null,
      title_en text not null,
      counts jsonb not null,
      sections jsonb not null,
      created_at timestamptz not null default now()
    );
    create unique index digests_user_day_key on digests (user_id, day);

    create table notifications (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id) on delete cascade,
      kind text not null check (kind in ('event', 'digest')),
      event_id bigint references events(id),
      digest_id uuid references digests(id) on delete cascade,
      summarised_in uuid references digests(id) on delete set null,
      category text not null,
      in_inbox boolean not null,
      urgent boolean not null default false,
      severity text not null check (severity in ('info', 'warning', 'serious', 'critical')),
      entity_type text not null,
      entity_id text not null,
      organisation_id uuid,
      title_zh text not null,
      title_en text not null,
      link text,
      at timestamptz not null,
      read_at timestamptz,
      created_at timestamptz not null default now(),
      constraint notifications_kind_shape check ((kind = 'event') = (event_id is not null) and (kind = 'digest') = (digest_id is not null))
    );
    create unique index notifications_user_event_key on notifications (user_id, event_id);
    create index notifications_inbox_idx on notifications (user_id, at desc) where in_inbox;
    create index notifications_unread_idx on notifications (user_id) where in_inbox and read_at is null;
    create index notifications_pending_digest_idx on notifications (user_id) where kind = 'event' and summarised_in is null;

    create table webhook_endpoints (
      id uuid primary key default gen_random_uuid(),
      url text not null,
      secret text not null,
      event_types text[] not null,
      organisation_id uuid references organisations(id),
      active boolean not null default true,
      description text,
      -- Events up to this id were recorded before the endpoint existed and are not sent to it.
      after_event_id bigint not null default 0,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    create table webhook_deliveries (
      id uuid primary key default gen_random_uuid(),
      endpoint_id uuid not null references webhook_endpoints(id) on delete cascade,
      event_id bigint references events(id),
      event_type text not null,
      body text not null,
      status text not null default 'pending' check (status in ('pending', 'succeeded', 'failed')),
      attempts integer not null default 0,
      next_attempt_at timestamptz,
      last_status_code integer,
      last_error text,
      created_at timestamptz not null,
      updated_at timestamptz not null default now()
    );
    create unique index webhook_deliveries_event_key on webhook_deliveries (endpoint_id, event_id);
    create index webhook_deliveries_due_idx on webhook_deliveries (next_attempt_at) where status = 'pending';
    create index webhook_deliveries_endpoint_idx on webhook_deliveries (endpoint_id, created_at desc);

    create table webhook_attempts (
      id bigint generated always as identity primary key,
      delivery_id uuid not null references webhook_deliveries(id) on delete cascade,
      attempt integer not null,
      at timestamptz not null,
      status_code integer,
      duration_ms integer not null,
      error text,
      next_attempt_at timestamptz,
      manual boolean not null default false
    );
    create index webhook_attempts_delivery_idx on webhook_attempts (delivery_id, attempt);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table webhook_attempts; drop table webhook_deliveries; drop table webhook_endpoints;
    drop table notifications; drop table digests; drop table notification_preferences; drop table notification_cursors;
  `.execute(db);
}
