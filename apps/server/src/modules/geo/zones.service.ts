import { zoneRuleIssues, type CreateZone, type UpdateZone, type Zone, type ZoneQuery } from '@anlan/contracts';
import type { Db } from '../../db/client.js';
import { badRequest, notFound } from '../../http/errors.js';
import { appendEvent } from '../events/event-log.js';
import { requireRole, type Actor } from '../identity/actor.js';
import { fieldChanges, merged } from './field-changes.js';
import type { GeoChanges } from './geo-changes.js';
import { toZone, zoneFields, ZonesRepository, type ZoneFields } from './zones.repository.js';

/** Who may draw and change zones; every signed-in user may read them (zones are public rules). */
export const GEO_WRITERS = ['admin', 'monitor'] as const;

/** Zones (禁行区域, roads, speed limits, parking, sensitive areas): the geometry the rules check positions against. */
export class ZonesService {
  private readonly repo: ZonesRepository;
  constructor(
    private readonly db: Db,
    private readonly changes: GeoChanges,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.repo = new ZonesRepository(db);
  }

  async list(q: ZoneQuery): Promise<Zone[]> {
    return (await this.repo.list(q)).map(toZone);
  }

  async get(id: string): Promise<Zone> {
    const row = await this.repo.findById(id);
    if (!row) throw notFound();
    return toZone(row);
  }

  async create(actor: Actor, input: CreateZone): Promise<Zone> {
    requireRole(actor, GEO_WRITERS);
    const fields: ZoneFields = {
      name: input.name,
      kind: input.kind,
      category: input.category ?? null,
      geometry: input.geometry,
      bufferM: input.bufferM ?? null,
      roadClass: input.roadClass ?? null,
      speedLimitKmh: input.speedLimitKmh ?? null,
      nightFrom: input.nightFrom ?? null,
      nightTo: input.nightTo ?? null,
      maxParkingMinutes: input.maxParkingMinutes ?? null,
      active: true,
    };
    const at = this.now();
    const row = await this.db.transaction().execute(async (trx) => {
      const created = await this.repo.insert(fields, actor.userId, at, trx);
      await appendEvent(trx, {
        entityType: 'zone',
        entityId: created.id,
        type: 'zone.created',
        actorId: actor.userId,
        at,
        payload: { ...fields },
      });
      return created;
    });
    this.changes.emit({ entity: 'zone', id: row.id });
    return toZone(row);
  }

  /** A partial update; the kind-specific rules are checked on the zone as it would become, naming the field. */
  async update(actor: Actor, id: string, patch: UpdateZone): Promise<Zone> {
    requireRole(actor, GEO_WRITERS);
    const stored = await this.repo.findById(id);
    if (!stored) throw notFound();
    const before = zoneFields(stored);
    const after = merged(before, patch);
    const issues = zoneRuleIssues(after);
    if (issues.length > 0) {
      throw badRequest(
        { 'zh-CN': `区域属性与类型不符:${issues[0]!.path}`, en: `${issues[0]!.path}: ${issues[0]!.message}` },
        issues.map((i) => ({ path: `body.${i.path}`, code: 'custom', message: i.message })),
      );
    }
    return this.write(actor, stored.id, before, after);
  }

  /** Takes the zone out of force (kept for the alarms that name it); deactivating twice changes nothing. */
  async deactivate(actor: Actor, id: string): Promise<Zone> {
    requireRole(actor, GEO_WRITERS);
    const stored = await this.repo.findById(id);
    if (!stored) throw notFound();
    const before = zoneFields(stored);
    if (!before.active) return toZone(stored);
    return this.write(actor, stored.id, before, { ...before, active: false });
  }

  private async write(actor: Actor, id: string, before: ZoneFields, after: ZoneFields): Promise<Zone> {
    const changes = fieldChanges(before, after);
    if (Object.keys(changes).length === 0) return this.get(id);
    const type =
      Object.keys(changes).length === 1 && 'active' in changes
        ? after.active
          ? 'zone.reactivated'
          : 'zone.deactivated'
        : 'zone.updated';
    const at = this.now();
    const row = await this.db.transaction().execute(async (trx) => {
      const updated = await this.repo.update(id, after, at, trx);
      await appendEvent(trx, {
        entityType: 'zone',
        entityId: id,
        type,
        actorId: actor.userId,
        at,
        payload: { changes },
      });
      return updated;
    });
    this.changes.emit({ entity: 'zone', id });
    return toZone(row);
  }
}
