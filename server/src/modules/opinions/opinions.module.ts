import type { ModuleManifest } from '../index.js';
import { opinionListRoutes } from './opinions.list.routes.js';
import { opinionPersonRoutes } from './opinions.person.routes.js';
import { opinionPublicationRoutes } from './opinions.publication.routes.js';
import { opinionRoutes } from './opinions.routes.js';
import { receptionRoutes } from './receptions.routes.js';

/** Constituent opinions (DESIGN §3.1): intake, the case and its workflow, and reception records. */
export const opinionsModule: ModuleManifest = {
  name: 'opinions',
  routes: async (app) => {
    await opinionRoutes(app);
    await opinionListRoutes(app);
    await opinionPersonRoutes(app);
    await opinionPublicationRoutes(app);
    await receptionRoutes(app);
  },
};
