import type { Locale } from '@anlan/contracts';
import type { FastifyRequest } from 'fastify';

/** zh-CN unless the client's first Accept-Language is English. */
export function requestLocale(request: FastifyRequest): Locale {
  const first = (request.headers['accept-language'] ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}
