import type { NoticeDocument, NoticeHazard, NoticeKind } from './notice-document.js';

const TITLES: Record<NoticeKind, string> = { rectify: '限期整改通知书', stop_work: '停工整改通知书' };

// The inspection powers of the Work Safety Law (2021): order hazards removed, and for major ones stop work.
const DEFAULT_LEGAL_BASIS = '《中华人民共和国安全生产法》第六十五条第一款第（三）项';

const shanghaiDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

/** The calendar date of an instant in Asia/Shanghai, written the way official documents do: 2026年12月31日. */
export function chineseDate(instant: Date): string {
  const parts = shanghaiDate.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return `${part('year')}年${part('month')}月${part('day')}日`;
}

/** The document title for a notice kind. */
export function noticeTitle(kind: NoticeKind): string {
  return TITLES[kind];
}

/** 一般 or 重大, as the level column prints it. */
export function levelLabel(level: NoticeHazard['level']): string {
  return level === 'major' ? '重大' : '一般';
}

/** The clause and catalogue version a hazard was judged by, e.g. 《…判定标准（2024版）》第八条; empty when unknown. */
export function judgedBy(hazard: NoticeHazard): string {
  const catalogue = hazard.catalogue?.trim();
  const book = catalogue ? (catalogue.startsWith('《') ? catalogue : `《${catalogue}》`) : '';
  return `${book}${hazard.clause?.trim() ?? ''}`;
}

/** The paragraphs of a notice body, in reading order. */
export type NoticeText = {
  title: string;
  salutation: string;
  intro: string;
  stopWorkScope?: string;
  requirement: string;
  remedy: string;
  footer: string;
};

/** Composes the wording of a notice; the PDF layer only places these strings. */
export function noticeText(doc: NoticeDocument): NoticeText {
  const place = doc.subject.address ? `（${doc.subject.address}）` : '';
  const basis = doc.legalBasis?.trim() || DEFAULT_LEGAL_BASIS;
  const deadline = `${chineseDate(doc.deadline)}前`;
  const intro =
    `${chineseDate(doc.inspectedAt)}，${doc.issuingBody}检查人员依法对${doc.subject.name}${place}进行了安全检查。` +
    '经检查，你单位（项目）存在下列安全隐患：';
  const requirement =
    doc.kind === 'rectify'
      ? `依据${basis}的规定，现责令你单位于${deadline}将上述隐患整改完毕，达到有关法律、法规、规章和国家标准或者` +
        `行业标准的要求，并将整改情况书面报送${doc.issuingBody}。整改期间，你单位应当采取有效的安全防范措施，` +
        '确保安全。逾期未整改或者整改不到位的，将依法予以处理。'
      : `依据${basis}的规定，现责令你单位自收到本通知书之日起立即停止${stopScope(doc)}的施工（作业），从危险区域内` +
        `撤出作业人员，设置警示标志，并于${deadline}将上述隐患整改完毕。整改完成后，应当向${doc.issuingBody}` +
        '书面申请复查，经复查合格后方可恢复施工。';
  return {
    title: noticeTitle(doc.kind),
    salutation: `${doc.recipient.name}：`,
    intro,
    ...(doc.kind === 'stop_work' ? { stopWorkScope: stopScope(doc) } : {}),
    requirement,
    remedy:
      '你单位如对本通知书不服，可以自收到本通知书之日起六十日内依法申请行政复议，或者六个月内依法提起行政诉讼。' +
      '复议或者诉讼期间，本通知书不停止执行。',
    footer: `本通知书一式两份，一份送达被检查单位，一份由${doc.issuingBody}存档。`,
  };
}

function stopScope(doc: NoticeDocument): string {
  return doc.stopWorkScope?.trim() || '全部工程';
}
