import type { IssueNotice, Notice } from '@anlan/contracts';
import type { Db } from '../../db/client.js';
import { nextSerial, yearInChina } from '../../db/serials.js';
import { renderNoticePdf } from '../../documents/notice-pdf.js';
import { badRequest, notFound } from '../../http/errors.js';
import { appendEvents, type NewEvent } from '../events/event-log.js';
import type { FilesService } from '../files/files.service.js';
import { canSeeOrganisation, visibleOrganisations, type Actor } from '../identity/actor.js';
import { mustBeFuture, type HazardsService } from './hazards.service.js';

export interface NoticesConfig {
  /** Printed before the kind in the number: 嘉港资规 → 嘉港资规限改〔2026〕17号. */
  numberPrefix: string;
  /** Demo notices carry a watermark. */
  demo: boolean;
}

const KIND_WORD = { rectify: '限改', stop_work: '停改' } as const;

/** 限期整改通知书 and 停工整改通知书: numbered per year, rendered once to PDF, the bytes kept. */
export class NoticesService {
  constructor(
    private readonly db: Db,
    private readonly hazards: HazardsService,
    private readonly files: FilesService,
    private readonly config: NoticesConfig,
  ) {}

  async issue(actor: Actor, input: IssueNotice): Promise<Notice> {
    const now = this.hazards.now();
    mustBeFuture(input.deadline, 'body.deadline', now);
    const hazardIds = [...new Set(input.hazardIds)];
    const id = await this.db.transaction().execute(async (trx) => {
      const hs = [];
      for (const hid of hazardIds) {
        const h = await this.hazards.visible(actor, hid, trx).catch(() => {
          throw badRequest({ 'zh-CN': `隐患不存在:${hid}`, en: `body.hazardIds: no such hazard ${hid}` }, [{ path: 'body.hazardIds', code: 'not_found', message: `no such hazard ${hid}` }]);
        });
        this.hazards.assertAllowed(h, 'issue_notice', actor);
        hs.push(h);
      }
      const subjectId = hs[0]!.subject_id;
      if (hs.some((h) => h.subject_id !== subjectId)) {
        throw badRequest({ 'zh-CN': '一份通知书只能针对同一检查对象的隐患', en: 'body.hazardIds: all hazards must belong to one subject' }, [
          { path: 'body.hazardIds', code: 'mixed_subjects', message: 'hazards of several subjects' },
        ]);
      }
      const subject = await trx.selectFrom('subjects').selectAll().where('id', '=', subjectId).executeTakeFirstOrThrow();
      const owner = subject.organisation_id
        ? await trx.selectFrom('organisations').select('name').where('id', '=', subject.organisation_id).executeTakeFirst()
        : undefined;
      const issuer = actor.organisationId
        ? await trx.selectFrom('organisations').select('name').where('id', '=', actor.organisationId).executeTakeFirst()
        : undefined;
      const inspectionIds = [...new Set(hs.map((h) => h.inspection_id).filter((x): x is string => x !== null))];
      const inspectors = inspectionIds.length
        ? await trx.selectFrom('inspection_inspectors as ii').innerJoin('users as u', 'u.id', 'ii.user_id').select('u.display_name').where('ii.inspection_id', 'in', inspectionIds).distinct().execute()
        : [];
      const year = yearInChina(now);
      const serial = await nextSerial(trx, `notice.${input.kind}`, year);
      const number = `${this.config.numberPrefix}${KIND_WORD[input.kind]}〔${year}〕${serial}号`;
      const recipient = input.recipient ?? owner?.name ?? subject.name;
      const deadline = new Date(input.deadline);
      const pdf = await renderNoticePdf({
        kind: input.kind,
        number,
        issuingBody: issuer?.name ?? '安全生产监督管理部门',
        recipient: { name: recipient, ...(subject.contact_phone ? { contact: subject.contact_phone } : {}) },
        subject: { name: subject.name, ...(subject.address ? { address: subject.address } : {}) },
        inspectedAt: hs.map((h) => h.found_at).reduce((a, b) => (a < b ? a : b)),
        issuedAt: now,
        deadline,
        hazards: hs.map((h) => ({
          description: h.description,
          level: h.level,
          ...(h.location ? { location: h.location } : {}),
          ...(h.clause ? { clause: h.clause } : {}),
          ...(h.catalogue ? { catalogue: h.catalogue } : {}),
        })),
        ...(input.stopWorkScope ? { stopWorkScope: input.stopWorkScope } : {}),
        ...(input.legalBasis ? { legalBasis: input.legalBasis } : {}),
        inspectors: inspectors.length ? inspectors.map((i) => i.display_name) : [actor.displayName],
        demo: this.config.demo,
      });
      const file = await this.files.store(pdf, 'application/pdf', `${number}.pdf`, actor, subject.organisation_id, trx);
      const n = await trx
        .insertInto('notices')
        .values({
          kind: input.kind,
          number,
          year,
          serial,
          subject_id: subjectId,
          organisation_id: subject.organisation_id,
          department_id: actor.organisationId,
          campaign_id: hs[0]!.campaign_id,
          recipient,
          deadline,
          stop_work_scope: input.stopWorkScope ?? null,
          issued_at: now,
          issued_by: actor.userId,
          pdf_file_id: file.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('notice_hazards').values(hazardIds.map((hazard_id) => ({ notice_id: n.id, hazard_id }))).execute();
      await trx.updateTable('hazards').set({ status: 'notice_issued', deadline, notice_id: n.id, updated_at: now }).where('id', 'in', hazardIds).execute();
      const events: NewEvent[] = [
        { entityType: 'notice', entityId: n.id, organisationId: subject.organisation_id, type: 'notice.issued', actorId: actor.userId, at: now, payload: { number, kind: input.kind, deadline: input.deadline, hazardIds, pdfSha256: file.sha256 } },
        ...hs.map((h) => ({
          entityType: 'hazard',
          entityId: h.id,
          organisationId: h.organisation_id,
          type: 'hazard.issue_notice',
          actorId: actor.userId,
          at: now,
          payload: { from: h.status, to: 'notice_issued', noticeId: n.id, number, kind: input.kind, deadline: input.deadline },
        })),
      ];
      await appendEvents(trx, events);
      return n.id;
    });
    return this.get(actor, id);
  }

  async get(actor: Actor, id: string): Promise<Notice> {
    const n = await this.db.selectFrom('notices').selectAll().where('id', '=', id).executeTakeFirst();
    if (!n || !canSeeOrganisation(actor, n.organisation_id)) throw notFound();
    const hazards = await this.db.selectFrom('notice_hazards').select('hazard_id').where('notice_id', '=', id).execute();
    return {
      id: n.id,
      kind: n.kind,
      number: n.number,
      subjectId: n.subject_id,
      organisationId: n.organisation_id,
      campaignId: n.campaign_id,
      recipient: n.recipient,
      deadline: n.deadline.toISOString(),
      issuedAt: n.issued_at.toISOString(),
      hazardIds: hazards.map((h) => h.hazard_id),
      pdfUrl: `/api/notices/${n.id}/pdf`,
    };
  }

  async list(actor: Actor, q: { campaignId?: string | undefined; limit: number; offset: number }) {
    let query = this.db.selectFrom('notices').select('id');
    const visible = visibleOrganisations(actor);
    if (visible) query = visible.length ? query.where('organisation_id', 'in', visible) : query.where('id', 'is', null);
    if (q.campaignId) query = query.where('campaign_id', '=', q.campaignId);
    const rows = await query.orderBy('issued_at', 'desc').limit(q.limit).offset(q.offset).execute();
    return Promise.all(rows.map((r) => this.get(actor, r.id)));
  }

  /** The PDF exactly as it was issued. */
  async pdf(actor: Actor, id: string) {
    const n = await this.db.selectFrom('notices').select(['organisation_id', 'pdf_file_id', 'number']).where('id', '=', id).executeTakeFirst();
    if (!n || !n.pdf_file_id || !canSeeOrganisation(actor, n.organisation_id)) throw notFound();
    const { bytes } = await this.files.read(actor, n.pdf_file_id);
    return { bytes, filename: `${n.number}.pdf` };
  }
}
