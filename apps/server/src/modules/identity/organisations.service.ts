import type { CreateOrganisation } from '@anlan/contracts';
import type { Db } from '../../db/client.js';
import { badRequest, conflict, notFound } from '../../http/errors.js';
import { appendEvent } from '../events/event-log.js';
import { canSeeOrganisation, requireRole, visibleOrganisations, type Actor } from './actor.js';
import { OrganisationsRepository } from './organisations.repository.js';

export class OrganisationsService {
  private readonly repo: OrganisationsRepository;
  constructor(private readonly db: Db) {
    this.repo = new OrganisationsRepository(db);
  }

  list(actor: Actor, page: { limit: number; offset: number }) {
    return this.repo.list(visibleOrganisations(actor), page);
  }

  /** Not found when it does not exist or is not the actor's to see: no existence leak. */
  async get(actor: Actor, id: string) {
    const org = canSeeOrganisation(actor, id) ? await this.repo.findById(id) : undefined;
    if (!org) throw notFound();
    return org;
  }

  /** The actor's own organisation, needing no scope check. */
  async findForSelf(id: string) {
    return (await this.repo.findById(id)) ?? null;
  }

  async create(actor: Actor | null, input: CreateOrganisation) {
    if (actor) requireRole(actor, ['admin']);
    if (await this.repo.findByName(input.name)) {
      throw conflict({ 'zh-CN': `单位名称已存在:${input.name}`, en: `An organisation named ${input.name} exists` });
    }
    if (input.parentId && !(await this.repo.findById(input.parentId))) {
      throw badRequest({ 'zh-CN': '上级单位不存在', en: 'parentId: no such organisation' }, [
        { path: 'body.parentId', code: 'not_found', message: 'no such organisation' },
      ]);
    }
    return this.db.transaction().execute(async (trx) => {
      const org = await this.repo.insert(trx, input);
      await appendEvent(trx, {
        entityType: 'organisation',
        entityId: org.id,
        organisationId: org.id,
        type: 'organisation.created',
        actorId: actor?.userId ?? null,
        payload: { kind: org.kind, name: org.name },
      });
      return org;
    });
  }
}
