import type { ApprovedRoute, CreateRoute, RouteQuery, UpdateRoute } from '@anlan/contracts';
import type { Db } from '../../db/client.js';
import { badRequest, notFound } from '../../http/errors.js';
import { appendEvent } from '../events/event-log.js';
import { canSeeOrganisation, requireRole, visibleOrganisations, type Actor } from '../identity/actor.js';
import {
  ApprovedRoutesRepository,
  routeFields,
  toRoute,
  type RouteFields,
  type RouteRow,
} from './approved-routes.repository.js';
import { fieldChanges, merged } from './field-changes.js';
import type { GeoChanges } from './geo-changes.js';
import { GEO_WRITERS } from './zones.service.js';

/**
 * Approved routes (核定路线) of the carriers. A route with no organisation is shared by every carrier; an enterprise
 * user sees the shared routes and its own, and another carrier's route answers 404.
 */
export class ApprovedRoutesService {
  private readonly repo: ApprovedRoutesRepository;
  constructor(
    private readonly db: Db,
    private readonly changes: GeoChanges,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.repo = new ApprovedRoutesRepository(db);
  }

  async list(actor: Actor, q: RouteQuery): Promise<ApprovedRoute[]> {
    const visible = visibleOrganisations(actor);
    const wanted = q.organisationId ? [q.organisationId] : undefined;
    const carriers = visible && wanted ? wanted.filter((id) => visible.includes(id)) : (wanted ?? visible);
    return (await this.repo.list({ carriers, active: q.active })).map(toRoute);
  }

  async get(actor: Actor, id: string): Promise<ApprovedRoute> {
    return toRoute(await this.visible(actor, id));
  }

  async create(actor: Actor, input: CreateRoute): Promise<ApprovedRoute> {
    requireRole(actor, GEO_WRITERS);
    const fields: RouteFields = {
      name: input.name,
      organisationId: input.organisationId ?? null,
      geometry: input.geometry,
      bufferM: input.bufferM,
      active: true,
    };
    await this.requireCarrier(fields.organisationId);
    const at = this.now();
    const id = await this.db.transaction().execute(async (trx) => {
      const routeId = await this.repo.insert(fields, actor.userId, at, trx);
      await appendEvent(trx, {
        entityType: 'route',
        entityId: routeId,
        organisationId: fields.organisationId,
        type: 'route.created',
        actorId: actor.userId,
        at,
        payload: { ...fields },
      });
      return routeId;
    });
    this.changes.emit({ entity: 'route', id });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, patch: UpdateRoute): Promise<ApprovedRoute> {
    requireRole(actor, GEO_WRITERS);
    const stored = await this.visible(actor, id);
    const before = routeFields(stored);
    const after = merged(before, patch);
    if (after.organisationId !== before.organisationId) await this.requireCarrier(after.organisationId);
    return this.write(actor, stored, before, after);
  }

  /** Takes the route out of force; trips that name it keep the reference (the rules then see no route). */
  async deactivate(actor: Actor, id: string): Promise<ApprovedRoute> {
    requireRole(actor, GEO_WRITERS);
    const stored = await this.visible(actor, id);
    const before = routeFields(stored);
    if (!before.active) return toRoute(stored);
    return this.write(actor, stored, before, { ...before, active: false });
  }

  private async write(actor: Actor, stored: RouteRow, before: RouteFields, after: RouteFields): Promise<ApprovedRoute> {
    const changes = fieldChanges(before, after);
    if (Object.keys(changes).length === 0) return toRoute(stored);
    const only = Object.keys(changes).length === 1 && 'active' in changes;
    const type = only ? (after.active ? 'route.reactivated' : 'route.deactivated') : 'route.updated';
    const at = this.now();
    await this.db.transaction().execute(async (trx) => {
      await this.repo.update(stored.id, after, at, trx);
      await appendEvent(trx, {
        entityType: 'route',
        entityId: stored.id,
        // The carrier it is (now) approved for may read its history.
        organisationId: after.organisationId ?? before.organisationId,
        type,
        actorId: actor.userId,
        at,
        payload: { changes },
      });
    });
    this.changes.emit({ entity: 'route', id: stored.id });
    return this.get(actor, stored.id);
  }

  private async visible(actor: Actor, id: string): Promise<RouteRow> {
    const row = await this.repo.findById(id);
    if (!row || (row.organisation_id !== null && !canSeeOrganisation(actor, row.organisation_id))) throw notFound();
    return row;
  }

  private async requireCarrier(organisationId: string | null): Promise<void> {
    if (organisationId === null) return;
    const org = await this.db
      .selectFrom('organisations')
      .select('kind')
      .where('id', '=', organisationId)
      .executeTakeFirst();
    if (org?.kind !== 'enterprise') {
      throw badRequest({ 'zh-CN': '所属运输企业不存在', en: 'organisationId: no such carrier (an enterprise)' }, [
        { path: 'body.organisationId', code: 'not_found', message: 'no such enterprise' },
      ]);
    }
  }
}
