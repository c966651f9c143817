import type { AlarmSeverityLevel, EscalationLevel, HazardLevel, HazardStatus } from '@anlan/contracts';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/client.js';
import { FilesService } from '../files/files.service.js';
import { MemoryStorage } from '../files/storage.js';
import { HazardsService } from '../hazards/hazards.service.js';

const DAY = 86_400_000;

/** For tests: hazards, vehicles and alarms written straight into the tables the recompute reads. */
export class RiskFacts {
  private readonly hazards: HazardsService;
  private vehicleSerial = 0;
  private alarmSerial = 0;
  constructor(
    private readonly database: Database,
    private readonly now: () => Date,
  ) {
    this.hazards = new HazardsService(database.db, new FilesService(database.db, new MemoryStorage(), 1_000_000), { majorAcceptanceDays: 10 }, now);
  }

  /** A hazard of `subjectId` found `foundDaysAgo` days ago, put straight into `status` (deadline in days from now). */
  async hazard(
    subjectId: string,
    o: { level?: HazardLevel; status?: HazardStatus; deadlineDays?: number; foundDaysAgo?: number; category?: string; checklistItemId?: string; recheckFailures?: number; escalation?: EscalationLevel } = {},
  ): Promise<string> {
    const { db } = this.database;
    const s = await db.selectFrom('subjects').selectAll().where('id', '=', subjectId).executeTakeFirstOrThrow();
    const now = this.now().getTime();
    return db.transaction().execute(async (trx) => {
      const h = await this.hazards.insert(trx, null, {
        source: 'inspection',
        subject_id: s.id,
        subject_type: s.type,
        organisation_id: s.organisation_id,
        department_id: s.department_id,
        level: o.level ?? 'general',
        category: o.category ?? '临时用电',
        description: '测试隐患',
        checklist_item_id: o.checklistItemId ?? null,
        risk_colour: o.level === 'major' ? 'red' : 'yellow',
        found_at: new Date(now - (o.foundDaysAgo ?? 0) * DAY),
      });
      await trx
        .updateTable('hazards')
        .set({
          status: o.status ?? 'found',
          deadline: o.deadlineDays === undefined ? null : new Date(now + o.deadlineDays * DAY),
          recheck_failures: o.recheckFailures ?? 0,
          escalation: o.escalation ?? 'none',
        })
        .where('id', '=', h.id)
        .execute();
      return h.id;
    });
  }

  async setStatus(hazardId: string, status: HazardStatus): Promise<void> {
    await this.database.db.updateTable('hazards').set({ status }).where('id', '=', hazardId).execute();
  }

  async vehicle(organisationId: string): Promise<string> {
    const n = ++this.vehicleSerial;
    const row = await this.database.db
      .insertInto('vehicles')
      .values({ plate: `浙F·R${String(n).padStart(4, '0')}`, plate_colour: 2, organisation_id: organisationId, vehicle_class: 'tanker', terminal_phone: `0139${String(n).padStart(8, '0')}` })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** `count` alarms of a vehicle started `daysAgo` days ago; handled after `handledAfterMin` minutes, or never. */
  async alarms(vehicleId: string, organisationId: string, count: number, o: { severity?: AlarmSeverityLevel; daysAgo?: number; handledAfterMin?: number } = {}): Promise<string[]> {
    const started = new Date(this.now().getTime() - (o.daysAgo ?? 1) * DAY);
    const handled = o.handledAfterMin === undefined ? null : new Date(started.getTime() + o.handledAfterMin * 60_000);
    const rows = await this.database.db
      .insertInto('alarms')
      .values(
        Array.from({ length: count }, () => ({
          vehicle_id: vehicleId,
          organisation_id: organisationId,
          type: 'overspeed',
          severity: o.severity ?? 'serious',
          episode_key: `risk-test-${++this.alarmSerial}`,
          status: handled ? ('handled' as const) : ('open' as const),
          started_at: started,
          last_at: started,
          handled_at: handled,
        })),
      )
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  }
}

/** POST /api/risk/recompute as `cookie` (an admin's); the moves as "name:from→to". */
export async function recompute(app: FastifyInstance, cookie: string): Promise<{ moves: string[]; body: { moves: { subjectName: string; from: string; to: string; reasons: { code: string }[] }[] } }> {
  const res = await app.inject({ method: 'POST', url: '/api/risk/recompute', headers: { cookie } });
  if (res.statusCode !== 200) throw new Error(`recompute: ${res.statusCode} ${res.body}`);
  const body = res.json() as { moves: { subjectName: string; from: string; to: string; reasons: { code: string }[] }[] };
  return { body, moves: body.moves.map((m) => `${m.subjectName}:${m.from}→${m.to}`) };
}
