import type { FastifyRequest } from 'fastify';
import { unauthenticated } from '../../platform/auth/plugin.js';
import { contextOf } from '../../platform/context.js';
import { type AppInstance, ErrorResponse, IdParams } from '../../platform/http.js';
import { publishOpinion } from './commands/publishOpinion.js';
import { unpublishOpinion } from './commands/unpublishOpinion.js';
import { opinionAccess } from './opinions.policy.js';
import { listPublished, publicationOf } from './opinions.publication.js';
import { PublicationView, PublishBody, PublishedList, PublishedQuery, UnpublishBody } from './opinions.publication.schema.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

const userOf = (req: FastifyRequest) => {
  if (!req.user) throw unauthenticated();
  return req.user;
};

/** 公开: the office publishes and withdraws closed cases; the public reads them (opinions.publication.ts). */
export async function opinionPublicationRoutes(app: AppInstance): Promise<void> {
  const deps = app.deps;

  app.get(
    '/opinions/:id/publication',
    {
      config: { access: opinionAccess.publish },
      schema: {
        tags: ['opinions'],
        summary: '公开内容（脱敏草稿）Publication: the redacted draft or the published wording',
        params: IdParams,
        response: { 200: PublicationView, ...errors },
      },
    },
    async (req) => publicationOf(deps, userOf(req), req.params.id),
  );

  app.post(
    '/opinions/:id/publication',
    {
      config: { access: opinionAccess.publish },
      schema: {
        tags: ['opinions'],
        summary: '公开意见 Publish a closed opinion (consent required, redacted wording)',
        params: IdParams,
        body: PublishBody,
        response: { 200: PublicationView, ...errors },
      },
    },
    async (req) => {
      await publishOpinion(deps, contextOf(req), req.params.id, req.body);
      return publicationOf(deps, userOf(req), req.params.id);
    },
  );

  app.post(
    '/opinions/:id/publication/withdraw',
    {
      config: { access: opinionAccess.publish },
      schema: {
        tags: ['opinions'],
        summary: '撤回公开 Withdraw a publication',
        params: IdParams,
        body: UnpublishBody,
        response: { 200: PublicationView, ...errors },
      },
    },
    async (req) => {
      await unpublishOpinion(deps, contextOf(req), req.params.id, req.body);
      return publicationOf(deps, userOf(req), req.params.id);
    },
  );

  app.get(
    '/public/opinions/published',
    {
      config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        summary: '公开的群众意见 Published opinions (of a station)',
        querystring: PublishedQuery,
        response: { 200: PublishedList, 400: ErrorResponse, 404: ErrorResponse, 429: ErrorResponse },
      },
    },
    // Not cached by the browser: a withdrawn case must leave the page at once.
    async (req) => listPublished(deps, req.query),
  );
}
