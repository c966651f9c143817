import { errorMessages, type ErrorBody, type ErrorCode, type Locale } from '@anlan/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestLocale } from './locale.js';

type Issue = { path: string; code: string; message: string };

/** The one error type: thrown anywhere, turned into `{error:{code,message,issues?}}` by one handler. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    /** Overrides the catalogue message; give both languages when the text is specific. */
    readonly detail?: string | Record<Locale, string>,
    readonly issues?: Issue[],
  ) {
    super(typeof detail === 'string' ? detail : (detail?.en ?? errorMessages[code].en));
  }
}

export const badRequest = (detail: string | Record<Locale, string>, issues?: Issue[]) =>
  new HttpError(400, 'validation_failed', detail, issues);
export const unauthenticated = () => new HttpError(401, 'unauthenticated');
export const forbidden = () => new HttpError(403, 'forbidden');
export const notFound = () => new HttpError(404, 'not_found');
export const conflict = (detail: string | Record<Locale, string>) => new HttpError(409, 'conflict', detail);

const localeErrors = { 'zh-CN': z.locales.zhCN().localeError, en: z.locales.en().localeError };

function localised(issue: z.core.$ZodIssue & { input?: unknown }, locale: Locale): string {
  const generic = (l: Locale) => {
    const m = localeErrors[l](issue as never);
    return typeof m === 'string' ? m : (m?.message ?? issue.message);
  };
  // A message the schema author wrote (not zod's generic one) is kept as written.
  return issue.message === generic('en') ? generic(locale) : issue.message;
}

function valueAt(root: unknown, path: PropertyKey[]): unknown {
  let v = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

const contexts = { body: 'body', querystring: 'query', params: 'params', headers: 'headers' } as const;

function validationIssues(err: FastifyError, request: FastifyRequest, locale: Locale): Issue[] {
  if (!hasZodFastifySchemaValidationErrors(err)) {
    return (err.validation ?? []).map((v) => ({ path: v.instancePath, code: v.keyword, message: v.message ?? '' }));
  }
  const where = contexts[(err.validationContext ?? 'body') as keyof typeof contexts] ?? 'body';
  return err.validation.map((v) => {
    const path = v.instancePath.split('/').filter(Boolean);
    const issue = { ...v.params, code: v.keyword, path, message: v.message } as z.core.$ZodIssue & { input?: unknown };
    // The provider drops the received value; put it back so that messages can name its type.
    if (issue.code === 'invalid_type') issue.input = valueAt(request[where], path);
    return { path: [where, ...path].join('.'), code: issue.code, message: localised(issue, locale) };
  });
}

function send(reply: FastifyReply, status: number, body: ErrorBody) {
  return reply.status(status).type('application/json; charset=utf-8').send(body);
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => {
    const locale = requestLocale(request);
    return send(reply, 404, {
      error: { code: 'route_not_found', message: `${errorMessages.route_not_found[locale]}: ${request.method} ${request.url.split('?')[0]}`, requestId: request.id },
    });
  });

  app.setErrorHandler((err: FastifyError, request, reply) => {
    const locale = requestLocale(request);
    const body = (code: ErrorCode, message?: string, issues?: Issue[]): ErrorBody => ({
      error: { code, message: message ?? errorMessages[code][locale], requestId: request.id, ...(issues ? { issues } : {}) },
    });

    if (err instanceof HttpError) {
      const detail = typeof err.detail === 'string' ? err.detail : err.detail?.[locale];
      return send(reply, err.status, body(err.code, detail, err.issues));
    }
    if (err.validation) {
      const issues = validationIssues(err, request, locale);
      const first = issues[0];
      const summary = `${errorMessages.validation_failed[locale]}${first ? `: ${first.path} — ${first.message}` : ''}`;
      return send(reply, 400, body('validation_failed', summary, issues));
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err, issues: err.cause.issues }, 'response does not match its schema');
      return send(reply, 500, body('internal'));
    }
    switch (err.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return send(reply, 413, body('payload_too_large'));
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return send(reply, 415, body('unsupported_media_type'));
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return send(reply, 400, body('validation_failed', `${errorMessages.validation_failed[locale]}: ${err.message}`));
    }
    if (err.statusCode === 429) return send(reply, 429, body('too_many_requests'));
    if (err instanceof SyntaxError || (err.statusCode === 400 && err.code?.startsWith('FST_'))) {
      return send(reply, 400, body('validation_failed', `${errorMessages.validation_failed[locale]}: ${err.message}`));
    }
    request.log.error({ err }, 'unhandled error');
    return send(reply, 500, body('internal', `${errorMessages.internal[locale]} (${request.id})`));
  });
}
