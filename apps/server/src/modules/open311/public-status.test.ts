import { describe, expect, it } from 'vitest';
import { chinaIso, publicStatus, type ReportState } from './public-status.js';

const report = (r: Partial<ReportState>): ReportState => ({ status: 'open', status_notes: null, hazard_id: null, hazard_status: null, ...r });
const hazard = (status: ReportState['hazard_status']) => report({ hazard_id: 'h', hazard_status: status });

describe('the public status of a report', () => {
  it('is open and being checked until someone triages it', () => {
    expect(publicStatus(report({}))).toEqual({ status: 'open', triage: 'pending', notes: { 'zh-CN': '已收到,正在核实', en: 'Received; being checked' } });
  });

  it('follows the hazard: open while it is worked on, closed once closed or void', () => {
    for (const s of ['found', 'notice_issued', 'rectifying', 'submitted', 'verified'] as const) {
      expect(publicStatus(hazard(s))).toMatchObject({ status: 'open', triage: 'accepted', notes: { 'zh-CN': '已受理,正在整改' } });
    }
    expect(publicStatus(hazard('closed'))).toMatchObject({ status: 'closed', notes: { 'zh-CN': '已整改完毕' } });
    expect(publicStatus(hazard('void')).status).toBe('closed');
  });

  it('is closed with the reason when rejected', () => {
    expect(publicStatus(report({ status: 'closed', status_notes: '重复报告' }))).toMatchObject({ status: 'closed', triage: 'rejected', notes: { 'zh-CN': '不予受理:重复报告', en: 'Not accepted: 重复报告' } });
  });
});

describe('chinaIso', () => {
  it('writes the instant in China Standard Time with its offset', () => {
    expect(chinaIso(new Date('2026-12-31T16:30:05.123Z'))).toBe('2027-01-01T00:30:05+08:00');
  });
});
