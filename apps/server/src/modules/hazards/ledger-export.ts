import { PassThrough } from 'node:stream';
import { hazardStatusLabels, type Locale } from '@anlan/contracts';
import type { FastifyReply } from 'fastify';
import { writeXlsx, type XlsxColumn } from '../../documents/xlsx.js';
import { isOverdue } from './hazard-lifecycle.js';
import type { HazardWithSubject } from './hazards.repository.js';

const subjectTypeLabels: Record<string, Record<Locale, string>> = {
  construction_site: { 'zh-CN': '在建工地', en: 'construction site' },
  residential_estate: { 'zh-CN': '住宅小区', en: 'residential estate' },
  household: { 'zh-CN': '居民户', en: 'household' },
  chemical_enterprise: { 'zh-CN': '化工企业', en: 'chemical enterprise' },
  hazmat_carrier: { 'zh-CN': '危货运输企业', en: 'hazmat carrier' },
  public_place: { 'zh-CN': '公共场所', en: 'public place' },
};
const levelLabels = { general: { 'zh-CN': '一般', en: 'general' }, major: { 'zh-CN': '重大', en: 'major' } } as const;
const escalationLabels = { none: { 'zh-CN': '', en: '' }, listed: { 'zh-CN': '挂牌督办', en: 'listed' }, escalated: { 'zh-CN': '提级管控', en: 'escalated' } } as const;

function columns(l: Locale): XlsxColumn[] {
  const zh = l === 'zh-CN';
  return [
    { header: zh ? '隐患编号' : 'Code', key: 'code', width: 16 },
    { header: zh ? '发现时间' : 'Found', key: 'foundAt', format: 'datetime' },
    { header: zh ? '检查对象' : 'Subject', key: 'subject', width: 28 },
    { header: zh ? '对象类型' : 'Subject type', key: 'subjectType' },
    { header: zh ? '隐患等级' : 'Level', key: 'level' },
    { header: zh ? '类别' : 'Category', key: 'category' },
    { header: zh ? '隐患描述' : 'Description', key: 'description', width: 48 },
    { header: zh ? '位置' : 'Location', key: 'location', width: 24 },
    { header: zh ? '判定依据' : 'Clause', key: 'clause', width: 30 },
    { header: zh ? '状态' : 'Status', key: 'status' },
    { header: zh ? '整改期限' : 'Deadline', key: 'deadline', format: 'date' },
    { header: zh ? '是否逾期' : 'Overdue', key: 'overdue' },
    { header: zh ? '督办' : 'Escalation', key: 'escalation' },
    { header: zh ? '复查不通过次数' : 'Re-check failures', key: 'recheckFailures', format: 'number' },
    { header: zh ? '销号时间' : 'Closed', key: 'closedAt', format: 'datetime' },
  ];
}

/** Streams the ledger as .xlsx straight into the response: rows are read page by page, never all held. */
export function exportLedger(reply: FastifyReply, rows: AsyncIterable<HazardWithSubject>, locale: Locale, now: Date) {
  const zh = locale === 'zh-CN';
  async function* mapped() {
    for await (const h of rows) {
      yield {
        code: h.code,
        foundAt: h.found_at,
        subject: h.subject_name,
        subjectType: subjectTypeLabels[h.subject_type]?.[locale] ?? h.subject_type,
        level: levelLabels[h.level][locale],
        category: h.category,
        description: h.description,
        location: h.location ?? '',
        clause: [h.catalogue, h.clause].filter(Boolean).join(' '),
        status: hazardStatusLabels[h.status][locale],
        deadline: h.deadline,
        overdue: isOverdue(h, now) ? (zh ? '是' : 'yes') : '',
        escalation: escalationLabels[h.escalation][locale],
        recheckFailures: h.recheck_failures,
        closedAt: h.closed_at,
      };
    }
  }
  const out = new PassThrough();
  const title = zh ? '隐患排查治理台账' : 'Hazard ledger';
  writeXlsx(out, { name: title, title, columns: columns(locale), rows: mapped() }).catch((err: unknown) => {
    reply.log.error({ err }, 'ledger export failed');
    out.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  const stamp = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '');
  return reply
    .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${title}-${stamp}.xlsx`)}`)
    .send(out);
}
