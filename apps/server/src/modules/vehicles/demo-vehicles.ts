import type { CreateVehicle } from '@anlan/contracts';
import type { Db } from '../../db/client.js';
import { appendEvents } from '../events/event-log.js';
import { VehiclesRepository } from './vehicles.repository.js';

/** The demo carriers whose tankers drive the simulator's routes. */
export const DEMO_VEHICLE_CARRIERS = ['嘉港危货运输有限公司(演示)', '乍浦港通化工物流有限公司(演示)'] as const;
export const DEMO_VEHICLE_COUNT = 30;

const CARGO: readonly [string, string][] = [
  ['UN1040', '环氧乙烷'],
  ['UN1005', '液氨'],
  ['UN1230', '甲醇'],
  ['UN1075', '液化石油气'],
  ['UN2055', '苯乙烯'],
  ['UN1077', '丙烯'],
  ['UN1307', '二甲苯'],
  ['UN2789', '冰醋酸'],
];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = ['建国', '海峰', '志强', '国平', '伟', '军', '明华', '晓东', '永红', '德胜'];

/** Terminal phone of demo vehicle `n` (1-based): 013800000001 …, 12 digits; what the simulator's terminal `n` uses. */
export const demoTerminalPhone = (n: number) => `0138${String(n).padStart(8, '0')}`;

/** Demo vehicle `n` (1-based): the simulator's terminal `n` registers with this plate and phone. */
export function demoVehicle(n: number, organisationId: string): CreateVehicle {
  const i = n - 1;
  const [cargoUn, cargoName] = CARGO[i % CARGO.length]!;
  return {
    plate: demoPlate(n),
    plateColour: 2,
    organisationId,
    vehicleClass: i % 5 === 4 ? 'box_van' : 'tanker',
    cargoUn,
    cargoName,
    driverName: `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}`,
    driverPhone: `139${String(57_300_000 + i * 1013).padStart(8, '0')}`,
    terminalPhone: demoTerminalPhone(n),
  };
}

/** Yellow hazmat plates of 嘉兴 (浙F); unique for every n. */
export const demoPlate = (n: number) => `浙F·${n % 3 === 0 ? 'F' : 'D'}${String(1170 + n * 37).padStart(4, '0')}`;

/** The demo fleet (tankers and vans, plate colour 2 yellow), spread over the carriers. */
export function demoVehicles(carrierIds: readonly string[], count = DEMO_VEHICLE_COUNT): CreateVehicle[] {
  return Array.from({ length: count }, (_, i) => demoVehicle(i + 1, carrierIds[i % carrierIds.length]!));
}

/**
 * Registers the demo fleet for the demo carriers found in `ids` (organisation name → id); missing carriers are
 * skipped. Terminals are not bound yet: each binds when the simulator's terminal first registers (0x0100).
 */
export async function seedDemoVehicles(
  db: Db,
  ids: ReadonlyMap<string, string>,
  count = DEMO_VEHICLE_COUNT,
): Promise<number> {
  const carriers = DEMO_VEHICLE_CARRIERS.map((name) => ids.get(name)).filter((id): id is string => id !== undefined);
  if (carriers.length === 0) return 0;
  const vehicles = demoVehicles(carriers, count);
  await db.transaction().execute(async (trx) => {
    const repo = new VehiclesRepository(trx);
    // Chunks keep the statement under PostgreSQL's 65,535 parameters for large simulated fleets.
    for (let i = 0; i < vehicles.length; i += 2000) {
      const chunk = vehicles.slice(i, i + 2000);
      const ids = await repo.insertMany(chunk, trx);
      await appendEvents(
        trx,
        chunk.map((v, k) => ({
          entityType: 'vehicle',
          entityId: ids[k]!,
          organisationId: v.organisationId,
          type: 'vehicle.registered',
          actorId: null,
          payload: { plate: v.plate, terminalPhone: v.terminalPhone },
        })),
      );
    }
  });
  return vehicles.length;
}
