import { contextOf } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import type { AppInstance } from '../../platform/http.js';
import { localeOf } from '../../platform/i18n.js';
import { registerInboxRow } from '../opinions/commands/registerInbox.js';
import type { OpinionDeps } from '../opinions/opinions.deps.js';
import { TRACKING_CODE_RE } from '../opinions/opinions.rules.js';
import { intakeLimiter } from '../portal/portal.limits.js';
import { idempotencyKeyOf } from '../portal/portal.routes.js';
import { listCategories } from '../routing/categories.repo.js';
import { publicOrigin } from '../stations/stations.qr.js';
import { findStationByCode } from '../stations/stations.repo.js';
import { createServiceRequest } from './commands/createServiceRequest.js';
import { installOpen311Errors, open311NotFound } from './open311.errors.js';
import { presentRequest, presentServices } from './open311.present.js';
import { caseById, casesByTrackingCodes, categoryByCode, categoryIdsByCodes, searchPublishedCases } from './open311.repo.js';
import {
  CreatedRequests,
  Discovery,
  JurisdictionQuery,
  Open311Errors,
  RequestIdParams,
  RequestsQuery,
  ServiceCodeParams,
  ServiceDefinition,
  ServiceList,
  ServiceRequestBody,
  ServiceRequests,
  TokenAnswer,
  TokenParams,
} from './open311.schema.js';

const tags = ['open311'];
const SPEC = 'http://wiki.open311.org/GeoReport_v2';
/** When this API last changed, as discovery tells clients. */
const CHANGESET = '2026-11-23T00:00:00+08:00';
const DAY_MS = 24 * 3600_000;
/** The longest span a search may cover, and the default window, as the specification suggests. */
const SEARCH_DAYS = 90;
const SEARCH_LIMIT = 500;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const errors = { 400: Open311Errors, 404: Open311Errors, 409: Open311Errors, 429: Open311Errors };
const reads = { access: 'public' as const, rateLimit: { max: 120, timeWindow: '1 minute' } };

const notFound = (zh: string, en: string) => new AppError(404, 'NOT_FOUND', { zh, en });

/** The cases of these codes; a code still in the public inbox is registered first, so a client sees its request. */
async function registeredCases(deps: OpinionDeps, codes: string[]) {
  const rows = await casesByTrackingCodes(deps.db, codes);
  const found = new Set(rows.map((r) => r.trackingCode));
  const waiting = codes.filter((c) => !found.has(c));
  if (waiting.length === 0) return rows;
  for (const trackingCode of waiting) await registerInboxRow(deps, { trackingCode });
  return casesByTrackingCodes(deps.db, codes);
}

/**
 * Open311 GeoReport v2 (JSON only): the opinion categories as services, a constituent's opinion as a
 * service request, its tracking code as the service_request_id. No api_key is needed; creating is
 * limited per address together with the portal. jurisdiction_id, when given, is a station code.
 */
export async function open311Routes(app: AppInstance): Promise<void> {
  const { deps } = app;
  installOpen311Errors(app);
  // Form-encoded bodies, as the specification shows them; attribute[…] keys are gathered by the schema.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 64 * 1024 },
    (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    },
  );
  // Open311 clients are often web apps on other sites; nothing here depends on a cookie.
  app.addHook('onSend', async (req, reply) => {
    if (req.method === 'GET') reply.header('access-control-allow-origin', '*');
  });

  app.get(
    '/discovery.json',
    { config: reads, schema: { tags, summary: 'Open311 服务发现 Discovery', response: { 200: Discovery, ...errors } } },
    async (req) => {
      const en = localeOf(req) === 'en';
      return {
        changeset: CHANGESET,
        contact: en
          ? 'The deputies affairs office of the local people’s congress; or call the station on its page.'
          : '所在地人大常委会代表工作机构；也可拨打联络站页面上的电话。',
        key_service: en
          ? 'No api_key is needed; new requests are limited per client address. jurisdiction_id is a station code (e.g. 230102-001).'
          : '无需 api_key；新建请求按客户端地址限制频率。jurisdiction_id 为联络站编码（如 230102-001）。',
        endpoints: [
          {
            specification: SPEC,
            url: `${publicOrigin(req, deps.config)}/open311/v2`,
            changeset: CHANGESET,
            type: 'production',
            formats: ['application/json'],
          },
        ],
      };
    },
  );

  app.get(
    '/services.json',
    {
      config: reads,
      schema: {
        tags,
        summary: 'Open311 服务列表 Services',
        querystring: JurisdictionQuery,
        response: { 200: ServiceList, ...errors },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return presentServices(await listCategories(deps.db, { activeOnly: true }), localeOf(req));
    },
  );

  app.get(
    '/services/:code.json',
    {
      config: reads,
      schema: {
        tags,
        summary: 'Open311 服务定义 Service definition',
        params: ServiceCodeParams,
        querystring: JurisdictionQuery,
        response: { 200: ServiceDefinition, ...errors },
      },
    },
    async (req) => {
      const category = await categoryByCode(deps.db, req.params.code);
      if (!category?.active)
        throw notFound(`service_code ${req.params.code} 不存在`, `service_code ${req.params.code} not found`);
      return { service_code: category.code, attributes: serviceAttributes(localeOf(req) === 'en') };
    },
  );

  app.post(
    '/requests.json',
    {
      config: { access: 'public' },
      onRequest: intakeLimiter(app),
      schema: {
        tags,
        summary: 'Open311 提交服务请求 Create a service request',
        description:
          'Form-encoded or JSON. The station: jurisdiction_id or attribute[station_code]. attribute[consent_share], attribute[consent_publish]: true/false. media_url is not fetched; email is not kept.',
        body: ServiceRequestBody,
        response: { 200: CreatedRequests, 201: CreatedRequests, ...errors },
      },
    },
    async (req, reply) => {
      const locale = localeOf(req);
      const created = await createServiceRequest(deps, contextOf(req), req.body, {
        idempotencyKey: idempotencyKeyOf(req),
        locale,
      });
      reply.status(created.replayed ? 200 : 201);
      return [
        {
          service_request_id: created.trackingCode,
          token: created.id,
          service_notice: created.notice,
          account_id: req.body.account_id,
        },
      ];
    },
  );

  app.get(
    '/requests.json',
    {
      config: reads,
      schema: {
        tags,
        summary: 'Open311 查询服务请求 Service requests',
        description:
          'With service_request_id: those requests (status only, unless the constituent agreed to publish). Otherwise a search of the published requests only, at most 90 days (the last 90 by default), at most 500, newest first.',
        querystring: RequestsQuery,
        response: { 200: ServiceRequests, ...errors },
      },
    },
    async (req) => {
      const q = req.query;
      const locale = localeOf(req);
      if (q.service_request_id) {
        const codes = q.service_request_id.filter((c) => TRACKING_CODE_RE.test(c));
        const rows = codes.length > 0 ? await registeredCases(deps, codes) : [];
        return rows.map((r) => presentRequest(r, locale));
      }
      const to = q.end_date ?? new Date();
      const from = q.start_date ?? new Date(to.getTime() - SEARCH_DAYS * DAY_MS);
      if (from.getTime() > to.getTime() || to.getTime() - from.getTime() > SEARCH_DAYS * DAY_MS) {
        throw new AppError(400, 'DATE_RANGE', {
          zh: `start_date 应早于 end_date，且相隔不超过 ${SEARCH_DAYS} 天`,
          en: `start_date must come before end_date, at most ${SEARCH_DAYS} days apart`,
        });
      }
      let stationId: string | null = null;
      if (q.jurisdiction_id) {
        const station = await findStationByCode(deps.db, q.jurisdiction_id);
        if (!station)
          throw notFound(`jurisdiction_id ${q.jurisdiction_id} 不存在`, `jurisdiction_id ${q.jurisdiction_id} not found`);
        stationId = station.id;
      }
      const categoryIds = q.service_code ? await categoryIdsByCodes(deps.db, q.service_code) : null;
      if (categoryIds?.length === 0) return [];
      const rows = await searchPublishedCases(deps.db, {
        stationId,
        categoryIds,
        statuses: q.status,
        from,
        to,
        limit: SEARCH_LIMIT,
      });
      return rows.map((r) => presentRequest(r, locale));
    },
  );

  app.get(
    '/requests/:id.json',
    {
      config: reads,
      schema: {
        tags,
        summary: 'Open311 单个服务请求 One service request',
        params: RequestIdParams,
        querystring: JurisdictionQuery,
        response: { 200: ServiceRequests, ...errors },
      },
    },
    async (req) => {
      const code = req.params.id.trim().toUpperCase();
      const [row] = TRACKING_CODE_RE.test(code) ? await registeredCases(deps, [code]) : [];
      if (!row) throw notFound(`service_request_id ${req.params.id} 不存在`, `service_request_id ${req.params.id} not found`);
      return [presentRequest(row, localeOf(req))];
    },
  );

  app.get(
    '/tokens/:token.json',
    {
      config: reads,
      schema: {
        tags,
        summary: 'Open311 由令牌查询请求编号 service_request_id from a token',
        params: TokenParams,
        querystring: JurisdictionQuery,
        response: { 200: TokenAnswer, ...errors },
      },
    },
    async (req) => {
      const token = req.params.token;
      let row = UUID_RE.test(token) ? await caseById(deps.db, token) : undefined;
      if (!row && UUID_RE.test(token)) {
        await registerInboxRow(deps, { id: token });
        row = await caseById(deps.db, token);
      }
      if (!row) throw notFound(`token ${req.params.token} 不存在`, `token ${req.params.token} not found`);
      return [{ service_request_id: row.trackingCode, token: req.params.token }];
    },
  );

  app.all('/*', { config: { access: 'public' }, schema: { hide: true } }, open311NotFound);
}

/** The service definition: no questions of its own, only where it goes and what the person agrees to. */
function serviceAttributes(en: boolean) {
  const yesNo = [
    { key: 'true', name: en ? 'Yes' : '同意' },
    { key: 'false', name: en ? 'No' : '不同意' },
  ];
  return [
    {
      variable: true,
      code: 'station_code',
      datatype: 'string' as const,
      required: false,
      datatype_description: en ? 'A station code, e.g. 230102-001' : '联络站编码，如 230102-001',
      order: 1,
      description: en
        ? 'The deputies’ liaison station the request goes to (required unless jurisdiction_id names it)'
        : '提交到哪个代表联络站（未用 jurisdiction_id 指明时必填）',
    },
    {
      variable: true,
      code: 'consent_share',
      datatype: 'singlevaluelist' as const,
      required: false,
      datatype_description: '',
      order: 2,
      description: en
        ? 'May the handling units see your name and phone to answer you?'
        : '是否同意承办单位查看您的姓名和电话以便答复？',
      values: yesNo,
    },
    {
      variable: true,
      code: 'consent_publish',
      datatype: 'singlevaluelist' as const,
      required: false,
      datatype_description: '',
      order: 3,
      description: en ? 'May your opinion (without your name) be published?' : '是否同意公开您的意见（不含姓名）？',
      values: yesNo,
    },
  ];
}
