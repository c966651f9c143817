import { describe, expect, it } from 'vitest';
import { renderNoticePdf } from './notice-pdf.js';
import { sampleNotice } from './notice-sample.js';
import { chineseDate } from './notice-text.js';
import { inspectPdf } from './pdf-text.js';

/** All text of a PDF with line breaks removed, since wrapping may split any phrase. */
const flat = (pages: string[]) => pages.join('').replace(/\n/g, '');

describe('renderNoticePdf', () => {
  it('writes a valid A4 PDF with subsetted Noto Sans SC', async () => {
    const pdf = await renderNoticePdf(sampleNotice());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
    const { fonts } = inspectPdf(pdf);
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual([
      'NotoSansSC-Bold',
      'NotoSansSC-Regular',
    ]);
    for (const font of fonts) {
      expect(font.name).toMatch(/^[A-Z]{6}\+/); // the subset tag
      expect(font.embeddedBytes).toBeGreaterThan(1000);
      expect(font.embeddedBytes).toBeLessThan(300_000); // the full TTF is 10 MB
    }
    expect(pdf.length).toBeLessThan(150_000);
  });

  it('extracts as correct Chinese text', async () => {
    const { pages } = await renderNoticePdf(sampleNotice()).then(inspectPdf);
    const text = flat(pages);
    for (const phrase of [
      '嘉兴港区自然资源和规划建设局',
      '限期整改通知书',
      '嘉港资规限改〔2026〕17号',
      '三江化工有限公司：',
      '经检查，你单位（项目）存在下列安全隐患：',
      '3号罐区动火作业未办理动火安全作业票，作业现场未配备可燃气体检测仪',
      '《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（2023版）》第十条',
      '2026年12月31日前',
      '《中华人民共和国安全生产法》第六十五条第一款第（三）项',
      '检查人员：张伟、李娜',
      '被检查单位负责人：',
      '2026年11月20日',
      '本通知书一式两份',
    ]) {
      expect(text).toContain(phrase);
    }
    expect(text).not.toContain('\uFFFD');
    expect(text).not.toContain('停工');
    pages.forEach((page, i) => expect(page).toContain(`第 ${i + 1} 页 共 ${pages.length} 页`));
  });

  it('flows a long hazard list over several pages, repeating the table header', async () => {
    const { pages } = inspectPdf(await renderNoticePdf(sampleNotice({}, 60)));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, i) => expect(page).toContain(`第 ${i + 1} 页 共 ${pages.length} 页`));
    const withRows = pages.filter((page) => /（第\d+处）/.test(page));
    expect(withRows.length).toBeGreaterThanOrEqual(2);
    for (const page of withRows) expect(page).toContain('序号隐患描述位置等级判定依据');
    for (const page of pages.slice(1)) expect(page).toContain('限期整改通知书 嘉港资规限改〔2026〕17号');
    const text = flat(pages);
    for (const n of [6, 30, 60]) expect(text).toContain(`（第${n}处）`);
    // The seal never stands alone: the last page also carries body text.
    expect(flat(pages.slice(-1))).toContain('本通知书不停止执行');
    expect(flat(pages.slice(-1))).toContain('检查人员');
  });

  it('renders the same bytes twice', async () => {
    const notice = sampleNotice({ demo: true }, 12);
    const [a, b] = [await renderNoticePdf(notice), await renderNoticePdf(notice)];
    expect(a.equals(b)).toBe(true);
    expect(a.toString('latin1')).toContain('(D:20261120020000Z)');
  });

  it('renders a stop-work notice with its scope and the resumption condition', async () => {
    const notice = sampleNotice({
      kind: 'stop_work',
      number: '嘉港资规停改〔2026〕8号',
      stopWorkScope: '3号罐区全部动火作业',
    });
    const text = flat(inspectPdf(await renderNoticePdf(notice)).pages);
    expect(text).toContain('停工整改通知书');
    expect(text).toContain('嘉港资规停改〔2026〕8号');
    expect(text).toContain('停工范围：3号罐区全部动火作业');
    expect(text).toContain('立即停止3号罐区全部动火作业的施工（作业）');
    expect(text).toContain('经复查合格后方可恢复施工');
    expect(text).toContain('2026年12月31日前');
    expect(text).not.toContain('限期整改通知书');
  });

  it('prints the demo watermark on every page only when asked', async () => {
    const demo = inspectPdf(await renderNoticePdf(sampleNotice({ demo: true }, 20))).pages;
    for (const page of demo) expect(page).toContain('演示数据 DEMO');
    const real = inspectPdf(await renderNoticePdf(sampleNotice({}, 20))).pages;
    expect(flat(real)).not.toContain('演示数据');
  });

  it('refuses an incomplete notice, naming the field', async () => {
    await expect(renderNoticePdf(sampleNotice({ hazards: [] }))).rejects.toThrow('notice.hazards');
    await expect(renderNoticePdf(sampleNotice({ deadline: new Date('x') }))).rejects.toThrow('notice.deadline');
    await expect(renderNoticePdf(sampleNotice({ inspectors: [' '] }))).rejects.toThrow('notice.inspectors');
  });
});

describe('chineseDate', () => {
  it('writes the calendar date in Asia/Shanghai', () => {
    expect(chineseDate(new Date('2026-12-31T15:59:59Z'))).toBe('2026年12月31日');
    expect(chineseDate(new Date('2026-12-31T16:00:00Z'))).toBe('2027年1月1日');
    expect(chineseDate(new Date('2026-03-05T00:00:00Z'))).toBe('2026年3月5日');
  });
});
