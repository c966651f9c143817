/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2) at `/open311/v2`, JSON only, no sign-in:
 *
 * - `GET  /open311/v2/services.json` — the public hazard categories (Chinese; English with `Accept-Language: en`).
 * - `GET  /open311/v2/services/{service_code}.json` — a service definition (`attributes: []`); 404 when unknown.
 * - `POST /open311/v2/requests.json` — report a hazard, as JSON or `application/x-www-form-urlencoded`:
 *   `service_code`, `description` (5–1000 characters), `lat`+`long` (inside OPEN311_SERVICE_AREA) or
 *   `address_string`, optional `email`, `phone`, `first_name`, `last_name`, `media_url` (http/https).
 *   Answers 201 `[{service_request_id, token, service_notice}]`. Limited to OPEN311_RATE_LIMIT_MAX reports per
 *   client address per OPEN311_RATE_LIMIT_WINDOW_MINUTES (429 beyond). Contact details are never shown again.
 * - `GET  /open311/v2/requests.json` — filters `service_request_id` (comma list, overrides the rest), `service_code`,
 *   `start_date`, `end_date` (ISO 8601; the last 90 days by default), `status` (open|closed); at most 1000, newest first.
 * - `GET  /open311/v2/requests/{service_request_id}.json` — one request, as a one-element list.
 * - `GET  /open311/v2/tokens/{token}.json` — `[{service_request_id, token}]`.
 *
 * Dates carry the +08:00 offset. `status` folds the hazard's closed loop: open until the hazard made from the
 * report is closed or void, or the report is rejected; `status_notes` says where it stands (已收到,正在核实 /
 * 已受理,正在整改 / 已整改完毕 / 不予受理:理由). Errors are `[{code, description}]` with the HTTP status as code
 * and the description naming the field.
 */
import {
  open311Created,
  open311CreateRequest,
  open311Request,
  open311RequestsQuery,
  open311Service,
  open311ServiceDefinition,
  open311Token,
} from '@anlan/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestLocale } from '../../http/locale.js';
import { registerOpen311Errors } from './open311-errors.js';
import type { Open311Service } from './open311.service.js';

export interface Open311RouteDeps {
  open311: Open311Service;
  rateLimit: { max: number; windowMs: number };
}

export const OPEN311_PREFIX = '/open311/v2';

export function open311Routes(app: FastifyInstance, d: Open311RouteDeps): void {
  void app.register(
    async (scope) => {
      registerOpen311Errors(scope);
      // Open311 clients post forms; only this door accepts them.
      scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(String(body))));
      });

      const r = scope.withTypeProvider<ZodTypeProvider>();
      const schema = { tags: ['open311'], security: [] };

      r.get('/services.json', { schema: { ...schema, summary: 'Open311: the public hazard categories', response: { 200: z.array(open311Service) } } }, async (request) =>
        d.open311.services(requestLocale(request)),
      );

      r.get('/services/:code.json', {
        schema: { ...schema, summary: 'Open311: one service definition', params: z.object({ code: z.string() }), response: { 200: open311ServiceDefinition } },
      }, async (request) => d.open311.definition(request.params.code));

      r.post('/requests.json', {
        schema: { ...schema, summary: 'Open311: report a hazard (JSON or form)', body: open311CreateRequest, response: { 201: open311Created } },
        config: { rateLimit: { max: d.rateLimit.max, timeWindow: d.rateLimit.windowMs } },
      }, async (request, reply) => reply.status(201).send(await d.open311.create(request.body, requestLocale(request))));

      r.get('/requests.json', {
        schema: { ...schema, summary: 'Open311: reports, filtered', querystring: open311RequestsQuery, response: { 200: z.array(open311Request) } },
      }, async (request) => d.open311.list(request.query, requestLocale(request)));

      r.get('/requests/:id.json', {
        schema: { ...schema, summary: 'Open311: one report', params: z.object({ id: z.string() }), response: { 200: z.array(open311Request) } },
      }, async (request) => d.open311.get(request.params.id, requestLocale(request)));

      r.get('/tokens/:token.json', {
        schema: { ...schema, summary: 'Open311: the request id of a token', params: z.object({ token: z.string() }), response: { 200: open311Token } },
      }, async (request) => d.open311.token(request.params.token));
    },
    { prefix: OPEN311_PREFIX },
  );
}
