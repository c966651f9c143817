import type {
  GenerateMonitoringReport,
  MonitoringReport,
  MonitoringReportListItem,
  MonitoringReportListQuery,
} from '@anlan/contracts';
import type { Db } from '../../db/client.js';
import { badRequest, notFound } from '../../http/errors.js';
import { appendEvents, type NewEvent } from '../events/event-log.js';
import { isRegulator, requireRole, type Actor } from '../identity/actor.js';
import { buildDayReports, buildReportBody } from './monitoring-report-builder.js';
import { alarmDayStats, vehicleDayStats } from './monitoring-metrics.repository.js';
import {
  MonitoringReportsRepository,
  type NewReport,
  type StoredReport,
  type StoredReportSummary,
} from './monitoring-reports.repository.js';
import { loadMonitoringThresholds } from './monitoring-thresholds.js';
import { dayRange } from './report-day.js';

const GENERATORS = ['admin', 'monitor'] as const;

export interface MonitoringReportsOptions {
  /** Where a settings value that does not validate is reported. */
  log?: (message: string) => void;
  now?: () => Date;
  /** Connections one report may use at once (PostgreSQL; PGlite has one). */
  concurrency?: number;
}

/** 每日在线监测日报: generates, stores (one per day and carrier) and serves the daily reports, scoped to the actor. */
export class MonitoringReportsService {
  private readonly repo: MonitoringReportsRepository;
  private readonly log: (message: string) => void;
  readonly now: () => Date;
  private readonly concurrency: number;

  constructor(
    private readonly db: Db,
    opts: MonitoringReportsOptions = {},
  ) {
    this.repo = new MonitoringReportsRepository(db);
    this.log = opts.log ?? (() => {});
    this.now = opts.now ?? (() => new Date());
    this.concurrency = opts.concurrency ?? 1;
  }

  /**
   * Computes `day` and stores the result, replacing what was there: without `organisationId` the district's report,
   * one per carrier, and carrier reports of the day that no longer apply are removed; with it, only that carrier's.
   * `actor` null is the daily job.
   */
  async generate(actor: Actor | null, input: GenerateMonitoringReport): Promise<MonitoringReportListItem[]> {
    if (actor) requireRole(actor, GENERATORS);
    const range = dayRange(input.day);
    if (range.to.getTime() > this.now().getTime()) {
      throw badRequest({ 'zh-CN': `${input.day} 尚未结束,不能生成日报`, en: `day: ${input.day} has not ended yet` }, [
        { path: 'body.day', code: 'too_big', message: 'the day has not ended yet' },
      ]);
    }
    const organisationId = input.organisationId;
    if (organisationId) await this.requireCarrier(organisationId);
    const thresholds = await loadMonitoringThresholds(this.db, this.log);
    const vehicles = await vehicleDayStats(this.db, range, thresholds, {
      organisationId,
      concurrency: this.concurrency,
    });
    const alarms = await alarmDayStats(this.db, range, thresholds, organisationId);
    let reports: NewReport[];
    if (organisationId) {
      reports = [{ organisationId, body: buildReportBody(thresholds, vehicles, alarms, false) }];
    } else {
      const day = buildDayReports(thresholds, vehicles, alarms);
      reports = [
        { organisationId: null, body: day.district },
        ...day.carriers.map((c) => ({ organisationId: c.id, body: c.body })),
      ];
    }
    await this.store(actor, input.day, reports, organisationId === undefined);
    const stored = await this.repo.listDay(input.day);
    // In the order they were built: the district, then the carriers by name (pinyin).
    const order = new Map(reports.map((r, i) => [r.organisationId, i]));
    return stored
      .filter((r) => order.has(r.organisation_id))
      .sort((a, b) => order.get(a.organisation_id)! - order.get(b.organisation_id)!)
      .map(toListItem);
  }

  /** The days among `days` without a district report. */
  async missingDays(days: readonly string[]): Promise<string[]> {
    const have = await this.repo.districtDays(days);
    return days.filter((d) => !have.has(d));
  }

  async list(actor: Actor, q: MonitoringReportListQuery): Promise<MonitoringReportListItem[]> {
    const scope = this.scope(actor, q.organisationId);
    if (scope === undefined) return [];
    return (await this.repo.list(q.from, q.to, scope)).map(toListItem);
  }

  /** One report; another carrier's, the district's for an enterprise user, and a day not generated answer 404. */
  async get(actor: Actor, day: string, organisationId?: string): Promise<MonitoringReport> {
    const scope = this.scope(actor, organisationId);
    if (scope === undefined) throw notFound();
    const row = await this.repo.find(day, scope);
    if (!row) throw notFound();
    return toReport(row);
  }

  /**
   * The report scope the actor asks for: regulators any carrier or (by default) the district; everyone else only
   * their own carrier. undefined: nothing the actor may see.
   */
  private scope(actor: Actor, organisationId: string | undefined): string | null | undefined {
    if (isRegulator(actor)) return organisationId ?? null;
    const own = actor.organisationId;
    if (!own || (organisationId !== undefined && organisationId !== own)) return undefined;
    return own;
  }

  private async requireCarrier(organisationId: string): Promise<void> {
    const org = await this.db
      .selectFrom('organisations')
      .select('kind')
      .where('id', '=', organisationId)
      .executeTakeFirst();
    if (org?.kind !== 'enterprise') {
      throw badRequest({ 'zh-CN': '运输企业不存在', en: 'organisationId: no such carrier (an enterprise)' }, [
        { path: 'body.organisationId', code: 'not_found', message: 'no such enterprise' },
      ]);
    }
  }

  private async store(actor: Actor | null, day: string, reports: NewReport[], wholeDay: boolean): Promise<void> {
    const at = this.now();
    const by = actor?.userId ?? null;
    await this.db.transaction().execute(async (trx) => {
      const before = await this.repo.existing(trx, day);
      const events: NewEvent[] = [];
      for (const report of reports) {
        const id = await this.repo.upsert(trx, day, report, at, by);
        const s = report.body.summary;
        events.push({
          entityType: 'monitoring_report',
          entityId: id,
          organisationId: report.organisationId,
          type: before.has(report.organisationId) ? 'monitoring_report.regenerated' : 'monitoring_report.generated',
          actorId: by,
          at,
          payload: { day, vehiclesOnline: s.vehiclesOnline, rates: s.rates, alarms: report.body.alarms.count },
        });
      }
      if (wholeDay) {
        const kept = new Set(reports.map((r) => r.organisationId));
        const stale = [...before].filter(([org]) => !kept.has(org));
        await this.repo.remove(
          trx,
          stale.map(([, id]) => id),
        );
        for (const [org, id] of stale) {
          events.push({
            entityType: 'monitoring_report',
            entityId: id,
            organisationId: org,
            type: 'monitoring_report.removed',
            actorId: by,
            at,
            payload: { day, reason: 'no vehicles or alarms that day' },
          });
        }
      }
      await appendEvents(trx, events);
    });
  }
}

function head(r: StoredReport | StoredReportSummary) {
  return {
    id: r.id,
    day: r.day,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    generatedAt: r.generated_at.toISOString(),
    generatedBy: r.generated_by ? { id: r.generated_by, name: r.generated_by_name ?? '' } : null,
  };
}

function toListItem(r: StoredReportSummary): MonitoringReportListItem {
  const { count, acknowledged, inTime, inTimeRate } = r.alarms;
  return { ...head(r), summary: r.summary, alarms: { count, acknowledged, inTime, inTimeRate } };
}

function toReport(r: StoredReport): MonitoringReport {
  return { ...r.metrics, ...head(r) };
}
