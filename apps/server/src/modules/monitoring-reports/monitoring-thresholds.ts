import { monitoringThresholds, type MonitoringThresholds } from '@anlan/contracts';
import type { Db } from '../../db/client.js';

/** The settings row an administrator edits to change how reports are computed (any field may be left out). */
export const MONITORING_THRESHOLDS_KEY = 'monitoring_report';

/** The built-in thresholds (see the module README for what each means). */
export const defaultMonitoringThresholds = (): MonitoringThresholds => monitoringThresholds.parse({});

/**
 * The thresholds in force: the settings row over the defaults. A row that does not validate is reported through
 * `onInvalid` and ignored, so a bad edit can never stop the daily report.
 */
export async function loadMonitoringThresholds(
  db: Db,
  onInvalid: (message: string) => void = () => {},
): Promise<MonitoringThresholds> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', MONITORING_THRESHOLDS_KEY)
    .executeTakeFirst();
  if (!row) return defaultMonitoringThresholds();
  const parsed = monitoringThresholds.safeParse(row.value);
  if (parsed.success) return parsed.data;
  onInvalid(
    `settings ${MONITORING_THRESHOLDS_KEY} ignored: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
  );
  return defaultMonitoringThresholds();
}
