import type { HazardStatus, PublicReportTriage } from '@anlan/contracts';
import type { ExpressionBuilder, Insertable, Updateable } from 'kysely';
import type { Db } from '../../db/client.js';
import type { PublicReportsTable, Tables } from '../../db/tables.js';
import { CLOSING_HAZARD_STATUSES } from './public-status.js';

/** A report as the public may read it: no contact details, no token. */
export interface PublicReportRow {
  id: string;
  service_code: string;
  description: string;
  address: string | null;
  lat: number | null;
  lon: number | null;
  media_url: string | null;
  status: 'open' | 'closed';
  status_notes: string | null;
  hazard_id: string | null;
  created_at: Date;
  updated_at: Date;
  hazard_status: HazardStatus | null;
  hazard_code: string | null;
  hazard_deadline: Date | null;
  hazard_updated_at: Date | null;
}

/** A report as an inspector reads it, with the reporter's contact details. */
export type TriageReportRow = PublicReportRow & { contact: string | null };

export interface PublicReportFilter {
  ids?: string[];
  serviceCode?: string;
  from?: Date;
  to?: Date;
  status?: 'open' | 'closed';
  triage?: PublicReportTriage;
}

type Eb = ExpressionBuilder<Tables & { r: Tables['public_reports']; h: Tables['hazards'] }, 'r' | 'h'>;

/** The public status in SQL, the same fold as `publicStatus`; never NULL, so that NOT works without a hazard. */
const isClosed = (eb: Eb) =>
  eb.or([eb('r.status', '=', 'closed'), eb.and([eb('h.status', 'is not', null), eb('h.status', 'in', CLOSING_HAZARD_STATUSES)])]);

export class PublicReportsRepository {
  constructor(private readonly db: Db) {}

  async insert(trx: Db, values: Insertable<PublicReportsTable>): Promise<{ id: string; token: string }> {
    return trx.insertInto('public_reports').values(values).returning(['id', 'token']).executeTakeFirstOrThrow();
  }

  private base(db: Db = this.db) {
    return db
      .selectFrom('public_reports as r')
      .leftJoin('hazards as h', 'h.id', 'r.hazard_id')
      .select([
        'r.id',
        'r.service_code',
        'r.description',
        'r.address',
        'r.lat',
        'r.lon',
        'r.media_url',
        'r.status',
        'r.status_notes',
        'r.hazard_id',
        'r.created_at',
        'r.updated_at',
        'h.status as hazard_status',
        'h.code as hazard_code',
        'h.deadline as hazard_deadline',
        'h.updated_at as hazard_updated_at',
      ]);
  }

  private filtered(f: PublicReportFilter) {
    let q = this.base();
    if (f.ids) q = q.where('r.id', 'in', f.ids);
    if (f.serviceCode) q = q.where('r.service_code', '=', f.serviceCode);
    if (f.from) q = q.where('r.created_at', '>=', f.from);
    if (f.to) q = q.where('r.created_at', '<=', f.to);
    if (f.status === 'closed') q = q.where(isClosed);
    if (f.status === 'open') q = q.where((eb) => eb.not(isClosed(eb)));
    if (f.triage === 'rejected') q = q.where('r.status', '=', 'closed');
    if (f.triage === 'accepted') q = q.where('r.hazard_id', 'is not', null);
    if (f.triage === 'pending') q = q.where('r.status', '=', 'open').where('r.hazard_id', 'is', null);
    return q;
  }

  findPublic(id: string): Promise<PublicReportRow | undefined> {
    return this.base().where('r.id', '=', id).executeTakeFirst();
  }

  listPublic(f: PublicReportFilter, limit: number): Promise<PublicReportRow[]> {
    return this.filtered(f).orderBy('r.created_at', 'desc').orderBy('r.id').limit(limit).execute();
  }

  findForTriage(id: string, db: Db = this.db): Promise<TriageReportRow | undefined> {
    return this.base(db).select('r.contact').where('r.id', '=', id).executeTakeFirst();
  }

  async pageForTriage(f: PublicReportFilter, limit: number, offset: number): Promise<{ rows: TriageReportRow[]; total: number }> {
    const [rows, count] = await Promise.all([
      this.filtered(f).select('r.contact').orderBy('r.created_at', 'desc').orderBy('r.id').limit(limit).offset(offset).execute(),
      this.filtered(f).clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  }

  findIdByToken(token: string): Promise<{ id: string; token: string } | undefined> {
    return this.db.selectFrom('public_reports').select(['id', 'token']).where('token', '=', token).executeTakeFirst();
  }

  /** Locks the report for triage, so that two inspectors cannot both decide on it. */
  lock(trx: Db, id: string) {
    return trx.selectFrom('public_reports').select(['id', 'status', 'hazard_id', 'service_code', 'description', 'address', 'lat', 'lon']).where('id', '=', id).forUpdate().executeTakeFirst();
  }

  async update(trx: Db, id: string, patch: Updateable<PublicReportsTable>): Promise<void> {
    await trx.updateTable('public_reports').set(patch).where('id', '=', id).execute();
  }
}
