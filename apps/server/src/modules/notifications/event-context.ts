import type { Db } from '../../db/client.js';
import type { EventRow } from '../../db/tables.js';

/** What the dispatcher knows of an event's entity beyond the event itself: enough to route and title it. */
export interface EntityInfo {
  /** The regulator department that supervises the entity (hazards, notices, subjects, inspections). */
  departmentId: string | null;
  /** Regulator staff tied to the entity: who found the hazard, issued the notice, opened the case. */
  userIds: readonly string[];
  /** Hazard code, notice or case number, vehicle plate. */
  code: string | null;
  /** Hazard description, subject name, case summary. */
  name: string | null;
  level: 'general' | 'major' | null;
  alarmType: string | null;
  severity: string | null;
}

const EMPTY: EntityInfo = { departmentId: null, userIds: [], code: null, name: null, level: null, alarmType: null, severity: null };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface EventContext {
  entity(e: EventRow): EntityInfo;
  organisationName(id: string | null): string | null;
}

const idsOf = (events: EventRow[], type: string) => [...new Set(events.filter((e) => e.entity_type === type && UUID.test(e.entity_id)).map((e) => e.entity_id))];
const payloadField = (e: EventRow, key: string): unknown => (e.payload && typeof e.payload === 'object' ? (e.payload as Record<string, unknown>)[key] : undefined);
const compact = (ids: (string | null)[]) => ids.filter((x): x is string => x !== null);

/**
 * Loads, in a few queries per batch, the entities the events are about. The state read is the current one: a
 * hazard's level and department do not change along its loop, so routing by them is stable.
 */
export async function loadEventContext(db: Db, events: EventRow[]): Promise<EventContext> {
  const info = new Map<string, EntityInfo>();
  const put = (type: string, id: string, v: Partial<EntityInfo>) => info.set(`${type}:${id}`, { ...EMPTY, ...v });

  const hazardIds = idsOf(events, 'hazard');
  if (hazardIds.length) {
    const rows = await db.selectFrom('hazards').select(['id', 'code', 'level', 'department_id', 'found_by', 'description']).where('id', 'in', hazardIds).execute();
    for (const h of rows) put('hazard', h.id, { departmentId: h.department_id, userIds: compact([h.found_by]), code: h.code, name: h.description, level: h.level });
  }
  const noticeIds = idsOf(events, 'notice');
  if (noticeIds.length) {
    const rows = await db.selectFrom('notices').select(['id', 'number', 'department_id', 'issued_by', 'recipient']).where('id', 'in', noticeIds).execute();
    for (const n of rows) put('notice', n.id, { departmentId: n.department_id, userIds: [n.issued_by], code: n.number, name: n.recipient });
  }
  const caseIds = idsOf(events, 'case');
  if (caseIds.length) {
    const rows = await db
      .selectFrom('cases as c')
      .innerJoin('subjects as s', 's.id', 'c.subject_id')
      .select(['c.id', 'c.number', 'c.summary', 'c.opened_by', 's.department_id'])
      .where('c.id', 'in', caseIds)
      .execute();
    for (const c of rows) put('case', c.id, { departmentId: c.department_id, userIds: [c.opened_by], code: c.number, name: c.summary });
  }
  const subjectIds = idsOf(events, 'subject');
  if (subjectIds.length) {
    const rows = await db.selectFrom('subjects').select(['id', 'name', 'department_id']).where('id', 'in', subjectIds).execute();
    for (const s of rows) put('subject', s.id, { departmentId: s.department_id, name: s.name });
  }
  const inspectionIds = idsOf(events, 'inspection');
  if (inspectionIds.length) {
    const rows = await db
      .selectFrom('inspections as i')
      .innerJoin('subjects as s', 's.id', 'i.subject_id')
      .select(['i.id', 'i.created_by', 's.name', 's.department_id'])
      .where('i.id', 'in', inspectionIds)
      .execute();
    for (const i of rows) put('inspection', i.id, { departmentId: i.department_id, userIds: compact([i.created_by]), name: i.name });
  }
  await loadAlarms(db, events, put);

  const orgIds = [...new Set(compact(events.map((e) => e.organisation_id)))];
  const orgNames = new Map<string, string>();
  if (orgIds.length) {
    for (const o of await db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', orgIds).execute()) orgNames.set(o.id, o.name);
  }
  return {
    entity: (e) => info.get(`${e.entity_type}:${e.entity_id}`) ?? EMPTY,
    organisationName: (id) => (id ? (orgNames.get(id) ?? null) : null),
  };
}

/** Alarms: the row when it exists, else what the event's payload names (vehicleId, type, severity). */
async function loadAlarms(db: Db, events: EventRow[], put: (type: string, id: string, v: Partial<EntityInfo>) => void): Promise<void> {
  const alarmEvents = events.filter((e) => e.entity_type === 'alarm');
  if (!alarmEvents.length) return;
  const alarmIds = idsOf(alarmEvents, 'alarm');
  const rows = alarmIds.length
    ? await db
        .selectFrom('alarms as a')
        .innerJoin('vehicles as v', 'v.id', 'a.vehicle_id')
        .select(['a.id', 'a.type', 'a.severity', 'v.plate'])
        .where('a.id', 'in', alarmIds)
        .execute()
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const vehicleIds = [...new Set(alarmEvents.map((e) => payloadField(e, 'vehicleId')).filter((v): v is string => typeof v === 'string' && UUID.test(v)))];
  const plates = new Map<string, string>();
  if (vehicleIds.length) {
    for (const v of await db.selectFrom('vehicles').select(['id', 'plate']).where('id', 'in', vehicleIds).execute()) plates.set(v.id, v.plate);
  }
  for (const e of alarmEvents) {
    const row = byId.get(e.entity_id);
    const plate = row?.plate ?? plates.get(String(payloadField(e, 'vehicleId'))) ?? (typeof payloadField(e, 'plate') === 'string' ? String(payloadField(e, 'plate')) : null);
    const type = payloadField(e, 'alarmType') ?? payloadField(e, 'type') ?? row?.type ?? null;
    put('alarm', e.entity_id, { code: plate, alarmType: typeof type === 'string' ? type : null, severity: row?.severity ?? null });
  }
}
