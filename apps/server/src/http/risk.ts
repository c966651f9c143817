import type { FastifyInstance } from 'fastify';
import { InspectionPlanService } from '../modules/risk/inspection-plan.service.js';
import { settingsRiskConfig, type RiskConfigSource } from '../modules/risk/risk-config.js';
import { RiskBoardService } from '../modules/risk/risk-board.service.js';
import { riskPointsRoutes } from '../modules/risk/risk-points.routes.js';
import { RiskPointsService } from '../modules/risk/risk-points.service.js';
import { riskRoutes } from '../modules/risk/risk.routes.js';
import { RiskService } from '../modules/risk/risk.service.js';
import type { AppDeps } from './app.js';

/** 风险分级管控: risk points and assessments, subject and vehicle levels, the escalation ladder, plan and board. */
export function registerRisk(app: FastifyInstance, { database, now, settings }: AppDeps): void {
  const { db } = database;
  // The process's SettingsService hears every PUT /api/settings/risk; without one, each read goes to the table.
  const config: RiskConfigSource = settings ? () => settings.get('risk') : settingsRiskConfig(db);
  const points = new RiskPointsService(db, config, now);
  riskPointsRoutes(app, points);
  riskRoutes(app, {
    risk: new RiskService(db, config, points, now),
    board: new RiskBoardService(db, now),
    plan: new InspectionPlanService(db, config, now),
    config,
  });
}
