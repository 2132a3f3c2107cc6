import type { ModuleManifest } from '../index.js';
import { categoryRoutes } from './categories.routes.js';
import { ruleRoutes } from './rules.routes.js';

/** The opinion category tree, the category × region → default unit table, and unit suggestions for transfers. */
export const routingModule: ModuleManifest = {
  name: 'routing',
  routes: async (app) => {
    await categoryRoutes(app);
    await ruleRoutes(app);
  },
};
