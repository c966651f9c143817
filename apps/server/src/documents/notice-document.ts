/** 限期整改通知书 (rectify by a deadline) or 停工整改通知书 (stop work and rectify). */
export type NoticeKind = 'rectify' | 'stop_work';

/** One hazard as it is listed on a notice, with the catalogue clause it was judged by. */
export type NoticeHazard = {
  description: string;
  location?: string;
  level: 'general' | 'major';
  /** e.g. 第八条第（三）项 */
  clause?: string;
  /** e.g. 房屋市政工程生产安全重大事故隐患判定标准（2024版） */
  catalogue?: string;
};

/**
 * Everything printed on an official rectification notice. Instants are UTC `Date`s; the notice shows them as dates in
 * Asia/Shanghai.
 */
export type NoticeDocument = {
  kind: NoticeKind;
  /** The document number, e.g. 嘉港资规限改〔2026〕17号 */
  number: string;
  /** e.g. 嘉兴港区自然资源和规划建设局 */
  issuingBody: string;
  recipient: { name: string; address?: string; contact?: string };
  /** The site, project or enterprise inspected; often the recipient itself. */
  subject: { name: string; address?: string };
  inspectedAt: Date;
  issuedAt: Date;
  deadline: Date;
  hazards: NoticeHazard[];
  /** 停工 only: what must stop, e.g. 3号罐区动火作业; the whole site when absent. */
  stopWorkScope?: string;
  /** The legal provision the order rests on; the Work Safety Law's inspection powers when absent. */
  legalBasis?: string;
  inspectors: string[];
  /** Prints a diagonal 演示数据 DEMO watermark so that demo notices are never mistaken for real ones. */
  demo?: boolean;
};

/** Throws a TypeError naming the first field that would print a wrong or empty notice. */
export function assertPrintable(doc: NoticeDocument): void {
  const fail = (field: string, why: string) => {
    throw new TypeError(`notice.${field} ${why}`);
  };
  for (const field of ['number', 'issuingBody'] as const) if (!doc[field]?.trim()) fail(field, 'is required');
  if (!doc.recipient?.name?.trim()) fail('recipient.name', 'is required');
  if (!doc.subject?.name?.trim()) fail('subject.name', 'is required');
  for (const field of ['inspectedAt', 'issuedAt', 'deadline'] as const) {
    if (!(doc[field] instanceof Date) || Number.isNaN(doc[field].getTime())) fail(field, 'must be a valid Date');
  }
  if (!doc.hazards?.length) fail('hazards', 'must list at least one hazard');
  doc.hazards.forEach((h, i) => {
    if (!h.description?.trim()) fail(`hazards[${i}].description`, 'is required');
  });
  if (!doc.inspectors?.some((name) => name.trim())) fail('inspectors', 'must name at least one inspector');
}
