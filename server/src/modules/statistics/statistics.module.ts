import type { ModuleManifest } from '../index.js';
import { statisticsRoutes } from './statistics.routes.js';

/** Statistics of the opinion loop (DESIGN §5): counters kept by the database, figures by dimension, export. */
export const statisticsModule: ModuleManifest = {
  name: 'statistics',
  routes: statisticsRoutes,
};
