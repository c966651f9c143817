import type { Role } from '@anlan/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../modules/identity/actor.js';
import { requireRole } from '../modules/identity/actor.js';
import type { AuthService } from '../modules/identity/auth.service.js';
import { unauthenticated } from './errors.js';

export const SESSION_COOKIE = 'anlan_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** Resolves the session cookie (or `Authorization: Bearer`) into `request.actor` on every request. */
export function registerSessionResolution(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    const token = sessionToken(request);
    if (token) request.actor = await auth.resolve(token);
  });
}

export function sessionToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim() || undefined;
  return request.cookies[SESSION_COOKIE] || undefined;
}

/** The signed-in actor, with one of `roles` when given; 401 / 403 otherwise. */
export function authorize(request: FastifyRequest, roles?: readonly Role[]): Actor {
  const actor = request.actor;
  if (!actor) throw unauthenticated();
  if (roles) requireRole(actor, roles);
  return actor;
}

export function setSessionCookie(
  reply: FastifyReply,
  request: FastifyRequest,
  token: string,
  expires: Date,
  secure: boolean | undefined,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: secure ?? request.protocol === 'https',
    expires,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
