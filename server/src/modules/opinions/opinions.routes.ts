import type { FastifyRequest } from 'fastify';
import { unauthenticated } from '../../platform/auth/plugin.js';
import { contextOf, type RequestContext } from '../../platform/context.js';
import { badRequest } from '../../platform/errors.js';
import { type AppInstance, ErrorResponse, IdParams } from '../../platform/http.js';
import { readUpload } from '../deputies/deputies.upload.js';
import { acceptOpinion } from './commands/acceptOpinion.js';
import { answerOnSpot } from './commands/answerOnSpot.js';
import { convertOpinion } from './commands/convertOpinion.js';
import { createOpinion } from './commands/createOpinion.js';
import { decideExtension } from './commands/decideExtension.js';
import { escalateOpinion } from './commands/escalateOpinion.js';
import { evaluateOpinion } from './commands/evaluateOpinion.js';
import { feedbackOpinion } from './commands/feedbackOpinion.js';
import { mergeOpinion } from './commands/mergeOpinion.js';
import { rehandleOpinion } from './commands/rehandleOpinion.js';
import { rejectOpinion } from './commands/rejectOpinion.js';
import { replyOpinion } from './commands/replyOpinion.js';
import { requestExtension } from './commands/requestExtension.js';
import { resolveOpinion } from './commands/resolveOpinion.js';
import { superviseOpinion } from './commands/superviseOpinion.js';
import { transferOpinion } from './commands/transferOpinion.js';
import { unitAcceptOpinion } from './commands/unitAcceptOpinion.js';
import { unitReturnOpinion } from './commands/unitReturnOpinion.js';
import { MAX_REPLY_FILE_BYTES, uploadOpinionFile } from './commands/uploadOpinionFile.js';
import { urgeOpinion } from './commands/urgeOpinion.js';
import type { OpinionDeps } from './opinions.deps.js';
import { actionsFor, caseFacts, opinionAccess, sideActionsFor } from './opinions.policy.js';
import { isOpen, presentEvent, presentExtension, presentOpinion } from './opinions.present.js';
import { loadCaseDetail, loadVisibleCase } from './opinions.read.js';
import { listEvents, type OpinionRow } from './opinions.repo.js';
import {
  ActionParams,
  ActionsView,
  CreateOpinionBody,
  ExtensionBody,
  ExtensionDecisionBody,
  ExtensionParams,
  ExtensionView,
  IdempotencyKey,
  OpinionView,
  SuperviseBody,
  TimelineView,
  UploadedFile,
  UrgeBody,
} from './opinions.schema.js';
import { TransitionBody, type TransitionBodyInput } from './opinions.transitions.schema.js';
import { ACTION_LABELS } from './opinions.workflow.js';

const tags = ['opinions'];

type Runner = (deps: OpinionDeps, ctx: RequestContext, id: string, body: never) => Promise<OpinionRow>;
/** One command per action of the workflow (expire_evaluation belongs to the deadline jobs). */
const COMMANDS: Record<TransitionBodyInput['action'], Runner> = {
  accept: acceptOpinion,
  reject: rejectOpinion,
  answer_on_spot: answerOnSpot,
  resolve: resolveOpinion,
  escalate: escalateOpinion,
  transfer: transferOpinion,
  unit_accept: unitAcceptOpinion,
  unit_return: unitReturnOpinion,
  reply: replyOpinion,
  feedback: feedbackOpinion,
  evaluate: evaluateOpinion,
  rehandle: rehandleOpinion,
  merge: mergeOpinion,
  convert: convertOpinion,
};

/** The key may also come as the Idempotency-Key header, as payment APIs take it. */
function idempotencyHeader(req: FastifyRequest): string | null {
  const header = req.headers['idempotency-key'];
  if (typeof header !== 'string' || header === '') return null;
  const parsed = IdempotencyKey.safeParse(header);
  if (!parsed.success) {
    throw badRequest('IDEMPOTENCY_KEY_INVALID', {
      zh: '幂等键应为 8 到 64 位字母、数字、下划线或连字符',
      en: 'The idempotency key must be 8 to 64 letters, digits, _ or -',
    });
  }
  return parsed.data;
}

const userOf = (req: FastifyRequest) => {
  if (!req.user) throw unauthenticated();
  return req.user;
};

export async function opinionRoutes(app: AppInstance): Promise<void> {
  /** The case page's data for the caller, after a read or a change it just made. */
  const caseView = async (req: FastifyRequest, row: OpinionRow) => {
    const facts = await caseFacts(app.deps.db, userOf(req), row);
    return presentOpinion(await loadCaseDetail(app.deps.db, row), facts, app.deps.crypto);
  };
  const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

  app.post(
    '/opinions',
    {
      config: { access: opinionAccess.intake },
      schema: {
        tags,
        summary: '代为登记群众意见 Record an opinion on a constituent’s behalf',
        body: CreateOpinionBody,
        response: { 200: OpinionView, 201: OpinionView, ...errors },
      },
    },
    async (req, reply) => {
      const body = { ...req.body, idempotencyKey: req.body.idempotencyKey ?? idempotencyHeader(req) };
      const { opinion, replayed } = await createOpinion(app.deps, contextOf(req), body);
      reply.status(replayed ? 200 : 201);
      return caseView(req, opinion);
    },
  );

  app.get(
    '/opinions/:id',
    {
      config: { access: opinionAccess.read },
      schema: { tags, summary: '意见详情 Opinion', params: IdParams, response: { 200: OpinionView, ...errors } },
    },
    async (req) => {
      const { row, facts } = await loadVisibleCase(app.deps.db, userOf(req), req.params.id);
      return presentOpinion(await loadCaseDetail(app.deps.db, row), facts, app.deps.crypto);
    },
  );

  app.get(
    '/opinions/:id/timeline',
    {
      config: { access: opinionAccess.read },
      schema: { tags, summary: '办理过程 Timeline', params: IdParams, response: { 200: TimelineView, ...errors } },
    },
    async (req) => {
      const { row } = await loadVisibleCase(app.deps.db, userOf(req), req.params.id);
      const items = (await listEvents(app.deps.db, row.id)).map(presentEvent);
      return { items, total: items.length };
    },
  );

  app.get(
    '/opinions/:id/actions',
    {
      config: { access: opinionAccess.read },
      schema: { tags, summary: '可进行的操作 Available actions', params: IdParams, response: { 200: ActionsView, ...errors } },
    },
    async (req) => {
      const { row, facts } = await loadVisibleCase(app.deps.db, userOf(req), req.params.id);
      return {
        state: row.state,
        actions: actionsFor(facts, row.state).map((action) => ({ action, label: ACTION_LABELS[action] })),
        ...sideActionsFor(facts, row, isOpen(row)),
      };
    },
  );

  app.post(
    '/opinions/:id/transitions/:action',
    {
      config: { access: opinionAccess.transition },
      // The action is in the path; the body's shape depends on it, so one union validates both together.
      preValidation: async (req) => {
        const raw = req as { params: unknown; body: unknown };
        const action = (raw.params as { action?: unknown }).action;
        if (raw.body === undefined || raw.body === null) raw.body = { action };
        else if (typeof raw.body === 'object' && !Array.isArray(raw.body)) raw.body = { ...raw.body, action };
      },
      schema: {
        tags,
        summary: '办理操作 Apply an action of the workflow',
        params: ActionParams,
        body: TransitionBody,
        response: { 200: OpinionView, ...errors },
      },
    },
    async (req) => {
      const { action, ...rest } = req.body;
      const run = COMMANDS[action];
      const row = await run(app.deps, contextOf(req), req.params.id, rest as never);
      return caseView(req, row);
    },
  );

  app.post(
    '/opinions/:id/files',
    {
      config: { access: opinionAccess.transition },
      schema: {
        tags,
        summary: '上传答复附件 Upload a file for a reply',
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: { 201: UploadedFile, 413: ErrorResponse, ...errors },
      },
    },
    async (req, reply) => {
      const file = await readUpload(req, MAX_REPLY_FILE_BYTES);
      const saved = await uploadOpinionFile(app.deps, contextOf(req), req.params.id, file);
      reply.status(201);
      return saved;
    },
  );

  app.post(
    '/opinions/:id/urge',
    {
      config: { access: opinionAccess.urge },
      schema: { tags, summary: '催办 Urge', params: IdParams, body: UrgeBody, response: { 200: OpinionView, ...errors } },
    },
    async (req) => caseView(req, await urgeOpinion(app.deps, contextOf(req), req.params.id, req.body)),
  );

  app.post(
    '/opinions/:id/supervise',
    {
      config: { access: opinionAccess.supervise },
      schema: {
        tags,
        summary: '领导督办 Supervise',
        params: IdParams,
        body: SuperviseBody,
        response: { 200: OpinionView, ...errors },
      },
    },
    async (req) => caseView(req, await superviseOpinion(app.deps, contextOf(req), req.params.id, req.body)),
  );

  app.post(
    '/opinions/:id/extensions',
    {
      config: { access: opinionAccess.requestExtension },
      schema: {
        tags,
        summary: '申请延期 Request an extension',
        params: IdParams,
        body: ExtensionBody,
        response: { 201: ExtensionView, ...errors },
      },
    },
    async (req, reply) => {
      const ext = await requestExtension(app.deps, contextOf(req), req.params.id, req.body);
      reply.status(201);
      return presentExtension(ext);
    },
  );

  app.post(
    '/opinions/:id/extensions/:extId/decision',
    {
      config: { access: opinionAccess.decideExtension },
      schema: {
        tags,
        summary: '审批延期 Decide an extension',
        params: ExtensionParams,
        body: ExtensionDecisionBody,
        response: { 200: ExtensionView, ...errors },
      },
    },
    async (req) => presentExtension(await decideExtension(app.deps, contextOf(req), req.params.id, req.params.extId, req.body)),
  );
}
