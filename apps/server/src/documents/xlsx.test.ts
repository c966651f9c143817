import { PassThrough, Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellValue, shanghaiCellDate, sheetName } from './xlsx-cells.js';
import { writeXlsx, type XlsxColumn } from './xlsx.js';

const COLUMNS: XlsxColumn[] = [
  { header: '隐患编号', key: 'code', format: 'text' },
  { header: '隐患描述', key: 'description', width: 40 },
  { header: '发现时间', key: 'foundAt', format: 'datetime' },
  { header: '整改期限', key: 'deadline', format: 'date' },
  { header: '风险值', key: 'risk', format: 'number' },
  { header: '已整改', key: 'done' },
];

const T0 = Date.UTC(2026, 10, 20, 1, 30); // 09:30 on 20 Nov 2026 in Shanghai

async function* rows(count: number): AsyncGenerator<Record<string, unknown>> {
  for (let i = 0; i < count; i++) {
    yield {
      code: `YH-${String(i + 1).padStart(5, '0')}`,
      description: `第${i + 1}项：消防车通道被建筑材料堵塞`,
      foundAt: new Date(T0 + i * 60_000),
      deadline: new Date('2026-12-31T15:59:59Z'),
      risk: i % 2 ? String(i * 1.5) : i * 1.5,
      done: i % 3 === 0,
    };
  }
}

async function toBuffer(write: (out: Writable) => Promise<unknown>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve) => out.on('end', resolve));
  await write(out);
  await ended;
  return Buffer.concat(chunks);
}

describe('writeXlsx', () => {
  it('streams 1,000 rows that read back with headers, values and Shanghai dates', async () => {
    let result = { rows: 0 };
    const file = await toBuffer(async (out) => {
      result = await writeXlsx(out, {
        name: '隐患台账',
        title: '隐患排查治理台账',
        columns: COLUMNS,
        rows: rows(1000),
      });
    });
    expect(result.rows).toBe(1000);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('隐患台账')!;
    expect(sheet.rowCount).toBe(1002);
    expect(sheet.getCell('A1').value).toBe('隐患排查治理台账');
    expect(sheet.getCell('A1').isMerged && sheet.getCell('F1').isMerged).toBe(true);
    expect(sheet.getRow(2).values).toEqual([undefined, ...COLUMNS.map((c) => c.header)]);
    expect(sheet.getCell('A2').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.autoFilter).toBe('A2:F2');

    const first = sheet.getRow(3);
    expect(first.getCell(1).value).toBe('YH-00001');
    expect(first.getCell(2).value).toBe('第1项：消防车通道被建筑材料堵塞');
    // Excel has no time zone: the cell holds Shanghai wall-clock time, 2026-11-20 09:30.
    expect(first.getCell(3).value).toEqual(new Date(Date.UTC(2026, 10, 20, 9, 30)));
    expect(first.getCell(3).numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect(first.getCell(4).value).toEqual(new Date(Date.UTC(2026, 11, 31, 23, 59, 59)));
    expect(first.getCell(4).numFmt).toBe('yyyy-mm-dd');
    expect(first.getCell(6).value).toBe('是');
    const last = sheet.getRow(1002);
    expect(last.getCell(1).value).toBe('YH-01000');
    expect(last.getCell(5).value).toBe(999 * 1.5); // given as a string, written as a number
    expect(last.getCell(3).value).toEqual(shanghaiCellDate(new Date(T0 + 999 * 60_000)));
  });

  it('puts the header on the first row when there is no title', async () => {
    const file = await toBuffer((out) => writeXlsx(out, { name: 'a/b', columns: COLUMNS, rows: rows(3) }));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('a_b')!;
    expect(sheet.getCell('A1').value).toBe('隐患编号');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.rowCount).toBe(4);
  });

  it('rejects when the output fails', async () => {
    const broken = new Writable({ write: (_chunk, _enc, cb) => cb(new Error('disk full')) });
    await expect(writeXlsx(broken, { name: 'x', columns: COLUMNS, rows: rows(5000) })).rejects.toThrow('disk full');
  });

  it('refuses a sheet without columns', async () => {
    await expect(writeXlsx(new PassThrough(), { name: 'x', columns: [], rows: rows(1) })).rejects.toThrow(
      'sheet.columns',
    );
  });
});

describe('cell values', () => {
  it('converts per column format', () => {
    expect(cellValue(null, 'text')).toBeNull();
    expect(cellValue(undefined, undefined)).toBeNull();
    expect(cellValue(12, 'text')).toBe('12');
    expect(cellValue('3.5', 'number')).toBe(3.5);
    expect(cellValue('n/a', 'number')).toBe('n/a');
    expect(cellValue('2026-11-20T01:30:00Z', 'datetime')).toEqual(new Date('2026-11-20T09:30:00Z'));
    expect(cellValue(false, undefined)).toBe('否');
    expect(cellValue({ a: 1 }, undefined)).toBe('{"a":1}');
    expect(sheetName('台账[2026]:11月/全部?')).toBe('台账_2026__11月_全部_');
  });
});
