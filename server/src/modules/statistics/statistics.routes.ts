import { z } from 'zod';
import { systemClock } from '../../platform/clock.js';
import { contextOf } from '../../platform/context.js';
import { type AppInstance, ErrorResponse } from '../../platform/http.js';
import { XLSX_MIME } from '../deputies/deputies.files.js';
import { attachment } from '../deputies/deputies.routes.js';
import { exportStatistics } from './statistics.export.js';
import { statisticsAccess } from './statistics.policy.js';
import { breakdown, overview } from './statistics.read.js';
import { BreakdownQuery, BreakdownView, ExportQuery, OverviewQuery, OverviewView } from './statistics.schema.js';

const tags = ['statistics'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };
const Binary = z.unknown().describe('file content');

export async function statisticsRoutes(app: AppInstance): Promise<void> {
  const { db } = app.deps;
  const now = () => (app.deps.clock ?? systemClock).now();

  app.get(
    '/statistics/opinions/overview',
    {
      config: { access: statisticsAccess.read },
      schema: {
        tags,
        summary: '群众意见统计总览 Opinion figures of a period and region (DESIGN §5)',
        querystring: OverviewQuery,
        response: { 200: OverviewView, ...errors },
      },
    },
    async (req) => overview(db, req.user!, req.query, now()),
  );

  app.get(
    '/statistics/opinions/breakdown',
    {
      config: { access: statisticsAccess.read },
      schema: {
        tags,
        summary: '群众意见分项统计 Opinion figures by region, station, deputy, unit, category, channel or month',
        querystring: BreakdownQuery,
        response: { 200: BreakdownView, ...errors },
      },
    },
    async (req) => breakdown(db, req.user!, req.query, now()),
  );

  app.get(
    '/statistics/opinions/export.xlsx',
    {
      config: { access: statisticsAccess.read },
      schema: {
        tags,
        summary: '导出群众意见统计 Export the figures (.xlsx)',
        querystring: ExportQuery,
        response: { 200: Binary, ...errors },
      },
    },
    async (req, reply) => {
      const { filename, content } = await exportStatistics(db, contextOf(req), req.query, now());
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachment(filename))
        .header('cache-control', 'no-store')
        .send(content);
    },
  );
}
