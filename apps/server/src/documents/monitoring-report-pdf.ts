import type { MonitoringReport } from '@anlan/contracts';
import { alarmSeverities, alarmSeverityLabels, monitoringAlarmTypeLabel } from '@anlan/contracts';
import PDFDocument from 'pdfkit';
import { cjkFontPath } from './fonts.js';
import { drawTable } from './monitoring-report-pdf-table.js';
import {
  byTypeText,
  dayText,
  generatedText,
  MONITORING_REPORT_TITLE,
  meetsTarget,
  percentText,
  RATE_KEYS,
  rateBasis,
  rateLabels,
  scopeText,
  targetText,
  type MonitoringReportDocument,
} from './monitoring-report-labels.js';
import { definitionsText } from './monitoring-report-definitions.js';
import { FONT, keepTogether, MM, type Pdf } from './notice-style.js';

const zh = 'zh-CN' as const;
const MARGINS = { top: 18 * MM, left: 18 * MM, right: 18 * MM, bottom: 18 * MM };

/**
 * The daily report as an A4 PDF in Chinese with embedded, subsetted Noto Sans SC: the five rates against their targets,
 * the fleet's figures, alarms by type with handling in time, the top offenders, (district) a row per carrier, and how
 * each figure is defined. The same report gives the same bytes (the PDF dates are the report's generation time).
 */
export async function renderMonitoringReportPdf(input: MonitoringReportDocument): Promise<Buffer> {
  const doc0 = { ...input, locale: zh };
  const r = doc0.report;
  const at = new Date(r.generatedAt);
  const title = MONITORING_REPORT_TITLE[zh];
  const doc: Pdf = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: `${title} ${r.day}`,
      Author: doc0.districtName,
      Creator: 'Anlan 安澜',
      Producer: 'Anlan 安澜 (PDFKit)',
      CreationDate: at,
      ModDate: at,
    },
  });
  const done = collect(doc);
  doc.registerFont(FONT.regular, cjkFontPath('regular'));
  doc.registerFont(FONT.bold, cjkFontPath('bold'));

  doc.font(FONT.bold).fontSize(18).text(title, { align: 'center' });
  doc.moveDown(0.4);
  doc.font(FONT.regular).fontSize(10.5);
  doc.text(`${scopeText(doc0)}　统计日期：${dayText(r.day, zh)}（00:00—24:00）`, { align: 'center' });
  doc.fontSize(9).fillColor('#555555').text(generatedText(doc0), { align: 'center' }).fillColor('#000000');

  heading(doc, '一、考核指标');
  drawTable(
    doc,
    [
      { header: '指标', width: 80 },
      { header: '本日', width: 62, align: 'right' },
      { header: '目标', width: 56, align: 'center' },
      { header: '达标', width: 40, align: 'center' },
      { header: '计算依据', width: 0 },
    ],
    RATE_KEYS.map((k) => {
      const met = meetsTarget(k, r.summary.rates[k], r.thresholds);
      return [
        rateLabels[k][zh],
        percentText(r.summary.rates[k]),
        targetText(k, r.thresholds),
        met === null ? '—' : met ? '是' : '否',
        rateBasis(k, r, zh),
      ];
    }),
  );

  heading(doc, '二、车辆与数据');
  doc.font(FONT.regular).fontSize(10.5).text(fleetText(r), { lineGap: 3 });

  heading(doc, '三、报警及处置');
  alarmsTable(doc, r);
  heading(doc, '四、重点车辆（报警最多）');
  offenders(
    doc,
    r.topVehicles.map((v, i) => [
      String(i + 1),
      v.plate,
      v.driverName ?? '',
      v.organisationName,
      String(v.alarms),
      byTypeText(v.byType, zh),
    ]),
    ['车牌号', '驾驶员'],
  );
  heading(doc, '五、重点驾驶员（报警最多）');
  offenders(
    doc,
    r.topDrivers.map((d, i) => [
      String(i + 1),
      d.driverName,
      d.plates.join('、'),
      d.organisationName,
      String(d.alarms),
      byTypeText(d.byType, zh),
    ]),
    ['驾驶员', '车牌号'],
  );
  if (r.carriers.length) {
    heading(doc, '六、各运输企业');
    drawTable(
      doc,
      [
        { header: '运输企业', width: 0 },
        ...['登记', '上线'].map((h) => ({ header: h, width: 34, align: 'right' as const })),
        ...['上线率', '完整率', '合格率', '漂移率'].map((h) => ({ header: h, width: 50, align: 'right' as const })),
        { header: '报警', width: 34, align: 'right' },
        { header: '及时处置', width: 46, align: 'right' },
      ],
      r.carriers.map((c) => [
        c.organisationName,
        String(c.vehiclesRegistered),
        String(c.vehiclesOnline),
        percentText(c.rates.online),
        percentText(c.rates.completeness),
        percentText(c.rates.validity),
        percentText(c.rates.drift),
        String(c.alarms),
        String(c.alarmsInTime),
      ]),
    );
  }
  heading(doc, '口径说明');
  doc.font(FONT.regular).fontSize(8.5).fillColor('#333333');
  for (const line of definitionsText(r.thresholds)) doc.text(line, { lineGap: 2 });
  doc.fillColor('#000000');
  decoratePages(doc, `${title} ${r.day}`);
  doc.end();
  return await done;
}

function heading(doc: Pdf, text: string): void {
  doc.moveDown(0.8);
  keepTogether(doc, 60);
  doc.x = doc.page.margins.left;
  doc.font(FONT.bold).fontSize(12).fillColor('#000000').text(text);
  doc.moveDown(0.3);
}

function fleetText(r: MonitoringReport): string {
  const s = r.summary;
  return (
    `登记车辆 ${s.vehiclesRegistered} 辆，入网 ${s.vehiclesConnected} 辆，当日上线 ${s.vehiclesOnline} 辆，累计在线 ${s.onlineMinutes.toFixed(0)} 分钟。` +
    `收到定位数据 ${s.positions} 条，其中合格 ${s.validPositions} 条；行驶里程 ${s.distanceKm.toFixed(1)} 公里，其中轨迹连续 ${s.continuousKm.toFixed(1)} 公里；` +
    `出现定位漂移的车辆 ${s.vehiclesDrifting} 辆（漂移点 ${s.driftPoints} 个）。`
  );
}

function alarmsTable(doc: Pdf, r: MonitoringReport): void {
  const a = r.alarms;
  if (a.count === 0) {
    doc.font(FONT.regular).fontSize(10.5).text('当日无报警。');
    return;
  }
  const row = (label: string, x: typeof a | (typeof a.byType)[number]) => [
    label,
    String(x.count),
    String(x.acknowledged),
    String(x.inTime),
    percentText(x.inTimeRate),
  ];
  drawTable(
    doc,
    [
      { header: '报警类型', width: 0 },
      ...['报警数', '已受理/处置', '及时处置', '及时处置率'].map((h) => ({
        header: h,
        width: 78,
        align: 'right' as const,
      })),
    ],
    [...a.byType.map((t) => row(monitoringAlarmTypeLabel(t.type, zh), t)), row('合计', a)],
    1,
  );
  const bySeverity = alarmSeverities
    .filter((s) => a.bySeverity[s] > 0)
    .map((s) => `${alarmSeverityLabels[s][zh]} ${a.bySeverity[s]}`);
  const m = r.thresholds.ackMinutes;
  doc.moveDown(0.3).font(FONT.regular).fontSize(9);
  doc.text(
    `按等级：${bySeverity.join('、')}。及时处置时限（自报警产生起受理或处置）：紧急 ${m.critical} 分钟，严重 ${m.serious} 分钟，一般 ${m.warning} 分钟，提示 ${m.info} 分钟。`,
  );
}

function offenders(doc: Pdf, rows: string[][], names: [string, string]): void {
  if (rows.length === 0) {
    doc.font(FONT.regular).fontSize(10.5).text('无。');
    return;
  }
  drawTable(
    doc,
    [
      { header: '序号', width: 30, align: 'center' },
      { header: names[0], width: 70 },
      { header: names[1], width: 70 },
      { header: '运输企业', width: 110 },
      { header: '报警数', width: 40, align: 'right' },
      { header: '报警类型', width: 0 },
    ],
    rows,
  );
}

function collect(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/** Page numbers need the page count, so they are drawn once every page exists (hence `bufferPages`). */
function decoratePages(doc: Pdf, running: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    // Writing below the bottom margin would otherwise make pdfkit open a new page.
    doc.page.margins.bottom = 0;
    doc.font(FONT.regular).fontSize(8).fillColor('#000000');
    doc.text(`${running}　第 ${i - start + 1} 页 共 ${count} 页`, 0, doc.page.height - 11 * MM, {
      width: doc.page.width,
      align: 'center',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}
