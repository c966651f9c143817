import type {
  CreateVehicle,
  LivePosition,
  Playback,
  PlaybackQuery,
  Track,
  TrackQuery,
  Vehicle,
  VehicleQuery,
  VehicleStatus,
} from '@anlan/contracts';
import type { Db } from '../../db/client.js';
import type { Presence } from '../../gateway/presence.js';
import { badRequest, conflict, notFound } from '../../http/errors.js';
import { appendEvent } from '../events/event-log.js';
import { AlarmsRepository, toAlarm } from '../alarms/alarms.repository.js';
import { canSeeOrganisation, requireRole, visibleOrganisations, type Actor } from '../identity/actor.js';
import { simplifyTrack } from './playback.js';
import { toUnsigned32 } from './position-columns.js';
import { toPosition, trackOf } from './positions.repository.js';
import { VehiclesRepository, type VehicleWithLatest } from './vehicles.repository.js';

const REGISTRARS = ['admin', 'monitor'] as const;

/** Vehicles of the carriers, their terminals, latest positions and tracks; scoped to what the actor may see. */
export class VehiclesService {
  private readonly repo: VehiclesRepository;
  constructor(
    private readonly db: Db,
    private readonly presence: Presence,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.repo = new VehiclesRepository(db);
  }

  async list(actor: Actor, q: VehicleQuery): Promise<{ items: Vehicle[]; total: number }> {
    const rows = await this.repo.list({ ...q, visible: visibleOrganisations(actor) });
    const all = rows.map((r) => this.toVehicle(r));
    const matching = q.status ? all.filter((v) => v.status === q.status) : all;
    return { items: matching.slice(q.offset, q.offset + q.limit), total: matching.length };
  }

  async get(actor: Actor, id: string): Promise<Vehicle> {
    return this.toVehicle(await this.visible(actor, id));
  }

  async create(actor: Actor, input: CreateVehicle): Promise<Vehicle> {
    requireRole(actor, REGISTRARS);
    const org = await this.db
      .selectFrom('organisations')
      .select(['id', 'kind'])
      .where('id', '=', input.organisationId)
      .executeTakeFirst();
    if (!org || org.kind !== 'enterprise') {
      throw badRequest({ 'zh-CN': '所属运输企业不存在', en: 'organisationId: no such carrier (an enterprise)' }, [
        { path: 'body.organisationId', code: 'not_found', message: 'no such enterprise' },
      ]);
    }
    if (await this.repo.findByPhone(input.terminalPhone)) {
      throw conflict({
        'zh-CN': `终端手机号已登记:${input.terminalPhone}`,
        en: `Terminal ${input.terminalPhone} is registered already`,
      });
    }
    try {
      const id = await this.db.transaction().execute(async (trx) => {
        const vehicleId = await this.repo.insert(input, trx);
        await appendEvent(trx, {
          entityType: 'vehicle',
          entityId: vehicleId,
          organisationId: input.organisationId,
          type: 'vehicle.registered',
          actorId: actor.userId,
          payload: { plate: input.plate, terminalPhone: input.terminalPhone },
        });
        return vehicleId;
      });
      return this.get(actor, id);
    } catch (err) {
      if ((err as { code?: string }).code === '23505') {
        throw conflict({
          'zh-CN': `车牌或终端已登记:${input.plate}`,
          en: `Plate ${input.plate} or its terminal is registered already`,
        });
      }
      throw err;
    }
  }

  async track(actor: Actor, id: string, q: TrackQuery): Promise<Track> {
    await this.visible(actor, id);
    const points = await trackOf(this.db, id, new Date(q.from), new Date(q.to));
    return { vehicleId: id, from: q.from, to: q.to, points };
  }

  /** 轨迹回放: the track thinned for display, keeping alarm positions and stops, with the period's alarms. */
  async playback(actor: Actor, id: string, q: PlaybackQuery): Promise<Playback> {
    await this.visible(actor, id);
    const from = new Date(q.from);
    const to = new Date(q.to);
    const [all, alarms] = await Promise.all([
      trackOf(this.db, id, from, to),
      new AlarmsRepository(this.db).overlapping(id, from, to),
    ]);
    const keep = alarms.map((a) => ({ from: a.started_at.getTime(), to: (a.ended_at ?? a.last_at).getTime() }));
    const { points, stops } = simplifyTrack(all, keep, q.toleranceM);
    return {
      vehicleId: id,
      from: q.from,
      to: q.to,
      toleranceM: q.toleranceM,
      totalPoints: all.length,
      points,
      stops,
      alarms: alarms.map(toAlarm),
    };
  }

  /** Every visible vehicle that has reported, for the map. */
  async latest(actor: Actor): Promise<LivePosition[]> {
    const rows = await this.repo.list({ visible: visibleOrganisations(actor) });
    const now = this.now().getTime();
    const items: LivePosition[] = [];
    for (const r of rows) {
      if (!r.device_time || r.lat === null || r.lon === null) continue;
      items.push({
        vehicleId: r.id,
        plate: r.plate,
        organisationId: r.organisation_id,
        deviceTime: r.device_time.toISOString(),
        lat: r.lat,
        lon: r.lon,
        speedKmh: r.speed_kmh ?? 0,
        heading: r.heading ?? 0,
        alarmBits: toUnsigned32(r.alarm_bits ?? 0),
        statusBits: toUnsigned32(r.status_bits ?? 0),
        online: this.presence.isOnline(r.id, now),
      });
    }
    return items;
  }

  /** A vehicle the actor may see, or 404 (also for other carriers' vehicles: no existence leak). */
  private async visible(actor: Actor, id: string): Promise<VehicleWithLatest> {
    const v = await this.repo.findById(id);
    if (!v || !canSeeOrganisation(actor, v.organisation_id)) throw notFound();
    return v;
  }

  private toVehicle(r: VehicleWithLatest): Vehicle {
    const now = this.now().getTime();
    const latest = r.device_time && r.received_at ? toPosition(r as Parameters<typeof toPosition>[0]) : null;
    const seen = this.presence.lastSeenAt(r.id) ?? r.received_at;
    const status: VehicleStatus = this.presence.isOnline(r.id, now) ? 'online' : seen ? 'offline' : 'never';
    return {
      id: r.id,
      plate: r.plate,
      plateColour: r.plate_colour,
      vin: r.vin,
      organisationId: r.organisation_id,
      organisationName: r.organisation_name,
      vehicleClass: r.vehicle_class as Vehicle['vehicleClass'],
      cargoUn: r.cargo_un,
      cargoName: r.cargo_name,
      driverName: r.driver_name,
      driverPhone: r.driver_phone,
      terminalPhone: r.terminal_phone,
      terminalId: r.terminal_id,
      registeredAt: r.registered_at?.toISOString() ?? null,
      active: r.active,
      status,
      lastSeenAt: seen?.toISOString() ?? null,
      latest,
    };
  }
}
