import { randomBytes } from 'node:crypto';
import type { CreateWebhook, UpdateWebhook, WebhookDelivery, WebhookEndpoint, WebhookEventBody } from '@anlan/contracts';
import type { Updateable } from 'kysely';
import type { Db } from '../../db/client.js';
import type { WebhookDeliveryStatus, WebhookEndpointsTable } from '../../db/tables.js';
import { badRequest, notFound } from '../../http/errors.js';
import type { Actor } from '../identity/actor.js';
import { appendEvent } from '../events/event-log.js';
import type { WebhookSender } from './webhook-sender.js';
import { checkWebhookUrl } from './webhook-url.js';
import { toEndpoint, WebhooksRepository, type EndpointRow } from './webhooks.repository.js';

const newSecret = () => `whsec_${randomBytes(24).toString('base64url')}`;

/**
 * Webhook endpoints (admin): registration with URL checks, the delivery log, manual redelivery and a test ping.
 * Changes are events in the log (entity 'webhook'; never sent by webhook themselves, and never with the secret).
 */
export class WebhooksService {
  private readonly repo: WebhooksRepository;

  constructor(
    private readonly db: Db,
    private readonly sender: WebhookSender,
    private readonly allowPrivate: boolean,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.repo = new WebhooksRepository(db);
  }

  async list(): Promise<WebhookEndpoint[]> {
    return (await this.repo.listEndpoints()).map(toEndpoint);
  }

  async get(id: string): Promise<WebhookEndpoint> {
    return toEndpoint(await this.endpoint(id));
  }

  async create(actor: Actor, input: CreateWebhook): Promise<WebhookEndpoint & { secret: string }> {
    await checkWebhookUrl(input.url, this.allowPrivate);
    if (input.organisationId) await this.requireOrganisation(input.organisationId);
    const secret = input.secret ?? newSecret();
    const row = await this.db.transaction().execute(async (trx) => {
      const r = await trx
        .insertInto('webhook_endpoints')
        .values({ url: input.url, secret, event_types: input.eventTypes, organisation_id: input.organisationId ?? null, active: input.active, description: input.description ?? null, created_by: actor.userId, created_at: this.now(), updated_at: this.now() })
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendEvent(trx, { entityType: 'webhook', entityId: r.id, type: 'webhook.created', actorId: actor.userId, at: this.now(), payload: { url: r.url, eventTypes: r.event_types, organisationId: r.organisation_id, active: r.active } });
      // From here on: the event just appended is the newest, and the chain lock is held until commit.
      const last = await trx.selectFrom('events').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow();
      return trx.updateTable('webhook_endpoints').set({ after_event_id: Number(last.id) }).where('id', '=', r.id).returningAll().executeTakeFirstOrThrow();
    });
    return { ...toEndpoint(row), secret };
  }

  async update(actor: Actor, id: string, input: UpdateWebhook): Promise<WebhookEndpoint & { secret?: string }> {
    await this.endpoint(id);
    if (input.url !== undefined) await checkWebhookUrl(input.url, this.allowPrivate);
    if (input.organisationId) await this.requireOrganisation(input.organisationId);
    const patch: Updateable<WebhookEndpointsTable> = { updated_at: this.now() };
    if (input.url !== undefined) patch.url = input.url;
    if (input.description !== undefined) patch.description = input.description;
    if (input.eventTypes !== undefined) patch.event_types = input.eventTypes;
    if (input.organisationId !== undefined) patch.organisation_id = input.organisationId;
    if (input.active !== undefined) patch.active = input.active;
    const secret = input.rotateSecret ? newSecret() : undefined;
    if (secret) patch.secret = secret;
    const row = await this.db.transaction().execute(async (trx) => {
      const r = await trx.updateTable('webhook_endpoints').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
      const changed = Object.keys(input).filter((k) => k !== 'rotateSecret');
      await appendEvent(trx, { entityType: 'webhook', entityId: id, type: 'webhook.updated', actorId: actor.userId, at: this.now(), payload: { changed, secretRotated: Boolean(secret), url: r.url, eventTypes: r.event_types, organisationId: r.organisation_id, active: r.active } });
      return r;
    });
    return { ...toEndpoint(row), ...(secret ? { secret } : {}) };
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.endpoint(id);
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('webhook_endpoints').where('id', '=', id).execute();
      await appendEvent(trx, { entityType: 'webhook', entityId: id, type: 'webhook.deleted', actorId: actor.userId, at: this.now() });
    });
  }

  async deliveries(id: string, q: { limit: number; offset: number; status?: WebhookDeliveryStatus | undefined }) {
    await this.endpoint(id);
    return this.repo.deliveries(id, q);
  }

  /** Sends a delivery again now; one that is still on its schedule stays on it if this attempt fails too. */
  async redeliver(id: string, deliveryId: string): Promise<WebhookDelivery> {
    await this.endpoint(id);
    const d = await this.repo.delivery(id, deliveryId);
    if (!d) throw notFound();
    await this.sender.attemptNow(deliveryId, { retry: d.status === 'pending' });
    return (await this.repo.delivery(id, deliveryId))!;
  }

  /** A 'webhook.test' ping to the endpoint, sent at once and logged like any delivery (not retried). */
  async test(id: string): Promise<WebhookDelivery> {
    const ep = await this.endpoint(id);
    const now = this.now();
    const body: WebhookEventBody = {
      id: 0,
      type: 'webhook.test',
      at: now.toISOString(),
      entity: { type: 'webhook', id: ep.id },
      organisation: null,
      payload: { message: '安澜 Anlan webhook test / 测试推送' },
    };
    const d = await this.db
      .insertInto('webhook_deliveries')
      .values({ endpoint_id: ep.id, event_id: null, event_type: body.type, body: JSON.stringify(body), next_attempt_at: null, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.sender.attemptNow(d.id, { retry: false });
    return (await this.repo.delivery(id, d.id))!;
  }

  private async endpoint(id: string): Promise<EndpointRow> {
    const ep = await this.repo.endpoint(id);
    if (!ep) throw notFound();
    return ep;
  }

  private async requireOrganisation(id: string): Promise<void> {
    const org = await this.db.selectFrom('organisations').select('id').where('id', '=', id).executeTakeFirst();
    if (!org) {
      throw badRequest({ 'zh-CN': 'body.organisationId: 单位不存在', en: 'body.organisationId: no such organisation' }, [{ path: 'body.organisationId', code: 'not_found', message: 'no such organisation' }]);
    }
  }
}
