import { idParams, page, publicReport, publicReportQuery, triagePublicReport } from '@anlan/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authorize } from '../../http/auth.js';
import { TRIAGE_ROLES, type PublicReportsService } from './public-reports.service.js';

/**
 * The regulator's triage of Open311 reports: `GET /api/public-reports` (filters `status` open|closed as the public
 * sees it, `triage` pending|accepted|rejected), `GET /api/public-reports/{id}`, and
 * `POST /api/public-reports/{id}/triage` with `{action:'accept', subjectId, level, description?}` (records a hazard,
 * source public_report) or `{action:'reject', reason}` (closes the report; the reason is shown to the public).
 */
export function publicReportsRoutes(app: FastifyInstance, reports: PublicReportsService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['public reports'];

  r.get('/api/public-reports', {
    schema: { tags, summary: 'Open311 reports from the public, with the reporter’s contact details', querystring: publicReportQuery, response: { 200: page(publicReport) } },
  }, async (request) => ({
    ...(await reports.list(authorize(request, TRIAGE_ROLES), request.query)),
    limit: request.query.limit,
    offset: request.query.offset,
  }));

  r.get('/api/public-reports/:id', { schema: { tags, summary: 'One public report', params: idParams, response: { 200: publicReport } } }, async (request) =>
    reports.get(authorize(request, TRIAGE_ROLES), request.params.id),
  );

  r.post('/api/public-reports/:id/triage', {
    schema: { tags, summary: 'Accept a report as a hazard, or reject it with a reason', params: idParams, body: triagePublicReport, response: { 200: publicReport } },
  }, async (request) => reports.triage(authorize(request, TRIAGE_ROLES), request.params.id, request.body));
}
