import { z } from 'zod';
import { contextOf } from '../../platform/context.js';
import { type AppInstance, ErrorResponse } from '../../platform/http.js';
import { XLSX_MIME } from '../deputies/deputies.files.js';
import { attachment } from '../deputies/deputies.routes.js';
import { exportStatistics } from './suggestionStatistics.export.js';
import { suggestionStatisticsAccess as access } from './suggestionStatistics.policy.js';
import { breakdown, overview } from './suggestionStatistics.read.js';
import { BreakdownQuery, BreakdownView, OverviewView, StatsQuery } from './suggestionStatistics.schema.js';

const tags = ['statistics'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };
const Binary = z.unknown().describe('file content');

export async function suggestionStatisticsRoutes(app: AppInstance): Promise<void> {
  const { db } = app.deps;

  app.get(
    '/statistics/suggestions/overview',
    {
      config: { access: access.read },
      schema: {
        tags,
        summary: '代表建议办理统计总览 Suggestion figures (DESIGN §5), each with the list filter behind it',
        querystring: StatsQuery,
        response: { 200: OverviewView, ...errors },
      },
    },
    async (req) => overview(db, req.user!, req.query),
  );

  app.get(
    '/statistics/suggestions/breakdown',
    {
      config: { access: access.read },
      schema: {
        tags,
        summary: '代表建议分项统计 Suggestion figures by unit, session, year, category or delegation',
        querystring: BreakdownQuery,
        response: { 200: BreakdownView, ...errors },
      },
    },
    async (req) => breakdown(db, req.user!, req.query),
  );

  app.get(
    '/statistics/suggestions/export.xlsx',
    {
      config: { access: access.read },
      schema: {
        tags,
        summary: '导出代表建议办理统计 Export the suggestion figures (.xlsx)',
        querystring: StatsQuery,
        response: { 200: Binary, ...errors },
      },
    },
    async (req, reply) => {
      const { filename, content } = await exportStatistics(db, contextOf(req), req.query);
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachment(filename))
        .header('cache-control', 'no-store')
        .send(content);
    },
  );
}
