import type { Locale, Role } from '@anlan/contracts';
import type { Db } from '../../db/client.js';
import type { EventRow } from '../../db/tables.js';
import { canSeeOrganisation, type Actor } from '../identity/actor.js';
import type { Audience, Classified } from './classification.js';
import type { EntityInfo } from './event-context.js';
import { parseOverrides, type CategoryOverrides } from './preference-rules.js';

/** A user who may receive notifications, with their preferences. */
export interface Recipient {
  id: string;
  role: Role;
  organisationId: string | null;
  locale: Locale;
  digestEnabled: boolean;
  overrides: CategoryOverrides;
}

const asActor = (r: Recipient): Actor => ({ userId: r.id, username: '', displayName: '', role: r.role, organisationId: r.organisationId, locale: r.locale });

/**
 * The hard scope rule, the same as for every read of the API: regulator staff see the whole district, an
 * enterprise user only events of its own organisation (never events without one), the public nothing.
 */
export function inScope(r: Recipient, organisationId: string | null): boolean {
  if (r.role === 'public') return false;
  return canSeeOrganisation(asActor(r), organisationId);
}

const FIELD_ROLES: readonly Role[] = ['inspector', 'enforcement'];

function wants(a: Audience, r: Recipient, event: EventRow, entity: EntityInfo): boolean {
  switch (a) {
    case 'owner':
      return r.role === 'enterprise' && event.organisation_id !== null && r.organisationId === event.organisation_id;
    case 'department':
      return (FIELD_ROLES.includes(r.role) && entity.departmentId !== null && r.organisationId === entity.departmentId) || (r.role !== 'enterprise' && entity.userIds.includes(r.id));
    case 'inspectors':
      return r.role === 'inspector';
    case 'enforcement':
      return r.role === 'enforcement';
    case 'monitors':
      return r.role === 'monitor';
    case 'leaders':
      return r.role === 'leader';
    case 'admins':
      return r.role === 'admin';
  }
}

/**
 * Who receives a classified event: anyone an audience names, except the actor (nobody is told of their own
 * action), and only when the event is in the user's scope — checked last, for every audience.
 */
export function recipientsFor(c: Classified, event: EventRow, entity: EntityInfo, users: readonly Recipient[]): Recipient[] {
  return users.filter((r) => r.id !== event.actor_id && c.audiences.some((a) => wants(a, r, event, entity)) && inScope(r, event.organisation_id));
}

/** Every enabled user who can receive notifications, with preferences. */
export async function loadRecipients(db: Db, userIds?: readonly string[]): Promise<Recipient[]> {
  let q = db
    .selectFrom('users as u')
    .leftJoin('notification_preferences as p', 'p.user_id', 'u.id')
    .select(['u.id', 'u.role', 'u.organisation_id', 'u.locale', 'p.digest_enabled', 'p.categories'])
    .where('u.disabled', '=', false)
    .where('u.role', '<>', 'public');
  if (userIds) q = userIds.length ? q.where('u.id', 'in', userIds) : q.where('u.id', 'is', null);
  const rows = await q.orderBy('u.id').execute();
  return rows.map((u) => ({
    id: u.id,
    role: u.role,
    organisationId: u.organisation_id,
    locale: u.locale,
    digestEnabled: u.digest_enabled ?? true,
    overrides: parseOverrides(u.categories),
  }));
}
