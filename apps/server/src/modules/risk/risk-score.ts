import type { RiskColour, RiskFactor } from '@anlan/contracts';
import { scoreColour } from './grading.js';
import type { RiskConfig } from './risk-config.js';
import { EVIDENCE_LIMIT, type HazardAgg } from './risk-facts.repository.js';

/** Alarm facts summed for a carrier (all its vehicles) or for one vehicle. */
export interface AlarmFacts {
  serious: number;
  critical: number;
  violationIds: string[];
  judged: number;
  late: number;
  lateIds: string[];
}

/** Everything known about one subject (or vehicle) that can raise its level. */
export interface RiskFacts {
  assessed?: { colour: RiskColour; ids: string[] } | undefined;
  hazards?: HazardAgg | undefined;
  repeats?: { n: number; ids: string[] }[] | undefined;
  alarms?: AlarmFacts | undefined;
}

export interface Scored {
  score: number;
  colour: RiskColour;
  factors: RiskFactor[];
}

const capped = (n: number, c: { each: number; max: number }) => Math.min(n * c.each, c.max);

const colourNames: Record<RiskColour, [string, string]> = { red: ['红色', 'red'], orange: ['橙色', 'orange'], yellow: ['黄色', 'yellow'], blue: ['蓝色', 'blue'] };

/**
 * The transparent points model: each fact adds points as configured, the factors sum to the score, the score's
 * colour is the level. Factors that add nothing are left out, so the page lists only what raised the level.
 */
export function scoreFacts(f: RiskFacts, cfg: RiskConfig): Scored {
  const p = cfg.points;
  const factors: RiskFactor[] = [];
  const add = (code: string, zh: string, en: string, points: number, count: number, ids: string[]) => {
    if (points > 0) factors.push({ code, label: { 'zh-CN': zh, en }, points, count, evidenceIds: ids.slice(0, EVIDENCE_LIMIT) });
  };
  if (f.assessed) {
    const [zh, en] = colourNames[f.assessed.colour];
    add('assessed_risk', `风险点评估为${zh}等级(${f.assessed.ids.length}处)`, `${f.assessed.ids.length} risk point(s) assessed ${en}`, p.assessedColour[f.assessed.colour], f.assessed.ids.length, f.assessed.ids);
  }
  const h = f.hazards;
  if (h) {
    add('open_major_hazards', `未销号重大隐患${h.open_major}项`, `${h.open_major} open major hazard(s)`, capped(h.open_major, p.openMajorHazard), h.open_major, h.open_major_ids);
    add('open_general_hazards', `未销号一般隐患${h.open_general}项`, `${h.open_general} open general hazard(s)`, capped(h.open_general, p.openGeneralHazard), h.open_general, h.open_general_ids);
    add('overdue_hazards', `逾期未整改隐患${h.overdue}项`, `${h.overdue} hazard(s) past their deadline`, capped(h.overdue, p.overdueHazard), h.overdue, h.overdue_ids);
    add('recheck_failures', `复查不合格${h.recheck_failures}次`, `${h.recheck_failures} failed re-check(s)`, capped(h.recheck_failures, p.recheckFailure), h.recheck_failures, h.recheck_ids);
  }
  if (f.repeats?.length) {
    const w = p.repeatedFinding.windowDays;
    const findings = f.repeats.reduce((s, g) => s + g.n, 0);
    add('repeated_findings', `${w}天内同类问题重复出现${f.repeats.length}类(${findings}次)`, `${f.repeats.length} finding(s) repeated within ${w} days (${findings} times)`, capped(f.repeats.length, p.repeatedFinding), f.repeats.length, f.repeats.flatMap((g) => g.ids));
  }
  const a = f.alarms;
  if (a) {
    const v = p.vehicleViolation;
    const n = a.serious + a.critical;
    add('vehicle_violations', `${v.windowDays}天内车辆严重违规${n}起(其中紧急${a.critical}起)`, `${n} serious or critical vehicle violation(s) in ${v.windowDays} days (${a.critical} critical)`, Math.min(a.serious * v.serious + a.critical * v.critical, v.max), n, a.violationIds);
    const hd = p.alarmHandling;
    if (a.judged >= hd.minAlarms) {
      const share = a.late / a.judged;
      const pct = Math.round(share * 100);
      add('alarm_handling', `报警未及时处置${a.late}/${a.judged}起(${pct}%)`, `${a.late} of ${a.judged} alarms not handled within ${hd.limitMinutes} min (${pct}%)`, Math.round(share * hd.maxPoints), a.late, a.lateIds);
    }
  }
  factors.sort((x, y) => y.points - x.points);
  const score = factors.reduce((s, x) => s + x.points, 0);
  return { score, colour: scoreColour(score, cfg), factors };
}

/** Sums per-vehicle alarm rows into one carrier's facts (evidence newest first is kept per vehicle, then merged). */
export function sumAlarms(rows: { serious: number; critical: number; violation_ids: string[]; judged: number; late: number; late_ids: string[] }[]): AlarmFacts {
  return {
    serious: rows.reduce((s, r) => s + r.serious, 0),
    critical: rows.reduce((s, r) => s + r.critical, 0),
    violationIds: rows.flatMap((r) => r.violation_ids).slice(0, EVIDENCE_LIMIT),
    judged: rows.reduce((s, r) => s + r.judged, 0),
    late: rows.reduce((s, r) => s + r.late, 0),
    lateIds: rows.flatMap((r) => r.late_ids).slice(0, EVIDENCE_LIMIT),
  };
}
