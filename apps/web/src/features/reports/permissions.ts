import type { Role } from '@anlan/contracts';

/** Who may compute a day's report now (the server's rule for POST /api/monitoring-reports/generate). */
export const canGenerateReports = (role: Role): boolean => role === 'admin' || role === 'monitor';
