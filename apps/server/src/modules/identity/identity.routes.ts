import { createOrganisation, createUser, idParams, loginRequest, me, organisation, page, pageQuery, user } from '@anlan/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize, clearSessionCookie, sessionToken, setSessionCookie } from '../../http/auth.js';
import type { AuthService } from './auth.service.js';
import type { OrganisationsService } from './organisations.service.js';
import type { UsersService } from './users.service.js';

export interface IdentityDeps {
  auth: AuthService;
  users: UsersService;
  organisations: OrganisationsService;
  cookieSecure: boolean | undefined;
  loginRateLimitPerMinute: number;
}

export function identityRoutes(app: FastifyInstance, deps: IdentityDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['identity'];

  r.post('/api/auth/login', {
    schema: { tags, summary: 'Sign in; sets the session cookie', body: loginRequest, response: { 200: me } },
    config: {
      rateLimit: {
        max: deps.loginRateLimitPerMinute,
        timeWindow: '1 minute',
        hook: 'preHandler',
        // Per address and account, so that one guessed account cannot lock out a whole office.
        keyGenerator: (req) => `${req.ip}|${String((req.body as { username?: unknown } | undefined)?.username ?? '').toLowerCase()}`,
      },
    },
  }, async (request, reply) => {
    const { username, password } = request.body;
    const session = await deps.auth
      .login(username, password, { ip: request.ip, userAgent: request.headers['user-agent'] ?? null })
      .catch((err: unknown) => {
        request.log.warn({ username }, 'login failed');
        throw err;
      });
    setSessionCookie(reply, request, session.token, session.expiresAt, deps.cookieSecure);
    const org = session.user.organisationId ? await deps.organisations.findForSelf(session.user.organisationId) : null;
    return { user: session.user, organisation: org };
  });

  r.post('/api/auth/logout', { schema: { tags, summary: 'Sign out', response: { 204: z.null() } } }, async (request, reply) => {
    const token = sessionToken(request);
    if (token) await deps.auth.logout(token);
    clearSessionCookie(reply);
    return reply.status(204).send(null);
  });

  r.get('/api/auth/me', { schema: { tags, summary: 'The signed-in user', response: { 200: me } } }, async (request) => {
    const actor = authorize(request);
    const u = await deps.users.get(actor, actor.userId);
    const org = u.organisationId ? await deps.organisations.findForSelf(u.organisationId) : null;
    return { user: u, organisation: org };
  });

  r.get('/api/organisations', {
    schema: { tags, summary: 'Organisations the user may see', querystring: pageQuery, response: { 200: page(organisation) } },
  }, async (request) => {
    const actor = authorize(request);
    return { ...(await deps.organisations.list(actor, request.query)), ...request.query };
  });

  r.get('/api/organisations/:id', {
    schema: { tags, summary: 'One organisation', params: idParams, response: { 200: organisation } },
  }, async (request) => deps.organisations.get(authorize(request), request.params.id));

  r.post('/api/organisations', {
    schema: { tags, summary: 'Create an organisation (admin)', body: createOrganisation, response: { 201: organisation } },
  }, async (request, reply) => {
    const org = await deps.organisations.create(authorize(request, ['admin']), request.body);
    return reply.status(201).send(org);
  });

  r.get('/api/users', {
    schema: { tags, summary: 'Users the user may see', querystring: pageQuery, response: { 200: page(user) } },
  }, async (request) => {
    const actor = authorize(request, ['admin', 'leader', 'inspector', 'enforcement', 'monitor', 'enterprise']);
    return { ...(await deps.users.list(actor, request.query)), ...request.query };
  });

  r.get('/api/users/:id', {
    schema: { tags, summary: 'One user', params: idParams, response: { 200: user } },
  }, async (request) => deps.users.get(authorize(request), request.params.id));

  r.post('/api/users', {
    schema: { tags, summary: 'Create a user (admin)', body: createUser, response: { 201: user } },
  }, async (request, reply) => {
    const created = await deps.users.create(authorize(request, ['admin']), request.body);
    return reply.status(201).send(created);
  });
}
