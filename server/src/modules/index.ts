import type { AppInstance } from '../platform/http.js';

/**
 * What each module contributes, in one place (DESIGN §6.3.11). A module's routes are mounted under /api.
 */
export interface ModuleManifest {
  name: string;
  routes: (app: AppInstance) => Promise<void>;
}

import { auditModule } from './audit/audit.module.js';
import { authModule } from './auth/auth.module.js';
import { calendarModule } from './calendar/calendar.module.js';
import { deputiesModule } from './deputies/deputies.module.js';
import { healthModule } from './health/health.module.js';
import { notificationsModule } from './notifications/notifications.module.js';
import { open311Module } from './open311/open311.module.js';
import { opinionsModule } from './opinions/opinions.module.js';
import { organizationsModule } from './organizations/organizations.module.js';
import { portalModule } from './portal/portal.module.js';
import { regionsModule } from './regions/regions.module.js';
import { routingModule } from './routing/routing.module.js';
import { stationsModule } from './stations/stations.module.js';
import { statisticsModule } from './statistics/statistics.module.js';
import { suggestionStatisticsModule } from './suggestionStatistics/suggestionStatistics.module.js';
import { suggestionsModule } from './suggestions/suggestions.module.js';
import { usersModule } from './users/users.module.js';

export const modules: ModuleManifest[] = [
  healthModule,
  authModule,
  auditModule,
  regionsModule,
  organizationsModule,
  deputiesModule,
  usersModule,
  stationsModule,
  calendarModule,
  notificationsModule,
  routingModule,
  opinionsModule,
  portalModule,
  open311Module,
  statisticsModule,
  suggestionsModule,
  suggestionStatisticsModule,
];
