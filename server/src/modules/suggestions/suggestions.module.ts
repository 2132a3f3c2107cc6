import type { ModuleManifest } from '../index.js';
import { congressRoutes } from './congresses.routes.js';
import { assignmentRoutes } from './suggestions.assignment.routes.js';
import { handlingRoutes } from './suggestions.handling.routes.js';
import { suggestionPublicationRoutes } from './suggestions.publication.routes.js';
import { suggestionRoutes } from './suggestions.routes.js';
import { registerSuggestionSubscribers } from './suggestions.subscribers.js';
import { suggestionSupervisionRoutes } from './suggestions.supervision.routes.js';

/** Deputies' suggestions and motions (DESIGN §3.2), with the congresses, terms and sessions they belong to. */
export const suggestionsModule: ModuleManifest = {
  name: 'suggestions',
  routes: async (app) => {
    // Every process that serves the module also turns its outbox events into messages.
    registerSuggestionSubscribers();
    await congressRoutes(app);
    await suggestionRoutes(app);
    await suggestionSupervisionRoutes(app);
    await suggestionPublicationRoutes(app);
    await assignmentRoutes(app);
    await handlingRoutes(app);
  },
};
