import type { RequestContext } from '../../../platform/context.js';
import { badRequest } from '../../../platform/errors.js';
import type { Locale } from '../../../platform/i18n.js';
import type { OpinionDeps } from '../../opinions/opinions.deps.js';
import { type SubmissionResult, submitPublicOpinion } from '../../portal/commands/submitPublicOpinion.js';
import { categoryByCode } from '../open311.repo.js';
import type { ServiceRequestInput } from '../open311.schema.js';

const HAN = /\p{Script=Han}/u;

/** 张 + 三 → 张三 (family name first, no space); John + Smith → John Smith. */
export function personName(first: string | null, last: string | null): string | null {
  if (!first && !last) return null;
  if (!first || !last) return first ?? last;
  return HAN.test(first) || HAN.test(last) ? `${last}${first}` : `${first} ${last}`;
}

export interface CreatedServiceRequest extends SubmissionResult {
  notice: string;
}

/**
 * An Open311 POST requests.json: a case of the named station (jurisdiction_id or
 * attribute[station_code]) through the portal's own path, channel `online`. media_url is not fetched
 * (the server does not download what a client points it to); email has no place in a case and is
 * not kept — the answer goes by phone, or the client follows the request by its id.
 */
export async function createServiceRequest(
  deps: OpinionDeps,
  ctx: RequestContext,
  body: ServiceRequestInput,
  opts: { idempotencyKey: string | null; locale: Locale },
): Promise<CreatedServiceRequest> {
  const category = await categoryByCode(deps.db, body.service_code);
  if (!category?.active) {
    throw badRequest('SERVICE_NOT_FOUND', {
      zh: `service_code ${body.service_code} 不存在或已停用，请先查询 services.json`,
      en: `service_code ${body.service_code} does not exist or is inactive; see services.json`,
    });
  }
  const name = personName(body.first_name, body.last_name);
  const result = await submitPublicOpinion(deps, ctx, {
    stationCode: (body.jurisdiction_id ?? body.attribute.station_code) as string,
    channel: 'online',
    categoryId: category.id,
    content: body.description,
    placeText: body.address_string,
    latitude: body.lat,
    longitude: body.long,
    submitter: { name, phone: body.phone, address: null, nameHidden: true },
    consentShare: body.attribute.consent_share,
    consentPublish: body.attribute.consent_publish,
    idempotencyKey: opts.idempotencyKey,
    photos: [],
  });
  const zh = ['已收到，请凭 service_request_id 查询办理进度。'];
  const en = ['Received; follow it with the service_request_id.'];
  if (body.media_url) {
    zh.push('media_url 未被采用：照片请通过联络站页面上传。');
    en.push('media_url was not used: send photos through the station page.');
  }
  return { ...result, notice: (opts.locale === 'en' ? en : zh).join(' ') };
}
