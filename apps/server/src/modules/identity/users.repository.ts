import type { User } from '@anlan/contracts';
import { sql, type Transaction } from 'kysely';
import type { Db } from '../../db/client.js';
import type { NewUserRow, Tables, UserRow } from '../../db/tables.js';

export const toUser = (r: UserRow): User => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  organisationId: r.organisation_id,
  phone: r.phone,
  locale: r.locale,
  disabled: r.disabled,
  createdAt: r.created_at.toISOString(),
});

export class UsersRepository {
  constructor(private readonly db: Db) {}

  findByUsername(username: string) {
    return this.db
      .selectFrom('users')
      .selectAll()
      .where(sql`lower(username)`, '=', username.toLowerCase())
      .executeTakeFirst();
  }

  findById(id: string) {
    return this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async list(visible: string[] | undefined, page: { limit: number; offset: number }) {
    let q = this.db.selectFrom('users');
    if (visible) q = visible.length ? q.where('organisation_id', 'in', visible) : q.where(sql<boolean>`false`);
    const [rows, count] = await Promise.all([
      q.selectAll().orderBy('username').limit(page.limit).offset(page.offset).execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toUser), total: Number(count.n) };
  }

  insert(trx: Transaction<Tables>, row: NewUserRow) {
    return trx.insertInto('users').values(row).returningAll().executeTakeFirstOrThrow();
  }
}
