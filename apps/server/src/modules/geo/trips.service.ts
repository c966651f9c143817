import {
  tripStatusLabels,
  type CancelTrip,
  type CreateTrip,
  type Trip,
  type TripQuery,
  type TripStatus,
} from '@anlan/contracts';
import { sql } from 'kysely';
import type { Db } from '../../db/client.js';
import { badRequest, conflict, HttpError, notFound } from '../../http/errors.js';
import { appendEvent } from '../events/event-log.js';
import { canSeeOrganisation, requireRole, visibleOrganisations, type Actor } from '../identity/actor.js';
import type { GeoChanges } from './geo-changes.js';
import { toTrip, TripsRepository, type TripWithNames } from './trips.repository.js';

/** Carriers write their own vehicles' trips; the monitoring centre writes any. */
export const TRIP_WRITERS = ['admin', 'monitor', 'enterprise'] as const;

type Move = 'start' | 'finish' | 'cancel';
/** The trip's life: planned → active → done; planned or active → cancelled. */
const MOVES: Record<Move, { from: readonly TripStatus[]; to: TripStatus; event: string }> = {
  start: { from: ['planned'], to: 'active', event: 'trip.started' },
  finish: { from: ['active'], to: 'done', event: 'trip.finished' },
  cancel: { from: ['planned', 'active'], to: 'cancelled', event: 'trip.cancelled' },
};
const MOVE_LABELS: Record<Move, { 'zh-CN': string; en: string }> = {
  start: { 'zh-CN': '出发', en: 'start' },
  finish: { 'zh-CN': '完成', en: 'finish' },
  cancel: { 'zh-CN': '取消', en: 'cancel' },
};

const fieldError = (path: string, zh: string, en: string) =>
  badRequest({ 'zh-CN': zh, en: `${path}: ${en}` }, [{ path: `body.${path}`, code: 'not_found', message: en }]);

/** 电子运单: what a vehicle carries, when, on which approved route. Scoped like vehicles. */
export class TripsService {
  private readonly repo: TripsRepository;
  constructor(
    private readonly db: Db,
    private readonly changes: GeoChanges,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.repo = new TripsRepository(db);
  }

  async list(actor: Actor, q: TripQuery): Promise<{ items: Trip[]; total: number }> {
    const { limit, offset, ...filter } = q;
    const { rows, total } = await this.repo.page({ ...filter, visible: visibleOrganisations(actor) }, limit, offset);
    return { items: rows.map(toTrip), total };
  }

  async get(actor: Actor, id: string): Promise<Trip> {
    return toTrip(await this.visible(actor, id));
  }

  async create(actor: Actor, input: CreateTrip): Promise<Trip> {
    requireRole(actor, TRIP_WRITERS);
    const vehicle = await this.db
      .selectFrom('vehicles')
      .select(['id', 'organisation_id', 'cargo_un', 'cargo_name', 'active'])
      .where('id', '=', input.vehicleId)
      .executeTakeFirst();
    // Another carrier's vehicle reads as no vehicle at all: no existence leak.
    if (!vehicle || !vehicle.active || !canSeeOrganisation(actor, vehicle.organisation_id)) {
      throw fieldError('vehicleId', '车辆不存在或已停用', 'no such active vehicle');
    }
    if (input.routeId) await this.requireRoute(input.routeId, vehicle.organisation_id);
    // Without cargo given, the trip carries what the vehicle is registered for.
    const ownCargo = input.cargoUn === undefined && input.cargoName === undefined;
    const at = this.now();
    try {
      const id = await this.db.transaction().execute(async (trx) => {
        const [tripId] = await this.repo.insertMany(
          [
            {
              vehicleId: vehicle.id,
              organisationId: vehicle.organisation_id,
              waybillNo: input.waybillNo,
              routeId: input.routeId ?? null,
              cargoUn: ownCargo ? vehicle.cargo_un : (input.cargoUn ?? null),
              cargoName: ownCargo ? vehicle.cargo_name : (input.cargoName ?? null),
              loaded: input.loaded,
              plannedStart: new Date(input.plannedStart),
              plannedEnd: new Date(input.plannedEnd),
              createdBy: actor.userId,
              createdAt: at,
            },
          ],
          trx,
        );
        await appendEvent(trx, {
          entityType: 'trip',
          entityId: tripId!,
          organisationId: vehicle.organisation_id,
          type: 'trip.created',
          actorId: actor.userId,
          at,
          payload: { ...input },
        });
        return tripId!;
      });
      this.changes.emit({ entity: 'trip', id });
      return this.get(actor, id);
    } catch (err) {
      if ((err as { code?: string }).code === '23505') {
        throw conflict({ 'zh-CN': `运单号已存在:${input.waybillNo}`, en: `Waybill ${input.waybillNo} exists already` });
      }
      throw err;
    }
  }

  start = (actor: Actor, id: string) => this.move(actor, id, 'start');
  finish = (actor: Actor, id: string) => this.move(actor, id, 'finish');
  cancel = (actor: Actor, id: string, body: CancelTrip) => this.move(actor, id, 'cancel', body.reason);

  private async move(actor: Actor, id: string, move: Move, reason?: string): Promise<Trip> {
    requireRole(actor, TRIP_WRITERS);
    const trip = await this.visible(actor, id);
    const rule = MOVES[move];
    const at = this.now();
    await this.db.transaction().execute(async (trx) => {
      if (move === 'start') {
        // One trip under way per vehicle: the vehicle's row lock serialises concurrent starts.
        await sql`select id from vehicles where id = ${trip.vehicle_id} for update`.execute(trx);
        const other = await this.repo.activeTripOf(trip.vehicle_id, trip.id, trx);
        if (other) {
          throw conflict({
            'zh-CN': `该车辆已有运输中的运单:${other.waybill_no}`,
            en: `The vehicle is already under way on waybill ${other.waybill_no}`,
          });
        }
      }
      if (!(await this.repo.setStatus(trip.id, rule.from, rule.to, trx))) throw illegal(trip.status, move);
      await appendEvent(trx, {
        entityType: 'trip',
        entityId: trip.id,
        organisationId: trip.organisation_id,
        type: rule.event,
        actorId: actor.userId,
        at,
        payload: { from: trip.status, to: rule.to, ...(reason ? { reason } : {}) },
      });
    });
    this.changes.emit({ entity: 'trip', id: trip.id });
    return this.get(actor, trip.id);
  }

  private async visible(actor: Actor, id: string): Promise<TripWithNames> {
    const trip = await this.repo.findById(id);
    if (!trip || !canSeeOrganisation(actor, trip.organisation_id)) throw notFound();
    return trip;
  }

  /** An active route approved for the vehicle's carrier, or a shared one. */
  private async requireRoute(routeId: string, organisationId: string): Promise<void> {
    const route = await this.db
      .selectFrom('approved_routes')
      .select(['organisation_id', 'active'])
      .where('id', '=', routeId)
      .executeTakeFirst();
    if (!route || !route.active || (route.organisation_id !== null && route.organisation_id !== organisationId)) {
      throw fieldError(
        'routeId',
        '核定路线不存在、已停用或不属于该企业',
        "no such active route approved for the vehicle's carrier",
      );
    }
  }
}

function illegal(status: TripStatus, move: Move): HttpError {
  const s = tripStatusLabels[status];
  const m = MOVE_LABELS[move];
  return new HttpError(409, 'illegal_transition', {
    'zh-CN': `运单当前状态为「${s['zh-CN']}」,不能${m['zh-CN']}`,
    en: `The trip is ${s.en}: it cannot ${m.en}`,
  });
}
