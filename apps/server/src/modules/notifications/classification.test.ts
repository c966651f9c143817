import { urgentCategories } from '@anlan/contracts';
import { describe, expect, it } from 'vitest';
import type { EventRow } from '../../db/tables.js';
import { recipientsFor, type Recipient } from './audience.js';
import { classify } from './classification.js';
import type { EntityInfo } from './event-context.js';
import { matchesEventType } from './event-patterns.js';
import { effectiveMode, isLocked } from './preference-rules.js';
import { endpointWants } from './webhook-events.js';
import { isPrivateAddress } from './webhook-url.js';

const ORG_A = '00000000-0000-4000-8000-00000000000a';
const ORG_B = '00000000-0000-4000-8000-00000000000b';
const DEPT = '00000000-0000-4000-8000-0000000000d1';
const DEPT2 = '00000000-0000-4000-8000-0000000000d2';
const entity = (v: Partial<EntityInfo> = {}): EntityInfo => ({ departmentId: DEPT, userIds: [], code: 'YH2026-000001', name: '塔吊未验收', level: 'general', alarmType: null, severity: null, ...v });
const entityOf = (e: EventRow) => entity({ level: (e.payload as { level?: string }).level === 'major' ? 'major' : 'general' });
let seq = 0;
const event = (type: string, payload: Record<string, unknown> = {}, organisationId: string | null = ORG_A, actorId: string | null = null): EventRow => ({
  id: ++seq,
  at: new Date('2026-12-20T02:00:00Z'),
  actor_id: actorId,
  organisation_id: organisationId,
  entity_type: type.split('.')[0]!,
  entity_id: '00000000-0000-4000-8000-000000000123',
  type,
  payload,
  prev_hash: '',
  hash: '',
});
const user = (id: string, role: Recipient['role'], organisationId: string | null): Recipient => ({ id, role, organisationId, locale: 'zh-CN', digestEnabled: true, overrides: {} });
const users: Recipient[] = [
  user('admin', 'admin', null),
  user('leader', 'leader', DEPT),
  user('inspector', 'inspector', DEPT),
  user('inspector2', 'inspector', DEPT2),
  user('enforcer', 'enforcement', DEPT),
  user('monitor', 'monitor', DEPT),
  user('ent-a', 'enterprise', ORG_A),
  user('ent-b', 'enterprise', ORG_B),
  user('citizen', 'public', null),
];
const who = (type: string, payload: Record<string, unknown> = {}, org: string | null = ORG_A, e = entity(), actor: string | null = null) => {
  const ev = event(type, payload, org, actor);
  const c = classify(ev, e);
  return c ? recipientsFor(c, ev, e, users).map((u) => u.id) : [];
};

describe('the classification table', () => {
  it('pushes only red and escalation events', () => {
    const urgent = [
      event('hazard.found', { level: 'major' }),
      event('hazard.set_escalation', { escalationFrom: 'none', escalationTo: 'listed' }),
      event('subject.escalated', { from: 'orange', to: 'red', reasons: ['重大隐患逾期未改'] }),
      event('alarm.raised', { severity: 'critical', vehicleId: 'x' }),
      event('alarm.escalated', { severity: 'serious' }),
    ];
    for (const e of urgent) expect(classify(e, entityOf(e))?.urgent, e.type).toBe(true);
    const routine = [
      event('hazard.found', { level: 'general' }),
      event('hazard.set_escalation', { escalationFrom: 'listed', escalationTo: 'none' }),
      event('hazard.submit'),
      event('hazard.recheck_fail'),
      event('notice.issued', { kind: 'stop_work' }),
      event('case.opened'),
      event('alarm.raised', { severity: 'serious' }),
      event('alarm.acknowledged'),
      event('subject.deescalated', { from: 'red', to: 'orange' }),
      event('public_report.received', {}, null),
      event('inspection.recorded', { failed: 2 }),
    ];
    for (const e of routine) expect(classify(e, entityOf(e))?.urgent, e.type).toBe(false);
    for (const e of [...urgent, ...routine]) {
      const c = classify(e, entityOf(e))!;
      expect(urgentCategories.includes(c.category)).toBe(c.urgent);
    }
  });

  it('tells nobody of an alarm ending or growing, unless it grows critical', () => {
    expect(classify(event('alarm.ended', { endedAt: '2026-12-03T08:00:00Z' }), entity())).toBeNull();
    expect(classify(event('alarm.severity_raised', { from: 'warning', to: 'serious' }), entity())).toBeNull();
    const critical = classify(event('alarm.severity_raised', { from: 'serious', to: 'critical', alarmType: 'overspeed' }), entity({ code: '浙F12345' }))!;
    expect(critical).toMatchObject({ category: 'critical_alarm', urgent: true });
    expect(critical.title['zh-CN']).toContain('升级为紧急');
    // Other alarm steps still reach the carrier and the monitors.
    expect(classify(event('alarm.handled'), entity())?.category).toBe('alarm');
  });

  it('ignores event types it has no row for, and titles in both languages', () => {
    expect(classify(event('user.created'), entity())).toBeNull();
    expect(classify(event('checklist.published'), entity())).toBeNull();
    const c = classify(event('hazard.found', { level: 'major' }), entity({ level: 'major' }))!;
    expect(c.title).toEqual({ 'zh-CN': '发现重大隐患 YH2026-000001:塔吊未验收', en: 'Major hazard found YH2026-000001: 塔吊未验收' });
    expect(c.link).toBe('/hazards/00000000-0000-4000-8000-000000000123');
    const alarm = classify(event('alarm.raised', { severity: 'critical', alarmType: 'overspeed' }, ORG_B), entity({ code: '浙F12345' }))!;
    expect(alarm.title['zh-CN']).toBe('浙F12345 超速报警(紧急)');
    expect(alarm.link).toBe('/alarms/00000000-0000-4000-8000-000000000123');
  });

  it('narrows by relevance and never crosses the enterprise scope', () => {
    expect(who('hazard.found', { level: 'major' }, ORG_A, entity({ level: 'major' }))).toEqual(['admin', 'leader', 'inspector', 'enforcer', 'ent-a']);
    // A general hazard: its enterprise and its department, not leaders, not another department.
    expect(who('hazard.found', { level: 'general' })).toEqual(['inspector', 'enforcer', 'ent-a']);
    // Whoever found it hears of it even from another department; the actor never hears of their own action.
    expect(who('hazard.submit', {}, ORG_A, entity({ userIds: ['inspector2'] }), 'ent-a')).toEqual(['inspector', 'inspector2', 'enforcer']);
    expect(who('alarm.raised', { severity: 'warning' }, ORG_B)).toEqual(['monitor', 'ent-b']);
    expect(who('alarm.raised', { severity: 'critical' }, ORG_B)).toEqual(['admin', 'leader', 'monitor', 'ent-b']);
    expect(who('case.opened')).toEqual(['leader', 'enforcer', 'ent-a']);
    expect(who('public_report.received', {}, null)).toEqual(['inspector', 'inspector2']);
    // An event without an organisation never reaches an enterprise, whatever the audience says.
    expect(who('subject.escalated', { from: 'yellow', to: 'red' }, null)).toEqual(['admin', 'leader', 'inspector', 'enforcer']);
    // The public never receives anything.
    for (const type of ['hazard.found', 'alarm.raised', 'public_report.received', 'subject.escalated']) expect(who(type, { level: 'major', severity: 'critical' })).not.toContain('citizen');
  });
});

describe('preferences and patterns', () => {
  it('locks urgent categories for leaders and critical alarms for monitors', () => {
    expect(isLocked('leader', 'escalation')).toBe(true);
    expect(effectiveMode('leader', 'major_hazard', { major_hazard: 'off' })).toBe('immediate');
    expect(effectiveMode('monitor', 'critical_alarm', { critical_alarm: 'digest' })).toBe('immediate');
    expect(effectiveMode('enterprise', 'escalation', { escalation: 'digest' })).toBe('digest');
    expect(effectiveMode('inspector', 'hazard', {})).toBe('digest');
    expect(effectiveMode('inspector', 'hazard', { hazard: 'immediate' })).toBe('immediate');
  });

  it('matches event types by exact name, prefix or star', () => {
    expect(matchesEventType('hazard.*', 'hazard.found')).toBe(true);
    expect(matchesEventType('hazard.*', 'hazards.found')).toBe(false);
    expect(matchesEventType('alarm.raised', 'alarm.raised')).toBe(true);
    expect(matchesEventType('alarm.raised', 'alarm.raised_again')).toBe(false);
    expect(matchesEventType('*', 'anything.at_all')).toBe(true);
  });

  it('keeps a restricted endpoint to its organisation and internal events out of every endpoint', () => {
    const at = { id: 10 };
    const restricted = { active: true, event_types: ['*'], organisation_id: ORG_A, after_event_id: 0 };
    expect(endpointWants(restricted, { ...at, type: 'hazard.found', entity_type: 'hazard', organisation_id: ORG_A })).toBe(true);
    expect(endpointWants(restricted, { ...at, type: 'hazard.found', entity_type: 'hazard', organisation_id: ORG_B })).toBe(false);
    expect(endpointWants(restricted, { ...at, type: 'public_report.received', entity_type: 'public_report', organisation_id: null })).toBe(false);
    const district = { active: true, event_types: ['*'], organisation_id: null, after_event_id: 0 };
    expect(endpointWants(district, { ...at, type: 'public_report.received', entity_type: 'public_report', organisation_id: null })).toBe(true);
    expect(endpointWants(district, { ...at, type: 'user.created', entity_type: 'user', organisation_id: ORG_A })).toBe(false);
    expect(endpointWants({ ...district, after_event_id: 10 }, { ...at, type: 'hazard.found', entity_type: 'hazard', organisation_id: ORG_A })).toBe(false);
    expect(endpointWants({ ...district, active: false }, { ...at, type: 'hazard.found', entity_type: 'hazard', organisation_id: ORG_A })).toBe(false);
  });

  it('knows private addresses', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '0.0.0.0', '100.64.0.1']) expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ['8.8.8.8', '114.114.114.114', '2400:3200::1', '::ffff:8.8.8.8']) expect(isPrivateAddress(a), a).toBe(false);
  });
});
