import { unauthenticated } from '../../platform/auth/plugin.js';
import { contextOf } from '../../platform/context.js';
import { ErrorResponse, IdParams } from '../../platform/http.js';
import type { ModuleManifest } from '../index.js';
import { createOrganization } from './commands/createOrganization.js';
import { updateOrganization } from './commands/updateOrganization.js';
import { organizationAccess, visibilityOf } from './organizations.policy.js';
import { organizationDetail, toItem } from './organizations.present.js';
import { listOrganizations } from './organizations.repo.js';
import {
  CreateOrganizationBody,
  OrganizationDetail,
  OrganizationList,
  OrganizationQuery,
  UpdateOrganizationBody,
} from './organizations.schema.js';

const tags = ['organizations'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export const organizationsModule: ModuleManifest = {
  name: 'organizations',
  routes: async (app) => {
    const { db } = app.deps;

    app.get(
      '/organizations',
      {
        config: { access: organizationAccess.list },
        schema: {
          tags,
          summary: '机构 Congress bodies and handling units',
          description: '`regionCode` includes the regions below it; `q` matches the name, short name, full pinyin or initials.',
          querystring: OrganizationQuery,
          response: { 200: OrganizationList, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
        },
      },
      async (req) => {
        if (!req.user) throw unauthenticated();
        const { rows, total } = await listOrganizations(db, req.query, visibilityOf(req.user));
        return { items: rows.map(toItem), total };
      },
    );

    app.get(
      '/organizations/:id',
      {
        config: { access: organizationAccess.read },
        schema: {
          tags,
          summary: '机构详情 An organization with its accounts',
          params: IdParams,
          response: { 200: OrganizationDetail, ...errors },
        },
      },
      async (req) => {
        if (!req.user) throw unauthenticated();
        return organizationDetail(db, req.user, req.params.id);
      },
    );

    app.post(
      '/organizations',
      {
        config: { access: organizationAccess.create },
        schema: {
          tags,
          summary: '新建机构 Create an organization',
          body: CreateOrganizationBody,
          response: { 201: OrganizationDetail, ...errors },
        },
      },
      async (req, reply) => {
        if (!req.user) throw unauthenticated();
        const created = await createOrganization(db, contextOf(req), req.body);
        return reply.status(201).send(await organizationDetail(db, req.user, created.id, { afterWrite: true }));
      },
    );

    app.patch(
      '/organizations/:id',
      {
        config: { access: organizationAccess.update },
        schema: {
          tags,
          summary: '修改、停用或启用机构 Edit, deactivate or reactivate an organization',
          params: IdParams,
          body: UpdateOrganizationBody,
          response: { 200: OrganizationDetail, ...errors },
        },
      },
      async (req) => {
        if (!req.user) throw unauthenticated();
        await updateOrganization(db, contextOf(req), req.params.id, req.body);
        return organizationDetail(db, req.user, req.params.id, { afterWrite: true });
      },
    );
  },
};
