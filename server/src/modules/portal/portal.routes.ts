import type { FastifyRequest } from 'fastify';
import { contextOf } from '../../platform/context.js';
import { badRequest } from '../../platform/errors.js';
import { type AppInstance, ErrorResponse } from '../../platform/http.js';
import { localeOf } from '../../platform/i18n.js';
import { intakeRegistrar } from '../opinions/opinions.registrar.js';
import { IdempotencyKey } from '../opinions/opinions.schema.js';
import { ImageResponse } from '../stations/stations.schema.js';
import { evaluateAsConstituent } from './commands/evaluateAsConstituent.js';
import { submitPublicOpinion } from './commands/submitPublicOpinion.js';
import { GuessCounter, intakeLimiter, LIMITS } from './portal.limits.js';
import { caseNotFound, findCaseForConstituent, loadPublicView } from './portal.read.js';
import { findCasePhoto } from './portal.repo.js';
import { EvaluationBody, IntakeResult, PhotoParams, PublicOpinionView, TrackingParams, TrackingQuery } from './portal.schema.js';
import { readIntake } from './portal.upload.js';

const tags = ['public'];
const minute = (max: number) => ({ max, timeWindow: '1 minute' });

/** The Idempotency-Key header, as payment APIs take it: 8 to 64 letters, digits, _ or -. */
export function idempotencyKeyOf(req: FastifyRequest): string | null {
  const header = req.headers['idempotency-key'];
  if (header === undefined || header === '') return null;
  const parsed = IdempotencyKey.safeParse(header);
  if (!parsed.success) {
    throw badRequest('IDEMPOTENCY_KEY_INVALID', {
      zh: '幂等键应为 8 到 64 位字母、数字、下划线或连字符',
      en: 'The idempotency key must be 8 to 64 letters, digits, _ or -',
    });
  }
  return parsed.data;
}

/** The public portal (contracts §B): raise an opinion from a station's page, follow it, rate the answer. */
export async function portalRoutes(app: AppInstance): Promise<void> {
  const { deps } = app;
  const guesses = new GuessCounter();
  // The batch being registered commits before the database closes.
  app.addHook('onClose', () => intakeRegistrar(deps).stop());
  const errors = { 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 413: ErrorResponse, 429: ErrorResponse };

  app.post(
    '/public/opinions',
    {
      config: { access: 'public' },
      onRequest: intakeLimiter(app),
      schema: {
        tags,
        summary: '群众提交意见建议 A constituent raises an opinion',
        description:
          'multipart/form-data: stationCode, categoryId?, content, placeText?, latitude?, longitude?, name?, address?, nameHidden, phone, consentShare=true, consentPublish, and up to 6 photos (JPEG, PNG, WebP or HEIC, each ≤ 5 MB). Without photos the same fields may come as a JSON object, with nameHidden, consentShare and consentPublish as booleans and the coordinates as numbers. An Idempotency-Key header makes a repeated submission answer the first case (200).',
        consumes: ['multipart/form-data', 'application/json'],
        response: { 200: IntakeResult, 201: IntakeResult, ...errors },
      },
    },
    async (req, reply) => {
      const idempotencyKey = idempotencyKeyOf(req);
      const { fields: f, photos } = await readIntake(req);
      const { trackingCode, receivedAt, replayed, stationName } = await submitPublicOpinion(deps, contextOf(req), {
        stationCode: f.stationCode,
        channel: 'qr',
        categoryId: f.categoryId,
        content: f.content,
        placeText: f.placeText,
        latitude: f.latitude,
        longitude: f.longitude,
        submitter: { name: f.name, phone: f.phone, address: f.address, nameHidden: f.nameHidden },
        consentShare: true,
        consentPublish: f.consentPublish,
        idempotencyKey,
        photos,
      });
      reply.status(replayed ? 200 : 201);
      return { trackingCode, receivedAt: receivedAt.toISOString(), stationName };
    },
  );

  app.get(
    '/public/opinions/:trackingCode',
    {
      config: { access: 'public', rateLimit: minute(LIMITS.trackingPerMinute) },
      schema: {
        tags,
        summary: '查询意见办理进度 Follow an opinion with its tracking code',
        description:
          'last4: the last four digits of the phone number given with the opinion. 404 alike for an unknown code and wrong digits.',
        params: TrackingParams,
        querystring: TrackingQuery,
        response: { 200: PublicOpinionView, ...errors },
      },
    },
    async (req, reply) => {
      const row = await findCaseForConstituent(deps, guesses, req.params.trackingCode, req.query.last4);
      reply.header('cache-control', 'no-store');
      return loadPublicView(deps.db, row, localeOf(req), req.query.last4);
    },
  );

  app.post(
    '/public/opinions/:trackingCode/evaluation',
    {
      config: { access: 'public', rateLimit: minute(LIMITS.trackingPerMinute) },
      schema: {
        tags,
        summary: '群众评价办理结果 The constituent rates the answer',
        params: TrackingParams,
        body: EvaluationBody,
        response: { 200: PublicOpinionView, ...errors },
      },
    },
    async (req, reply) => {
      const { last4, evaluation, comment, solved } = req.body;
      const row = await findCaseForConstituent(deps, guesses, req.params.trackingCode, last4);
      const updated = await evaluateAsConstituent(deps, contextOf(req), row, { evaluation, comment, solved });
      reply.header('cache-control', 'no-store');
      return loadPublicView(deps.db, updated, localeOf(req), last4);
    },
  );

  app.get(
    '/public/opinions/:trackingCode/photos/:fileId',
    {
      config: { access: 'public', rateLimit: minute(LIMITS.photosPerMinute) },
      schema: {
        tags,
        summary: '意见所附照片 A photo sent with the opinion',
        params: PhotoParams,
        querystring: TrackingQuery,
        produces: ['image/jpeg', 'image/png', 'image/webp', 'image/heic'],
        response: { 200: ImageResponse, 400: ErrorResponse, 404: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (req, reply) => {
      const row = await findCaseForConstituent(deps, guesses, req.params.trackingCode, req.query.last4);
      const photo = await findCasePhoto(deps.db, row.id, req.params.fileId);
      if (!photo) throw caseNotFound();
      return reply
        .type(photo.mimeType)
        .header('content-disposition', 'inline')
        .header('cache-control', 'private, max-age=3600')
        .header('etag', `"${photo.sha256}"`)
        .send(photo.content);
    },
  );
}
