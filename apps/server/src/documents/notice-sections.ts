import type { NoticeDocument } from './notice-document.js';
import { chineseDate, type NoticeText } from './notice-text.js';
import { BODY_LINE_GAP, contentWidth, FONT, keepTogether, MM, type Pdf, RED, SIZE } from './notice-style.js';

const INDENT = 2 * SIZE.body; // two full-width characters, as Chinese paragraphs begin

/** Red-headed issuing body, red rule, title and the document number on the right. */
export function drawHead(doc: Pdf, notice: NoticeDocument, text: NoticeText): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  doc.font(FONT.bold).fontSize(SIZE.header).fillColor(RED);
  doc.text(notice.issuingBody, left, doc.page.margins.top, { width, align: 'center', characterSpacing: 2 });
  const rule = doc.y + 2.5 * MM;
  doc
    .moveTo(left, rule)
    .lineTo(left + width, rule)
    .lineWidth(2)
    .strokeColor(RED)
    .stroke();
  doc
    .moveTo(left, rule + 3)
    .lineTo(left + width, rule + 3)
    .lineWidth(0.6)
    .stroke();
  doc.y = rule + 5 * MM;
  doc.font(FONT.bold).fontSize(SIZE.title).fillColor('#000000');
  doc.text(text.title, left, doc.y, { width, align: 'center', characterSpacing: 4 });
  doc.moveDown(0.3);
  doc.font(FONT.regular).fontSize(SIZE.body).text(notice.number, left, doc.y, { width, align: 'right' });
  doc.moveDown(0.6);
}

const PARAGRAPH_GAP = 0.3 * SIZE.body;

function paragraphOptions(doc: Pdf, indent: boolean): PDFKit.Mixins.TextOptions {
  return { width: contentWidth(doc), indent: indent ? INDENT : 0, lineGap: BODY_LINE_GAP };
}

/** A body paragraph with a two-character first-line indent. */
export function paragraph(doc: Pdf, body: string, opts: { indent?: boolean } = {}): void {
  doc.font(FONT.regular).fontSize(SIZE.body).fillColor('#000000');
  doc.text(body, doc.page.margins.left, doc.y, paragraphOptions(doc, opts.indent !== false));
  doc.y += PARAGRAPH_GAP;
}

/** The height `paragraph` will take, to keep a paragraph with what follows it. */
export function paragraphHeight(doc: Pdf, body: string): number {
  doc.font(FONT.regular).fontSize(SIZE.body);
  return doc.heightOfString(body, paragraphOptions(doc, true)) + PARAGRAPH_GAP;
}

/** A paragraph that starts with a bold label, e.g. 停工范围:. */
export function labelled(doc: Pdf, label: string, value: string): void {
  const left = doc.page.margins.left;
  doc.fontSize(SIZE.body).fillColor('#000000');
  doc.font(FONT.bold).text(label, left, doc.y, { continued: true, indent: INDENT, lineGap: BODY_LINE_GAP });
  doc.font(FONT.regular).text(value, { width: contentWidth(doc), lineGap: BODY_LINE_GAP });
  doc.y += PARAGRAPH_GAP;
}

const SEAL_RADIUS = 21 * MM; // official seals are 42 mm across
const ROW = 2.2 * SIZE.body;
const ISSUER_WIDTH = 64 * MM;
const BLOCK_GAP = 0.5 * SIZE.body;

/** Height of the signature block down to the end of the closing lines. */
export const SIGNATURE_BLOCK_HEIGHT = BLOCK_GAP + 2 * SEAL_RADIUS + 22 * MM;

/**
 * Signature lines on the left; the issuing body and date on the right over a marked place for the seal; then the
 * small-print closing lines. Kept on one page: a signature separated from its notice would be worthless.
 */
export function drawSignatures(doc: Pdf, notice: NoticeDocument, text: NoticeText): void {
  doc.y += BLOCK_GAP;
  keepTogether(doc, SIGNATURE_BLOCK_HEIGHT - BLOCK_GAP);
  const top = doc.y + SEAL_RADIUS - 1.5 * ROW; // the seal may reach up to the text above, never above the block
  const left = doc.page.margins.left;
  const column = contentWidth(doc) - ISSUER_WIDTH - 8 * MM;
  doc.font(FONT.regular).fontSize(SIZE.body).fillColor('#000000');
  doc.text(`检查人员：${notice.inspectors.filter((n) => n.trim()).join('、')}`, left, top, {
    width: column,
    lineGap: BODY_LINE_GAP,
  });
  const signTop = Math.max(doc.y + 4, top + ROW);
  const signLabel = '被检查单位负责人：';
  doc.text(signLabel, left, signTop, { lineBreak: false });
  const underline = signTop + SIZE.body + 3;
  const lineStart = left + doc.widthOfString(signLabel);
  doc
    .moveTo(lineStart, underline)
    .lineTo(left + column, underline)
    .lineWidth(0.6)
    .strokeColor('#000000')
    .stroke();
  doc.text('签收日期：　　　年　　月　　日', left, signTop + ROW, { lineBreak: false });

  const sealBottom = drawIssuer(doc, notice, signTop);
  doc.y = Math.max(signTop + 2 * ROW, sealBottom) + 4 * MM;
  drawClosing(doc, notice, text);
}

/** Returns the lowest y the seal place reaches. */
function drawIssuer(doc: Pdf, notice: NoticeDocument, top: number): number {
  const x = doc.page.width - doc.page.margins.right - ISSUER_WIDTH;
  const cx = x + ISSUER_WIDTH / 2;
  const cy = top + ROW / 2 + SIZE.body / 2;
  // The seal is stamped over the issuing body and date: mark its place without printing anything that looks like one.
  doc.save().circle(cx, cy, SEAL_RADIUS).lineWidth(0.6).dash(3, { space: 3 }).strokeColor('#b0b0b0').stroke().restore();
  doc.font(FONT.regular).fontSize(SIZE.small).fillColor('#a0a0a0');
  doc.text('（盖章）', x, cy - SEAL_RADIUS + 8, { width: ISSUER_WIDTH, align: 'center', lineBreak: false });
  doc.font(FONT.regular).fontSize(SIZE.body).fillColor('#000000');
  doc.text(notice.issuingBody, x, top, { width: ISSUER_WIDTH, align: 'center', lineBreak: false });
  doc.text(chineseDate(notice.issuedAt), x, top + ROW, { width: ISSUER_WIDTH, align: 'center', lineBreak: false });
  return cy + SEAL_RADIUS;
}

function drawClosing(doc: Pdf, notice: NoticeDocument, text: NoticeText): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  doc
    .moveTo(left, doc.y)
    .lineTo(left + width, doc.y)
    .lineWidth(0.6)
    .strokeColor('#000000')
    .stroke();
  doc.y += 4;
  doc.font(FONT.regular).fontSize(SIZE.small).fillColor('#000000');
  const contact = [
    notice.recipient.address ? `地址：${notice.recipient.address}` : '',
    notice.recipient.contact ? `联系人及电话：${notice.recipient.contact}` : '',
  ].filter(Boolean);
  if (contact.length) doc.text(`被检查单位${contact.join('　')}`, left, doc.y, { width, lineGap: 2 });
  doc.text(text.footer, left, doc.y, { width, lineGap: 2 });
}
