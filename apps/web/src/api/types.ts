import type { domainEvent, eventQuery, organisation, page, pageQuery, user } from '@anlan/contracts';

/** The parsed (output) type of a zod schema from the contracts, without a runtime dependency on zod. */
type Output<S extends { _zod: { output: unknown } }> = S['_zod']['output'];

export type PageQuery = Output<typeof pageQuery>;
export type OrganisationPage = Output<ReturnType<typeof page<typeof organisation>>>;
export type UserPage = Output<ReturnType<typeof page<typeof user>>>;
export type EventFilters = Pick<Output<typeof eventQuery>, 'entityType' | 'entityId'>;
/** GET /api/events answers `{items}`; the route composes it from `domainEvent`. */
export type EventList = { items: Output<typeof domainEvent>[] };
/** The accepted (input) type of a zod schema: defaults may be left out. */
export type Input<S extends { _zod: { input: unknown } }> = S['_zod']['input'];
