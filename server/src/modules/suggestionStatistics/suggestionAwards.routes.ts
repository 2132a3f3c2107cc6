import { z } from 'zod';
import { contextOf } from '../../platform/context.js';
import { type AppInstance, ErrorResponse } from '../../platform/http.js';
import { XLSX_MIME } from '../deputies/deputies.files.js';
import { attachment } from '../deputies/deputies.routes.js';
import { enterAwardScores } from './commands/enterAwardScores.js';
import { saveAwardSheet } from './commands/saveAwardSheet.js';
import { exportRanking } from './suggestionAwards.export.js';
import { awardSheets, suggestionRanking, unitRanking } from './suggestionAwards.read.js';
import {
  AwardParams,
  ScoreParams,
  ScoresBody,
  ScoresView,
  SheetsView,
  SheetView,
  SuggestionRankingView,
  SuggestionSheetBody,
  UnitRankingView,
  UnitSheetBody,
} from './suggestionAwards.schema.js';
import type { AwardTarget } from './suggestionAwards.tables.js';
import { suggestionStatisticsAccess as access } from './suggestionStatistics.policy.js';

const tags = ['statistics'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
const Binary = z.unknown().describe('file content');
const BASE = '/statistics/suggestions/awards/:congressId/:year';

/** The year-end evaluation (年终评选) of excellent suggestions and advanced handling units. */
export async function suggestionAwardRoutes(app: AppInstance): Promise<void> {
  const { db } = app.deps;

  app.get(
    `${BASE}/sheets`,
    {
      config: { access: access.awardsRead },
      schema: {
        tags,
        summary: '年终评选评分表 The scoring sheets of a congress for a year (defaults until saved)',
        params: AwardParams,
        response: { 200: SheetsView, ...errors },
      },
    },
    async (req) => awardSheets(db, req.user!, req.params),
  );

  const sheetRoute = (target: AwardTarget, path: string, body: typeof UnitSheetBody | typeof SuggestionSheetBody) =>
    app.put(
      `${BASE}/sheets/${path}`,
      {
        config: { access: access.awardsSheet },
        schema: {
          tags,
          summary:
            target === 'unit'
              ? '保存先进承办单位评分表 Save the units’ scoring sheet (criteria from the figures, weights 0–100)'
              : '保存优秀建议评分表 Save the suggestions’ scoring sheet (reviewers’ criteria, weights 0–100)',
          params: AwardParams,
          body,
          response: { 200: SheetView, 409: ErrorResponse, ...errors },
        },
      },
      async (req) => saveAwardSheet(db, contextOf(req), { ...req.params, target }, req.body),
    );
  sheetRoute('unit', 'units', UnitSheetBody);
  sheetRoute('suggestion', 'suggestions', SuggestionSheetBody);

  app.put(
    `${BASE}/scores/:suggestionId`,
    {
      config: { access: access.awardsScore },
      schema: {
        tags,
        summary: '录入优秀建议评审分数 Enter a reviewer’s scores of a suggestion',
        params: ScoreParams,
        body: ScoresBody,
        response: { 200: ScoresView, 409: ErrorResponse, ...errors },
      },
    },
    async (req) => enterAwardScores(db, contextOf(req), req.params, req.body),
  );

  app.get(
    `${BASE}/rankings/units`,
    {
      config: { access: access.awardsRead },
      schema: {
        tags,
        summary: '先进承办单位排名 Units ranked on their figures by the sheet',
        params: AwardParams,
        response: { 200: UnitRankingView, ...errors },
      },
    },
    async (req) => unitRanking(db, req.user!, req.params),
  );

  app.get(
    `${BASE}/rankings/suggestions`,
    {
      config: { access: access.awardsRead },
      schema: {
        tags,
        summary: '优秀建议排名 Suggestions ranked on the reviewers’ scores',
        params: AwardParams,
        response: { 200: SuggestionRankingView, ...errors },
      },
    },
    async (req) => suggestionRanking(db, req.user!, req.params),
  );

  for (const [target, path] of [
    ['unit', 'units'],
    ['suggestion', 'suggestions'],
  ] as const) {
    app.get(
      `${BASE}/rankings/${path}/export.xlsx`,
      {
        config: { access: access.awardsRead },
        schema: {
          tags,
          summary: `导出${target === 'unit' ? '先进承办单位' : '优秀建议'}排名 Export the ranking (.xlsx)`,
          params: AwardParams,
          response: { 200: Binary, ...errors },
        },
      },
      async (req, reply) => {
        const { filename, content } = await exportRanking(db, contextOf(req), req.params, target);
        return reply
          .type(XLSX_MIME)
          .header('content-disposition', attachment(filename))
          .header('cache-control', 'no-store')
          .send(content);
      },
    );
  }
}
