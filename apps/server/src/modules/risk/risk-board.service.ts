import { subjectTypes, type ColourCounts, type RiskBoard, type SubjectType } from '@anlan/contracts';
import type { Db } from '../../db/client.js';
import { visibleOrganisations, type Actor } from '../identity/actor.js';
import { dayInChina } from './recompute.js';
import { RiskReadRepository, toSubjectRisk } from './risk-read.repository.js';
import { weekRange } from './iso-week.js';

const DAY_MS = 86_400_000;
const TREND_DAYS = 30;
const TOP = 10;
const zero = (): ColourCounts => ({ red: 0, orange: 0, yellow: 0, blue: 0 });

/** 风险看板: what the board and the map draw, scoped to the user (an enterprise sees its own subjects only). */
export class RiskBoardService {
  private readonly read: RiskReadRepository;
  constructor(
    db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.read = new RiskReadRepository(db);
  }

  async board(actor: Actor): Promise<RiskBoard> {
    const visible = visibleOrganisations(actor);
    const now = this.now();
    const days = Array.from({ length: TREND_DAYS }, (_, i) => dayInChina(new Date(now.getTime() - (TREND_DAYS - 1 - i) * DAY_MS)));
    const [counts, trend, moves, top, computedAt, daily] = await Promise.all([
      this.read.counts(visible),
      this.read.trend(visible, days[0]!),
      this.read.moves({ visible, from: weekRange(undefined, now)!.from, limit: 200 }),
      this.read.top(visible, TOP),
      this.read.lastComputedAt(),
      this.read.countDailyReview(visible),
    ]);
    const byColour = zero();
    const byType = new Map<SubjectType, ColourCounts>();
    const byEscalation = { none: 0, listed: 0, escalated: 0 };
    for (const c of counts) {
      byColour[c.colour] += c.n;
      const t = byType.get(c.type) ?? zero();
      t[c.colour] += c.n;
      byType.set(c.type, t);
      byEscalation[c.escalation] += c.n;
    }
    const perDay = new Map(days.map((d) => [d, zero()]));
    for (const t of trend) {
      const d = perDay.get(t.day);
      if (d) d[t.colour] += t.n;
    }
    return {
      computedAt: computedAt?.toISOString() ?? null,
      byColour,
      byType: subjectTypes.filter((t) => byType.has(t)).map((type) => ({ type, ...byType.get(type)! })),
      byEscalation,
      vehiclesOnDailyReview: Number(daily.n),
      trend: days.map((day) => ({ day, ...perDay.get(day)! })),
      escalationsThisWeek: moves,
      topRisks: top.map((r) => {
        const { factors, ...risk } = toSubjectRisk(r);
        return { ...risk, topFactors: factors.slice(0, 3) };
      }),
    };
  }
}
