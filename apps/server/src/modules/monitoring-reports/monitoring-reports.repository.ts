import type { MonitoringReportBody } from '@anlan/contracts';
import { sql } from 'kysely';
import type { Db } from '../../db/client.js';

/** The district's report has no organisation; the unique index keys it as this uuid. */
const DISTRICT_KEY = sql.lit('00000000-0000-0000-0000-000000000000');

export interface StoredReportHead {
  id: string;
  day: string;
  organisation_id: string | null;
  organisation_name: string | null;
  generated_at: Date;
  generated_by: string | null;
  generated_by_name: string | null;
}

export type StoredReport = StoredReportHead & { metrics: MonitoringReportBody };
export type StoredReportSummary = StoredReportHead & {
  summary: MonitoringReportBody['summary'];
  alarms: MonitoringReportBody['alarms'];
};

export interface NewReport {
  organisationId: string | null;
  body: MonitoringReportBody;
}

/** Stored daily reports: one per day and carrier, null carrier for the district. */
export class MonitoringReportsRepository {
  constructor(private readonly db: Db) {}

  private head(db: Db = this.db) {
    return db
      .selectFrom('daily_monitoring_reports as r')
      .leftJoin('organisations as o', 'o.id', 'r.organisation_id')
      .leftJoin('users as u', 'u.id', 'r.generated_by')
      .select(['r.id', 'r.day', 'r.organisation_id', 'o.name as organisation_name', 'r.generated_at', 'r.generated_by'])
      .select('u.display_name as generated_by_name');
  }

  async find(day: string, organisationId: string | null): Promise<StoredReport | undefined> {
    const row = await this.head()
      .select('r.metrics')
      .where('r.day', '=', day)
      .where((eb) =>
        organisationId ? eb('r.organisation_id', '=', organisationId) : eb('r.organisation_id', 'is', null),
      )
      .executeTakeFirst();
    return row as StoredReport | undefined;
  }

  /** Reports of one scope (a carrier, or the district when null) between two days, newest first. */
  async list(from: string, to: string, organisationId: string | null): Promise<StoredReportSummary[]> {
    const rows = await this.summaries()
      .where('r.day', '>=', from)
      .where('r.day', '<=', to)
      .where((eb) =>
        organisationId ? eb('r.organisation_id', '=', organisationId) : eb('r.organisation_id', 'is', null),
      )
      .orderBy('r.day', 'desc')
      .execute();
    return rows as StoredReportSummary[];
  }

  /** Every report of `day`: the district's first, then the carriers' by name. */
  async listDay(day: string): Promise<StoredReportSummary[]> {
    const rows = await this.summaries()
      .where('r.day', '=', day)
      .orderBy(sql`r.organisation_id is not null`)
      .orderBy('o.name')
      .execute();
    return rows as StoredReportSummary[];
  }

  private summaries() {
    return this.head().select([
      sql<unknown>`r.metrics -> 'summary'`.as('summary'),
      sql<unknown>`r.metrics -> 'alarms'`.as('alarms'),
    ]);
  }

  /** Which of `days` have a district report already. */
  async districtDays(days: readonly string[]): Promise<Set<string>> {
    if (days.length === 0) return new Set();
    const rows = await this.db
      .selectFrom('daily_monitoring_reports')
      .select('day')
      .where('day', 'in', days)
      .where('organisation_id', 'is', null)
      .execute();
    return new Set(rows.map((r) => r.day));
  }

  /** The organisations (null: the district) that have a report for `day`, with the report's id. */
  async existing(trx: Db, day: string): Promise<Map<string | null, string>> {
    const rows = await trx
      .selectFrom('daily_monitoring_reports')
      .select(['id', 'organisation_id'])
      .where('day', '=', day)
      .execute();
    return new Map(rows.map((r) => [r.organisation_id, r.id]));
  }

  /** Inserts or replaces one report of `day` (the unique key is day + carrier); returns its id. */
  async upsert(trx: Db, day: string, report: NewReport, at: Date, by: string | null): Promise<string> {
    const row = await sql<{ id: string }>`
      insert into daily_monitoring_reports (day, organisation_id, metrics, generated_at, generated_by)
      values (${day}::date, ${report.organisationId}::uuid, ${JSON.stringify(report.body)}::jsonb, ${at}, ${by}::uuid)
      on conflict (day, coalesce(organisation_id, ${DISTRICT_KEY}::uuid))
      do update set metrics = excluded.metrics, generated_at = excluded.generated_at, generated_by = excluded.generated_by
      returning id
    `.execute(trx);
    return row.rows[0]!.id;
  }

  async remove(trx: Db, ids: readonly string[]): Promise<void> {
    if (ids.length) await trx.deleteFrom('daily_monitoring_reports').where('id', 'in', ids).execute();
  }
}
