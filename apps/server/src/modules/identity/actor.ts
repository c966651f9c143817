import { regulatorRoles, type Locale, type Role } from '@anlan/contracts';
import { forbidden } from '../../http/errors.js';

/** Who is asking: resolved from the session on every request. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  organisationId: string | null;
  locale: Locale;
}

export const isRegulator = (actor: Actor) => regulatorRoles.includes(actor.role);

/**
 * The organisations whose records the actor may read: undefined means all of them
 * (regulator staff); otherwise only the actor's own.
 */
export function visibleOrganisations(actor: Actor): string[] | undefined {
  if (isRegulator(actor)) return undefined;
  return actor.organisationId ? [actor.organisationId] : [];
}

export function canSeeOrganisation(actor: Actor, organisationId: string | null): boolean {
  const visible = visibleOrganisations(actor);
  return visible === undefined || (organisationId !== null && visible.includes(organisationId));
}

export function requireRole(actor: Actor, roles: readonly Role[]): void {
  if (!roles.includes(actor.role)) throw forbidden();
}
