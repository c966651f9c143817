import { contentBottom, contentWidth, FONT, type Pdf } from './notice-style.js';

/** A column of a report table: `width` in points, 0 takes what the fixed columns leave. */
export type PdfColumn = { header: string; width: number; align?: 'left' | 'center' | 'right' };

const PAD = 3;
const LINE_GAP = 1;
const TEXT_SIZE = 9;

function widths(doc: Pdf, columns: PdfColumn[]): number[] {
  const fixed = columns.reduce((s, c) => s + c.width, 0);
  const flexible = columns.filter((c) => c.width === 0).length;
  return columns.map((c) => c.width || Math.max(40, (contentWidth(doc) - fixed) / flexible));
}

function rowHeight(doc: Pdf, cells: string[], ws: number[], font: string): number {
  doc.font(font).fontSize(TEXT_SIZE);
  const heights = cells.map((t, i) => doc.heightOfString(t || ' ', { width: ws[i]! - 2 * PAD, lineGap: LINE_GAP }));
  return Math.max(...heights) + 2 * PAD;
}

function drawRow(
  doc: Pdf,
  columns: PdfColumn[],
  cells: string[],
  ws: number[],
  kind: 'header' | 'body' | 'total',
): void {
  const font = kind === 'body' ? FONT.regular : FONT.bold;
  const height = rowHeight(doc, cells, ws, font);
  const top = doc.y;
  let x = doc.page.margins.left;
  if (kind !== 'body')
    doc
      .rect(
        x,
        top,
        ws.reduce((a, b) => a + b, 0),
        height,
      )
      .fill(kind === 'header' ? '#e8e8e8' : '#f5f5f5');
  doc.lineWidth(0.5).strokeColor('#666666');
  cells.forEach((text, i) => {
    const w = ws[i]!;
    doc.rect(x, top, w, height).stroke();
    doc.font(font).fontSize(TEXT_SIZE).fillColor('#000000');
    const textHeight = doc.heightOfString(text || ' ', { width: w - 2 * PAD, lineGap: LINE_GAP });
    doc.text(text, x + PAD, top + (height - textHeight) / 2 + LINE_GAP / 2, {
      width: w - 2 * PAD,
      align: kind === 'header' ? 'center' : (columns[i]!.align ?? 'left'),
      lineGap: LINE_GAP,
    });
    x += w;
  });
  doc.x = doc.page.margins.left;
  doc.y = top + height;
}

/**
 * Draws a bordered table from the current y. Rows never split; a row that does not fit starts a new page that repeats
 * the header. `totalRows` trailing rows are drawn bold on a light fill (合计).
 */
export function drawTable(doc: Pdf, columns: PdfColumn[], rows: string[][], totalRows = 0): void {
  const ws = widths(doc, columns);
  const headers = columns.map((c) => c.header);
  const first = rows[0] ? rowHeight(doc, rows[0], ws, FONT.regular) : 0;
  if (doc.y + rowHeight(doc, headers, ws, FONT.bold) + first > contentBottom(doc)) doc.addPage();
  drawRow(doc, columns, headers, ws, 'header');
  rows.forEach((cells, i) => {
    if (doc.y + rowHeight(doc, cells, ws, FONT.regular) > contentBottom(doc)) {
      doc.addPage();
      drawRow(doc, columns, headers, ws, 'header');
    }
    drawRow(doc, columns, cells, ws, i >= rows.length - totalRows ? 'total' : 'body');
  });
}
