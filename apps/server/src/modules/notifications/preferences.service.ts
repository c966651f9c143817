import { notificationCategoryLabels, type NotificationCategory, type NotificationPreferences, type UpdateNotificationPreferences } from '@anlan/contracts';
import type { Db } from '../../db/client.js';
import { badRequest } from '../../http/errors.js';
import type { Actor } from '../identity/actor.js';
import { describeCategories, isLocked, parseOverrides, type CategoryOverrides } from './preference-rules.js';

export const DIGEST_TIME_ZONE = 'Asia/Shanghai';

/** Per-user choices: the digest on or off, and per category immediate, digest or off. */
export class PreferencesService {
  constructor(
    private readonly db: Db,
    private readonly digestTime: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async get(actor: Actor): Promise<NotificationPreferences> {
    const row = await this.db.selectFrom('notification_preferences').selectAll().where('user_id', '=', actor.userId).executeTakeFirst();
    return this.describe(actor, row?.digest_enabled ?? true, parseOverrides(row?.categories));
  }

  async update(actor: Actor, input: UpdateNotificationPreferences): Promise<NotificationPreferences> {
    for (const [category, mode] of Object.entries(input.categories ?? {}) as [NotificationCategory, string][]) {
      if (isLocked(actor.role, category) && mode !== 'immediate') {
        const name = notificationCategoryLabels[category];
        throw badRequest(
          { 'zh-CN': `「${name['zh-CN']}」对当前角色须即时推送,不能修改`, en: `body.categories.${category}: ${name.en} are always pushed at once for your role` },
          [{ path: `body.categories.${category}`, code: 'locked', message: 'locked for this role' }],
        );
      }
    }
    await this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('notification_preferences').selectAll().where('user_id', '=', actor.userId).forUpdate().executeTakeFirst();
      const merged: CategoryOverrides = { ...parseOverrides(row?.categories), ...input.categories };
      const values = {
        digest_enabled: input.digestEnabled ?? row?.digest_enabled ?? true,
        categories: JSON.stringify(merged),
        updated_at: this.now(),
      };
      await trx
        .insertInto('notification_preferences')
        .values({ user_id: actor.userId, ...values })
        .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
        .execute();
    });
    return this.get(actor);
  }

  private describe(actor: Actor, digestEnabled: boolean, overrides: CategoryOverrides): NotificationPreferences {
    return { digestEnabled, digestTime: this.digestTime, timeZone: DIGEST_TIME_ZONE, locale: actor.locale, categories: describeCategories(actor.role, overrides) };
  }
}
