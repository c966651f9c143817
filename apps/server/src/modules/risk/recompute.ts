import type { EscalationMove, RiskColour } from '@anlan/contracts';
import { sql } from 'kysely';
import type { Db } from '../../db/client.js';
import { appendEvents, canonicalJson, type NewEvent } from '../events/event-log.js';
import { moveType, stepLadder, stepSettings, triggersOf, type LadderState } from './escalation-ladder.js';
import { RiskFactsRepository, type AlarmAgg, type RepeatGroup } from './risk-facts.repository.js';
import { colourRank, type RiskConfig } from './risk-config.js';
import { scoreFacts, sumAlarms, type RiskFacts } from './risk-score.js';
import { RiskSnapshotRepository, type LadderRow, type LevelRow, type VehicleLevelRow } from './risk-snapshot.repository.js';

/** Serialises recomputes (the periodic job and one asked for by hand) so that no move is made twice. */
const RISK_LOCK = 80_808_101;

export interface RecomputeOutcome {
  computedAt: Date;
  subjects: number;
  vehicles: number;
  /** Subjects whose level (colour, score, factors or inspection frequency) changed. */
  changed: number;
  moves: Omit<EscalationMove, 'eventId'>[];
}

/** The calendar day in China (Asia/Shanghai, UTC+8) of an instant, as YYYY-MM-DD. */
export const dayInChina = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

const groupBy = <T, K>(rows: T[], key: (r: T) => K) => {
  const m = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
};

type EscalationRow = Awaited<ReturnType<RiskFactsRepository['escalations']>>[number];

const toLadder = (r: EscalationRow): LadderState => ({
  level: r.level,
  since: r.since,
  cleanSince: r.clean_since,
  listedSince: r.listed_since,
  scoreAtListing: r.score_at_listing,
  reasons: r.reasons,
  manualLevel: r.manual_level,
});

/** A ladder row's content, comparable between the stored row and the one computed now. */
const ladderKey = (r: Omit<LadderRow, 'reasons'> & { reasons: unknown }) =>
  canonicalJson([r.level, r.since, r.clean_since, r.listed_since, r.score_at_listing, r.reasons, r.supervisor_scope, r.supervisor_role, r.supervisor_organisation_id, r.inspection_frequency_days, r.daily_online_review].map((v) => (v instanceof Date ? v.toISOString() : v)));

/**
 * Recomputes the level of every subject and vehicle from the facts at `now`, moves subjects on the escalation
 * ladder, and stores the changed levels, today's history, an event per move and a risk_runs row. The facts are read
 * first, outside the transaction (on the embedded engine, other requests go on meanwhile); the ladder is read and
 * written under a lock, so that a periodic and an on-demand recompute never make the same move twice.
 * Deterministic: the same facts, state, clock and configuration give the same result. Returns the moves made.
 */
export async function recomputeRisk(db: Db, now: Date, cfg: RiskConfig): Promise<RecomputeOutcome> {
  const repo = new RiskFactsRepository(db);
  const subjects = await repo.subjects();
  const assessed = await repo.assessedColours();
  const hazards = await repo.hazards(now, cfg);
  const repeats = await repo.repeatedFindings(now, cfg);
  const alarms = await repo.alarms(now, cfg);
  const vehicles = await repo.vehicles();
  const districtId = await repo.districtOrganisationId();

  const assessedBy = new Map<string, { colour: RiskColour; ids: string[] }>();
  for (const a of assessed) {
    const had = assessedBy.get(a.subject_id);
    if (!had || colourRank[a.colour] > colourRank[had.colour]) assessedBy.set(a.subject_id, { colour: a.colour, ids: a.ids });
  }
  const hazardsBy = new Map(hazards.map((h) => [h.subject_id, h]));
  const repeatsBy = groupBy<RepeatGroup, string>(repeats, (r) => r.subject_id);
  const alarmsByOrg = groupBy<AlarmAgg, string>(alarms, (a) => a.organisation_id);
  const scored = subjects.map((s) => {
    const carrierAlarms = s.type === 'hazmat_carrier' && s.organisation_id ? alarmsByOrg.get(s.organisation_id) : undefined;
    const facts: RiskFacts = { assessed: assessedBy.get(s.id), hazards: hazardsBy.get(s.id), repeats: repeatsBy.get(s.id), alarms: carrierAlarms ? sumAlarms(carrierAlarms) : undefined };
    return { s, facts, ...scoreFacts(facts, cfg) };
  });

  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${RISK_LOCK})`.execute(trx);
    const stored = new Map((await new RiskFactsRepository(trx).escalations()).map((e) => [e.subject_id, e]));
    const levelRows: LevelRow[] = [];
    const ladderRows: LadderRow[] = [];
    const events: NewEvent[] = [];
    const moves: RecomputeOutcome['moves'] = [];
    const reviewedOrgs = new Set<string>();
    for (const { s, facts, score, colour, factors } of scored) {
      const row = stored.get(s.id);
      const prev = row ? toLadder(row) : undefined;
      const { next, move } = stepLadder(prev, triggersOf(facts, cfg), score, now, cfg);
      const settings = stepSettings(next.level, colour, s.department_id, districtId, cfg);
      levelRows.push({ subject_id: s.id, colour, score, factors, inspection_frequency_days: settings.inspectionFrequencyDays });
      if (settings.dailyOnlineReview && s.type === 'hazmat_carrier' && s.organisation_id) reviewedOrgs.add(s.organisation_id);
      if (prev || next.level !== 'none') {
        const ladder: LadderRow = {
          subject_id: s.id,
          level: next.level,
          since: next.since,
          clean_since: next.cleanSince,
          listed_since: next.listedSince,
          score_at_listing: next.scoreAtListing,
          reasons: JSON.stringify(next.reasons),
          supervisor_scope: settings.supervisorScope,
          supervisor_role: settings.supervisorRole,
          supervisor_organisation_id: settings.supervisorOrganisationId,
          inspection_frequency_days: settings.inspectionFrequencyDays,
          daily_online_review: settings.dailyOnlineReview,
        };
        if (!row || ladderKey({ ...ladder, reasons: next.reasons }) !== ladderKey(row)) ladderRows.push(ladder);
      }
      if (move) {
        const type = moveType(move.from, move.to);
        moves.push({ at: now.toISOString(), type, subjectId: s.id, subjectName: s.name, from: move.from, to: move.to, reasons: move.reasons, manual: false });
        events.push({
          entityType: 'subject',
          entityId: s.id,
          organisationId: s.organisation_id,
          type,
          actorId: null,
          at: now,
          payload: { from: move.from, to: move.to, reasons: move.reasons, manual: false, subjectName: s.name, subjectType: s.type, score, colour, ...settings },
        });
      }
    }

    const alarmsByVehicle = new Map(alarms.map((a) => [a.vehicle_id, a]));
    const vehicleRows: VehicleLevelRow[] = vehicles.map((v) => {
      const a = alarmsByVehicle.get(v.id);
      const r = scoreFacts({ alarms: a ? sumAlarms([a]) : undefined }, cfg);
      const daily = reviewedOrgs.has(v.organisation_id) || cfg.vehicleDailyReviewColours.includes(r.colour);
      return { vehicle_id: v.id, organisation_id: v.organisation_id, colour: r.colour, score: r.score, factors: r.factors, daily_online_review: daily };
    });

    const out = new RiskSnapshotRepository(trx);
    const changed = await out.levels(levelRows, dayInChina(now), now);
    await out.ladders(ladderRows, now);
    await out.vehicles(vehicleRows, now);
    await appendEvents(trx, events);
    await out.run({ computed_at: now, subjects: subjects.length, vehicles: vehicles.length, changed, moves: moves.length });
    return { computedAt: now, subjects: subjects.length, vehicles: vehicles.length, changed, moves };
  });
}
