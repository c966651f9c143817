import { sql } from 'kysely';
import type { Db } from '../../db/client.js';
import type { WebhookDeliveryStatus } from '../../db/tables.js';
import { postJson, type PostResult } from './webhook-http.js';
import { SIGNATURE_HEADER, signatureHeader } from './webhook-signature.js';

/** Waits after the 1st, 2nd … failed attempt; later failures wait as long as the last. */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000, 12 * 3600_000] as const;
export const retryDelay = (failedAttempts: number) => RETRY_DELAYS_MS[Math.min(failedAttempts, RETRY_DELAYS_MS.length) - 1]!;

export interface SenderOptions {
  timeoutMs: number;
  maxAttempts: number;
  allowPrivate: boolean;
  now?: () => Date;
  /** Requests in flight at once in one run. */
  concurrency?: number;
  log?: (msg: string, err?: unknown) => void;
}

interface Claimed {
  id: string;
  event_id: number | null;
  event_type: string;
  body: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  url: string;
  secret: string;
}

/**
 * Sends webhook deliveries: each due one is claimed with a lease (so two processes never send it at once and a
 * crash mid-send only delays it), POSTed signed, and its attempt logged. A failure (non-2xx, timeout, refused) is
 * retried after 1 min, 5 min, 30 min, 2 h, 12 h … until maxAttempts; delivery is at least once, and every request
 * of one delivery carries the same X-Anlan-Delivery id and body, so receivers can drop repeats.
 */
export class WebhookSender {
  private readonly now: () => Date;

  constructor(
    private readonly db: Db,
    private readonly opts: SenderOptions,
  ) {
    this.now = opts.now ?? (() => new Date());
  }

  /** Sends what is due; returns the number of attempts made. */
  async runDue(limit = 50): Promise<number> {
    const now = this.now();
    const lease = new Date(now.getTime() + this.opts.timeoutMs + 60_000);
    const claimed = await sql<Claimed>`
      with due as (
        select d.id from webhook_deliveries d join webhook_endpoints e on e.id = d.endpoint_id
        where d.status = 'pending' and d.next_attempt_at <= ${now} and e.active
        order by d.next_attempt_at, d.id limit ${limit}
        for update of d skip locked
      )
      update webhook_deliveries d set next_attempt_at = ${lease}, updated_at = ${now}
      from due, webhook_endpoints e
      where d.id = due.id and e.id = d.endpoint_id
      returning d.id, d.event_id, d.event_type, d.body, d.status, d.attempts, e.url, e.secret`.execute(this.db);
    const queue = [...claimed.rows];
    const worker = async () => {
      for (let d = queue.shift(); d; d = queue.shift()) await this.send(d, { manual: false, retry: true });
    };
    await Promise.all(Array.from({ length: Math.min(this.opts.concurrency ?? 4, queue.length) }, worker));
    return claimed.rows.length;
  }

  /** One attempt now, outside the schedule (redeliver, test). retry: whether a failure goes back on the schedule. */
  async attemptNow(deliveryId: string, opts: { retry: boolean }): Promise<void> {
    const d = await this.db
      .selectFrom('webhook_deliveries as d')
      .innerJoin('webhook_endpoints as e', 'e.id', 'd.endpoint_id')
      .select(['d.id', 'd.event_id', 'd.event_type', 'd.body', 'd.status', 'd.attempts', 'e.url', 'e.secret'])
      .where('d.id', '=', deliveryId)
      .executeTakeFirstOrThrow();
    await this.send(d, { manual: true, retry: opts.retry });
  }

  private async send(d: Claimed, how: { manual: boolean; retry: boolean }): Promise<void> {
    const at = this.now();
    const attempt = d.attempts + 1;
    const t = Math.floor(at.getTime() / 1000);
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      'user-agent': 'Anlan-Webhooks/1',
      'x-anlan-delivery': d.id,
      'x-anlan-event': d.event_type,
      'x-anlan-attempt': String(attempt),
      [SIGNATURE_HEADER]: signatureHeader(d.secret, d.body, t),
      ...(d.event_id !== null ? { 'x-anlan-event-id': String(d.event_id) } : {}),
    };
    let result: PostResult;
    try {
      result = await postJson(d.url, d.body, headers, { timeoutMs: this.opts.timeoutMs, allowPrivate: this.opts.allowPrivate });
    } catch (err) {
      result = { statusCode: null, error: err instanceof Error ? err.message : String(err), durationMs: 0 };
    }
    const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
    const again = !ok && how.retry && attempt < this.opts.maxAttempts;
    const status: WebhookDeliveryStatus = ok ? 'succeeded' : again ? 'pending' : 'failed';
    const next = again ? new Date(at.getTime() + retryDelay(attempt)) : null;
    await this.record(d, { attempt, at, result, next, status, manual: how.manual });
    if (!ok) this.opts.log?.(`webhook delivery ${d.id} attempt ${attempt} failed: ${result.error ?? ''}`);
  }

  private async record(d: Claimed, a: { attempt: number; at: Date; result: PostResult; next: Date | null; status: WebhookDeliveryStatus; manual: boolean }): Promise<void> {
    const { attempt, at, result, next, status, manual } = a;
    // The endpoint may have been removed while the request was out: then there is nothing left to log to.
    await this.db.transaction().execute(async (trx) => {
      if (!(await trx.selectFrom('webhook_deliveries').select('id').where('id', '=', d.id).forUpdate().executeTakeFirst())) return;
      await trx
        .insertInto('webhook_attempts')
        .values({ delivery_id: d.id, attempt, at, status_code: result.statusCode, duration_ms: result.durationMs, error: result.error?.slice(0, 500) ?? null, next_attempt_at: next, manual })
        .execute();
      await trx
        .updateTable('webhook_deliveries')
        .set({ status, attempts: attempt, next_attempt_at: next, last_status_code: result.statusCode, last_error: result.error?.slice(0, 500) ?? null, updated_at: at })
        .where('id', '=', d.id)
        .execute();
    });
  }
}
