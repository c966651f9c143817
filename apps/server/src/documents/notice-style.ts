/** Page geometry and type sizes shared by the notice renderer; millimetres follow GB/T 9704 practice. */
export const MM = 72 / 25.4;

export const PAGE_MARGINS = { top: 20 * MM, left: 28 * MM, right: 26 * MM, bottom: 20 * MM };

export const FONT = { regular: 'cjk', bold: 'cjk-bold' } as const;

export const SIZE = { header: 22, title: 20, body: 12, table: 10, small: 9 } as const;

/** The red of a red-headed document (红头). */
export const RED = '#d0121b';

export const BODY_LINE_GAP = 4;

/** Type used by pdfkit for a document under construction. */
export type Pdf = PDFKit.PDFDocument;

/** Lowest y that flowing content may reach on the current page. */
export function contentBottom(doc: Pdf): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Width between the left and right margins. */
export function contentWidth(doc: Pdf): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/** Starts a new page when less than `height` points remain, so that a block is never split. */
export function keepTogether(doc: Pdf, height: number): void {
  if (doc.y + height > contentBottom(doc)) doc.addPage();
}
