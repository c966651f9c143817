import { regulatorRoles, type EscalationLevel, type InspectionPlan, type InspectionPlanItem, type InspectionPlanQuery, type RiskColour, type SubjectType } from '@anlan/contracts';
import { sql } from 'kysely';
import type { Db } from '../../db/client.js';
import { badRequest } from '../../http/errors.js';
import { requireRole, type Actor } from '../identity/actor.js';
import { dayInChina } from './recompute.js';
import { colourRank, type RiskConfigSource } from './risk-config.js';
import { weekRange } from './iso-week.js';

const DAY_MS = 86_400_000;

interface Candidate {
  id: string;
  name: string;
  type: SubjectType;
  organisation_id: string | null;
  department_id: string | null;
  department_name: string | null;
  colour: RiskColour;
  score: number;
  escalation: EscalationLevel;
  frequency_days: number;
  last_at: Date | null;
  due_at: Date;
  inspector_id: string | null;
}

/**
 * 检查计划: the subjects due for inspection in a week. A subject is due when its last inspection (or, never
 * inspected, its registration) lies its inspection frequency back — the stricter of its colour's and its escalation
 * step's (stored by the recompute). Red first, then the longest overdue. The suggested inspector is whoever led
 * the last inspection there, else an inspector of a campaign running that week for the subject's type and department.
 */
export class InspectionPlanService {
  constructor(
    private readonly db: Db,
    private readonly config: RiskConfigSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async plan(actor: Actor, q: InspectionPlanQuery): Promise<InspectionPlan> {
    requireRole(actor, regulatorRoles);
    const now = this.now();
    const range = weekRange(q.week, now);
    if (!range) throw badRequest({ 'zh-CN': '该年没有这一周', en: `week: ${q.week} does not exist` }, [{ path: 'query.week', code: 'invalid', message: 'no such ISO week' }]);
    const cfg = await this.config();
    const rows = await this.candidates(range.from, range.to, q.departmentId, cfg.inspectionDays.blue);
    // Overdue days are counted at today's date inside the week, at its start for a week to come, at its end for one past.
    const ref = Math.min(Math.max(now.getTime(), range.from.getTime()), range.to.getTime());
    const all: InspectionPlanItem[] = rows.map((r) => ({
      subjectId: r.id,
      subjectName: r.name,
      subjectType: r.type,
      organisationId: r.organisation_id,
      departmentId: r.department_id,
      colour: r.colour,
      score: r.score,
      escalation: r.escalation,
      frequencyDays: r.frequency_days,
      lastInspectedAt: r.last_at?.toISOString() ?? null,
      dueAt: r.due_at.toISOString(),
      overdueDays: Math.max(0, Math.floor((ref - r.due_at.getTime()) / DAY_MS)),
      suggestedInspectorId: r.inspector_id,
    }));
    all.sort((a, b) => colourRank[b.colour] - colourRank[a.colour] || b.overdueDays - a.overdueDays || b.score - a.score || a.subjectName.localeCompare(b.subjectName, 'zh-CN') || a.subjectId.localeCompare(b.subjectId));
    const items = q.inspectorId ? all.filter((i) => i.suggestedInspectorId === q.inspectorId) : all;
    const names = await this.userNames(all.map((i) => i.suggestedInspectorId));
    const departments = new Map(rows.map((r) => [r.department_id, r.department_name]));
    return {
      week: range.week,
      from: range.from.toISOString(),
      to: range.to.toISOString(),
      total: items.length,
      items: items.slice(0, q.limit),
      byInspector: groups(items, (i) => i.suggestedInspectorId, (id) => (id ? (names.get(id) ?? null) : null)),
      byDepartment: groups(items, (i) => i.departmentId, (id) => departments.get(id) ?? null),
    };
  }

  private async candidates(from: Date, to: Date, departmentId: string | undefined, defaultDays: number): Promise<Candidate[]> {
    const dept = departmentId ? sql`and s.department_id = ${departmentId}` : sql``;
    const r = await sql<Candidate>`
      select * from (
        select s.id, s.name, s.type, s.organisation_id, s.department_id, d.name as department_name,
          coalesce(l.colour, 'blue') as colour, coalesce(l.score, 0) as score, coalesce(e.level, 'none') as escalation,
          coalesce(l.inspection_frequency_days, ${defaultDays}::int) as frequency_days,
          li.inspected_at as last_at,
          coalesce(li.inspected_at, s.created_at) + make_interval(days => coalesce(l.inspection_frequency_days, ${defaultDays}::int)) as due_at,
          coalesce(li.inspector_id, cp.user_id) as inspector_id
        from subjects s
        left join organisations d on d.id = s.department_id
        left join subject_risk_levels l on l.subject_id = s.id
        left join subject_escalations e on e.subject_id = s.id
        left join lateral (
          select i.inspected_at,
            (select ii.user_id from inspection_inspectors ii where ii.inspection_id = i.id
              order by (ii.user_id = i.created_by) desc, ii.user_id limit 1) as inspector_id
          from inspections i where i.subject_id = s.id order by i.inspected_at desc limit 1
        ) li on true
        left join lateral (
          select ci.user_id from campaigns c join campaign_inspectors ci on ci.campaign_id = c.id
          where s.type = any(c.subject_types) and (c.department_id is null or c.department_id = s.department_id)
            and c.starts_on <= ${dayInChina(to)}::date and c.ends_on >= ${dayInChina(from)}::date
          order by c.starts_on desc, ci.user_id limit 1
        ) cp on true
        where true ${dept}
      ) x
      where x.due_at < ${to}`.execute(this.db);
    return r.rows;
  }

  private async userNames(ids: (string | null)[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((i): i is string => i !== null))];
    if (!wanted.length) return new Map();
    const rows = await this.db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', wanted).execute();
    return new Map(rows.map((u) => [u.id, u.display_name]));
  }
}

function groups(items: InspectionPlanItem[], key: (i: InspectionPlanItem) => string | null, name: (id: string | null) => string | null) {
  const m = new Map<string | null, { count: number; red: number }>();
  for (const i of items) {
    const g = m.get(key(i)) ?? { count: 0, red: 0 };
    g.count++;
    if (i.colour === 'red') g.red++;
    m.set(key(i), g);
  }
  return [...m.entries()].map(([id, g]) => ({ id, name: name(id), ...g })).sort((a, b) => b.red - a.red || b.count - a.count);
}
