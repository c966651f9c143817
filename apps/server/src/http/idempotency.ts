import type { Db } from '../db/client.js';
import { HttpError } from './errors.js';

/**
 * Runs a write at most once per (user, Idempotency-Key): a phone that retries after a lost answer gets the
 * first answer again instead of a duplicate record. Without a key the write simply runs.
 */
export async function idempotent<T, S extends number>(
  db: Db,
  userId: string,
  key: string | undefined,
  route: string,
  run: () => Promise<{ status: S; body: T }>,
): Promise<{ status: S; body: T; replayed: boolean }> {
  if (!key) return { ...(await run()), replayed: false };
  const claimed = await db
    .insertInto('idempotency_keys')
    .values({ key, user_id: userId, route, status: 0, response: 'null' })
    .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  if (!claimed) {
    const prior = await db.selectFrom('idempotency_keys').selectAll().where('user_id', '=', userId).where('key', '=', key).executeTakeFirstOrThrow();
    if (prior.route !== route) {
      throw new HttpError(409, 'conflict', { 'zh-CN': '幂等键已用于另一请求', en: 'Idempotency-Key: already used for another request' });
    }
    if (prior.status === 0) throw new HttpError(409, 'request_in_progress');
    // The stored status came from this same route, so it is one of its statuses.
    return { status: prior.status as S, body: prior.response as T, replayed: true };
  }
  try {
    const result = await run();
    await db
      .updateTable('idempotency_keys')
      .set({ status: result.status, response: JSON.stringify(result.body) })
      .where('user_id', '=', userId)
      .where('key', '=', key)
      .execute();
    return { ...result, replayed: false };
  } catch (err) {
    // A failed request may be retried with the same key.
    await db.deleteFrom('idempotency_keys').where('user_id', '=', userId).where('key', '=', key).execute();
    throw err;
  }
}

/** The header value, checked: 8–100 visible ASCII characters. */
export function idempotencyKey(headers: Record<string, unknown>): string | undefined {
  const v = headers['idempotency-key'];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !/^[\x21-\x7e]{8,100}$/.test(v)) {
    throw new HttpError(400, 'validation_failed', { 'zh-CN': 'Idempotency-Key 须为 8–100 个可见 ASCII 字符', en: 'Idempotency-Key: 8–100 visible ASCII characters' }, [
      { path: 'headers.idempotency-key', code: 'invalid', message: '8–100 visible ASCII characters' },
    ]);
  }
  return v;
}
