import type { CreateVehicle, VehicleQuery } from '@anlan/contracts';
import { sql } from 'kysely';
import type { Db } from '../../db/client.js';
import type { VehicleRow } from '../../db/tables.js';
import type { TerminalDirectory, TerminalRecord } from '../../gateway/terminals.js';
import { canonicalPhone } from '../../gateway/terminals.js';

export type VehicleWithLatest = VehicleRow & {
  organisation_name: string;
  device_time: Date | null;
  received_at: Date | null;
  lat: number | null;
  lon: number | null;
  speed_kmh: number | null;
  heading: number | null;
  altitude_m: number | null;
  alarm_bits: number | null;
  status_bits: number | null;
  mileage_km: number | null;
};

type Filter = Omit<VehicleQuery, 'status' | 'limit' | 'offset'> & { visible: string[] | undefined; ids?: string[] };

export class VehiclesRepository {
  constructor(private readonly db: Db) {}

  private base() {
    return this.db
      .selectFrom('vehicles as v')
      .innerJoin('organisations as o', 'o.id', 'v.organisation_id')
      .leftJoin('latest_positions as l', 'l.vehicle_id', 'v.id')
      .selectAll('v')
      .select(['o.name as organisation_name', 'l.device_time', 'l.received_at', 'l.lat', 'l.lon', 'l.speed_kmh'])
      .select(['l.heading', 'l.altitude_m', 'l.alarm_bits', 'l.status_bits', 'l.mileage_km']);
  }

  /** Every vehicle matching the filter, by plate (a district has thousands, not millions). */
  async list(f: Filter): Promise<VehicleWithLatest[]> {
    let q = this.base();
    if (f.visible) q = f.visible.length ? q.where('v.organisation_id', 'in', f.visible) : q.where(sql<boolean>`false`);
    if (f.organisationId) q = q.where('v.organisation_id', '=', f.organisationId);
    if (f.ids) q = f.ids.length ? q.where('v.id', 'in', f.ids) : q.where(sql<boolean>`false`);
    if (f.q) {
      const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where((eb) => eb.or([eb('v.plate', 'like', like), eb('v.terminal_phone', 'like', like)]));
    }
    return (await q.orderBy('v.plate').orderBy('v.id').execute()) as VehicleWithLatest[];
  }

  async findById(id: string): Promise<VehicleWithLatest | undefined> {
    return (await this.base().where('v.id', '=', id).executeTakeFirst()) as VehicleWithLatest | undefined;
  }

  findByPhone(phone: string): Promise<VehicleRow | undefined> {
    return this.db
      .selectFrom('vehicles')
      .selectAll()
      .where(sql<string>`ltrim(terminal_phone, '0')`, '=', canonicalPhone(phone))
      .executeTakeFirst();
  }

  async insert(input: CreateVehicle, db: Db = this.db): Promise<string> {
    return (await this.insertMany([input], db))[0]!;
  }

  /** Inserts in one statement; returns the ids in input order. */
  async insertMany(inputs: readonly CreateVehicle[], db: Db = this.db): Promise<string[]> {
    if (inputs.length === 0) return [];
    const rows = await db
      .insertInto('vehicles')
      .values(
        inputs.map((input) => ({
          plate: input.plate,
          plate_colour: input.plateColour,
          vin: input.vin ?? null,
          organisation_id: input.organisationId,
          vehicle_class: input.vehicleClass,
          cargo_un: input.cargoUn ?? null,
          cargo_name: input.cargoName ?? null,
          driver_name: input.driverName ?? null,
          driver_phone: input.driverPhone ?? null,
          terminal_phone: input.terminalPhone,
        })),
      )
      .returning(['id', 'terminal_phone'])
      .execute();
    const byPhone = new Map(rows.map((r) => [r.terminal_phone, r.id]));
    return inputs.map((input) => byPhone.get(input.terminalPhone)!);
  }
}

/** The gateway's view of the vehicles table. */
export class DbTerminalDirectory implements TerminalDirectory {
  private readonly repo: VehiclesRepository;
  constructor(private readonly db: Db) {
    this.repo = new VehiclesRepository(db);
  }

  async find(phone: string): Promise<TerminalRecord | undefined> {
    const v = await this.repo.findByPhone(phone);
    if (!v || !v.active) return undefined;
    return {
      vehicleId: v.id,
      plate: v.plate,
      plateColour: v.plate_colour,
      vin: v.vin,
      organisationId: v.organisation_id,
      terminalId: v.terminal_id,
      authCode: v.auth_code,
      registeredAt: v.registered_at,
    };
  }

  async bind(vehicleId: string, terminalId: string, authCode: string): Promise<boolean> {
    // Compare-and-set: two terminals registering for one vehicle at once cannot both win.
    const r = await this.db
      .updateTable('vehicles')
      .set({ terminal_id: terminalId, auth_code: authCode, registered_at: new Date() })
      .where('id', '=', vehicleId)
      .where((eb) => eb.or([eb('terminal_id', 'is', null), eb('terminal_id', '=', terminalId)]))
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
}
