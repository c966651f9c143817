import {
  generateMonitoringReport,
  monitoringReport,
  monitoringReportList,
  monitoringReportListQuery,
  monitoringReportParams,
  monitoringReportQuery,
  type Locale,
  type MonitoringReport,
} from '@anlan/contracts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { renderMonitoringReportPdf } from '../../documents/monitoring-report-pdf.js';
import { reportFileName } from '../../documents/monitoring-report-labels.js';
import { renderMonitoringReportXlsx } from '../../documents/monitoring-report-xlsx.js';
import { authorize } from '../../http/auth.js';
import type { MonitoringReportsService } from './monitoring-reports.service.js';

export interface MonitoringReportRouteDeps {
  reports: MonitoringReportsService;
  /** Printed on the documents, e.g. 嘉兴港区. */
  districtName: string;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function monitoringReportsRoutes(app: FastifyInstance, d: MonitoringReportRouteDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['monitoring-reports'];
  const one = { params: monitoringReportParams, querystring: monitoringReportQuery };

  r.post(
    '/api/monitoring-reports/generate',
    {
      schema: {
        tags,
        summary: '生成每日在线监测日报: compute a day now, replacing its stored reports (admin, monitor)',
        body: generateMonitoringReport,
        response: { 200: monitoringReportList },
      },
    },
    async (request) => ({ items: await d.reports.generate(authorize(request), request.body) }),
  );

  r.get(
    '/api/monitoring-reports',
    {
      schema: {
        tags,
        summary: 'Daily reports of the district (or of one carrier) between two days, newest first',
        querystring: monitoringReportListQuery,
        response: { 200: monitoringReportList },
      },
    },
    async (request) => ({ items: await d.reports.list(authorize(request), request.query) }),
  );

  r.get(
    '/api/monitoring-reports/:day',
    {
      schema: {
        tags,
        summary: "One day's report (the district's, or a carrier's)",
        ...one,
        response: { 200: monitoringReport },
      },
    },
    async (request) => d.reports.get(authorize(request), request.params.day, request.query.organisationId),
  );

  r.get(
    '/api/monitoring-reports/:day.xlsx',
    { schema: { tags, summary: "One day's report as Excel: summary, vehicles, alarms, top offenders", ...one } },
    async (request, reply) => {
      const actor = authorize(request);
      const report = await d.reports.get(actor, request.params.day, request.query.organisationId);
      const bytes = await renderMonitoringReportXlsx({ report, districtName: d.districtName, locale: actor.locale });
      return send(reply, XLSX, bytes, 'attachment', name(report, d.districtName, actor.locale, 'xlsx'));
    },
  );

  r.get(
    '/api/monitoring-reports/:day.pdf',
    { schema: { tags, summary: "One day's report as a PDF (Chinese, A4)", ...one } },
    async (request, reply) => {
      const actor = authorize(request);
      const report = await d.reports.get(actor, request.params.day, request.query.organisationId);
      const bytes = await renderMonitoringReportPdf({ report, districtName: d.districtName, locale: 'zh-CN' });
      return send(reply, 'application/pdf', bytes, 'inline', name(report, d.districtName, 'zh-CN', 'pdf'));
    },
  );
}

const name = (report: MonitoringReport, districtName: string, locale: Locale, ext: 'pdf' | 'xlsx') =>
  reportFileName({ report, districtName, locale }, ext);

function send(reply: FastifyReply, type: string, bytes: Buffer, disposition: string, filename: string) {
  return reply
    .type(type)
    .header('content-disposition', `${disposition}; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .send(bytes);
}
