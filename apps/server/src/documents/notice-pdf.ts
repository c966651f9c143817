import PDFDocument from 'pdfkit';
import { cjkFontPath } from './fonts.js';
import { assertPrintable, type NoticeDocument } from './notice-document.js';
import {
  drawHead,
  drawSignatures,
  labelled,
  paragraph,
  paragraphHeight,
  SIGNATURE_BLOCK_HEIGHT,
} from './notice-sections.js';
import { drawHazardTable } from './notice-table.js';
import { noticeText } from './notice-text.js';
import { FONT, keepTogether, MM, PAGE_MARGINS, type Pdf, SIZE } from './notice-style.js';

export type { NoticeDocument, NoticeHazard, NoticeKind } from './notice-document.js';

/**
 * Renders a 限期整改通知书 or 停工整改通知书 as an A4 PDF with embedded, subsetted Noto Sans SC. The same input gives
 * the same bytes: the PDF dates come from `issuedAt` and nothing random is written. Throws a TypeError naming the field
 * when the notice is incomplete (no hazards, invalid date, …).
 */
export async function renderNoticePdf(notice: NoticeDocument): Promise<Buffer> {
  assertPrintable(notice);
  const text = noticeText(notice);
  const doc: Pdf = new PDFDocument({
    size: 'A4',
    margins: PAGE_MARGINS,
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: `${text.title} ${notice.number}`,
      Author: notice.issuingBody,
      Subject: `${text.title}：${notice.recipient.name}`,
      Creator: 'Anlan 安澜',
      Producer: 'Anlan 安澜 (PDFKit)',
      CreationDate: notice.issuedAt,
      ModDate: notice.issuedAt,
    },
  });
  const done = collect(doc);
  doc.registerFont(FONT.regular, cjkFontPath('regular'));
  doc.registerFont(FONT.bold, cjkFontPath('bold'));

  drawHead(doc, notice, text);
  paragraph(doc, text.salutation, { indent: false });
  paragraph(doc, text.intro);
  drawHazardTable(doc, notice.hazards);
  doc.moveDown(0.8);
  if (text.stopWorkScope) labelled(doc, '停工范围：', text.stopWorkScope);
  paragraph(doc, text.requirement);
  // GB/T 9704: the seal never stands on a page without body text, so the last paragraph moves with it.
  keepTogether(doc, paragraphHeight(doc, text.remedy) + SIGNATURE_BLOCK_HEIGHT);
  paragraph(doc, text.remedy);
  drawSignatures(doc, notice, text);
  decoratePages(doc, `${text.title} ${notice.number}`, notice.demo === true);
  doc.end();
  return await done;
}

function collect(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/** Page numbers need the page count, so they are drawn once all pages exist (hence `bufferPages`). */
function decoratePages(doc: Pdf, running: string, demo: boolean): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would otherwise make pdfkit open a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    if (demo) watermark(doc);
    doc.font(FONT.regular).fontSize(SIZE.small).fillColor('#000000');
    // Continuation pages name their notice, so a page that comes loose can still be matched to it.
    if (i > start) {
      const { left, right } = doc.page.margins;
      doc.text(running, left, 10 * MM, { width: doc.page.width - left - right, align: 'right', lineBreak: false });
    }
    const y = doc.page.height - 12 * MM;
    doc.text(`第 ${i - start + 1} 页 共 ${count} 页`, 0, y, {
      width: doc.page.width,
      align: 'center',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}

const WATERMARK = '演示数据 DEMO';

function watermark(doc: Pdf): void {
  const cx = doc.page.width / 2;
  const cy = doc.page.height / 2;
  doc.save();
  doc.rotate(-35, { origin: [cx, cy] });
  doc.font(FONT.bold).fontSize(64).fillColor('#c00000').fillOpacity(0.12);
  const width = doc.widthOfString(WATERMARK);
  doc.text(WATERMARK, cx - width / 2, cy - 32, { lineBreak: false });
  doc.restore();
}
