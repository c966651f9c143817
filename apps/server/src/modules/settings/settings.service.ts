import type { Setting } from '@anlan/contracts';
import type { Db } from '../../db/client.js';
import { badRequest, notFound } from '../../http/errors.js';
import { appendEvent } from '../events/event-log.js';
import { requireRole, type Actor } from '../identity/actor.js';
import {
  settingDefinitions,
  type KnownSettings,
  type SettingDefinition,
  type SettingDefinitions,
} from './settings-registry.js';
import { SettingsRepository, type StoredSetting } from './settings.repository.js';

/** The value type of key K. */
export type SettingValue<D extends SettingDefinitions, K extends keyof D> =
  D[K] extends SettingDefinition<infer T> ? T : never;

interface Entry {
  value: unknown;
  stored: StoredSetting | null;
  storedIsValid: boolean;
}

const READERS = ['admin', 'monitor'] as const;
const WRITERS = ['admin'] as const;

/**
 * Run-time settings over the `settings` table: one validated JSON value per known key (see settings-registry.ts).
 * Values are cached in memory after the first read and replaced on `put`, so `peek` is synchronous and hot paths
 * (the rules runner) never wait for the database. Another process's change is seen after `reload()`.
 */
export class SettingsService<D extends SettingDefinitions = KnownSettings> {
  private readonly repo: SettingsRepository;
  private readonly cache = new Map<string, Entry>();
  private readonly listeners = new Map<string, Set<(value: unknown) => void>>();
  private loading: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
    private readonly definitions: D = settingDefinitions as unknown as D,
  ) {
    this.repo = new SettingsRepository(db);
  }

  /** Reads every key once (idempotent); call at start-up before anyone `peek`s. */
  load(): Promise<void> {
    return (this.loading ??= this.reload());
  }

  /** Reads every key again from the database. */
  async reload(): Promise<void> {
    const rows = new Map((await this.repo.all()).map((r) => [r.key, r]));
    for (const [key, def] of Object.entries(this.definitions)) {
      this.cache.set(key, entry(def, rows.get(key) ?? null));
    }
  }

  /** The validated value of `key`, or its default when none is stored or the stored one no longer validates. */
  async get<K extends keyof D & string>(key: K): Promise<SettingValue<D, K>> {
    await this.load();
    return this.peek(key);
  }

  /** The value as last loaded, synchronously; the default before `load()`. */
  peek<K extends keyof D & string>(key: K): SettingValue<D, K> {
    return (this.cache.get(key)?.value ?? this.definitions[key]!.defaultValue) as SettingValue<D, K>;
  }

  /** Calls `listener` with the new value after each committed `put` of `key`; returns the function that stops it. */
  onChange<K extends keyof D & string>(key: K, listener: (value: SettingValue<D, K>) => void): () => void {
    let set = this.listeners.get(key);
    if (!set) this.listeners.set(key, (set = new Set()));
    const l = listener as (value: unknown) => void;
    set.add(l);
    return () => set.delete(l);
  }

  async list(actor: Actor): Promise<Setting[]> {
    requireRole(actor, READERS);
    await this.load();
    return Object.keys(this.definitions).map((key) => this.view(key));
  }

  async read(actor: Actor, key: string): Promise<Setting> {
    requireRole(actor, READERS);
    this.definition(key);
    await this.load();
    return this.view(key);
  }

  /** Replaces the value of `key` (admin only). A value that fails the key's schema is refused naming the field. */
  async put(actor: Actor, key: string, value: unknown): Promise<Setting> {
    requireRole(actor, WRITERS);
    const def = this.definition(key);
    const parsed = def.schema.safeParse(value);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({
        path: ['body', ...i.path.map(String)].join('.'),
        code: i.code,
        message: i.message,
      }));
      const first = issues[0]!;
      throw badRequest(
        { 'zh-CN': `设置「${key}」的取值有误:${first.path}`, en: `${first.path}: ${first.message}` },
        issues,
      );
    }
    await this.load();
    const before = this.peek(key as keyof D & string);
    const at = this.now();
    await this.db.transaction().execute(async (trx) => {
      await this.repo.upsert(key, parsed.data, actor.userId, at, trx);
      await appendEvent(trx, {
        entityType: 'setting',
        entityId: key,
        type: 'setting.updated',
        actorId: actor.userId,
        at,
        payload: { before, after: parsed.data },
      });
    });
    const stored = { key, value: parsed.data, updated_by: actor.userId, updated_at: at };
    this.cache.set(key, { value: parsed.data, stored, storedIsValid: true });
    for (const listener of this.listeners.get(key) ?? []) {
      try {
        listener(parsed.data);
      } catch {
        // A listener's failure is its own; the value has been saved regardless.
      }
    }
    return this.view(key);
  }

  private definition(key: string): SettingDefinition<unknown> {
    const def = Object.hasOwn(this.definitions, key) ? this.definitions[key] : undefined;
    if (!def) throw notFound();
    return def;
  }

  private view(key: string): Setting {
    const def = this.definition(key);
    const e = this.cache.get(key) ?? entry(def, null);
    return {
      key,
      value: e.value,
      defaultValue: def.defaultValue,
      isDefault: e.stored === null || !e.storedIsValid,
      storedIsValid: e.storedIsValid,
      updatedAt: e.stored?.updated_at.toISOString() ?? null,
      updatedBy: e.stored?.updated_by ?? null,
    };
  }
}

function entry(def: SettingDefinition<unknown>, stored: StoredSetting | null): Entry {
  if (!stored) return { value: def.defaultValue, stored: null, storedIsValid: true };
  const parsed = def.schema.safeParse(stored.value);
  return parsed.success
    ? { value: parsed.data, stored, storedIsValid: true }
    : { value: def.defaultValue, stored, storedIsValid: false };
}
