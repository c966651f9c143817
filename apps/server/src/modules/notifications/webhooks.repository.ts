import type { WebhookDelivery, WebhookEndpoint } from '@anlan/contracts';
import type { Selectable } from 'kysely';
import type { Db } from '../../db/client.js';
import type { WebhookDeliveriesTable, WebhookDeliveryStatus, WebhookEndpointsTable } from '../../db/tables.js';

export type EndpointRow = Selectable<WebhookEndpointsTable>;
type DeliveryRow = Selectable<WebhookDeliveriesTable>;

export const toEndpoint = (r: EndpointRow): WebhookEndpoint => ({
  id: r.id,
  url: r.url,
  description: r.description,
  eventTypes: r.event_types,
  organisationId: r.organisation_id,
  active: r.active,
  secretHint: `…${r.secret.slice(-4)}`,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

export class WebhooksRepository {
  constructor(private readonly db: Db) {}

  listEndpoints() {
    return this.db.selectFrom('webhook_endpoints').selectAll().orderBy('created_at').orderBy('id').execute();
  }

  endpoint(id: string) {
    return this.db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async deliveries(endpointId: string, q: { limit: number; offset: number; status?: WebhookDeliveryStatus | undefined }) {
    let base = this.db.selectFrom('webhook_deliveries').where('endpoint_id', '=', endpointId);
    if (q.status) base = base.where('status', '=', q.status);
    const [rows, total] = await Promise.all([
      base.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.limit).offset(q.offset).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: await this.withAttempts(rows), total: Number(total.n) };
  }

  async delivery(endpointId: string, id: string): Promise<WebhookDelivery | undefined> {
    const row = await this.db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).where('endpoint_id', '=', endpointId).executeTakeFirst();
    return row ? (await this.withAttempts([row]))[0] : undefined;
  }

  private async withAttempts(rows: DeliveryRow[]): Promise<WebhookDelivery[]> {
    const attempts = rows.length
      ? await this.db.selectFrom('webhook_attempts').selectAll().where('delivery_id', 'in', rows.map((r) => r.id)).orderBy('delivery_id').orderBy('attempt').orderBy('id').execute()
      : [];
    return rows.map((r) => ({
      id: r.id,
      endpointId: r.endpoint_id,
      eventId: r.event_id,
      eventType: r.event_type,
      status: r.status,
      attempts: r.attempts,
      nextAttemptAt: r.next_attempt_at?.toISOString() ?? null,
      lastStatusCode: r.last_status_code,
      lastError: r.last_error,
      createdAt: r.created_at.toISOString(),
      attemptLog: attempts
        .filter((a) => a.delivery_id === r.id)
        .map((a) => ({ attempt: a.attempt, at: a.at.toISOString(), statusCode: a.status_code, durationMs: a.duration_ms, error: a.error, nextAttemptAt: a.next_attempt_at?.toISOString() ?? null, manual: a.manual })),
    }));
  }
}
