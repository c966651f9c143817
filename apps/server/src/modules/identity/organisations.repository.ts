import type { CreateOrganisation, Organisation } from '@anlan/contracts';
import { sql, type Transaction } from 'kysely';
import type { Db } from '../../db/client.js';
import type { OrganisationRow, Tables } from '../../db/tables.js';

export const toOrganisation = (r: OrganisationRow): Organisation => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  shortName: r.short_name,
  creditCode: r.credit_code,
  parentId: r.parent_id,
  createdAt: r.created_at.toISOString(),
});

export class OrganisationsRepository {
  constructor(private readonly db: Db) {}

  /** `visible` undefined: every organisation; otherwise only those ids. */
  async list(visible: string[] | undefined, page: { limit: number; offset: number }) {
    let q = this.db.selectFrom('organisations');
    if (visible) q = visible.length ? q.where('id', 'in', visible) : q.where(sql<boolean>`false`);
    const [rows, count] = await Promise.all([
      q.selectAll().orderBy('kind').orderBy('name').limit(page.limit).offset(page.offset).execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toOrganisation), total: Number(count.n) };
  }

  async findById(id: string) {
    const row = await this.db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toOrganisation(row);
  }

  async findByName(name: string) {
    const row = await this.db.selectFrom('organisations').selectAll().where('name', '=', name).executeTakeFirst();
    return row && toOrganisation(row);
  }

  async insert(trx: Transaction<Tables>, o: CreateOrganisation) {
    const row = await trx
      .insertInto('organisations')
      .values({
        kind: o.kind,
        name: o.name,
        short_name: o.shortName ?? null,
        credit_code: o.creditCode ?? null,
        parent_id: o.parentId ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toOrganisation(row);
  }
}
