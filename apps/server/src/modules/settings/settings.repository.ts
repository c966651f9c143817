import type { Db } from '../../db/client.js';

export interface StoredSetting {
  key: string;
  value: unknown;
  updated_by: string | null;
  updated_at: Date;
}

export class SettingsRepository {
  constructor(private readonly db: Db) {}

  all(): Promise<StoredSetting[]> {
    return this.db.selectFrom('settings').selectAll().execute();
  }

  find(key: string, db: Db = this.db): Promise<StoredSetting | undefined> {
    return db.selectFrom('settings').selectAll().where('key', '=', key).executeTakeFirst();
  }

  async upsert(key: string, value: unknown, by: string | null, at: Date, db: Db = this.db): Promise<void> {
    const json = JSON.stringify(value);
    await db
      .insertInto('settings')
      .values({ key, value: json, updated_by: by, updated_at: at })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_by: by, updated_at: at }))
      .execute();
  }
}
