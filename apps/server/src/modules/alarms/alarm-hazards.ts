import { alarmTypeLabels, type AlarmTypeName, type HazardLevel, type RiskColour } from '@anlan/contracts';
import { sql } from 'kysely';
import type { Db } from '../../db/client.js';
import type { SubjectRow } from '../../db/tables.js';
import { appendEvent, appendEvents } from '../events/event-log.js';
import type { HazardsService } from '../hazards/hazards.service.js';
import type { AlarmConfig } from './alarm-config.js';

/** The hazards service's own creation path (HazardsService.insert): code, status 'found' and 'hazard.found' event. */
export type HazardRecorder = Pick<HazardsService, 'insert'>;

export type AlarmHazardRule = 'critical' | 'repeated_serious' | 'carrier_unhandled';

interface Candidate {
  id: string;
  vehicle_id: string;
  organisation_id: string;
  type: string;
  subtype: string | null;
  severity: string;
  started_at: Date;
  lat: number | null;
  lon: number | null;
  plate: string;
}

interface Group {
  rule: AlarmHazardRule;
  organisationId: string;
  alarms: Candidate[];
}

const DAY_MS = 86_400_000;
/** Critical alarms older than this never open a hazard any more (the job was off, or the rule just switched on). */
const CRITICAL_LOOKBACK_DAYS = 30;
const CATEGORY = '车辆动态监控';

/** Hazard level and colour per rule: a critical event is a major hazard; repetition and neglect are general ones. */
const GRADE: Record<AlarmHazardRule, { level: HazardLevel; colour: RiskColour }> = {
  critical: { level: 'major', colour: 'red' },
  repeated_serious: { level: 'general', colour: 'orange' },
  carrier_unhandled: { level: 'general', colour: 'yellow' },
};

/** Asia/Shanghai wall time, for Chinese descriptions. */
const shanghai = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

const label = (type: string) => alarmTypeLabels[type as AlarmTypeName]?.['zh-CN'] ?? type;

function tally(alarms: readonly Candidate[]): string {
  const counts = new Map<string, number>();
  for (const a of alarms) counts.set(label(a.type), (counts.get(label(a.type)) ?? 0) + 1);
  return [...counts].map(([name, n]) => `${name}×${n}`).join('、');
}

function describe(g: Group, config: AlarmConfig): string {
  const a = g.alarms;
  const first = a[0]!;
  switch (g.rule) {
    case 'critical':
      return `车辆${first.plate}于${shanghai(first.started_at)}发生紧急报警:${label(first.type)}${first.subtype ? `(${first.subtype})` : ''},须核查处置并落实整改。`;
    case 'repeated_serious':
      return `车辆${first.plate}近${config.hazards.repeatedSerious.days}日内发生${a.length}起严重及以上报警(${tally(a)}),屡次违规,企业须落实驾驶员教育和车辆动态监控整改。`;
    case 'carrier_unhandled':
      return `近${config.hazards.carrierUnhandled.days}日内企业有${a.length}起车辆报警未在规定时限内处置(${tally(a)}),动态监控责任落实不到位。`;
  }
}

/** Alarms not yet linked to a hazard and not handled as a false alarm, in a window, locked for this run. */
function unlinked(trx: Db, since: Date) {
  return trx
    .selectFrom('alarms as a')
    .innerJoin('vehicles as v', 'v.id', 'a.vehicle_id')
    .select([
      'a.id',
      'a.vehicle_id',
      'a.organisation_id',
      'a.type',
      'a.subtype',
      'a.severity',
      'a.started_at',
      'a.lat',
      'a.lon',
      'v.plate',
    ])
    .where('a.hazard_id', 'is', null)
    .where('a.raised_at', '>=', since)
    .where(
      sql<boolean>`not exists (select 1 from events e where e.entity_type = 'alarm' and e.entity_id = a.id::text
        and e.type = 'alarm.handled' and e.payload->>'measure' = 'false_alarm')`,
    )
    .orderBy('a.started_at')
    .forUpdate('a');
}

function groupBy(alarms: readonly Candidate[], key: (a: Candidate) => string): Candidate[][] {
  const m = new Map<string, Candidate[]>();
  for (const a of alarms) m.set(key(a), [...(m.get(key(a)) ?? []), a]);
  return [...m.values()];
}

/** The groups of alarms that call for a hazard now, rule by rule; an alarm is in at most one group. */
export async function hazardGroups(trx: Db, config: AlarmConfig, now: Date): Promise<Group[]> {
  const groups: Group[] = [];
  const taken = new Set<string>();
  const h = config.hazards;
  const free = (rows: Candidate[]) => rows.filter((r) => !taken.has(r.id));
  const add = (rule: AlarmHazardRule, alarms: Candidate[]) => {
    for (const a of alarms) taken.add(a.id);
    groups.push({ rule, organisationId: alarms[0]!.organisation_id, alarms });
  };
  if (h.critical.enabled) {
    const rows = await unlinked(trx, new Date(now.getTime() - CRITICAL_LOOKBACK_DAYS * DAY_MS))
      .where('a.severity', '=', 'critical')
      .execute();
    for (const a of rows) add('critical', [a]);
  }
  if (h.repeatedSerious.enabled) {
    const rows = await unlinked(trx, new Date(now.getTime() - h.repeatedSerious.days * DAY_MS))
      .where('a.severity', 'in', ['serious', 'critical'])
      .where('a.started_at', '>=', new Date(now.getTime() - h.repeatedSerious.days * DAY_MS))
      .execute();
    for (const g of groupBy(free(rows), (a) => a.vehicle_id))
      if (g.length >= h.repeatedSerious.count) add('repeated_serious', g);
  }
  if (h.carrierUnhandled.enabled) {
    const since = new Date(now.getTime() - h.carrierUnhandled.days * DAY_MS);
    const rows = await unlinked(trx, since).where('a.escalated_at', '>=', since).execute();
    for (const g of groupBy(free(rows), (a) => a.organisation_id))
      if (g.length >= h.carrierUnhandled.count) add('carrier_unhandled', g);
  }
  return groups;
}

/**
 * The carrier's 检查对象 of type hazmat_carrier (the oldest, when several). A carrier without one gets one, named
 * after the organisation, so that its vehicles' violations enter the same ledger as inspectors' findings.
 */
export async function carrierSubject(trx: Db, organisationId: string): Promise<SubjectRow> {
  const found = await trx
    .selectFrom('subjects')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('type', '=', 'hazmat_carrier')
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
  if (found) return found;
  const org = await trx
    .selectFrom('organisations')
    .select('name')
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow();
  const row = await trx
    .insertInto('subjects')
    .values({ type: 'hazmat_carrier', name: org.name, organisation_id: organisationId })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendEvent(trx, {
    entityType: 'subject',
    entityId: row.id,
    organisationId,
    type: 'subject.created',
    actorId: null,
    payload: { type: row.type, name: row.name, reason: 'vehicle_alarm' },
  });
  return row;
}

/** Records the hazard through the hazards service and links it both ways (alarms.hazard_id; events on both sides). */
export async function raiseHazard(trx: Db, recorder: HazardRecorder, g: Group, config: AlarmConfig, now: Date) {
  const subject = await carrierSubject(trx, g.organisationId);
  const where = [...g.alarms].reverse().find((a) => a.lat !== null && a.lon !== null);
  const grade = GRADE[g.rule];
  const hazard = await recorder.insert(trx, null, {
    source: 'vehicle_alarm',
    subject_id: subject.id,
    subject_type: subject.type,
    organisation_id: subject.organisation_id,
    department_id: subject.department_id,
    level: grade.level,
    category: CATEGORY,
    description: describe(g, config),
    location: subject.address,
    lat: g.rule === 'carrier_unhandled' ? subject.lat : (where?.lat ?? subject.lat),
    lon: g.rule === 'carrier_unhandled' ? subject.lon : (where?.lon ?? subject.lon),
    risk_colour: grade.colour,
    found_at: now,
    updated_at: now,
  });
  const ids = g.alarms.map((a) => a.id);
  await trx.updateTable('alarms').set({ hazard_id: hazard.id }).where('id', 'in', ids).execute();
  await appendEvents(trx, [
    {
      entityType: 'hazard',
      entityId: hazard.id,
      organisationId: hazard.organisation_id,
      type: 'hazard.alarms_linked',
      actorId: null,
      at: now,
      payload: { rule: g.rule, alarmIds: ids, vehicleIds: [...new Set(g.alarms.map((a) => a.vehicle_id))] },
    },
    ...g.alarms.map((a) => ({
      entityType: 'alarm',
      entityId: a.id,
      organisationId: a.organisation_id,
      type: 'alarm.hazard_linked',
      actorId: null,
      at: now,
      payload: {
        vehicleId: a.vehicle_id,
        plate: a.plate,
        type: a.type,
        hazardId: hazard.id,
        hazardCode: hazard.code,
        rule: g.rule,
      },
    })),
  ]);
  return { id: hazard.id, code: hazard.code, rule: g.rule, alarmIds: ids };
}
