import { contextOf } from '../../platform/context.js';
import { ErrorResponse } from '../../platform/http.js';
import type { ModuleManifest } from '../index.js';
import { addCommunity } from './commands/addCommunity.js';
import { renameCommunity } from './commands/renameCommunity.js';
import { regionAccess } from './regions.policy.js';
import { presentRegions, regionDetail } from './regions.present.js';
import { listRegions } from './regions.repo.js';
import {
  CreateCommunityBody,
  RegionCodeParams,
  RegionDetail,
  RegionList,
  RegionQuery,
  RenameRegionBody,
} from './regions.schema.js';

const tags = ['regions'];

export const regionsModule: ModuleManifest = {
  name: 'regions',
  routes: async (app) => {
    const { db } = app.deps;

    app.get(
      '/regions',
      {
        config: { access: regionAccess.list },
        schema: {
          tags,
          summary: '行政区划 Browse and search regions',
          description:
            'Without filters: the provinces. `parent` alone: its direct children. With `level` or `q`: that subtree (or the whole country) filtered by level and by name, full pinyin or initials prefix, or code prefix.',
          querystring: RegionQuery,
          response: { 200: RegionList, 400: ErrorResponse, 401: ErrorResponse },
        },
      },
      async (req) => {
        const { rows, total } = await listRegions(db, req.query);
        return { items: await presentRegions(db, rows), total };
      },
    );

    app.get(
      '/regions/:code',
      {
        config: { access: regionAccess.read },
        schema: {
          tags,
          summary: '行政区划详情 A region with its ancestors',
          params: RegionCodeParams,
          response: { 200: RegionDetail, 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (req) => regionDetail(db, req.params.code),
    );

    app.post(
      '/regions',
      {
        config: { access: regionAccess.create },
        schema: {
          tags,
          summary: '添加社区（村） Add a community or village under a township',
          body: CreateCommunityBody,
          response: { 201: RegionDetail, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
        },
      },
      async (req, reply) => {
        const code = await addCommunity(db, contextOf(req), req.body);
        return reply.status(201).send(await regionDetail(db, code));
      },
    );

    app.patch(
      '/regions/:code',
      {
        config: { access: regionAccess.rename },
        schema: {
          tags,
          summary: '重命名社区（村） Rename an added community or village',
          params: RegionCodeParams,
          body: RenameRegionBody,
          response: { 200: RegionDetail, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
        },
      },
      async (req) => {
        await renameCommunity(db, contextOf(req), req.params.code, req.body);
        return regionDetail(db, req.params.code);
      },
    );
  },
};
