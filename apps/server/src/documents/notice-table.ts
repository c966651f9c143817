import type { NoticeHazard } from './notice-document.js';
import { judgedBy, levelLabel } from './notice-text.js';
import { contentBottom, contentWidth, FONT, type Pdf, SIZE } from './notice-style.js';

type Column = {
  header: string;
  /** Share of the table width; the description takes what is left. */
  width: number;
  align: 'left' | 'center';
  cell: (hazard: NoticeHazard, index: number) => string;
};

const COLUMNS: Column[] = [
  { header: '序号', width: 30, align: 'center', cell: (_, i) => String(i + 1) },
  { header: '隐患描述', width: 0, align: 'left', cell: (h) => h.description },
  { header: '位置', width: 76, align: 'left', cell: (h) => h.location ?? '' },
  { header: '等级', width: 32, align: 'center', cell: (h) => levelLabel(h.level) },
  { header: '判定依据', width: 136, align: 'left', cell: (h) => judgedBy(h) || '—' },
];

const PAD = 3;
const LINE_GAP = 1.5;

function widths(doc: Pdf): number[] {
  const fixed = COLUMNS.reduce((sum, c) => sum + c.width, 0);
  return COLUMNS.map((c) => c.width || contentWidth(doc) - fixed);
}

function rowHeight(doc: Pdf, cells: string[], ws: number[], font: string): number {
  doc.font(font).fontSize(SIZE.table);
  const heights = cells.map((text, i) =>
    doc.heightOfString(text || ' ', { width: ws[i]! - 2 * PAD, lineGap: LINE_GAP }),
  );
  return Math.max(...heights) + 2 * PAD;
}

function drawRow(doc: Pdf, cells: string[], ws: number[], opts: { header: boolean; boldCell?: number }): void {
  const font = opts.header ? FONT.bold : FONT.regular;
  const height = rowHeight(doc, cells, ws, font);
  const top = doc.y;
  let x = doc.page.margins.left;
  if (opts.header) doc.rect(x, top, contentWidth(doc), height).fill('#eeeeee');
  doc.lineWidth(0.6).strokeColor('#000000');
  cells.forEach((text, i) => {
    const w = ws[i]!;
    doc.rect(x, top, w, height).stroke();
    doc
      .font(opts.boldCell === i ? FONT.bold : font)
      .fontSize(SIZE.table)
      .fillColor('#000000');
    const align = opts.header ? 'center' : COLUMNS[i]!.align;
    const textHeight = doc.heightOfString(text || ' ', { width: w - 2 * PAD, lineGap: LINE_GAP });
    // Vertically centred, as a printed form's cells are; heights were measured with the same options.
    doc.text(text, x + PAD, top + (height - textHeight) / 2 + LINE_GAP / 2, {
      width: w - 2 * PAD,
      align,
      lineGap: LINE_GAP,
    });
    x += w;
  });
  doc.x = doc.page.margins.left;
  doc.y = top + height;
}

/**
 * Draws the numbered hazard table from the current y. Rows never split; a row that does not fit starts a new page,
 * which repeats the header row so that every page of a long list reads on its own.
 */
export function drawHazardTable(doc: Pdf, hazards: NoticeHazard[]): void {
  const ws = widths(doc);
  const headers = COLUMNS.map((c) => c.header);
  const rows = hazards.map((h, i) => COLUMNS.map((c) => c.cell(h, i)));
  const headerHeight = rowHeight(doc, headers, ws, FONT.bold);
  const firstHeight = rows[0] ? rowHeight(doc, rows[0], ws, FONT.regular) : 0;
  if (doc.y + headerHeight + firstHeight > contentBottom(doc)) doc.addPage();
  drawRow(doc, headers, ws, { header: true });
  rows.forEach((cells, i) => {
    if (doc.y + rowHeight(doc, cells, ws, FONT.regular) > contentBottom(doc)) {
      doc.addPage();
      drawRow(doc, headers, ws, { header: true });
    }
    const major = hazards[i]!.level === 'major';
    drawRow(doc, cells, ws, { header: false, ...(major ? { boldCell: 3 } : {}) });
  });
}
