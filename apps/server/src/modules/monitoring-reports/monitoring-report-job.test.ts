import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { engines } from '../../test-support/databases.js';
import { DAY, seedMonitoringDay } from './monitoring-report-fixture.js';
import { dueDays, nextReportRun, reportCronPattern, startMonitoringReportJob } from './monitoring-report-job.js';
import { MonitoringReportsService } from './monitoring-reports.service.js';
import { addDays, dayRange, shanghaiDay } from './report-day.js';

describe('the daily report schedule (Asia/Shanghai)', () => {
  it('runs at the configured wall-clock time in China, whatever the server time zone', () => {
    expect(reportCronPattern('06:00')).toBe('0 6 * * *');
    expect(reportCronPattern('23:05')).toBe('5 23 * * *');
    expect(() => reportCronPattern('6:00')).toThrow(/HH:MM/);
    // 05:59 in Shanghai is 21:59 UTC the day before: the run is one minute later.
    expect(nextReportRun('06:00', new Date('2026-12-19T21:59:00Z')).toISOString()).toBe('2026-12-19T22:00:00.000Z');
    // Just after the run: tomorrow's.
    expect(nextReportRun('06:00', new Date('2026-12-19T22:00:01Z')).toISOString()).toBe('2026-12-20T22:00:00.000Z');
    // 00:30 in Shanghai is still the previous UTC day; across a month and a year end.
    expect(nextReportRun('00:30', new Date('2026-12-31T17:00:00Z')).toISOString()).toBe('2027-01-01T16:30:00.000Z');
  });

  it('knows Shanghai days and which days are due', () => {
    expect(shanghaiDay(new Date('2026-12-19T16:00:00Z'))).toBe('2026-12-20');
    expect(shanghaiDay(new Date('2026-12-19T15:59:59Z'))).toBe('2026-12-19');
    expect(dayRange('2027-01-01')).toEqual({
      from: new Date('2026-12-31T16:00:00Z'),
      to: new Date('2027-01-01T16:00:00Z'),
    });
    expect(addDays('2026-12-01', -1)).toBe('2026-11-30');
    // 05:00 on the 20th: the 19th is not due before 06:00; the 12th … 18th are.
    const early = dueDays('06:00', new Date('2026-12-19T21:00:00Z'));
    expect(early).toEqual(['2026-12-13', '2026-12-14', '2026-12-15', '2026-12-16', '2026-12-17', '2026-12-18']);
    expect(dueDays('06:00', new Date('2026-12-19T22:30:00Z'))).toEqual([...early, '2026-12-19']);
  });
});

describe.each(engines)('the daily report job on $name', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await engine.open();
    await seedMonitoringDay(database);
  });
  afterAll(async () => database?.close());

  it('generates, once at start, the due days of the last week that have no report', async () => {
    const now = () => new Date('2026-12-20T23:00:00Z'); // 07:00 on the 21st in Shanghai
    const reports = new MonitoringReportsService(database.db, { now, concurrency: 2 });
    await reports.generate(null, { day: '2026-12-16' });
    const before = await database.db
      .selectFrom('daily_monitoring_reports')
      .select(['id', 'generated_at'])
      .where('day', '=', '2026-12-16')
      .execute();
    const logged: string[] = [];
    const job = startMonitoringReportJob(reports, { time: '06:00', now, log: (m) => logged.push(m) });
    await job.ready;
    job.stop();
    expect(logged).toEqual([]);
    const rows = await database.db
      .selectFrom('daily_monitoring_reports')
      .select(['day', 'generated_by'])
      .where('organisation_id', 'is', null)
      .orderBy('day')
      .execute();
    expect(rows.map((r) => r.day)).toEqual([
      '2026-12-14',
      '2026-12-15',
      '2026-12-16',
      '2026-12-17',
      DAY,
      '2026-12-19',
      '2026-12-20',
    ]);
    expect(rows.every((r) => r.generated_by === null)).toBe(true);
    // The day that had a report was left alone.
    const after = await database.db
      .selectFrom('daily_monitoring_reports')
      .select(['id', 'generated_at'])
      .where('day', '=', '2026-12-16')
      .execute();
    expect(after).toEqual(before);
    expect(await reports.missingDays(dueDays('06:00', now()))).toEqual([]);
    const day = await reports.get(
      { userId: '', username: 'x', displayName: 'x', role: 'monitor', organisationId: null, locale: 'zh-CN' },
      DAY,
    );
    expect(day.summary.vehiclesOnline).toBe(2);
  });
});
