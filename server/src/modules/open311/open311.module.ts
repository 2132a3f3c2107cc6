import fp from 'fastify-plugin';
import type { AppInstance } from '../../platform/http.js';
import type { ModuleManifest } from '../index.js';
import { open311Routes } from './open311.routes.js';

/**
 * Open311 GeoReport v2 at /open311/v2, where its clients look for it. Modules are mounted under
 * /api; wrapped in fastify-plugin, this one runs in the parent's context, where that prefix does not
 * apply, and mounts its own (errors and form parsing stay inside it).
 */
export const open311Module: ModuleManifest = {
  name: 'open311',
  routes: fp(async (app: AppInstance) => {
    await app.register(open311Routes, { prefix: '/open311/v2' });
  }),
};
