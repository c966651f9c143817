import type ExcelJS from 'exceljs';

/** How a column's values are written and shown. */
export type XlsxFormat = 'date' | 'datetime' | 'number' | 'text';

/** One column of a ledger export: `header` is what users read (Chinese), `key` picks the value from each row. */
export type XlsxColumn = { header: string; key: string; width?: number; format?: XlsxFormat };

/** Excel number formats per column format; `number` keeps Excel's General. */
export const NUM_FMT: Record<XlsxFormat, string | undefined> = {
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm:ss',
  number: undefined,
  text: '@',
};

// Excel cells have no time zone and exceljs writes a Date's UTC fields, so a Date is shifted to Shanghai wall-clock
// time before it is written. China has kept UTC+8 without daylight saving since 1991.
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** The Date exceljs must receive so that a cell shows `instant` as Asia/Shanghai wall-clock time. */
export function shanghaiCellDate(instant: Date): Date {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS);
}

function toDate(value: unknown): Date | undefined {
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined;
  return date && !Number.isNaN(date.getTime()) ? shanghaiCellDate(date) : undefined;
}

/** Converts a row value to what the cell should hold for the column's format; null and undefined stay empty. */
export function cellValue(value: unknown, format: XlsxFormat | undefined): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (format === 'date' || format === 'datetime' || (format === undefined && value instanceof Date)) {
    return toDate(value) ?? String(value);
  }
  if (format === 'number' || (format === undefined && typeof value === 'number')) {
    const n = typeof value === 'number' ? value : Number(value);
    return Number.isFinite(n) ? n : String(value);
  }
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return toDate(value) ?? '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Excel column widths count characters; a Chinese character takes two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u2e80-\uffef]/.test(ch) ? 2 : 1;
  return width;
}

/** The column's width in characters: as given, else wide enough for the header and the format. */
export function columnWidth(column: XlsxColumn): number {
  if (column.width) return column.width;
  const byFormat = column.format === 'datetime' ? 20 : column.format === 'date' ? 12 : 10;
  return Math.max(byFormat, displayWidth(column.header) + 4);
}

/** A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, '_').slice(0, 31) || 'Sheet1';
}
