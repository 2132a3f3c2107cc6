import type { ModuleManifest } from '../index.js';
import { portalRoutes } from './portal.routes.js';

/**
 * The public portal's API (DESIGN §1 role `public`): a constituent raises an opinion from a station's
 * page, follows it with the tracking code and the last four digits of their phone, and rates the answer.
 */
export const portalModule: ModuleManifest = {
  name: 'portal',
  routes: portalRoutes,
};
