import { describe, expect, it } from 'vitest';
import { allowedActions, isAllowed, isOverdue, refusal, statusAfter } from './hazard-lifecycle.js';

describe('hazard life cycle', () => {
  it('walks a general hazard from found to closed through notice, rectification and re-check', () => {
    let h = { status: 'found' as const, level: 'general' as const } as { status: Parameters<typeof statusAfter>[0]['status']; level: 'general' | 'major' };
    for (const [action, role] of [['issue_notice', 'inspector'], ['start_rectifying', 'enterprise'], ['submit', 'enterprise'], ['recheck_pass', 'inspector']] as const) {
      expect(isAllowed(h, action, role)).toBe(true);
      h = { ...h, status: statusAfter(h, action) };
    }
    expect(h.status).toBe('closed');
    expect(allowedActions(h, 'admin')).toEqual([]);
  });

  it('holds a major hazard at verified until the leader signs off', () => {
    const submitted = { status: 'submitted' as const, level: 'major' as const };
    expect(statusAfter(submitted, 'recheck_pass')).toBe('verified');
    const verified = { status: 'verified' as const, level: 'major' as const };
    expect(isAllowed(verified, 'close', 'inspector')).toBe(false);
    expect(refusal(verified, 'close', 'inspector')).toBe('role');
    expect(isAllowed(verified, 'close', 'leader')).toBe(true);
  });

  it('loops back to rectifying when a re-check fails', () => {
    expect(statusAfter({ status: 'submitted', level: 'general' }, 'recheck_fail')).toBe('rectifying');
  });

  it('allows fixing on the spot only for general hazards just found', () => {
    expect(isAllowed({ status: 'found', level: 'general' }, 'fix_on_spot', 'inspector')).toBe(true);
    expect(refusal({ status: 'found', level: 'major' }, 'fix_on_spot', 'inspector')).toBe('level');
    expect(refusal({ status: 'notice_issued', level: 'general' }, 'fix_on_spot', 'inspector')).toBe('status');
  });

  it('never lets an enterprise re-check, close or void its own hazard', () => {
    for (const status of ['found', 'notice_issued', 'rectifying', 'submitted', 'verified'] as const) {
      const actions = allowedActions({ status, level: 'major' }, 'enterprise');
      expect(actions.every((a) => ['start_rectifying', 'submit', 'edit_plan'].includes(a))).toBe(true);
    }
  });

  it('flags overdue only while the deadline runs', () => {
    const now = new Date('2026-12-10T00:00:00Z');
    const past = new Date('2026-12-01T00:00:00Z');
    expect(isOverdue({ status: 'rectifying', deadline: past }, now)).toBe(true);
    expect(isOverdue({ status: 'submitted', deadline: past }, now)).toBe(false);
    expect(isOverdue({ status: 'notice_issued', deadline: new Date('2026-12-31T00:00:00Z') }, now)).toBe(false);
  });
});
