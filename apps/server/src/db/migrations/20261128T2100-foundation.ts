import { sql, type Kysely } from 'kysely';

// Organisations, users, sessions and the hash-chained event log.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table organisations (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('government', 'department', 'enterprise', 'community')),
      name text not null,
      short_name text,
      credit_code text,
      parent_id uuid references organisations(id),
      created_at timestamptz not null default now()
    );
    create unique index organisations_name_key on organisations (name);
    create unique index organisations_credit_code_key on organisations (credit_code) where credit_code is not null;

    create table users (
      id uuid primary key default gen_random_uuid(),
      username text not null,
      display_name text not null,
      role text not null check (role in ('admin', 'leader', 'inspector', 'enforcement', 'monitor', 'enterprise', 'public')),
      organisation_id uuid references organisations(id),
      password_hash text not null,
      phone text,
      locale text not null default 'zh-CN' check (locale in ('zh-CN', 'en')),
      disabled boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint users_enterprise_has_organisation check (role <> 'enterprise' or organisation_id is not null)
    );
    create unique index users_username_key on users (lower(username));
    create index users_organisation_idx on users (organisation_id);

    create table sessions (
      id text primary key,
      user_id uuid not null references users(id) on delete cascade,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      last_seen_at timestamptz not null default now(),
      ip text,
      user_agent text
    );
    create index sessions_user_idx on sessions (user_id);
    create index sessions_expires_idx on sessions (expires_at);

    create table events (
      id bigint generated always as identity primary key,
      at timestamptz not null,
      actor_id uuid,
      organisation_id uuid,
      entity_type text not null,
      entity_id text not null,
      type text not null,
      payload jsonb not null default '{}'::jsonb,
      prev_hash text not null,
      hash text not null
    );
    create index events_entity_idx on events (entity_type, entity_id, id);
    create index events_organisation_idx on events (organisation_id, id);

    create function events_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'events is append-only: % is not allowed', tg_op using errcode = '42501';
    end $$;
    create trigger events_append_only before update or delete on events
      for each row execute function events_append_only();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table events; drop function events_append_only(); drop table sessions; drop table users; drop table organisations;`.execute(db);
}
