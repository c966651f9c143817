import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { cellValue, columnWidth, NUM_FMT, sheetName, type XlsxColumn } from './xlsx-cells.js';

export type { XlsxColumn, XlsxFormat } from './xlsx-cells.js';

/** A single-sheet ledger (台账) export. Rows are pulled one at a time, so the source may be a database cursor. */
export type XlsxSheet = {
  name: string;
  /** A merged title line above the header, e.g. 隐患排查治理台账（2026年11月）. */
  title?: string;
  columns: XlsxColumn[];
  rows: AsyncIterable<Record<string, unknown>>;
};

type Worksheet = ExcelJS.Worksheet;

/**
 * Streams a ledger to an .xlsx file: bold, frozen, filterable Chinese header; dates in Asia/Shanghai. Each row is
 * committed as soon as it is written and production waits for the zip deflater, so memory stays flat however many rows
 * the source yields. Rejects if `out` fails.
 */
export async function writeXlsx(out: Writable, sheet: XlsxSheet): Promise<{ rows: number }> {
  if (sheet.columns.length === 0) throw new TypeError('writeXlsx: sheet.columns must name at least one column');
  let fail: (error: unknown) => void = () => {};
  const failed = new Promise<never>((_, reject) => (fail = reject));
  out.once('error', fail);
  try {
    return await Promise.race([write(out, sheet), failed]);
  } finally {
    out.off('error', fail);
  }
}

async function write(out: Writable, sheet: XlsxSheet): Promise<{ rows: number }> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const headerRow = sheet.title ? 2 : 1;
  const worksheet = workbook.addWorksheet(sheetName(sheet.name), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow }],
  });
  worksheet.columns = sheet.columns.map((c) => ({ key: c.key, width: columnWidth(c) }));
  writeHeading(worksheet, sheet);
  worksheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: sheet.columns.length } };

  const backlog = sheetBacklog(worksheet);
  const formats = sheet.columns.map((c) => (c.format ? NUM_FMT[c.format] : undefined));
  let rows = 0;
  for await (const record of sheet.rows) {
    const row = worksheet.addRow(sheet.columns.map((c) => cellValue(record[c.key], c.format)));
    formats.forEach((numFmt, i) => {
      if (numFmt) row.getCell(i + 1).numFmt = numFmt;
    });
    row.commit();
    rows++;
    if (rows % CHECK_EVERY === 0) await breathe(backlog, rows);
  }
  worksheet.commit();
  await workbook.commit();
  return { rows };
}

function writeHeading(worksheet: Worksheet, sheet: XlsxSheet): void {
  const last = sheet.columns.length;
  if (sheet.title) {
    const row = worksheet.addRow([sheet.title]);
    row.height = 24;
    row.getCell(1).font = { bold: true, size: 14 };
    row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
    // A streamed row cannot be changed once committed, so the title is merged first.
    if (last > 1) worksheet.mergeCells(1, 1, 1, last);
    row.commit();
  }
  const header = worksheet.addRow(sheet.columns.map((c) => c.header));
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = { bottom: { style: 'thin' } };
  });
  header.commit();
}

const CHECK_EVERY = 100;

// Bytes of sheet XML allowed to wait for the deflater before rows stop being produced.
const BACKLOG_LIMIT = 1 << 20;

type Backlog = NodeJS.EventEmitter & { _writableState: { length: number } };

/**
 * exceljs pipes each sheet's XML into the zip entry's PassThrough and ignores its backpressure, so rows produced faster
 * than they are deflated pile up there (100,000 rows held ~100 MB). That stream is internal to exceljs 4
 * (worksheet.stream.pipes[0], a readable-stream 2 PassThrough without `writableLength`); if it is not found, writing
 * still works, just without the wait.
 */
function sheetBacklog(worksheet: Worksheet): Backlog | undefined {
  const pipes = (worksheet as unknown as { stream?: { pipes?: unknown[] } }).stream?.pipes;
  const target = pipes?.[0] as Partial<Backlog> | undefined;
  return typeof target?._writableState?.length === 'number' && typeof target.once === 'function'
    ? (target as Backlog)
    : undefined;
}

// Also yields now and then: a source that never waits (an in-memory generator) would otherwise starve the event loop.
async function breathe(backlog: Backlog | undefined, rows: number): Promise<void> {
  // Above the stream's high-water mark a write has returned false, so 'drain' is sure to come once it empties.
  if (backlog && backlog._writableState.length > BACKLOG_LIMIT) await once(backlog, 'drain');
  else if (rows % (10 * CHECK_EVERY) === 0) await nextTurn();
}
