import { alarmReminderTexts } from '@anlan/contracts';
import { describe, expect, it } from 'vitest';
import { alarmActionBody, defaultReminder } from './actionBody';

describe('alarm step bodies', () => {
  it('sends only what the step takes, leaving blank optional texts to the server', () => {
    expect(alarmActionBody('acknowledge', { note: '  ', text: 'x' })).toEqual({ action: 'acknowledge', note: undefined });
    expect(alarmActionBody('close', { note: ' 企业已处置 ' })).toEqual({ action: 'close', note: '企业已处置' });
    expect(alarmActionBody('remind', { text: ' 请在前方服务区停车 ', note: 'x' })).toEqual({ action: 'remind', text: '请在前方服务区停车' });
    expect(alarmActionBody('handle', { measure: 'driver_stopped', note: ' 已停车 ' })).toEqual({ action: 'handle', measure: 'driver_stopped', note: '已停车' });
  });

  it('starts a reminder with the standard Chinese text of the alarm type', () => {
    expect(defaultReminder('overspeed')).toBe(alarmReminderTexts.overspeed['zh-CN']);
    expect(defaultReminder('a_type_from_a_newer_server')).toBe(alarmReminderTexts.device['zh-CN']);
  });
});
