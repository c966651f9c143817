import type { Locale, NotificationCategory, NotificationSeverity } from '@anlan/contracts';

/** One immediate notification for one user, as a channel sends it: text already in the user's language. */
export interface ChannelMessage {
  notificationId: string;
  userId: string;
  locale: Locale;
  category: NotificationCategory;
  severity: NotificationSeverity;
  urgent: boolean;
  title: string;
  link: string | null;
  at: Date;
}

/**
 * A way to reach a user outside the inbox (SMS, WeCom, app push …). The inbox row is the in-app delivery and
 * needs no channel. Channels are called after the items commit, best-effort: a failing channel is logged and
 * never undoes or repeats the inbox item. No vendor is implemented yet.
 */
export interface Channel {
  readonly name: string;
  deliver(message: ChannelMessage): Promise<void>;
}
