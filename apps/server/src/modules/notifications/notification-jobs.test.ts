import { Cron } from 'croner';
import { describe, expect, it } from 'vitest';
import { digestPattern } from './notification-jobs.js';
import { DIGEST_TIME_ZONE } from './preferences.service.js';

describe('the daily digest schedule', () => {
  it('runs at DIGEST_TIME in China, whatever the server’s time zone', () => {
    const cron = new Cron(digestPattern('08:00'), { timezone: DIGEST_TIME_ZONE, paused: true });
    // 10:00 in Shanghai on 20 Dec: the next digest is 08:00 on 21 Dec, which is 00:00 UTC.
    expect(cron.nextRun(new Date('2026-12-20T02:00:00Z'))?.toISOString()).toBe('2026-12-21T00:00:00.000Z');
    expect(new Cron(digestPattern('18:30'), { timezone: DIGEST_TIME_ZONE, paused: true }).nextRun(new Date('2026-12-20T02:00:00Z'))?.toISOString()).toBe('2026-12-20T10:30:00.000Z');
  });
});
