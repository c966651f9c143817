import {
  alarmActionLabels,
  alarmReminderTexts,
  alarmStatusLabels,
  type Alarm,
  type AlarmAction,
  type AlarmDetail,
  type AlarmQuery,
  type AlarmStatus,
  type HandleAlarm,
  type RemindResult,
} from '@anlan/contracts';
import type { Updateable } from 'kysely';
import type { Db } from '../../db/client.js';
import type { AlarmsTable } from '../../db/tables.js';
import { forbidden, HttpError, notFound } from '../../http/errors.js';
import { appendEvent, toDomainEvent } from '../events/event-log.js';
import { canSeeOrganisation, visibleOrganisations, type Actor } from '../identity/actor.js';
import { toUnsigned32 } from '../vehicles/position-columns.js';
import { alarmRefusal, alarmStatusAfter, allowedAlarmActions } from './alarm-lifecycle.js';
import { AlarmsRepository, toAlarm, type AlarmWithVehicle } from './alarms.repository.js';

/** Sends a 0x8300 text to a vehicle's terminal (the gateway's TerminalMessenger in production). */
export interface DriverMessenger {
  sendText(vehicleId: string, text: string): Promise<{ result: RemindResult; serial?: number }>;
}

const notDelivered: Record<Exclude<RemindResult, 'delivered'>, { 'zh-CN': string; en: string }> = {
  offline: {
    'zh-CN': '车辆终端不在线,提醒未能下发(已记录),请电话联系驾驶员',
    en: "The vehicle's terminal is offline: the reminder was not sent (recorded). Call the driver.",
  },
  timeout: {
    'zh-CN': '终端未在规定时间内应答,提醒可能未送达(已记录)',
    en: 'The terminal did not answer in time: the reminder may not have arrived (recorded)',
  },
  failed: { 'zh-CN': '终端回复下发失败(已记录)', en: 'The terminal answered that the text failed (recorded)' },
  unsupported: {
    'zh-CN': '终端不支持文本信息下发(已记录),请电话联系驾驶员',
    en: 'The terminal does not take text messages (recorded). Call the driver.',
  },
};

/** The event each workflow step records. */
export const ALARM_EVENT: Record<AlarmAction, string> = {
  acknowledge: 'alarm.acknowledged',
  remind: 'alarm.reminded',
  notify_carrier: 'alarm.carrier_notified',
  handle: 'alarm.handled',
  close: 'alarm.closed',
};

function illegal(status: AlarmStatus, action: AlarmAction) {
  return new HttpError(409, 'illegal_transition', {
    'zh-CN': `报警当前状态为「${alarmStatusLabels[status]['zh-CN']}」,不能${alarmActionLabels[action]['zh-CN']}`,
    en: `The alarm is ${alarmStatusLabels[status].en}: cannot ${alarmActionLabels[action].en}`,
  });
}

/** The monitor's workflow on alarms: read, acknowledge, remind the driver, tell the carrier, record handling, close. */
export class AlarmsService {
  readonly repo: AlarmsRepository;
  constructor(
    private readonly db: Db,
    private readonly messenger: DriverMessenger | undefined,
    readonly now: () => Date = () => new Date(),
  ) {
    this.repo = new AlarmsRepository(db);
  }

  async list(actor: Actor, q: AlarmQuery): Promise<{ items: Alarm[]; total: number; totalCapped: boolean }> {
    const { rows, total, totalCapped } = await this.repo.page({ ...q, visible: visibleOrganisations(actor) });
    return { items: rows.map(toAlarm), total, totalCapped };
  }

  async get(actor: Actor, id: string): Promise<AlarmDetail> {
    const a = await this.visible(actor, id);
    const [vehicle, position, hazard, events] = await Promise.all([
      this.repo.vehicle(a.vehicle_id),
      this.repo.positionAt(a.vehicle_id, a.started_at),
      a.hazard_id ? this.repo.hazard(a.hazard_id) : Promise.resolve(undefined),
      this.repo.events(a.id),
    ]);
    return {
      ...toAlarm(a),
      vehicle: {
        id: vehicle.id,
        plate: vehicle.plate,
        driverName: vehicle.driver_name,
        driverPhone: vehicle.driver_phone,
        terminalPhone: vehicle.terminal_phone,
        cargoName: vehicle.cargo_name,
      },
      position: position
        ? {
            deviceTime: position.device_time.toISOString(),
            lat: position.lat,
            lon: position.lon,
            speedKmh: position.speed_kmh,
            heading: position.heading,
            alarmBits: toUnsigned32(position.alarm_bits),
            statusBits: toUnsigned32(position.status_bits),
          }
        : null,
      hazard: hazard ?? null,
      events: events.map(toDomainEvent),
      allowedActions: allowedAlarmActions(a.status, actor.role),
    };
  }

  acknowledge(actor: Actor, id: string, note: string | undefined): Promise<AlarmDetail> {
    return this.step(actor, id, 'acknowledge', () => ({ patch: {}, payload: { note } }));
  }

  notifyCarrier(actor: Actor, id: string, note: string | undefined): Promise<AlarmDetail> {
    return this.step(actor, id, 'notify_carrier', (_a, now) => ({
      patch: { carrier_notified_at: now },
      payload: { note },
    }));
  }

  handle(actor: Actor, id: string, h: HandleAlarm): Promise<AlarmDetail> {
    return this.step(actor, id, 'handle', (_a, now) => ({
      patch: { handled_at: now, handled_by: actor.userId, handling: h.note },
      payload: { measure: h.measure, note: h.note, byRole: actor.role },
    }));
  }

  close(actor: Actor, id: string, note: string | undefined): Promise<AlarmDetail> {
    return this.step(actor, id, 'close', (_a, now) => ({
      patch: { closed_at: now, closed_by: actor.userId },
      payload: { note },
    }));
  }

  /**
   * Sends the reminder over the terminal (no lock is held while the terminal answers), then records the outcome.
   * Anything but 'delivered' is recorded as 'alarm.remind_failed' and answered 409 with what to do instead.
   */
  async remind(actor: Actor, id: string, text: string | undefined): Promise<AlarmDetail> {
    const before = await this.visible(actor, id);
    this.assertAllowed(before, 'remind', actor);
    const message =
      text ?? alarmReminderTexts[before.type as Alarm['type']]?.['zh-CN'] ?? alarmReminderTexts.device['zh-CN'];
    let sent: { result: RemindResult; serial?: number };
    try {
      sent = this.messenger ? await this.messenger.sendText(before.vehicle_id, message) : { result: 'offline' };
    } catch {
      sent = { result: 'failed' };
    }
    const { result } = sent;
    const payload = { text: message, result, serial: sent.serial ?? null };
    // What reached the driver is recorded even if another monitor moved the alarm on meanwhile; only an open alarm
    // changes status (a reminder means a monitor is on it).
    await this.db.transaction().execute(async (trx) => {
      const a = await this.visible(actor, id, trx);
      const now = this.now();
      if (result !== 'delivered') {
        await appendEvent(trx, this.event(a, 'alarm.remind_failed', actor, now, payload));
        return;
      }
      const to = a.status === 'open' ? alarmStatusAfter(a.status, 'remind') : a.status;
      const patch: Updateable<AlarmsTable> = { reminded_at: now, status: to };
      if (a.status === 'open') Object.assign(patch, { acknowledged_at: now, acknowledged_by: actor.userId });
      await trx.updateTable('alarms').set(patch).where('id', '=', id).execute();
      await appendEvent(trx, this.event(a, ALARM_EVENT.remind, actor, now, { from: a.status, to, ...payload }));
    });
    if (result !== 'delivered') throw new HttpError(409, 'conflict', notDelivered[result]);
    return this.get(actor, id);
  }

  /** An alarm the actor may see, or 404 (also for other carriers' alarms: no existence leak). */
  private async visible(actor: Actor, id: string, trx?: Db): Promise<AlarmWithVehicle> {
    const a = trx ? await this.repo.lockById(trx, id) : await this.repo.findById(id);
    if (!a || !canSeeOrganisation(actor, a.organisation_id)) throw notFound();
    return a;
  }

  private assertAllowed(a: AlarmWithVehicle, action: AlarmAction, actor: Actor): void {
    const why = alarmRefusal(a.status, action, actor.role);
    if (why === 'role') throw forbidden();
    if (why === 'status') throw illegal(a.status, action);
  }

  private event(a: AlarmWithVehicle, type: string, actor: Actor, at: Date, payload: Record<string, unknown>) {
    return {
      entityType: 'alarm',
      entityId: a.id,
      organisationId: a.organisation_id,
      type,
      actorId: actor.userId,
      at,
      payload: { vehicleId: a.vehicle_id, plate: a.plate, type: a.type, severity: a.severity, ...payload },
    };
  }

  /** One workflow step in one transaction: lock, check, update, event. */
  private async step(
    actor: Actor,
    id: string,
    action: AlarmAction,
    change: (a: AlarmWithVehicle, now: Date) => { patch: Updateable<AlarmsTable>; payload: Record<string, unknown> },
  ): Promise<AlarmDetail> {
    await this.db.transaction().execute(async (trx) => {
      const a = await this.visible(actor, id, trx);
      this.assertAllowed(a, action, actor);
      const now = this.now();
      const to = alarmStatusAfter(a.status, action);
      const { patch, payload } = change(a, now);
      if (a.status === 'open' && to !== 'open')
        Object.assign(patch, { acknowledged_at: now, acknowledged_by: actor.userId });
      patch.status = to;
      await trx.updateTable('alarms').set(patch).where('id', '=', id).execute();
      await appendEvent(trx, this.event(a, ALARM_EVENT[action], actor, now, { from: a.status, to, ...payload }));
    });
    return this.get(actor, id);
  }
}
