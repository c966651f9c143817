import { alarmReminderTexts, alarmTypeLabels, alarmTypes } from '@anlan/contracts';
import { describe, expect, it } from 'vitest';
import { alarmConfigSchema, defaultAlarmConfig } from './alarm-config.js';
import { alarmRefusal, alarmStatusAfter, allowedAlarmActions } from './alarm-lifecycle.js';

describe('alarm workflow table', () => {
  it('gives monitors the whole workflow and carriers only the recording of their handling', () => {
    expect(allowedAlarmActions('open', 'monitor')).toEqual(['acknowledge', 'remind', 'notify_carrier', 'handle']);
    expect(allowedAlarmActions('handled', 'admin')).toEqual(['handle', 'close']);
    expect(allowedAlarmActions('open', 'enterprise')).toEqual(['handle']);
    expect(allowedAlarmActions('closed', 'monitor')).toEqual([]);
    expect(allowedAlarmActions('open', 'leader')).toEqual([]);
    expect(alarmRefusal('handled', 'close', 'enterprise')).toBe('role');
    expect(alarmRefusal('open', 'close', 'monitor')).toBe('status');
  });

  it('takes an open alarm to acknowledged with the first step of a monitor', () => {
    expect(alarmStatusAfter('open', 'remind')).toBe('acknowledged');
    expect(alarmStatusAfter('acknowledged', 'notify_carrier')).toBe('acknowledged');
    expect(alarmStatusAfter('acknowledged', 'handle')).toBe('handled');
    expect(alarmStatusAfter('handled', 'close')).toBe('closed');
  });

  it('knows every alarm type the rules raise, with labels and a reminder in both languages', () => {
    for (const t of alarmTypes) {
      expect(alarmTypeLabels[t]['zh-CN'].length).toBeGreaterThan(0);
      expect(alarmReminderTexts[t]['zh-CN'].length).toBeLessThanOrEqual(200);
      expect(alarmReminderTexts[t].en.length).toBeGreaterThan(0);
    }
    expect(alarmReminderTexts.overspeed['zh-CN']).toBe('您已超速,请立即减速慢行');
  });

  it('validates the alarm thresholds an administrator sets, naming the field', () => {
    expect(alarmConfigSchema.parse(defaultAlarmConfig)).toEqual(defaultAlarmConfig);
    const bad = alarmConfigSchema.safeParse({
      ...defaultAlarmConfig,
      hazards: { ...defaultAlarmConfig.hazards, repeatedSerious: { enabled: true, count: 1, days: 7 } },
    });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path).toEqual(['hazards', 'repeatedSerious', 'count']);
  });
});
