import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { FilesService } from '../modules/files/files.service.js';
import { filesRoutes } from '../modules/files/files.routes.js';
import { DiskStorage } from '../modules/files/storage.js';
import { CasesService } from '../modules/hazards/cases.service.js';
import { hazardsRoutes } from '../modules/hazards/hazards.routes.js';
import { HazardsService } from '../modules/hazards/hazards.service.js';
import { NoticesService } from '../modules/hazards/notices.service.js';
import { CampaignsService } from '../modules/inspections/campaigns.service.js';
import { ChecklistsService } from '../modules/inspections/checklists.service.js';
import { inspectionsRoutes } from '../modules/inspections/inspections.routes.js';
import { InspectionsService } from '../modules/inspections/inspections.service.js';
import { open311Routes } from '../modules/open311/open311.routes.js';
import { Open311Service } from '../modules/open311/open311.service.js';
import { publicReportsRoutes } from '../modules/open311/public-reports.routes.js';
import { PublicReportsService } from '../modules/open311/public-reports.service.js';
import { CampaignStatisticsService } from '../modules/statistics/campaign-statistics.service.js';
import { subjectsRoutes } from '../modules/subjects/subjects.routes.js';
import { SubjectsService } from '../modules/subjects/subjects.service.js';
import type { AppDeps } from './app.js';

/** The closed loop on hazards: subjects, checklists, campaigns, inspections, hazards, notices, cases, files, public reports (Open311). */
export function registerClosedLoop(app: FastifyInstance, { config, database, storage, demo = false, now }: AppDeps): void {
  const { db } = database;
  const files = new FilesService(db, storage ?? new DiskStorage(path.join(config.dataDir, 'files')), config.uploadMaxBytes);
  const hazards = new HazardsService(db, files, { majorAcceptanceDays: config.majorAcceptanceDays }, now);
  filesRoutes(app, files);
  subjectsRoutes(app, new SubjectsService(db));
  inspectionsRoutes(app, {
    db,
    checklists: new ChecklistsService(db),
    campaigns: new CampaignsService(db),
    inspections: new InspectionsService(db, hazards, files),
    statistics: new CampaignStatisticsService(db, now),
  });
  hazardsRoutes(app, {
    db,
    hazards,
    notices: new NoticesService(db, hazards, files, { numberPrefix: config.documentPrefix, demo }),
    cases: new CasesService(db, hazards, config.documentPrefix),
  });
  open311Routes(app, {
    open311: new Open311Service(db, { serviceArea: config.open311ServiceArea, agency: config.open311Agency }, now),
    rateLimit: { max: config.open311RateLimitMax, windowMs: config.open311RateLimitWindowMs },
  });
  publicReportsRoutes(app, new PublicReportsService(db, hazards, now));
}
