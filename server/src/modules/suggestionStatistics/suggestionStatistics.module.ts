import type { ModuleManifest } from '../index.js';
import { suggestionAwardRoutes } from './suggestionAwards.routes.js';
import { suggestionStatisticsRoutes } from './suggestionStatistics.routes.js';

/** Statistics of deputies' suggestions (DESIGN §5, issue 4 item 9): figures, breakdowns, export, year-end evaluation. */
export const suggestionStatisticsModule: ModuleManifest = {
  name: 'suggestionStatistics',
  routes: async (app) => {
    await suggestionStatisticsRoutes(app);
    await suggestionAwardRoutes(app);
  },
};
