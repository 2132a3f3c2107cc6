import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { unauthenticated } from '../../platform/auth/plugin.js';
import { contextOf } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { type AppInstance, ErrorResponse } from '../../platform/http.js';
import { approveReply } from './commands/approveReply.js';
import { completeCommitment } from './commands/completeCommitment.js';
import { confirmConsultation } from './commands/confirmConsultation.js';
import { draftReply } from './commands/draftReply.js';
import { evaluateSuggestion } from './commands/evaluateSuggestion.js';
import { fulfilSuggestion } from './commands/fulfilSuggestion.js';
import { logConsultation } from './commands/logConsultation.js';
import { returnReply } from './commands/returnReply.js';
import { sendCoOpinion } from './commands/sendCoOpinion.js';
import { sendReply } from './commands/sendReply.js';
import { submitReply } from './commands/submitReply.js';
import { handlingAccess } from './suggestions.handling.policy.js';
import { presentHandling } from './suggestions.handling.present.js';
import { commitmentsOf, findReply } from './suggestions.handling.repo.js';
import {
  CommitmentDoneBody,
  CommitmentParams,
  ConsultationAnswerBody,
  ConsultationBody,
  ConsultationParams,
  CoOpinionBody,
  EvaluationBody,
  HandlingView,
  NoteBody,
  ReplyDraftBody,
  ReplyParams,
  ReturnReplyBody,
  SuggestionParams,
} from './suggestions.handling.schema.js';
import { DOCX_MIME, letterData, letterDisposition, letterFilename, renderLetter } from './suggestions.letter.js';
import { loadVisible } from './suggestions.present.js';
import { readFile, type SuggestionRow } from './suggestions.repo.js';

/**
 * Handling and evaluation of a suggestion (issue 4 items 5–6): co opinions, consultations, the
 * reply from draft to approval to the letter sent, commitments, the deputy's evaluation and the
 * office's fulfilment. Every change answers with the handling page's data for the caller.
 */

const tags = ['suggestions'];
const HandlingError = ErrorResponse.extend({ missing: z.array(z.string()).optional() });
const errors = { 400: HandlingError, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const Binary = z.unknown().describe('a .docx file');

const userOf = (req: FastifyRequest) => {
  if (!req.user) throw unauthenticated();
  return req.user;
};

export async function handlingRoutes(app: AppInstance): Promise<void> {
  const deps = app.deps;
  const { db } = deps;
  /** The handling data as the caller sees it after a change it just made. */
  const view = async (req: FastifyRequest, row: SuggestionRow) => {
    const { row: fresh, facts } = await loadVisible(db, userOf(req), row.id);
    return presentHandling(db, userOf(req), fresh, facts);
  };

  app.get(
    '/suggestions/:id/handling',
    {
      config: { access: handlingAccess.read },
      schema: {
        tags,
        summary: '办理情况：交办、协办意见、面商、答复、承诺、评价 Handling and evaluation',
        params: SuggestionParams,
        response: { 200: HandlingView, ...errors },
      },
    },
    async (req) => {
      const { row, facts } = await loadVisible(db, userOf(req), req.params.id);
      return presentHandling(db, userOf(req), row, facts);
    },
  );

  app.post(
    '/suggestions/:id/co-opinion',
    {
      config: { access: handlingAccess.unit },
      schema: {
        tags,
        summary: '协办单位向主办单位提出协办意见 A co unit sends its opinion to the lead unit',
        params: SuggestionParams,
        body: CoOpinionBody,
        response: { 200: HandlingView, ...errors },
      },
    },
    async (req) => view(req, await sendCoOpinion(deps, contextOf(req), req.params.id, req.body)),
  );

  app.post(
    '/suggestions/:id/consultations',
    {
      config: { access: handlingAccess.unit },
      schema: {
        tags,
        summary: '记录与代表的面商情况 Log a consultation with the deputy',
        params: SuggestionParams,
        body: ConsultationBody,
        response: { 200: HandlingView, ...errors },
      },
    },
    async (req) => view(req, await logConsultation(deps, contextOf(req), req.params.id, req.body)),
  );

  app.post(
    '/suggestions/:id/consultations/:consultationId/answer',
    {
      config: { access: handlingAccess.deputy },
      schema: {
        tags,
        summary: '领衔代表确认面商或提出异议 The lead deputy confirms or disputes a consultation',
        params: ConsultationParams,
        body: ConsultationAnswerBody,
        response: { 200: HandlingView, ...errors },
      },
    },
    async (req) => view(req, await confirmConsultation(deps, contextOf(req), req.params.id, req.params.consultationId, req.body)),
  );

  app.put(
    '/suggestions/:id/reply',
    {
      config: { access: handlingAccess.unit },
      schema: {
        tags,
        summary: '起草或修改本单位的答复 Draft or edit your unit’s reply',
        params: SuggestionParams,
        body: ReplyDraftBody,
        response: { 200: HandlingView, ...errors },
      },
    },
    async (req) => view(req, await draftReply(deps, contextOf(req), req.params.id, req.body)),
  );

  app.post(
    '/suggestions/:id/reply/submit',
    {
      config: { access: handlingAccess.unit },
      schema: {
        tags,
        summary: '答复送单位负责人签发 Submit the reply for approval',
        params: SuggestionParams,
        response: { 200: HandlingView, ...errors },
      },
    },
    async (req) => view(req, await submitReply(deps, contextOf(req), req.params.id)),
  );

  app.post(
    '/suggestions/:id/reply/approve',
    {
      config: { access: handlingAccess.unit },
      schema: {
        tags,
        summary: '单位负责人签发答复（起草人以外的本单位账号） Approve the reply (another account of the unit)',
        params: SuggestionParams,
        body: NoteBody,
        response: { 200: HandlingView, ...errors },
      },
    },
    async (req) => view(req, await approveReply(deps, contextOf(req), req.params.id, req.body)),
  );

  app.post(
    '/suggestions/:id/reply/return',
    {
      config: { access: handlingAccess.unit },
      schema: {
        tags,
        summary: '退回答复修改 Return the reply for changes',
        params: SuggestionParams,
        body: ReturnReplyBody,
        response: { 200: HandlingView, ...errors },
      },
    },
    async (req) => view(req, await returnReply(deps, contextOf(req), req.params.id, req.body)),
  );

  app.post(
    '/suggestions/:id/reply/send',
    {
      config: { access: handlingAccess.unit },
      schema: {
        tags,
        summary: '发送已签发的答复及答复函 Send the approved reply and its letter',
        params: SuggestionParams,
        response: { 200: HandlingView, ...errors },
      },
    },
    async (req) => view(req, await sendReply(deps, contextOf(req), req.params.id)),
  );

  app.get(
    '/suggestions/:id/replies/:replyId/letter',
    {
      config: { access: handlingAccess.read },
      schema: {
        tags,
        summary: '答复函（.docx）：已发送的为存档件，未发送的为预览 The reply letter: the sent copy, or a preview',
        params: ReplyParams,
        response: { 200: Binary, ...errors },
      },
    },
    async (req, res) => {
      const user = userOf(req);
      const { row, facts } = await loadVisible(db, user, req.params.id);
      const reply = await findReply(db, row.id, req.params.replyId);
      const office = facts.role === 'office_staff' || facts.role === 'leader';
      const own = user.role === 'unit_staff' && reply?.unitId === user.organizationId;
      // A draft is the unit's business until it is sent: others are told there is none.
      if (!reply || !(reply.status === 'sent' || office || own)) throw notFound('答复', 'Reply');
      const stored = reply.status === 'sent' && reply.letterFileId ? await readFile(db, row.id, reply.letterFileId) : undefined;
      if (stored) {
        return res
          .type(stored.mimeType)
          .header('cache-control', 'private, no-store')
          .header('content-disposition', letterDisposition(stored.filename))
          .send(stored.content);
      }
      const commitments = (await commitmentsOf(db, row.id)).filter((c) => c.replyId === reply.id);
      const data = await letterData(db, row, reply, commitments, new Date());
      const content = await renderLetter(data);
      return res
        .type(DOCX_MIME)
        .header('cache-control', 'private, no-store')
        .header('content-disposition', letterDisposition(letterFilename(data)))
        .send(content);
    },
  );

  app.post(
    '/suggestions/:id/commitments/:commitmentId/done',
    {
      config: { access: handlingAccess.unit },
      schema: {
        tags,
        summary: '报告承诺事项已落实 Report a commitment done',
        params: CommitmentParams,
        body: CommitmentDoneBody,
        response: { 200: HandlingView, ...errors },
      },
    },
    async (req) => view(req, await completeCommitment(deps, contextOf(req), req.params.id, req.params.commitmentId, req.body)),
  );

  app.post(
    '/suggestions/:id/evaluation',
    {
      config: { access: handlingAccess.deputy },
      schema: {
        tags,
        summary: '领衔代表评价办理结果和办理态度 The lead deputy rates the result and the attitude',
        params: SuggestionParams,
        body: EvaluationBody,
        response: { 200: HandlingView, ...errors },
      },
    },
    async (req) => view(req, await evaluateSuggestion(deps, contextOf(req), req.params.id, req.body)),
  );

  app.post(
    '/suggestions/:id/fulfil',
    {
      config: { access: handlingAccess.office },
      schema: {
        tags,
        summary: '确认 B、C 类答复的承诺已全部落实 Mark the commitments of a class B or C reply fulfilled',
        params: SuggestionParams,
        body: NoteBody,
        response: { 200: HandlingView, ...errors },
      },
    },
    async (req) => view(req, await fulfilSuggestion(deps, contextOf(req), req.params.id, req.body)),
  );
}
