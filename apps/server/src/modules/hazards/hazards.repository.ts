import type { Hazard, LedgerExportQuery } from '@anlan/contracts';
import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { Db } from '../../db/client.js';
import type { HazardRow, Tables } from '../../db/tables.js';
import { ACCEPTANCE_STATUSES, DEADLINE_STATUSES, isAcceptanceOverdue, isOverdue, OPEN_STATUSES } from './hazard-lifecycle.js';

/** The ledger counts matching rows up to this many; beyond, the total is a lower bound. */
export const COUNT_CAP = 10_000;

export type HazardWithSubject = HazardRow & { subject_name: string };

export const toHazard = (r: HazardWithSubject, now: Date): Hazard => ({
  id: r.id,
  code: r.code,
  source: r.source,
  status: r.status,
  level: r.level,
  category: r.category,
  description: r.description,
  location: r.location,
  lat: r.lat,
  lon: r.lon,
  subjectId: r.subject_id,
  subjectName: r.subject_name,
  subjectType: r.subject_type,
  organisationId: r.organisation_id,
  departmentId: r.department_id,
  campaignId: r.campaign_id,
  inspectionId: r.inspection_id,
  clause: r.clause,
  catalogue: r.catalogue,
  riskColour: r.risk_colour,
  escalation: r.escalation,
  deadline: r.deadline?.toISOString() ?? null,
  overdue: isOverdue(r, now),
  acceptanceDueAt: r.acceptance_due_at?.toISOString() ?? null,
  acceptanceOverdue: isAcceptanceOverdue(r, now),
  recheckFailures: r.recheck_failures,
  noticeId: r.notice_id,
  foundAt: r.found_at.toISOString(),
  closedAt: r.closed_at?.toISOString() ?? null,
});

type HazardQuery = SelectQueryBuilder<Tables & { h: Tables['hazards'] }, 'h', object>;

/** The ledger's filters as SQL; every filter is optional and they combine with AND. */
export function applyLedgerFilter(q: HazardQuery, f: LedgerExportQuery & { visible: string[] | undefined }, now: Date): HazardQuery {
  if (f.visible) q = f.visible.length ? q.where('h.organisation_id', 'in', f.visible) : q.where(sql<boolean>`false`);
  if (f.campaignId) q = q.where('h.campaign_id', '=', f.campaignId);
  if (f.subjectType) q = q.where('h.subject_type', '=', f.subjectType);
  if (f.subjectId) q = q.where('h.subject_id', '=', f.subjectId);
  if (f.level) q = q.where('h.level', '=', f.level);
  if (f.status === 'open') q = q.where('h.status', 'in', OPEN_STATUSES);
  else if (f.status) q = q.where('h.status', '=', f.status);
  if (f.overdue !== undefined) {
    const overdue = (eb: ExpressionBuilder<Tables & { h: Tables['hazards'] }, 'h'>) =>
      eb.and([eb('h.status', 'in', DEADLINE_STATUSES), eb('h.deadline', '<', now)]);
    q = f.overdue ? q.where(overdue) : q.where((eb) => eb.not(overdue(eb)));
  }
  if (f.acceptanceOverdue !== undefined) {
    const late = (eb: ExpressionBuilder<Tables & { h: Tables['hazards'] }, 'h'>) =>
      eb.and([eb('h.status', 'in', ACCEPTANCE_STATUSES), eb('h.acceptance_due_at', '<', now)]);
    q = f.acceptanceOverdue ? q.where(late) : q.where((eb) => eb.not(late(eb)));
  }
  if (f.escalation) q = q.where('h.escalation', '=', f.escalation);
  if (f.departmentId) q = q.where('h.department_id', '=', f.departmentId);
  if (f.organisationId) q = q.where('h.organisation_id', '=', f.organisationId);
  if (f.from) q = q.where('h.found_at', '>=', new Date(f.from));
  if (f.to) q = q.where('h.found_at', '<', new Date(f.to));
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('h.code', 'like', like), eb('h.description', 'like', like)]));
  }
  return q;
}

export class HazardsRepository {
  constructor(private readonly db: Db) {}

  base(db: Db = this.db) {
    return db.selectFrom('hazards as h').innerJoin('subjects as s', 's.id', 'h.subject_id');
  }

  findById(id: string, db: Db = this.db): Promise<HazardWithSubject | undefined> {
    return this.base(db).selectAll('h').select('s.name as subject_name').where('h.id', '=', id).executeTakeFirst();
  }

  /** Locks the row for a transition, so two inspectors cannot move the same hazard at once. */
  lockById(trx: Db, id: string): Promise<HazardWithSubject | undefined> {
    return this.base(trx).selectAll('h').select('s.name as subject_name').where('h.id', '=', id).forUpdate('h').executeTakeFirst();
  }

  async ledgerPage(f: LedgerExportQuery & { visible: string[] | undefined; limit: number; offset: number }, now: Date) {
    const filtered = applyLedgerFilter(this.db.selectFrom('hazards as h') as unknown as HazardQuery, f, now);
    const [rows, count] = await Promise.all([
      filtered
        .innerJoin('subjects as s', 's.id', 'h.subject_id')
        .selectAll('h')
        .select('s.name as subject_name')
        .orderBy('h.found_at', 'desc')
        .orderBy('h.id', 'desc')
        .limit(f.limit)
        .offset(f.offset)
        .execute() as Promise<HazardWithSubject[]>,
      // Counting is capped: past COUNT_CAP rows the ledger says "10000+" instead of scanning a million.
      this.db
        .selectFrom(filtered.select(sql<number>`1`.as('one')).limit(COUNT_CAP + 1).as('capped'))
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow() as Promise<{ n: number }>,
    ]);
    const n = Number(count.n);
    return { rows, total: Math.min(n, COUNT_CAP), totalCapped: n > COUNT_CAP };
  }

  /** Every matching row, newest first, read in keyset pages so that memory stays flat. */
  async *ledgerStream(f: LedgerExportQuery & { visible: string[] | undefined }, now: Date, pageSize = 2000): AsyncGenerator<HazardWithSubject> {
    let after: { found_at: Date; id: string } | undefined;
    for (;;) {
      let q = applyLedgerFilter(this.db.selectFrom('hazards as h') as unknown as HazardQuery, f, now);
      if (after) {
        const a = after;
        q = q.where((eb) => eb.or([eb('h.found_at', '<', a.found_at), eb.and([eb('h.found_at', '=', a.found_at), eb('h.id', '<', a.id)])]));
      }
      const rows = (await q
        .innerJoin('subjects as s', 's.id', 'h.subject_id')
        .selectAll('h')
        .select('s.name as subject_name')
        .orderBy('h.found_at', 'desc')
        .orderBy('h.id', 'desc')
        .limit(pageSize)
        .execute()) as HazardWithSubject[];
      yield* rows;
      if (rows.length < pageSize) return;
      const last = rows[rows.length - 1]!;
      after = { found_at: last.found_at, id: last.id };
    }
  }

  files(hazardId: string) {
    return this.db
      .selectFrom('hazard_files as hf')
      .innerJoin('files as f', 'f.id', 'hf.file_id')
      .select(['f.id', 'f.mime', 'f.size_bytes', 'f.sha256', 'f.original_name', 'hf.role', 'hf.added_at'])
      .where('hf.hazard_id', '=', hazardId)
      .orderBy('hf.added_at')
      .execute();
  }

  plan(hazardId: string, db: Db = this.db) {
    return db.selectFrom('treatment_plans').selectAll().where('hazard_id', '=', hazardId).executeTakeFirst();
  }

  notices(hazardId: string) {
    return this.db
      .selectFrom('notice_hazards as nh')
      .innerJoin('notices as n', 'n.id', 'nh.notice_id')
      .select(['n.id', 'n.kind', 'n.number', 'n.deadline', 'n.issued_at'])
      .where('nh.hazard_id', '=', hazardId)
      .orderBy('n.issued_at')
      .execute();
  }

  caseIds(hazardId: string) {
    return this.db.selectFrom('case_hazards').select('case_id').where('hazard_id', '=', hazardId).execute();
  }

  async attachFiles(trx: Db, hazardId: string, fileIds: string[], role: Tables['hazard_files']['role']) {
    if (!fileIds.length) return;
    await trx
      .insertInto('hazard_files')
      .values(fileIds.map((file_id) => ({ hazard_id: hazardId, file_id, role })))
      .onConflict((oc) => oc.columns(['hazard_id', 'file_id']).doNothing())
      .execute();
  }

  async countFiles(hazardId: string, role: Tables['hazard_files']['role'], db: Db = this.db) {
    const r = await db.selectFrom('hazard_files').select((e) => e.fn.countAll<number>().as('n')).where('hazard_id', '=', hazardId).where('role', '=', role).executeTakeFirstOrThrow();
    return Number(r.n);
  }
}
