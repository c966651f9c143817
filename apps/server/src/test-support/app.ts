import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../config.js';
import type { Database } from '../db/client.js';
import { buildApp } from '../http/app.js';
import { OrganisationsService } from '../modules/identity/organisations.service.js';
import { UsersService } from '../modules/identity/users.service.js';
import type { CreateOrganisation, CreateUser, Role } from '@anlan/contracts';

export const TEST_PASSWORD = 'correct-horse-battery';

export async function testApp(database: Database, env: Record<string, string> = {}): Promise<FastifyInstance> {
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env });
  return buildApp({ config, database, logger: false });
}

export async function seedOrganisation(database: Database, input: CreateOrganisation) {
  return new OrganisationsService(database.db).create(null, input);
}

export async function seedUser(database: Database, username: string, role: Role, organisationId?: string) {
  const input: CreateUser = { username, displayName: username, role, password: TEST_PASSWORD, ...(organisationId ? { organisationId } : {}) };
  return new UsersService(database.db).create(null, input);
}

/** Signs in and returns the session cookie header to send with later requests. */
export async function login(app: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  return cookieHeader(res);
}

export function cookieHeader(res: LightMyRequestResponse): string {
  return res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}
