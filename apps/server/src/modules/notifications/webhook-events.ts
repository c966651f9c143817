import type { WebhookEventBody } from '@anlan/contracts';
import type { EventRow } from '../../db/tables.js';
import { matchesAny } from './event-patterns.js';

/**
 * Events about these entities never leave Anlan by webhook, whatever the pattern: accounts, organisations'
 * administration, settings and the webhooks themselves. Their payloads are internal (user names, roles, secrets).
 */
export const NEVER_SENT_ENTITY_TYPES: ReadonlySet<string> = new Set(['user', 'organisation', 'session', 'setting', 'settings', 'webhook']);

export interface EndpointScope {
  active: boolean;
  event_types: string[];
  /** null: the whole district (a regulator's own integration); otherwise that organisation's events only. */
  organisation_id: string | null;
  /** Events up to this id were recorded before the endpoint was registered. */
  after_event_id: number;
}

/**
 * Whether an endpoint receives an event. An endpoint restricted to an organisation gets only events recorded
 * for that organisation — never district-wide events (organisation null) nor another organisation's.
 */
export function endpointWants(ep: EndpointScope, event: Pick<EventRow, 'id' | 'type' | 'entity_type' | 'organisation_id'>): boolean {
  if (!ep.active || event.id <= ep.after_event_id || NEVER_SENT_ENTITY_TYPES.has(event.entity_type)) return false;
  if (ep.organisation_id !== null && event.organisation_id !== ep.organisation_id) return false;
  return matchesAny(ep.event_types, event.type);
}

/** The request body: the event as the log holds it, with the organisation's name. */
export function webhookBody(event: EventRow, organisationName: string | null): string {
  const body: WebhookEventBody = {
    id: event.id,
    type: event.type,
    at: event.at.toISOString(),
    entity: { type: event.entity_type, id: event.entity_id },
    organisation: event.organisation_id ? { id: event.organisation_id, name: organisationName } : null,
    payload: event.payload,
  };
  return JSON.stringify(body);
}
