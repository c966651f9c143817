import type { CampaignStatistics, SubjectType } from '@anlan/contracts';
import { sql } from 'kysely';
import type { Db } from '../../db/client.js';
import { notFound } from '../../http/errors.js';
import { DEADLINE_STATUSES, OPEN_STATUSES } from '../hazards/hazard-lifecycle.js';
import { briefing } from './briefing.js';

type Period = { from?: string | undefined; to?: string | undefined };

/** A campaign's figures, computed from the records, in the shape the district publishes. */
export class CampaignStatisticsService {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async compute(campaignId: string, period: Period = {}): Promise<CampaignStatistics> {
    const campaign = await this.db.selectFrom('campaigns').select(['id', 'name']).where('id', '=', campaignId).executeTakeFirst();
    if (!campaign) throw notFound();
    const from = period.from ? new Date(period.from) : undefined;
    const to = period.to ? new Date(period.to) : undefined;
    const within = (col: string) => sql.join([sql`true`, ...(from ? [sql`${sql.ref(col)} >= ${from}`] : []), ...(to ? [sql`${sql.ref(col)} < ${to}`] : [])], sql` and `);
    const now = this.now();

    const [inspections, subjects, hazards, notices, cases] = await Promise.all([
      sql<{ inspections: number; visits: number; leaflets: number }>`
        select count(distinct i.id)::int as inspections, count(ii.user_id)::int as visits,
               (select coalesce(sum(leaflets), 0)::int from inspections where campaign_id = ${campaignId} and ${within('inspected_at')}) as leaflets
        from inspections i left join inspection_inspectors ii on ii.inspection_id = i.id
        where i.campaign_id = ${campaignId} and ${within('i.inspected_at')}`.execute(this.db),
      sql<{ type: SubjectType; n: number }>`
        select s.type, count(distinct s.id)::int as n from inspections i join subjects s on s.id = i.subject_id
        where i.campaign_id = ${campaignId} and ${within('i.inspected_at')} group by s.type`.execute(this.db),
      sql<{ type: SubjectType; found: number; major: number; rectified: number; open: number; overdue: number }>`
        select subject_type as type, count(*)::int as found,
               count(*) filter (where level = 'major')::int as major,
               count(*) filter (where status = 'closed')::int as rectified,
               count(*) filter (where status in (${sql.join(OPEN_STATUSES)}))::int as open,
               count(*) filter (where status in (${sql.join(DEADLINE_STATUSES)}) and deadline < ${now})::int as overdue
        from hazards where campaign_id = ${campaignId} and status <> 'void' and ${within('found_at')}
        group by subject_type`.execute(this.db),
      sql<{ kind: 'rectify' | 'stop_work'; n: number }>`
        select kind, count(*)::int as n from notices where campaign_id = ${campaignId} and ${within('issued_at')} group by kind`.execute(this.db),
      sql<{ n: number }>`select count(*)::int as n from cases where campaign_id = ${campaignId} and ${within('opened_at')}`.execute(this.db),
    ]);

    const byType = (pick: (r: (typeof hazards.rows)[number]) => number) => Object.fromEntries(hazards.rows.map((r) => [r.type, pick(r)]));
    const sum = (pick: (r: (typeof hazards.rows)[number]) => number) => hazards.rows.reduce((a, r) => a + pick(r), 0);
    const found = sum((r) => r.found);
    const rectified = sum((r) => r.rectified);
    const ins = inspections.rows[0]!;
    const stats: Omit<CampaignStatistics, 'briefing'> = {
      campaignId,
      campaignName: campaign.name,
      period: { from: from?.toISOString() ?? null, to: to?.toISOString() ?? null },
      inspectorVisits: ins.visits,
      inspections: ins.inspections,
      leaflets: ins.leaflets,
      subjectsInspected: Object.fromEntries(subjects.rows.map((r) => [r.type, r.n])),
      hazardsFound: found,
      hazardsByType: byType((r) => r.found),
      majorHazards: sum((r) => r.major),
      notices: { rectify: notices.rows.find((r) => r.kind === 'rectify')?.n ?? 0, stop_work: notices.rows.find((r) => r.kind === 'stop_work')?.n ?? 0 },
      cases: cases.rows[0]!.n,
      rectified,
      rectifiedByType: byType((r) => r.rectified),
      open: sum((r) => r.open),
      overdue: sum((r) => r.overdue),
      closureRate: found ? Math.round((rectified / found) * 10000) / 10000 : 0,
    };
    return { ...stats, briefing: briefing(stats) };
  }
}
