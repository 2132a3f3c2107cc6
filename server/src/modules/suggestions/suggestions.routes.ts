import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { unauthenticated } from '../../platform/auth/plugin.js';
import { contextOf, type RequestContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { type AppInstance, ErrorResponse, IdParams } from '../../platform/http.js';
import { attachment } from '../deputies/deputies.routes.js';
import { readUpload } from '../deputies/deputies.upload.js';
import { acceptSuggestion } from './commands/acceptSuggestion.js';
import { answerCosignature } from './commands/answerCosignature.js';
import { attachFile, removeFile } from './commands/attachFile.js';
import { checkSuggestion } from './commands/checkSuggestion.js';
import { convertMotion, listMotion, notListMotion } from './commands/decideMotion.js';
import { draftSuggestion } from './commands/draftSuggestion.js';
import { editSuggestion } from './commands/editSuggestion.js';
import { inviteCosigners } from './commands/inviteCosigners.js';
import { mergeSuggestion } from './commands/mergeSuggestion.js';
import { recallSuggestion } from './commands/recallSuggestion.js';
import { referMotion } from './commands/referMotion.js';
import { rejectSuggestion } from './commands/rejectSuggestion.js';
import { removeCosigner } from './commands/removeCosigner.js';
import { returnSuggestion } from './commands/returnSuggestion.js';
import { submitSuggestion } from './commands/submitSuggestion.js';
import { withdrawSuggestion } from './commands/withdrawSuggestion.js';
import type { SuggestionDeps } from './suggestions.deps.js';
import { MAX_ATTACHMENT_BYTES } from './suggestions.files.js';
import { listSuggestions } from './suggestions.list.js';
import { listCategories } from './suggestions.parties.repo.js';
import { suggestionAccess, suggestionFacts } from './suggestions.policy.js';
import { loadDetail, loadVisible, presentEvent, presentItem, presentSuggestion } from './suggestions.present.js';
import { listEvents, readFile, type SuggestionRow } from './suggestions.repo.js';
import {
  CategoryList,
  CheckBody,
  CheckView,
  CosignatureBody,
  CosignerParams,
  DraftBody,
  EditBody,
  FactualError,
  FileParams,
  InviteBody,
  ListQuery,
  SimilarList,
  SuggestionList,
  SuggestionView,
  TimelineView,
  UploadedFile,
} from './suggestions.schema.js';
import { similarSuggestions } from './suggestions.similar.js';
import { ActionParams, type RouteAction, TransitionBody } from './suggestions.transitions.schema.js';

const tags = ['suggestions'];
const errors = { 400: FactualError, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const Binary = z.unknown().describe('file content');

type Runner = (deps: SuggestionDeps, ctx: RequestContext, id: string, body: never) => Promise<SuggestionRow>;
/** One command per action a person takes; submit answers with its notices and is handled apart. */
const COMMANDS: Record<Exclude<RouteAction, 'submit'>, Runner> = {
  recall: recallSuggestion,
  withdraw: withdrawSuggestion,
  accept: acceptSuggestion,
  return_for_revision: returnSuggestion,
  reject: rejectSuggestion,
  merge: mergeSuggestion,
  refer: referMotion,
  list: listMotion,
  convert: convertMotion,
  not_list: notListMotion,
};

const userOf = (req: FastifyRequest) => {
  if (!req.user) throw unauthenticated();
  return req.user;
};

export async function suggestionRoutes(app: AppInstance): Promise<void> {
  const deps = app.deps;
  const { db } = deps;
  /** The suggestion page's data for the caller, after a read or a change it just made. */
  const view = async (req: FastifyRequest, row: SuggestionRow) => {
    const facts = await suggestionFacts(db, userOf(req), row);
    return presentSuggestion(await loadDetail(db, row), facts);
  };

  app.get(
    '/suggestions/categories',
    {
      config: { access: suggestionAccess.categories },
      schema: { tags, summary: '建议类别 Categories', response: { 200: CategoryList, ...errors } },
    },
    async () => ({
      items: (await listCategories(db)).map((c) => ({ id: c.id, code: c.code, name: c.name, nameEn: c.nameEn })),
    }),
  );

  app.post(
    '/suggestions/check',
    {
      config: { access: suggestionAccess.check },
      schema: {
        tags,
        summary: '提交前检查：一事一议与相似建议 Check for several matters and similar suggestions',
        body: CheckBody,
        response: { 200: CheckView, ...errors },
      },
    },
    async (req) => checkSuggestion(db, contextOf(req), req.body),
  );

  app.get(
    '/suggestions',
    {
      config: { access: suggestionAccess.read },
      schema: {
        tags,
        summary: '代表建议和议案 Suggestions and motions',
        description:
          'Each account sees what it may open. A deputy: `box=lead` (as lead deputy), `cosigned`, `invitations` (waiting for an answer).',
        querystring: ListQuery,
        response: { 200: SuggestionList, ...errors },
      },
    },
    async (req) => {
      const { rows, total } = await listSuggestions(db, userOf(req), req.query);
      return { items: rows.map(presentItem), total };
    },
  );

  app.post(
    '/suggestions',
    {
      config: { access: suggestionAccess.draft },
      schema: {
        tags,
        summary: '起草建议或议案 Draft a suggestion or motion',
        body: DraftBody,
        response: { 201: SuggestionView, ...errors },
      },
    },
    async (req, reply) => {
      const row = await draftSuggestion(deps, contextOf(req), req.body);
      return reply.status(201).send(await view(req, row));
    },
  );

  app.get(
    '/suggestions/:id',
    {
      config: { access: suggestionAccess.read },
      schema: { tags, summary: '建议详情 A suggestion', params: IdParams, response: { 200: SuggestionView, ...errors } },
    },
    async (req) => {
      const { row, facts } = await loadVisible(db, userOf(req), req.params.id);
      return presentSuggestion(await loadDetail(db, row), facts);
    },
  );

  app.patch(
    '/suggestions/:id',
    {
      config: { access: suggestionAccess.draft },
      schema: {
        tags,
        summary: '修改草稿 Edit a draft',
        params: IdParams,
        body: EditBody,
        response: { 200: SuggestionView, ...errors },
      },
    },
    async (req) => view(req, await editSuggestion(deps, contextOf(req), req.params.id, req.body)),
  );

  app.get(
    '/suggestions/:id/timeline',
    {
      config: { access: suggestionAccess.read },
      schema: { tags, summary: '办理过程 Timeline', params: IdParams, response: { 200: TimelineView, ...errors } },
    },
    async (req) => {
      const { row } = await loadVisible(db, userOf(req), req.params.id);
      const items = (await listEvents(db, row.id)).map(presentEvent);
      return { items, total: items.length };
    },
  );

  app.get(
    '/suggestions/:id/similar',
    {
      config: { access: suggestionAccess.read },
      schema: {
        tags,
        summary: '本届及往届相似建议 Similar suggestions of this and past sessions',
        params: IdParams,
        response: { 200: SimilarList, ...errors },
      },
    },
    async (req) => {
      const { row } = await loadVisible(db, userOf(req), req.params.id);
      return { items: await similarSuggestions(db, { congressId: row.congressId, text: row, excludeIds: [row.id] }) };
    },
  );

  app.post(
    '/suggestions/:id/cosigners',
    {
      config: { access: suggestionAccess.draft },
      schema: {
        tags,
        summary: '邀请联名代表 Invite co-signers',
        params: IdParams,
        body: InviteBody,
        response: { 200: SuggestionView, ...errors },
      },
    },
    async (req) => view(req, await inviteCosigners(deps, contextOf(req), req.params.id, req.body.deputyIds)),
  );

  app.delete(
    '/suggestions/:id/cosigners/:deputyId',
    {
      config: { access: suggestionAccess.draft },
      schema: {
        tags,
        summary: '撤回联名邀请 Take back an invitation',
        params: CosignerParams,
        response: { 200: SuggestionView, ...errors },
      },
    },
    async (req) => view(req, await removeCosigner(deps, contextOf(req), req.params.id, req.params.deputyId)),
  );

  app.post(
    '/suggestions/:id/cosignature',
    {
      config: { access: suggestionAccess.cosign },
      schema: {
        tags,
        summary: '同意或不同意联名 Confirm or decline co-signing',
        params: IdParams,
        body: CosignatureBody,
        response: { 200: SuggestionView, ...errors },
      },
    },
    async (req) => view(req, await answerCosignature(deps, contextOf(req), req.params.id, req.body)),
  );

  app.post(
    '/suggestions/:id/files',
    {
      config: { access: suggestionAccess.draft },
      schema: {
        tags,
        summary: '上传附件 Attach a file (PDF, JPEG, PNG, WebP, .docx, .xlsx; at most 10 MB)',
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: { 201: UploadedFile, 413: ErrorResponse, ...errors },
      },
    },
    async (req, reply) => {
      const file = await readUpload(req, MAX_ATTACHMENT_BYTES);
      const saved = await attachFile(deps, contextOf(req), req.params.id, file);
      return reply.status(201).send(saved);
    },
  );

  app.get(
    '/suggestions/:id/files/:fileId',
    {
      config: { access: suggestionAccess.read },
      schema: { tags, summary: '下载附件 Download a file', params: FileParams, response: { 200: Binary, ...errors } },
    },
    async (req, reply) => {
      const { row } = await loadVisible(db, userOf(req), req.params.id);
      const file = await readFile(db, row.id, req.params.fileId);
      if (!file) throw notFound('附件', 'File');
      return reply
        .type(file.mimeType)
        .header('cache-control', 'private, no-store')
        .header('content-disposition', attachment(file.filename))
        .send(file.content);
    },
  );

  app.delete(
    '/suggestions/:id/files/:fileId',
    {
      config: { access: suggestionAccess.draft },
      schema: { tags, summary: '删除附件 Remove a file', params: FileParams, response: { 200: SuggestionView, ...errors } },
    },
    async (req) => view(req, await removeFile(deps, contextOf(req), req.params.id, req.params.fileId)),
  );

  app.post(
    '/suggestions/:id/transitions/:action',
    {
      config: { access: suggestionAccess.transition },
      // The action is in the path; the body's shape depends on it, so one union validates both together.
      preValidation: async (req) => {
        const raw = req as { params: unknown; body: unknown };
        const action = (raw.params as { action?: unknown }).action;
        if (raw.body === undefined || raw.body === null) raw.body = { action };
        else if (typeof raw.body === 'object' && !Array.isArray(raw.body)) raw.body = { ...raw.body, action };
      },
      schema: {
        tags,
        summary: '提交、审查、专门委员会审议 Submit, review, committee decisions',
        params: ActionParams,
        body: TransitionBody,
        response: { 200: SuggestionView, ...errors },
      },
    },
    async (req) => {
      const { action, ...rest } = req.body;
      const ctx = contextOf(req);
      if (action === 'submit') {
        const { row, notices } = await submitSuggestion(deps, ctx, req.params.id);
        return { ...(await view(req, row)), notices };
      }
      const run = COMMANDS[action];
      return view(req, await run(deps, ctx, req.params.id, rest as never));
    },
  );
}
