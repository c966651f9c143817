import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { ChainVerification, DomainEvent } from '@anlan/contracts';
import type { Db } from '../../db/client.js';
import type { EventRow } from '../../db/tables.js';

/** What a module records for one state change. */
export interface NewEvent {
  entityType: string;
  entityId: string;
  type: string;
  actorId: string | null;
  /** The organisation the entity belongs to, so that scoped users can read its history. */
  organisationId?: string | null;
  payload?: Record<string, unknown>;
  at?: Date;
}

export const GENESIS_HASH = '0'.repeat(64);
/** Serialises appenders so that each row chains to the one before it. */
const CHAIN_LOCK = 80_808_001;

/** JSON with object keys sorted at every depth: the same value always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

function eventHash(prevHash: string, e: Omit<EventRow, 'id' | 'hash' | 'prev_hash'>): string {
  const body = canonicalJson({
    at: e.at.toISOString(),
    actorId: e.actor_id,
    organisationId: e.organisation_id,
    entityType: e.entity_type,
    entityId: e.entity_id,
    type: e.type,
    payload: e.payload,
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/**
 * Appends events inside the caller's transaction, so that a state change and its event
 * commit together or not at all. Each row's hash covers the previous row's hash.
 */
export async function appendEvents(trx: Db, events: NewEvent[]): Promise<void> {
  if (events.length === 0) return;
  if (!trx.isTransaction) throw new Error('appendEvents must run inside the transaction of the state change');
  await sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`.execute(trx);
  const last = await trx.selectFrom('events').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  let prev = last?.hash ?? GENESIS_HASH;
  const rows = events.map((e) => {
    const row = {
      at: e.at ?? new Date(),
      actor_id: e.actorId,
      organisation_id: e.organisationId ?? null,
      entity_type: e.entityType,
      entity_id: e.entityId,
      type: e.type,
      // Round-trip through JSON so the hash covers exactly what jsonb will give back.
      payload: JSON.parse(JSON.stringify(e.payload ?? {})) as unknown,
    };
    const hash = eventHash(prev, row);
    const out = { ...row, payload: JSON.stringify(row.payload), prev_hash: prev, hash };
    prev = hash;
    return out;
  });
  await trx.insertInto('events').values(rows).execute();
}

export const appendEvent = (trx: Db, event: NewEvent) => appendEvents(trx, [event]);

/** Walks the whole chain in id order and reports the first row whose hash does not hold. */
export async function verifyEventChain(db: Db, batchSize = 5000): Promise<ChainVerification> {
  let prev = GENESIS_HASH;
  let afterId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.selectFrom('events').selectAll().where('id', '>', afterId).orderBy('id').limit(batchSize).execute();
    for (const row of rows) {
      if (row.prev_hash !== prev) {
        return { ok: false, checked, firstBrokenId: row.id, reason: 'prev_hash does not match the previous row' };
      }
      if (eventHash(prev, row) !== row.hash) {
        return { ok: false, checked, firstBrokenId: row.id, reason: 'hash does not match the row contents' };
      }
      prev = row.hash;
      checked++;
    }
    if (rows.length < batchSize) return { ok: true, checked, firstBrokenId: null, reason: null };
    afterId = rows[rows.length - 1]!.id;
  }
}

export function toDomainEvent(row: EventRow): DomainEvent {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorId: row.actor_id,
    organisationId: row.organisation_id,
    entityType: row.entity_type,
    entityId: row.entity_id,
    type: row.type,
    payload: row.payload,
    hash: row.hash,
  };
}
