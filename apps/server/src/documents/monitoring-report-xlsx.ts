import type { Locale } from '@anlan/contracts';
import { alarmSeverities, alarmSeverityLabels, monitoringAlarmTypeLabel } from '@anlan/contracts';
import ExcelJS from 'exceljs';
import {
  byTypeText,
  dayText,
  generatedText,
  MONITORING_REPORT_TITLE,
  meetsTarget,
  RATE_KEYS,
  rateBasis,
  rateLabels,
  scopeText,
  targetText,
  type MonitoringReportDocument,
} from './monitoring-report-labels.js';
import { cellValue, columnWidth, NUM_FMT, sheetName, type XlsxColumn } from './xlsx-cells.js';

type L = Record<Locale, string>;
type Col = Omit<XlsxColumn, 'header'> & { header: L };
type Row = Record<string, unknown>;

const zhEn = (zh: string, en: string): L => ({ 'zh-CN': zh, en });
const yesNo = (b: boolean | null, l: Locale) =>
  b === null ? '—' : l === 'zh-CN' ? (b ? '是' : '否') : b ? 'yes' : 'no';

/**
 * The daily report as a workbook: 汇总 (the five rates with targets, the counts and, for the district, a row per
 * carrier), 车辆明细 (one row per vehicle), 报警统计 (alarms by type) and 报警排名 (top vehicles and drivers). A report
 * holds at most a district's fleet, so the workbook is built in memory.
 */
export async function renderMonitoringReportXlsx(doc: MonitoringReportDocument): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Anlan 安澜';
  book.created = new Date(doc.report.generatedAt);
  summarySheet(book, doc);
  vehiclesSheet(book, doc);
  alarmsSheet(book, doc);
  offendersSheet(book, doc);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A titled table: bold grey header, formats per column; returns the next free row number. */
function table(sheet: ExcelJS.Worksheet, at: number, columns: Col[], rows: Row[], l: Locale, title?: string): number {
  let r = at;
  if (title) {
    sheet.getCell(r, 1).value = title;
    sheet.getCell(r, 1).font = { bold: true, size: 12 };
    r++;
  }
  const header = sheet.getRow(r++);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header[l];
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  for (const record of rows) {
    const row = sheet.getRow(r++);
    columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.value = cellValue(record[c.key], c.format);
      const numFmt = c.format ? NUM_FMT[c.format] : undefined;
      if (numFmt) cell.numFmt = numFmt;
    });
  }
  return r;
}

/** Widens columns to fit `columns` (a sheet may hold several tables). */
function widths(sheet: ExcelJS.Worksheet, columns: Col[], l: Locale): void {
  columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = Math.max(column.width ?? 0, columnWidth({ ...c, header: c.header[l] }));
  });
}

function summarySheet(book: ExcelJS.Workbook, doc: MonitoringReportDocument): void {
  const { report: r, locale: l } = doc;
  const zh = l === 'zh-CN';
  const sheet = book.addWorksheet(sheetName(zh ? '汇总' : 'Summary'));
  sheet.getCell('A1').value = MONITORING_REPORT_TITLE[l];
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A2').value = scopeText(doc);
  sheet.getCell('A3').value = `${zh ? '统计日期：' : 'Day: '}${dayText(r.day, l)}`;
  sheet.getCell('A4').value = generatedText(doc);
  const rates: Col[] = [
    { key: 'name', header: zhEn('指标', 'Indicator'), width: 16 },
    { key: 'value', header: zhEn('本日(%)', 'Today (%)'), format: 'number' },
    { key: 'target', header: zhEn('目标', 'Target') },
    { key: 'met', header: zhEn('是否达标', 'Met') },
    { key: 'basis', header: zhEn('计算依据', 'Basis'), width: 34 },
  ];
  widths(sheet, rates, l);
  const next = table(
    sheet,
    6,
    rates,
    RATE_KEYS.map((k) => ({
      name: rateLabels[k][l],
      value: r.summary.rates[k],
      target: targetText(k, r.thresholds),
      met: yesNo(meetsTarget(k, r.summary.rates[k], r.thresholds), l),
      basis: rateBasis(k, r, l),
    })),
    l,
  );
  if (r.carriers.length) {
    widths(sheet, carrierColumns, l);
    table(
      sheet,
      next + 1,
      carrierColumns,
      r.carriers.map((c) => ({ ...c, ...c.rates })),
      l,
      zh ? '各运输企业' : 'Carriers',
    );
  }
}

const carrierColumns: Col[] = [
  { key: 'organisationName', header: zhEn('运输企业', 'Carrier'), width: 30 },
  { key: 'vehiclesRegistered', header: zhEn('登记车辆', 'Registered'), format: 'number' },
  { key: 'vehiclesConnected', header: zhEn('入网车辆', 'Connected'), format: 'number' },
  { key: 'vehiclesOnline', header: zhEn('上线车辆', 'Online'), format: 'number' },
  { key: 'online', header: zhEn('上线率(%)', 'Online (%)'), format: 'number' },
  { key: 'completeness', header: zhEn('轨迹完整率(%)', 'Completeness (%)'), format: 'number' },
  { key: 'validity', header: zhEn('数据合格率(%)', 'Validity (%)'), format: 'number' },
  { key: 'drift', header: zhEn('漂移率(%)', 'Drift (%)'), format: 'number' },
  { key: 'alarms', header: zhEn('报警数', 'Alarms'), format: 'number' },
  { key: 'alarmsInTime', header: zhEn('及时处置', 'Handled in time'), format: 'number' },
];

const vehicleColumns: Col[] = [
  { key: 'plate', header: zhEn('车牌号', 'Plate'), width: 14 },
  { key: 'organisationName', header: zhEn('运输企业', 'Carrier'), width: 28 },
  { key: 'driverName', header: zhEn('驾驶员', 'Driver') },
  { key: 'connected', header: zhEn('入网', 'Connected') },
  { key: 'online', header: zhEn('上线', 'Online') },
  { key: 'distanceKm', header: zhEn('行驶里程(公里)', 'Distance (km)'), format: 'number' },
  { key: 'continuousKm', header: zhEn('连续里程(公里)', 'Continuous (km)'), format: 'number' },
  { key: 'completeness', header: zhEn('轨迹完整率(%)', 'Completeness (%)'), format: 'number' },
  { key: 'positions', header: zhEn('定位数据(条)', 'Positions'), format: 'number' },
  { key: 'validPositions', header: zhEn('合格数据(条)', 'Valid'), format: 'number' },
  { key: 'driftPoints', header: zhEn('漂移点', 'Drift points'), format: 'number' },
  { key: 'onlineMinutes', header: zhEn('在线时长(分钟)', 'Online (min)'), format: 'number' },
  { key: 'firstAt', header: zhEn('首次定位', 'First fix'), format: 'datetime' },
  { key: 'lastAt', header: zhEn('末次定位', 'Last fix'), format: 'datetime' },
  { key: 'alarms', header: zhEn('报警数', 'Alarms'), format: 'number' },
];

function frozenSheet(book: ExcelJS.Workbook, name: string, columns: Col[], l: Locale): ExcelJS.Worksheet {
  const sheet = book.addWorksheet(sheetName(name), { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  widths(sheet, columns, l);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return sheet;
}

function vehiclesSheet(book: ExcelJS.Workbook, { report, locale: l }: MonitoringReportDocument): void {
  const sheet = frozenSheet(book, l === 'zh-CN' ? '车辆明细' : 'Vehicles', vehicleColumns, l);
  const rows = report.vehicles.map((v) => ({ ...v, connected: yesNo(v.connected, l), online: yesNo(v.online, l) }));
  table(sheet, 1, vehicleColumns, rows, l);
}

const alarmColumns: Col[] = [
  { key: 'label', header: zhEn('报警类型', 'Alarm type'), width: 20 },
  { key: 'count', header: zhEn('报警数', 'Alarms'), format: 'number' },
  { key: 'acknowledged', header: zhEn('已受理/处置', 'Acknowledged'), format: 'number' },
  { key: 'inTime', header: zhEn('及时处置', 'In time'), format: 'number' },
  { key: 'inTimeRate', header: zhEn('及时处置率(%)', 'In time (%)'), format: 'number' },
];

function alarmsSheet(book: ExcelJS.Workbook, { report, locale: l }: MonitoringReportDocument): void {
  const zh = l === 'zh-CN';
  const sheet = frozenSheet(book, zh ? '报警统计' : 'Alarms', alarmColumns, l);
  const a = report.alarms;
  const rows: Row[] = [
    ...a.byType.map((t) => ({ ...t, label: monitoringAlarmTypeLabel(t.type, l) })),
    { ...a, label: zh ? '合计' : 'Total' },
  ];
  const next = table(sheet, 1, alarmColumns, rows, l);
  const severity = alarmSeverities.map((s) => ({ label: alarmSeverityLabels[s][l], count: a.bySeverity[s] }));
  table(sheet, next + 1, alarmColumns.slice(0, 2), severity, l, zh ? '按等级' : 'By severity');
}

const offenderColumns: Col[] = [
  { key: 'rank', header: zhEn('排名', 'Rank'), format: 'number', width: 8 },
  { key: 'name', header: zhEn('车牌号/驾驶员', 'Plate / driver'), width: 16 },
  { key: 'other', header: zhEn('驾驶员/车牌号', 'Driver / plates'), width: 18 },
  { key: 'organisationName', header: zhEn('运输企业', 'Carrier'), width: 28 },
  { key: 'alarms', header: zhEn('报警数', 'Alarms'), format: 'number' },
  { key: 'types', header: zhEn('报警类型', 'By type'), width: 40 },
];

function offendersSheet(book: ExcelJS.Workbook, { report, locale: l }: MonitoringReportDocument): void {
  const zh = l === 'zh-CN';
  const sheet = book.addWorksheet(sheetName(zh ? '报警排名' : 'Top offenders'));
  widths(sheet, offenderColumns, l);
  const vehicles = report.topVehicles.map((v, i) => ({
    rank: i + 1,
    name: v.plate,
    other: v.driverName ?? '',
    organisationName: v.organisationName,
    alarms: v.alarms,
    types: byTypeText(v.byType, l),
  }));
  const next = table(sheet, 1, offenderColumns, vehicles, l, zh ? '报警最多的车辆' : 'Vehicles with most alarms');
  const drivers = report.topDrivers.map((d, i) => ({
    rank: i + 1,
    name: d.driverName,
    other: d.plates.join(zh ? '、' : ', '),
    organisationName: d.organisationName,
    alarms: d.alarms,
    types: byTypeText(d.byType, l),
  }));
  table(sheet, next + 1, offenderColumns, drivers, l, zh ? '报警最多的驾驶员' : 'Drivers with most alarms');
}
