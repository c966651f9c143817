import type { Locale, PublicReport, PublicReportQuery, Role, TriagePublicReport } from '@anlan/contracts';
import type { Db } from '../../db/client.js';
import { badRequest, conflict, notFound } from '../../http/errors.js';
import { appendEvent } from '../events/event-log.js';
import type { HazardsService } from '../hazards/hazards.service.js';
import type { Actor } from '../identity/actor.js';
import { serviceOf } from './open311-services.js';
import { PublicReportsRepository, type TriageReportRow } from './public-reports.repository.js';
import { publicStatus } from './public-status.js';

/** Who works the triage list: regulator staff who may record hazards or answer for them. */
export const TRIAGE_ROLES: readonly Role[] = ['admin', 'leader', 'inspector', 'enforcement'];

function parseContact(json: string | null): PublicReport['contact'] {
  if (!json) return null;
  try {
    const c = JSON.parse(json) as Record<string, unknown>;
    const pick = (k: string) => (typeof c[k] === 'string' ? { [k]: c[k] } : {});
    return { ...pick('email'), ...pick('phone'), ...pick('firstName'), ...pick('lastName') };
  } catch {
    return null;
  }
}

export function toPublicReport(r: TriageReportRow, locale: Locale): PublicReport {
  const service = serviceOf(r.service_code);
  const folded = publicStatus(r);
  return {
    id: r.id,
    serviceCode: r.service_code,
    serviceName: service.name[locale],
    category: service.category,
    suggestedSubjectType: service.subjectType,
    description: r.description,
    address: r.address,
    lat: r.lat,
    lon: r.lon,
    mediaUrl: r.media_url,
    contact: parseContact(r.contact),
    triage: folded.triage,
    status: folded.status,
    statusNotes: folded.notes[locale],
    rejectReason: folded.triage === 'rejected' ? r.status_notes : null,
    hazardId: r.hazard_id,
    hazardCode: r.hazard_code,
    hazardStatus: r.hazard_status,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** The inspectors' side: public reports as triage items, accepted into the closed loop as hazards or rejected. */
export class PublicReportsService {
  readonly repo: PublicReportsRepository;
  constructor(
    private readonly db: Db,
    private readonly hazards: HazardsService,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.repo = new PublicReportsRepository(db);
  }

  async list(actor: Actor, q: PublicReportQuery): Promise<{ items: PublicReport[]; total: number }> {
    const { rows, total } = await this.repo.pageForTriage({ ...(q.status ? { status: q.status } : {}), ...(q.triage ? { triage: q.triage } : {}) }, q.limit, q.offset);
    return { items: rows.map((r) => toPublicReport(r, actor.locale)), total };
  }

  async get(actor: Actor, id: string): Promise<PublicReport> {
    const row = await this.repo.findForTriage(id);
    if (!row) throw notFound();
    return toPublicReport(row, actor.locale);
  }

  async triage(actor: Actor, id: string, t: TriagePublicReport): Promise<PublicReport> {
    const subject =
      t.action === 'accept' ? await this.db.selectFrom('subjects').selectAll().where('id', '=', t.subjectId).executeTakeFirst() : undefined;
    if (t.action === 'accept' && !subject) {
      throw badRequest({ 'zh-CN': '检查对象不存在', en: 'subjectId: no such subject' }, [{ path: 'body.subjectId', code: 'not_found', message: 'no such subject' }]);
    }
    const now = this.now();
    await this.db.transaction().execute(async (trx) => {
      const r = await this.repo.lock(trx, id);
      if (!r) throw notFound();
      if (r.status === 'closed' || r.hazard_id) {
        throw conflict({ 'zh-CN': '该报告已处理', en: 'This report has already been triaged' });
      }
      if (t.action === 'reject') {
        await this.repo.update(trx, id, { status: 'closed', status_notes: t.reason, updated_at: now });
        await appendEvent(trx, { entityType: 'public_report', entityId: id, type: 'public_report.rejected', actorId: actor.userId, at: now, payload: { reason: t.reason } });
        return;
      }
      const s = subject!;
      const h = await this.hazards.insert(trx, actor.userId, {
        source: 'public_report',
        subject_id: s.id,
        subject_type: s.type,
        organisation_id: s.organisation_id,
        department_id: s.department_id,
        level: t.level,
        category: serviceOf(r.service_code).category,
        description: t.description ?? r.description,
        location: r.address ?? s.address,
        lat: r.lat ?? s.lat,
        lon: r.lon ?? s.lon,
        risk_colour: t.level === 'major' ? 'red' : 'yellow',
        found_at: now,
        updated_at: now,
      });
      await this.repo.update(trx, id, { hazard_id: h.id, updated_at: now });
      await appendEvent(trx, {
        entityType: 'public_report',
        entityId: id,
        type: 'public_report.accepted',
        actorId: actor.userId,
        at: now,
        payload: { hazardId: h.id, hazardCode: h.code, subjectId: s.id, level: t.level },
      });
    });
    return this.get(actor, id);
  }
}
