import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { OrganisationKind, Role } from '@anlan/contracts';

/** Column types as the database returns them (see client.ts for the value mapping). */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface OrganisationsTable {
  id: Generated<string>;
  kind: OrganisationKind;
  name: string;
  short_name: string | null;
  credit_code: string | null;
  parent_id: string | null;
  created_at: CreatedAt;
}

export interface UsersTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  role: Role;
  organisation_id: string | null;
  password_hash: string;
  phone: string | null;
  locale: Generated<'zh-CN' | 'en'>;
  disabled: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: CreatedAt;
  expires_at: Date;
  last_seen_at: ColumnType<Date, Date | undefined, Date>;
  ip: string | null;
  user_agent: string | null;
}

export interface EventsTable {
  id: ColumnType<number, never, never>;
  at: Date;
  actor_id: string | null;
  organisation_id: string | null;
  entity_type: string;
  entity_id: string;
  type: string;
  payload: ColumnType<unknown, string, never>;
  prev_hash: string;
  hash: string;
}

export interface Tables {
  organisations: OrganisationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  events: EventsTable;
}

export type OrganisationRow = Selectable<OrganisationsTable>;
export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type EventRow = Selectable<EventsTable>;
