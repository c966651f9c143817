import { Cron } from 'croner';
import type { MonitoringReportsService } from './monitoring-reports.service.js';
import { addDays, shanghaiDay, shanghaiTimeOn } from './report-day.js';

export const REPORT_TIMEZONE = 'Asia/Shanghai';
/** After downtime, days this far back without a report are generated at start. */
export const CATCH_UP_DAYS = 7;

/** The cron pattern (minute hour, every day) of a wall-clock 'HH:MM'. */
export function reportCronPattern(time: string): string {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!m) throw new TypeError(`report time must be HH:MM, got ${time}`);
  return `${Number(m[2])} ${Number(m[1])} * * *`;
}

/** When the daily job runs next after `after`: `time` in Asia/Shanghai. */
export function nextReportRun(time: string, after: Date): Date {
  const job = new Cron(reportCronPattern(time), { timezone: REPORT_TIMEZONE, paused: true });
  const next = job.nextRun(after);
  job.stop();
  if (!next) throw new Error(`no next run for ${time}`);
  return next;
}

/**
 * The last `days` days (oldest first) whose scheduled run has passed by `now`: day D is due at `time` on D + 1. A day
 * before its run is not due, so a start at 03:00 leaves yesterday to the 06:00 run (late back-fill still arrives).
 */
export function dueDays(time: string, now: Date, days = CATCH_UP_DAYS): string[] {
  const today = shanghaiDay(now);
  const due: string[] = [];
  for (let k = days; k >= 1; k--) {
    const day = addDays(today, -k);
    if (shanghaiTimeOn(addDays(day, 1), time).getTime() <= now.getTime()) due.push(day);
  }
  return due;
}

export interface MonitoringReportJob {
  /** Settles when the start-up catch-up has finished (failures are logged, never thrown). */
  ready: Promise<void>;
  stop(): void;
}

/**
 * The daily job: at `time` (Asia/Shanghai) it generates the day before, then any of the last 7 days still missing. At
 * start it generates, once, the due days of the last 7 that have no report (the server was down at their time). Runs
 * never overlap; a failure is logged and the next run tries again.
 */
export function startMonitoringReportJob(
  reports: MonitoringReportsService,
  opts: { time: string; log: (message: string, err?: unknown) => void; now?: () => Date },
): MonitoringReportJob {
  const now = opts.now ?? (() => new Date());
  const generate = async (day: string) => {
    try {
      await reports.generate(null, { day });
    } catch (err) {
      opts.log(`daily monitoring report ${day} failed`, err);
    }
  };
  const catchUp = async () => {
    for (const day of await reports.missingDays(dueDays(opts.time, now()))) await generate(day);
  };
  const ready = catchUp().catch((err: unknown) => opts.log('daily monitoring report catch-up failed', err));
  const job = new Cron(reportCronPattern(opts.time), { timezone: REPORT_TIMEZONE, protect: true }, async () => {
    await ready;
    await generate(addDays(shanghaiDay(now()), -1));
    await catchUp().catch((err: unknown) => opts.log('daily monitoring report catch-up failed', err));
  });
  return { ready, stop: () => job.stop() };
}
