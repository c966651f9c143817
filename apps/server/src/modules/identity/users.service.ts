import type { CreateUser } from '@anlan/contracts';
import type { Db } from '../../db/client.js';
import { badRequest, conflict, notFound } from '../../http/errors.js';
import { appendEvent } from '../events/event-log.js';
import { canSeeOrganisation, requireRole, visibleOrganisations, type Actor } from './actor.js';
import { OrganisationsRepository } from './organisations.repository.js';
import { hashPassword } from './password.js';
import { toUser, UsersRepository } from './users.repository.js';

export class UsersService {
  private readonly users: UsersRepository;
  private readonly organisations: OrganisationsRepository;
  constructor(private readonly db: Db) {
    this.users = new UsersRepository(db);
    this.organisations = new OrganisationsRepository(db);
  }

  list(actor: Actor, page: { limit: number; offset: number }) {
    return this.users.list(visibleOrganisations(actor), page);
  }

  async get(actor: Actor, id: string) {
    const row = await this.users.findById(id);
    const visible = row && (row.id === actor.userId || (actor.role !== 'public' && canSeeOrganisation(actor, row.organisation_id)));
    if (!row || !visible) throw notFound();
    return toUser(row);
  }

  /** `actor` null: the CLI or the demo seed, which act as the system. */
  async create(actor: Actor | null, input: CreateUser) {
    if (actor) requireRole(actor, ['admin']);
    if (input.role === 'enterprise' && !input.organisationId) {
      throw badRequest({ 'zh-CN': '企业用户必须属于一个单位', en: 'organisationId: an enterprise user needs an organisation' }, [
        { path: 'body.organisationId', code: 'required', message: 'required for role enterprise' },
      ]);
    }
    if (input.organisationId && !(await this.organisations.findById(input.organisationId))) {
      throw badRequest({ 'zh-CN': '所属单位不存在', en: 'organisationId: no such organisation' }, [
        { path: 'body.organisationId', code: 'not_found', message: 'no such organisation' },
      ]);
    }
    if (await this.users.findByUsername(input.username)) {
      throw conflict({ 'zh-CN': `用户名已存在:${input.username}`, en: `Username ${input.username} is taken` });
    }
    const passwordHash = await hashPassword(input.password);
    return this.db.transaction().execute(async (trx) => {
      const row = await this.users.insert(trx, {
        username: input.username,
        display_name: input.displayName,
        role: input.role,
        organisation_id: input.organisationId ?? null,
        password_hash: passwordHash,
        phone: input.phone ?? null,
        ...(input.locale ? { locale: input.locale } : {}),
      });
      await appendEvent(trx, {
        entityType: 'user',
        entityId: row.id,
        organisationId: row.organisation_id,
        type: 'user.created',
        actorId: actor?.userId ?? null,
        payload: { username: row.username, role: row.role },
      });
      return toUser(row);
    });
  }
}
