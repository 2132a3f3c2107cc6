import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { unauthenticated } from '../../platform/auth/plugin.js';
import { chinaDate } from '../../platform/calendar/calendar.js';
import { contextOf } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { type AppInstance, ErrorResponse, IdParams } from '../../platform/http.js';
import { attachment } from '../deputies/deputies.routes.js';
import { acceptAssignment } from './commands/acceptAssignment.js';
import { assignBatch } from './commands/assignBatch.js';
import { assignSuggestion } from './commands/assignSuggestion.js';
import { decideExtension } from './commands/decideExtension.js';
import { decideReturn } from './commands/decideReturn.js';
import { reassignSuggestion } from './commands/reassignSuggestion.js';
import { requestExtension } from './commands/requestExtension.js';
import { requestReturn } from './commands/requestReturn.js';
import { withdrawAssignment } from './commands/withdrawAssignment.js';
import { batchDocument, batchWorkbook, loadBatch } from './suggestions.assignment.export.js';
import { assignmentAccess } from './suggestions.assignment.policy.js';
import { loadPanel } from './suggestions.assignment.present.js';
import { listBatches } from './suggestions.assignment.repo.js';
import {
  AssignBody,
  AssignmentPanel,
  BatchBody,
  BatchListView,
  BatchParams,
  BatchResult,
  BatchSummaryList,
  DecideExtensionBody,
  DecideReturnBody,
  ExtensionBody,
  ReasonBody,
  ReassignBody,
  RecommendQuery,
  UnitRecommendationList,
} from './suggestions.assignment.schema.js';
import { assertOfficeMayAct } from './suggestions.assignment.transition.js';
import { nowOf } from './suggestions.deps.js';
import { suggestionFacts } from './suggestions.policy.js';
import { loadVisible } from './suggestions.present.js';
import { recommendUnits } from './suggestions.recommend.js';
import { findSuggestion } from './suggestions.repo.js';

const tags = ['suggestions'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const Binary = z.unknown().describe('file content');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const userOf = (req: FastifyRequest) => {
  if (!req.user) throw unauthenticated();
  return req.user;
};

/** Assignment (交办, issue 4 item 4): assign and batches, the units' signing and returns, extensions, recommendations. */
export async function assignmentRoutes(app: AppInstance): Promise<void> {
  const deps = app.deps;
  const { db } = deps;

  /** The suggestion's assignment panel as the caller sees it, after a read or a change it just made. */
  const panel = async (req: FastifyRequest, suggestionId: string) => {
    const user = userOf(req);
    const row = await findSuggestion(db, suggestionId);
    if (!row) throw notFound('建议', 'Suggestion');
    return loadPanel(db, row, user, await suggestionFacts(db, user, row), nowOf(deps));
  };

  app.get(
    '/suggestions/:id/assignments',
    {
      config: { access: assignmentAccess.read },
      schema: {
        tags,
        summary: '交办情况 Assignments of a suggestion',
        params: IdParams,
        response: { 200: AssignmentPanel, ...errors },
      },
    },
    async (req) => {
      const { row, facts } = await loadVisible(db, userOf(req), req.params.id);
      return loadPanel(db, row, userOf(req), facts, nowOf(deps));
    },
  );

  app.post(
    '/suggestions/:id/assignments',
    {
      config: { access: assignmentAccess.office },
      schema: {
        tags,
        summary: '交办 Assign to units (lead, co, separate, joint)',
        params: IdParams,
        body: AssignBody,
        response: { 200: AssignmentPanel, ...errors },
      },
    },
    async (req) => {
      const row = await assignSuggestion(deps, contextOf(req), req.params.id, req.body);
      return panel(req, row.id);
    },
  );

  app.get(
    '/suggestions/:id/unit-suggestions',
    {
      config: { access: assignmentAccess.office },
      schema: {
        tags,
        summary: '推荐承办单位 Units proposed from past assignments of similar suggestions',
        params: IdParams,
        querystring: RecommendQuery,
        response: { 200: UnitRecommendationList, ...errors },
      },
    },
    async (req) => {
      const { row, facts } = await loadVisible(db, userOf(req), req.params.id);
      assertOfficeMayAct(facts);
      const items = await recommendUnits(db, { ...row, excludeIds: [row.id], categoryId: row.categoryId }, req.query.limit);
      return { items };
    },
  );

  app.post(
    '/suggestion-batches',
    {
      config: { access: assignmentAccess.office },
      schema: {
        tags,
        summary: '交办会批量交办 Assign many suggestions under one batch label; each succeeds or fails on its own',
        body: BatchBody,
        response: { 200: BatchResult, ...errors },
      },
    },
    async (req) => assignBatch(deps, contextOf(req), req.body),
  );

  app.get(
    '/suggestion-batches',
    {
      config: { access: assignmentAccess.batches },
      schema: { tags, summary: '交办批次 Assignment batches', response: { 200: BatchSummaryList, ...errors } },
    },
    async (req) => {
      const items = (await listBatches(db, userOf(req).regionCode)).map((b) => ({
        ...b,
        assignedAt: b.assignedAt?.toISOString() ?? null,
      }));
      return { items, total: items.length };
    },
  );

  app.get(
    '/suggestion-batches/:label',
    {
      config: { access: assignmentAccess.batches },
      schema: { tags, summary: '交办清单 The list of a batch', params: BatchParams, response: { 200: BatchListView, ...errors } },
    },
    async (req) => {
      const items = await loadBatch(db, req.params.label, userOf(req).regionCode);
      return { label: req.params.label, items, total: items.length };
    },
  );

  app.get(
    '/suggestion-batches/:label/list.xlsx',
    {
      config: { access: assignmentAccess.batches },
      schema: {
        tags,
        summary: '下载交办清单（Excel）The list of a batch as .xlsx',
        params: BatchParams,
        response: { 200: Binary, ...errors },
      },
    },
    async (req, reply) => {
      const lines = await loadBatch(db, req.params.label, userOf(req).regionCode);
      const file = await batchWorkbook(req.params.label, lines);
      return reply
        .type(XLSX)
        .header('cache-control', 'private, no-store')
        .header('content-disposition', attachment(`交办清单-${req.params.label}-${chinaDate(nowOf(deps))}.xlsx`))
        .send(file);
    },
  );

  app.get(
    '/suggestion-batches/:label/list.docx',
    {
      config: { access: assignmentAccess.batches },
      schema: {
        tags,
        summary: '下载交办清单（Word）The list of a batch as .docx',
        params: BatchParams,
        response: { 200: Binary, ...errors },
      },
    },
    async (req, reply) => {
      const lines = await loadBatch(db, req.params.label, userOf(req).regionCode);
      const file = await batchDocument(req.params.label, lines);
      return reply
        .type(DOCX)
        .header('cache-control', 'private, no-store')
        .header('content-disposition', attachment(`交办清单-${req.params.label}-${chinaDate(nowOf(deps))}.docx`))
        .send(file);
    },
  );

  app.post(
    '/suggestion-assignments/:id/accept',
    {
      config: { access: assignmentAccess.unit },
      schema: {
        tags,
        summary: '签收 The unit signs for an assignment',
        params: IdParams,
        response: { 200: AssignmentPanel, ...errors },
      },
    },
    async (req) => panel(req, (await acceptAssignment(deps, contextOf(req), req.params.id)).suggestionId),
  );

  app.post(
    '/suggestion-assignments/:id/request-return',
    {
      config: { access: assignmentAccess.unit },
      schema: {
        tags,
        summary: '申请退回 The unit asks to return a misassignment (within 7 working days)',
        params: IdParams,
        body: ReasonBody,
        response: { 200: AssignmentPanel, ...errors },
      },
    },
    async (req) => panel(req, (await requestReturn(deps, contextOf(req), req.params.id, req.body.reason)).suggestionId),
  );

  app.post(
    '/suggestion-assignments/:id/decide-return',
    {
      config: { access: assignmentAccess.office },
      schema: {
        tags,
        summary: '审批退回申请 The office approves (and may reassign at once) or refuses a return',
        params: IdParams,
        body: DecideReturnBody,
        response: { 200: AssignmentPanel, ...errors },
      },
    },
    async (req) => panel(req, (await decideReturn(deps, contextOf(req), req.params.id, req.body)).suggestionId),
  );

  app.post(
    '/suggestion-assignments/:id/reassign',
    {
      config: { access: assignmentAccess.office },
      schema: {
        tags,
        summary: '改交 Give a returned or withdrawn assignment to another unit',
        params: IdParams,
        body: ReassignBody,
        response: { 200: AssignmentPanel, ...errors },
      },
    },
    async (req) => panel(req, (await reassignSuggestion(deps, contextOf(req), req.params.id, req.body)).suggestionId),
  );

  app.post(
    '/suggestion-assignments/:id/withdraw',
    {
      config: { access: assignmentAccess.office },
      schema: {
        tags,
        summary: '撤销交办 Withdraw an assignment',
        params: IdParams,
        body: ReasonBody,
        response: { 200: AssignmentPanel, ...errors },
      },
    },
    async (req) => panel(req, (await withdrawAssignment(deps, contextOf(req), req.params.id, req.body.reason)).suggestionId),
  );

  app.post(
    '/suggestion-assignments/:id/extensions',
    {
      config: { access: assignmentAccess.unit },
      schema: {
        tags,
        summary: '申请延期 The unit asks for a later due date (6 months from assignment at most)',
        params: IdParams,
        body: ExtensionBody,
        response: { 200: AssignmentPanel, ...errors },
      },
    },
    async (req) => panel(req, (await requestExtension(deps, contextOf(req), req.params.id, req.body)).suggestionId),
  );

  app.post(
    '/suggestion-extensions/:id/decide',
    {
      config: { access: assignmentAccess.office },
      schema: {
        tags,
        summary: '审批延期申请 The office approves or refuses an extension',
        params: IdParams,
        body: DecideExtensionBody,
        response: { 200: AssignmentPanel, ...errors },
      },
    },
    async (req) => panel(req, (await decideExtension(deps, contextOf(req), req.params.id, req.body)).suggestionId),
  );
}
