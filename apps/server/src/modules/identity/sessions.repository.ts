import type { Db } from '../../db/client.js';

export class SessionsRepository {
  constructor(private readonly db: Db) {}

  async create(s: { id: string; userId: string; expiresAt: Date; ip: string | null; userAgent: string | null }) {
    await this.db
      .insertInto('sessions')
      .values({ id: s.id, user_id: s.userId, expires_at: s.expiresAt, ip: s.ip, user_agent: s.userAgent })
      .execute();
  }

  /** The live session with its (enabled) user, or undefined. */
  findLive(id: string, now: Date) {
    return this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select([
        'sessions.id as sessionId',
        'sessions.last_seen_at',
        'users.id',
        'users.username',
        'users.display_name',
        'users.role',
        'users.organisation_id',
        'users.locale',
      ])
      .where('sessions.id', '=', id)
      .where('sessions.expires_at', '>', now)
      .where('users.disabled', '=', false)
      .executeTakeFirst();
  }

  async touch(id: string, now: Date) {
    await this.db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
  }

  async delete(id: string) {
    await this.db.deleteFrom('sessions').where('id', '=', id).execute();
  }

  async deleteExpired(now: Date) {
    await this.db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
  }
}
