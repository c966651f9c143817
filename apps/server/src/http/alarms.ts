import type { FastifyInstance } from 'fastify';
import { alarmsRoutes } from '../modules/alarms/alarms.routes.js';
import { AlarmsService } from '../modules/alarms/alarms.service.js';
import type { AppDeps } from './app.js';

/**
 * Alarms: the monitor's workflow API. Reminders go out through this process's gateway messenger; without a gateway
 * here (an HTTP-only node) every reminder answers 'offline'.
 */
export function registerAlarms(app: FastifyInstance, { database, gateway, now }: AppDeps): void {
  alarmsRoutes(app, new AlarmsService(database.db, gateway?.messenger, now));
}
