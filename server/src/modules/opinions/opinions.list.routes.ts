import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { unauthenticated } from '../../platform/auth/plugin.js';
import { contextOf } from '../../platform/context.js';
import { type AppInstance, ErrorResponse, IdParams } from '../../platform/http.js';
import { XLSX_MIME } from '../deputies/deputies.files.js';
import { attachment } from '../deputies/deputies.routes.js';
import { exportCases } from './opinions.export.js';
import { listCases } from './opinions.list.js';
import { OpinionFilterQuery, OpinionList, OpinionListQuery, SimilarList, Workbench } from './opinions.list.schema.js';
import { opinionAccess } from './opinions.policy.js';
import { similarTo } from './opinions.similar.js';
import { workbench } from './opinions.workbench.js';

const tags = ['opinions'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
const Binary = z.unknown().describe('file content');

const userOf = (req: FastifyRequest) => {
  if (!req.user) throw unauthenticated();
  return req.user;
};

/** Case lists, the workbench, similar cases and the export (contracts.md §A). */
export async function opinionListRoutes(app: AppInstance): Promise<void> {
  const deps = app.deps;

  app.get(
    '/opinions',
    {
      config: { access: opinionAccess.read },
      schema: {
        tags,
        summary: '意见列表与检索 Opinions: list, filters and full-text search',
        querystring: OpinionListQuery,
        response: { 200: OpinionList, ...errors },
      },
    },
    async (req) => listCases(deps, userOf(req), req.query),
  );

  app.get(
    '/opinions/workbench',
    {
      config: { access: opinionAccess.read },
      schema: { tags, summary: '工作台待办数 Workbench queues', response: { 200: Workbench, ...errors } },
    },
    async (req) => workbench(deps, userOf(req)),
  );

  app.get(
    '/opinions/export.xlsx',
    {
      config: { access: opinionAccess.read },
      schema: {
        tags,
        summary: '导出意见列表 Export the filtered list (.xlsx, personal data masked)',
        querystring: OpinionFilterQuery,
        response: { 200: Binary, ...errors },
      },
    },
    async (req, reply) => {
      const { stream, filename } = await exportCases(deps, contextOf(req), req.query);
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachment(filename))
        .header('cache-control', 'no-store')
        .send(stream);
    },
  );

  app.get(
    '/opinions/:id/similar',
    {
      config: { access: opinionAccess.read },
      schema: { tags, summary: '相似意见 Similar opinions', params: IdParams, response: { 200: SimilarList, ...errors } },
    },
    async (req) => similarTo(deps, userOf(req), req.params.id),
  );
}
