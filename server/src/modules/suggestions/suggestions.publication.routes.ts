import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { unauthenticated } from '../../platform/auth/plugin.js';
import { contextOf } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { type AppInstance, ErrorResponse, IdParams } from '../../platform/http.js';
import { assertInScope } from '../../platform/scope.js';
import { redact } from '../../platform/text/redact.js';
import { draftPublication } from './commands/draftPublication.js';
import { editPublication, publishPublication, unpublishPublication } from './commands/publishReply.js';
import { findCongress } from './congresses.repo.js';
import { nowOf } from './suggestions.deps.js';
import { publicationsFor, publicationView, publicReplies, publicReply } from './suggestions.publication.read.js';
import { findPublication } from './suggestions.publication.repo.js';
import {
  DraftPublicationBody,
  EditPublicationBody,
  HandlingReportView,
  PublicationList,
  PublicationQuery,
  PublicationView,
  PublicReplyList,
  PublicReplyQuery,
  PublicReplyView,
  PublishBody,
  RedactBody,
  RedactView,
  ReportQuery,
  UnpublishBody,
} from './suggestions.publication.schema.js';
import { handlingReport, handlingReportDocx, reportFigures } from './suggestions.report.js';
import { assertPublishes, supervisionAccess } from './suggestions.supervision.policy.js';

const tags = ['suggestion publication'];
const Binary = z.unknown().describe('file content');
/** The ASCII fallback keeps the extension, so a browser without RFC 5987 still opens it in Word. */
const docxAttachment = (filename: string) =>
  `attachment; filename="handling-report.docx"; filename*=UTF-8''${encodeURIComponent(filename)}`;
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
/** The public page is read by many and indexed by search engines: generous, but bounded per address. */
const PUBLIC_LIMIT = { max: 60, timeWindow: '1 minute' };

const userOf = (req: FastifyRequest) => {
  if (!req.user) throw unauthenticated();
  return req.user;
};

/**
 * Publication of replies (issue 4, item 8): the office redacts, edits, publishes and withdraws; the
 * public reads published replies without an account. The public routes read only the redacted
 * columns of published rows.
 */
export async function suggestionPublicationRoutes(app: AppInstance): Promise<void> {
  const deps = app.deps;
  const { db } = deps;

  app.post(
    '/suggestion-reply-publications/redaction-preview',
    {
      config: { access: supervisionAccess.publish },
      schema: {
        tags,
        summary: '脱敏预览 Preview the redaction of a text',
        body: RedactBody,
        response: { 200: RedactView, ...errors },
      },
    },
    async (req) => {
      const { text, found } = redact(req.body.text, { names: req.body.names });
      return { text, found: Object.fromEntries(Object.entries(found).filter(([, n]) => typeof n === 'number')) };
    },
  );

  app.get(
    '/suggestion-reply-publications',
    {
      config: { access: supervisionAccess.publish },
      schema: {
        tags,
        summary: '答复公开稿 Publications',
        querystring: PublicationQuery,
        response: { 200: PublicationList, ...errors },
      },
    },
    async (req) => publicationsFor(db, userOf(req), req.query),
  );

  app.post(
    '/suggestion-reply-publications',
    {
      config: { access: supervisionAccess.publish },
      schema: {
        tags,
        summary: '生成脱敏公开稿 Draft the publication of a sent reply (redacted)',
        body: DraftPublicationBody,
        response: { 201: PublicationView, ...errors },
      },
    },
    async (req, reply) => {
      const row = await draftPublication(deps, contextOf(req), req.body);
      return reply.status(201).send(await publicationView(db, row));
    },
  );

  app.get(
    '/suggestion-reply-publications/:id',
    {
      config: { access: supervisionAccess.publish },
      schema: {
        tags,
        summary: '公开稿与原文 A publication and the original',
        params: IdParams,
        response: { 200: PublicationView, ...errors },
      },
    },
    async (req) => {
      const row = await findPublication(db, req.params.id);
      if (!row) throw notFound('公开稿', 'Publication');
      assertPublishes(userOf(req), row.regionCode);
      return publicationView(db, row);
    },
  );

  app.patch(
    '/suggestion-reply-publications/:id',
    {
      config: { access: supervisionAccess.publish },
      schema: {
        tags,
        summary: '修改公开文本 Edit the redacted title and text',
        params: IdParams,
        body: EditPublicationBody,
        response: { 200: PublicationView, ...errors },
      },
    },
    async (req) => publicationView(db, await editPublication(deps, contextOf(req), req.params.id, req.body)),
  );

  app.post(
    '/suggestion-reply-publications/:id/publish',
    {
      config: { access: supervisionAccess.publish },
      schema: {
        tags,
        summary: '公开 Publish',
        params: IdParams,
        body: PublishBody,
        response: { 200: PublicationView, ...errors },
      },
    },
    async (req) => publicationView(db, await publishPublication(deps, contextOf(req), req.params.id, req.body)),
  );

  app.post(
    '/suggestion-reply-publications/:id/unpublish',
    {
      config: { access: supervisionAccess.publish },
      schema: {
        tags,
        summary: '撤回公开 Unpublish',
        params: IdParams,
        body: UnpublishBody,
        response: { 200: PublicationView, ...errors },
      },
    },
    async (req) => publicationView(db, await unpublishPublication(deps, contextOf(req), req.params.id, req.body)),
  );

  app.get(
    '/public/suggestion-replies',
    {
      config: { access: 'public', rateLimit: PUBLIC_LIMIT },
      schema: {
        tags: ['public'],
        summary: '代表建议答复公开 Published replies to deputies’ suggestions',
        description: 'Redacted replies the office has published; 20 a page, newest first. q searches the title and the text.',
        querystring: PublicReplyQuery,
        response: { 200: PublicReplyList, 400: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (req) => publicReplies(db, req.query),
  );

  app.get(
    '/public/suggestion-replies/:id',
    {
      config: { access: 'public', rateLimit: PUBLIC_LIMIT },
      schema: {
        tags: ['public'],
        summary: '公开的答复全文 A published reply',
        params: IdParams,
        response: { 200: PublicReplyView, 400: ErrorResponse, 404: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (req) => {
      const view = await publicReply(db, req.params.id);
      // A draft, a withdrawn reply and an unknown id answer alike.
      if (!view) throw notFound('公开的答复', 'Published reply');
      return view;
    },
  );

  /** The congress of the report, in the account's region subtree. */
  const reportOf = async (req: FastifyRequest, congressId: string, year: number) => {
    const congress = await findCongress(db, congressId);
    if (!congress) throw notFound('人大', 'Congress');
    assertInScope(userOf(req), congress.regionCode);
    return handlingReport(db, congress, year, nowOf(deps));
  };

  app.get(
    '/congresses/:id/handling-report',
    {
      config: { access: supervisionAccess.report },
      schema: {
        tags,
        summary: "年度办理情况（数据） The year's handling figures, per unit, and the key items",
        params: IdParams,
        querystring: ReportQuery,
        response: { 200: HandlingReportView, ...errors },
      },
    },
    async (req) => {
      const report = await reportOf(req, req.params.id, req.query.year);
      return { ...report, figures: reportFigures(report.counts) };
    },
  );

  app.get(
    '/congresses/:id/handling-report.docx',
    {
      config: { access: supervisionAccess.report },
      schema: {
        tags,
        summary: '年度办理情况报告 The annual handling report (.docx)',
        params: IdParams,
        querystring: ReportQuery,
        response: { 200: Binary, ...errors },
      },
    },
    async (req, reply) => {
      const report = await reportOf(req, req.params.id, req.query.year);
      const docx = await handlingReportDocx(report, nowOf(deps));
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', docxAttachment(`${report.congressName}${report.year}年度代表建议办理情况报告.docx`))
        .header('cache-control', 'no-store')
        .send(docx);
    },
  );
}
