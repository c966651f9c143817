import { describe, expect, it } from 'vitest';
import { alarmEventFacts, lastReminder } from './alarmEvents';

describe('alarm history', () => {
  it('reads what each step recorded and ignores what it does not know', () => {
    expect(alarmEventFacts('alarm.handled', { measure: 'driver_stopped', note: '已停车休息', byRole: 'enterprise', from: 'open' })).toMatchObject({
      kind: 'handled',
      measure: 'driver_stopped',
      note: '已停车休息',
      byRole: 'enterprise',
    });
    expect(alarmEventFacts('alarm.reminded', { text: '请减速', result: 'delivered', serial: 7 })).toMatchObject({ kind: 'reminded', text: '请减速', result: 'delivered' });
    expect(alarmEventFacts('alarm.escalated', { severity: 'critical', unhandledMinutes: 12 })).toMatchObject({ severity: 'critical', unhandledMinutes: 12 });
    expect(alarmEventFacts('alarm.hazard_linked', { hazardId: 'h1', hazardCode: 'YH-2026-0001' })).toMatchObject({ hazardId: 'h1', hazardCode: 'YH-2026-0001' });
    expect(alarmEventFacts('alarm.handled', { measure: 'bribed', result: 'maybe', note: '' })).toEqual({
      kind: 'handled',
      note: undefined,
      text: undefined,
      result: undefined,
      measure: undefined,
      byRole: undefined,
      hazardId: undefined,
      hazardCode: undefined,
      severity: undefined,
      unhandledMinutes: undefined,
    });
    expect(alarmEventFacts('alarm.something_new', null).kind).toBe('something_new');
  });

  it('finds the latest reminder attempt, delivered or not', () => {
    const events = [
      { type: 'alarm.raised', payload: {} },
      { type: 'alarm.reminded', payload: { text: '请减速', result: 'delivered' } },
      { type: 'alarm.remind_failed', payload: { text: '请停车', result: 'offline' } },
      { type: 'alarm.handled', payload: { measure: 'warned', note: '已警告' } },
    ];
    expect(lastReminder(events)).toMatchObject({ kind: 'remind_failed', result: 'offline', text: '请停车' });
    expect(lastReminder(events.slice(0, 1))).toBeUndefined();
  });
});
