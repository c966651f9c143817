import { describe, expect, it } from 'vitest';
import { stepLadder, triggersOf, type LadderState } from './escalation-ladder.js';
import { defaultRiskConfig as cfg } from './risk-config.js';
import type { HazardAgg } from './risk-facts.repository.js';
import { scoreFacts, type RiskFacts } from './risk-score.js';

const DAY = 86_400_000;
const t0 = new Date('2026-12-20T02:00:00Z');
const at = (d: number) => new Date(t0.getTime() + d * DAY);
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function hazards(p: Partial<HazardAgg>): HazardAgg {
  const zero = { open_major: 0, open_general: 0, overdue: 0, overdue_major: 0, long_overdue: 0, recheck_failures: 0, repeated_rechecks: 0, listed: 0, escalated: 0 };
  const ids = { open_major_ids: [], open_general_ids: [], overdue_ids: [], overdue_major_ids: [], long_overdue_ids: [], recheck_ids: [], repeated_recheck_ids: [], listed_ids: [], escalated_ids: [] };
  return { subject_id: id(0), ...zero, ...ids, ...p };
}
const alarms = (serious: number, critical = 0) => ({ serious, critical, violationIds: [id(9)], judged: 0, late: 0, lateIds: [] });
const codes = (f: RiskFacts) => {
  const t = triggersOf(f, cfg);
  return { listed: t.listed.map((r) => r.code), escalated: t.escalated.map((r) => r.code) };
};

describe('the points model', () => {
  it('explains the score: every factor with its points, and they sum to the score', () => {
    const s = scoreFacts(
      {
        assessed: { colour: 'orange', ids: [id(1)] },
        hazards: hazards({ open_major: 1, open_major_ids: [id(2)], open_general: 7, overdue: 1, overdue_ids: [id(3)], recheck_failures: 1 }),
        repeats: [{ n: 2, ids: [id(4), id(5)] }],
        alarms: { serious: 2, critical: 1, violationIds: [id(6)], judged: 10, late: 4, lateIds: [id(7)] },
      },
      cfg,
    );
    const points = Object.fromEntries(s.factors.map((f) => [f.code, f.points]));
    expect(points).toEqual({ assessed_risk: 35, open_major_hazards: 30, open_general_hazards: 20, overdue_hazards: 12, recheck_failures: 8, repeated_findings: 10, vehicle_violations: 12, alarm_handling: 8 });
    expect(s.score).toBe(s.factors.reduce((a, f) => a + f.points, 0));
    expect(s.colour).toBe('red');
    expect(s.factors[0]!.code).toBe('assessed_risk');
    expect(s.factors.find((f) => f.code === 'alarm_handling')!.label['zh-CN']).toBe('报警未及时处置4/10起(40%)');
  });

  it('leaves out facts that add nothing, and too few alarms to judge handling', () => {
    const s = scoreFacts({ assessed: { colour: 'blue', ids: [id(1)] }, alarms: { serious: 0, critical: 0, violationIds: [], judged: 2, late: 2, lateIds: [] } }, cfg);
    expect(s).toEqual({ score: 0, colour: 'blue', factors: [] });
  });
});

describe('the escalation rules', () => {
  it('lists on an open major hazard, a long-overdue hazard, two failed re-checks, violations or a leader’s flag', () => {
    expect(codes({ hazards: hazards({ open_major: 1 }) }).listed).toEqual(['major_hazard_open']);
    expect(codes({ hazards: hazards({ long_overdue: 1 }) }).listed).toEqual(['hazard_overdue']);
    expect(codes({ hazards: hazards({ repeated_rechecks: 1 }) }).listed).toEqual(['recheck_failed']);
    expect(codes({ hazards: hazards({ listed: 1 }) }).listed).toEqual(['hazard_listed']);
    expect(codes({ alarms: alarms(4) }).listed).toEqual([]);
    expect(codes({ alarms: alarms(3, 2) }).listed).toEqual(['vehicle_violations']);
  });

  it('escalates on an overdue major hazard, repeat violations or a leader’s flag', () => {
    expect(codes({ hazards: hazards({ open_major: 1, overdue_major: 1 }) }).escalated).toEqual(['major_hazard_overdue']);
    expect(codes({ hazards: hazards({ escalated: 1 }) }).escalated).toEqual(['hazard_escalated']);
    expect(codes({ alarms: alarms(14) }).escalated).toEqual([]);
    expect(codes({ alarms: alarms(15) })).toEqual({ listed: ['vehicle_violations'], escalated: ['repeat_violations'] });
  });
});

describe('the ladder', () => {
  const major = triggersOf({ hazards: hazards({ open_major: 1 }) }, cfg);
  const overdue = triggersOf({ hazards: hazards({ open_major: 1, overdue_major: 1 }) }, cfg);
  const none = triggersOf({}, cfg);
  const walk = (steps: [number, ReturnType<typeof triggersOf>, number][], start?: LadderState) => {
    let state = start;
    const moves: string[] = [];
    for (const [day, t, score] of steps) {
      const r = stepLadder(state, t, score, at(day), cfg);
      state = r.next;
      if (r.move) moves.push(`${day}:${r.move.from}→${r.move.to}:${r.move.reasons.map((x) => x.code).join('+')}`);
    }
    return { state: state!, moves };
  };

  it('goes up at once, down one step per clean period', () => {
    const { moves, state } = walk([
      [0, major, 30],
      [5, overdue, 42],
      [6, none, 0],
      [35, none, 0],
      [36, none, 0],
      [65, none, 0],
      [66, none, 0],
    ]);
    // Clean from day 6 (the first recompute without a triggering fact): down at 36, and again 30 days later.
    expect(moves).toEqual(['0:none→listed:major_hazard_open', '5:listed→escalated:major_hazard_overdue+major_hazard_open', '36:escalated→listed:clean_period', '66:listed→none:clean_period']);
    expect(state).toMatchObject({ level: 'none', listedSince: null });
  });

  it('keeps a settled state as it is, so that nothing is rewritten', () => {
    const { state } = walk([[0, major, 30]]);
    expect(stepLadder(state, major, 30, at(1), cfg).next).toEqual(state);
    const clean = stepLadder(state, none, 0, at(2), cfg).next;
    expect(stepLadder(clean, none, 0, at(3), cfg).next).toEqual(clean);
  });

  it('jumps from none straight to escalated when the facts call for it', () => {
    expect(walk([[0, overdue, 42]]).moves).toEqual(['0:none→escalated:major_hazard_overdue+major_hazard_open']);
  });

  it('restarts the clean period whenever a fact of the current level holds again', () => {
    const { moves } = walk([
      [0, major, 30],
      [20, none, 0],
      [29, major, 30],
      [50, none, 0],
      [79, none, 0],
      [80, none, 0],
    ]);
    expect(moves).toEqual(['0:none→listed:major_hazard_open', '80:listed→none:clean_period']);
  });

  it('escalates a subject listed for 30 days without improvement, not one whose score fell', () => {
    expect(walk([[0, major, 40], [29, major, 40], [30, major, 40]]).moves).toEqual(['0:none→listed:major_hazard_open', '30:listed→escalated:no_improvement+major_hazard_open']);
    expect(walk([[0, major, 40], [30, major, 34]]).moves).toEqual(['0:none→listed:major_hazard_open']);
  });

  it('makes no automatic move while a manual level is set', () => {
    const manual: LadderState = { level: 'escalated', since: at(0), cleanSince: null, listedSince: at(0), scoreAtListing: 0, reasons: [], manualLevel: 'escalated' };
    expect(walk([[100, none, 0]], manual)).toMatchObject({ moves: [], state: { level: 'escalated' } });
  });
});
