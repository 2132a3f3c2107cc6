import type { ModuleManifest } from '../index.js';
import { deputyRoutes } from './deputies.routes.js';
import { deputyImportRoutes } from './deputyImports.routes.js';
import { personLookupRoutes } from './personLookup.routes.js';

/**
 * The deputy registry: persons, their mandates (one per level held), photos, roster import and
 * export, and the names-only person lookup of the account forms.
 */
export const deputiesModule: ModuleManifest = {
  name: 'deputies',
  routes: async (app) => {
    await deputyRoutes(app);
    await deputyImportRoutes(app);
    await personLookupRoutes(app);
  },
};
