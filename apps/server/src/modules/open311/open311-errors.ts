import { errorMessages, type ErrorCode, type Locale, type Open311Errors } from '@anlan/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpError } from '../../http/errors.js';
import { requestLocale } from '../../http/locale.js';

const localeErrors = { 'zh-CN': z.locales.zhCN().localeError, en: z.locales.en().localeError };
const REQUIRED = { 'zh-CN': '缺少必填字段', en: 'required' } as const;

/** zod's message in the client's language; a message the schema author wrote is kept as written. */
function message(issue: z.core.$ZodIssue & { input?: unknown }, locale: Locale): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return REQUIRED[locale];
  const generic = (l: Locale) => {
    const m = localeErrors[l](issue as never);
    return typeof m === 'string' ? m : (m?.message ?? issue.message);
  };
  return issue.message === generic('en') ? generic(locale) : issue.message;
}

function valueAt(root: unknown, path: string[]): unknown {
  let v = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** One entry per problem, each naming its field first: `description: 缺少必填字段`. */
function validationErrors(err: FastifyError, request: FastifyRequest, locale: Locale): Open311Errors {
  if (!hasZodFastifySchemaValidationErrors(err)) {
    return (err.validation ?? []).map((v) => ({ code: 400, description: `${v.instancePath.replace(/^\//, '') || 'body'}: ${v.message ?? ''}` }));
  }
  const source = err.validationContext === 'querystring' ? request.query : err.validationContext === 'params' ? request.params : request.body;
  return err.validation.map((v) => {
    const path = v.instancePath.split('/').filter(Boolean);
    const issue = { ...v.params, code: v.keyword, path, message: v.message } as z.core.$ZodIssue & { input?: unknown };
    // The provider drops the received value; put it back so that "missing" can be told from "wrong type".
    if (issue.code === 'invalid_type') issue.input = valueAt(source, path);
    const field = path.join('.') || (err.validationContext === 'querystring' ? 'query' : 'body');
    return { code: 400, description: `${field}: ${message(issue, locale)}` };
  });
}

function send(reply: FastifyReply, status: number, body: Open311Errors) {
  return reply.status(status).type('application/json; charset=utf-8').send(body);
}

/**
 * Errors under /open311 take the GeoReport v2 shape `[{code, description}]` instead of ours, so that
 * Open311 clients can show them; statuses stay the same as everywhere else.
 */
export function registerOpen311Errors(scope: FastifyInstance): void {
  scope.setNotFoundHandler((request, reply) => {
    const locale = requestLocale(request);
    return send(reply, 404, [{ code: 404, description: `${errorMessages.route_not_found[locale]}: ${request.method} ${request.url.split('?')[0]}` }]);
  });

  scope.setErrorHandler((err: FastifyError, request, reply) => {
    const locale = requestLocale(request);
    const one = (status: number, code: ErrorCode, detail?: string) => send(reply, status, [{ code: status, description: detail ?? errorMessages[code][locale] }]);

    if (err instanceof HttpError) return one(err.status, err.code, typeof err.detail === 'string' ? err.detail : err.detail?.[locale]);
    if (err.validation) return send(reply, 400, validationErrors(err, request, locale));
    switch (err.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return one(413, 'payload_too_large');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return one(415, 'unsupported_media_type');
    }
    if (err.statusCode === 429) return one(429, 'too_many_requests');
    if (err instanceof SyntaxError || (err.statusCode === 400 && err.code?.startsWith('FST_'))) {
      return one(400, 'validation_failed', `body: ${errorMessages.validation_failed[locale]} (${err.message})`);
    }
    request.log.error({ err }, 'unhandled error');
    return one(500, 'internal', `${errorMessages.internal[locale]} (${request.id})`);
  });
}
