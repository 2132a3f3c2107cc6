import { z } from 'zod';
import { tr } from '../../platform/i18n.js';
import { PHONE_RE } from '../../platform/ids.js';
import { Content } from '../opinions/opinions.schema.js';
import { StationCode } from '../stations/stations.schema.js';

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) request and response shapes.
 * Form-encoded bodies arrive flat (attribute[station_code]=…); JSON bodies may nest `attribute`.
 */

const text = (max: number, zh: string, en: string) =>
  z
    .string({ error: tr(`${zh}应为文本`, `${en} must be text`) })
    .trim()
    .max(max, tr(`${zh}不能超过 ${max} 个字符`, `${en} is limited to ${max} characters`))
    .optional()
    .transform((v) => (v ? v : null));

const number = (min: number, max: number, zh: string, en: string) =>
  z
    .union([z.number(), z.string().trim()], { error: tr(`${zh}应为数字`, `${en} must be a number`) })
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return null;
      const n = typeof v === 'number' ? v : /^-?\d{1,3}(\.\d{1,15})?$/.test(v) ? Number(v) : Number.NaN;
      if (!Number.isFinite(n) || n < min || n > max) {
        ctx.addIssue({
          code: 'custom',
          message: tr(`${zh}应为 ${min} 到 ${max} 之间的数字`, `${en} must be between ${min} and ${max}`),
        });
        return z.NEVER;
      }
      return n;
    });

const flag = (zh: string, en: string) =>
  z
    .union([z.boolean(), z.enum(['true', 'false', ''])], {
      error: tr(`${zh}应为 true 或 false`, `${en} must be true or false`),
    })
    .optional()
    .transform((v) => v === true || v === 'true');

/** attribute[x]=… keys of a form become one `attribute` object; JSON may already nest it. */
export function gatherAttributes(body: unknown): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const flat: Record<string, unknown> = {};
  const attribute: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    const m = /^attribute\[([A-Za-z0-9_]{1,40})\]$/.exec(key);
    if (m) attribute[m[1] as string] = value;
    else if (key === 'attribute' && value && typeof value === 'object' && !Array.isArray(value)) Object.assign(attribute, value);
    else flat[key] = value;
  }
  return { ...flat, attribute };
}

export const ServiceRequestBody = z.preprocess(
  gatherAttributes,
  z
    .object(
      {
        api_key: text(200, 'api_key', 'api_key'),
        jurisdiction_id: z.preprocess((v) => (v === '' ? undefined : v), StationCode.optional()),
        service_code: z
          .string({ error: tr('缺少 service_code（问题类别）', 'service_code is required') })
          .trim()
          .min(1, tr('缺少 service_code（问题类别）', 'service_code is required'))
          .max(32, tr('service_code 不正确', 'Not a valid service_code')),
        lat: number(-90, 90, 'lat', 'lat'),
        long: number(-180, 180, 'long', 'long'),
        address_string: text(200, 'address_string', 'address_string'),
        address_id: text(200, 'address_id', 'address_id'),
        email: z
          .preprocess(
            (v) => (v === '' ? undefined : v),
            z.email(tr('email 格式不正确', 'Not a valid email address')).max(200).optional(),
          )
          .transform((v) => v ?? null),
        device_id: text(200, 'device_id', 'device_id'),
        account_id: text(200, 'account_id', 'account_id'),
        first_name: text(50, 'first_name', 'first_name'),
        last_name: text(50, 'last_name', 'last_name'),
        phone: z
          .string({ error: tr('phone 应为文本', 'phone must be text') })
          .max(30, tr('电话号码格式不正确', 'Not a valid phone number'))
          .optional()
          .transform((v) => (v ? v.replace(/[\s()]/g, '') : null))
          .refine(
            (v) => v === null || PHONE_RE.test(v),
            tr(
              '电话号码格式不正确，如 13812345678 或 0451-12345678',
              'Not a valid phone number, e.g. 13812345678 or 0451-12345678',
            ),
          ),
        description: Content,
        media_url: text(2000, 'media_url', 'media_url'),
        attribute: z.object({
          station_code: z.preprocess((v) => (v === '' ? undefined : v), StationCode.optional()),
          consent_share: flag('consent_share', 'consent_share'),
          consent_publish: flag('consent_publish', 'consent_publish'),
        }),
      },
      { error: tr('请求内容应为表单或 JSON 对象', 'The body must be a form or a JSON object') },
    )
    .refine((b) => (b.lat === null) === (b.long === null), {
      message: tr('lat 和 long 须同时提供', 'Give both lat and long, or neither'),
      path: ['lat'],
    })
    .refine((b) => b.lat !== null || b.address_string !== null, {
      message: tr('请提供位置：lat/long 或 address_string', 'Give the location: lat and long, or address_string'),
      path: ['address_string'],
    })
    .refine((b) => b.jurisdiction_id || b.attribute.station_code, {
      message: tr(
        '请用 jurisdiction_id 或 attribute[station_code] 指明联络站编码，如 230102-001',
        'Name the station with jurisdiction_id or attribute[station_code], e.g. 230102-001',
      ),
      path: ['jurisdiction_id'],
    })
    .refine((b) => !b.jurisdiction_id || !b.attribute.station_code || b.jurisdiction_id === b.attribute.station_code, {
      message: tr('jurisdiction_id 与 attribute[station_code] 不一致', 'jurisdiction_id and attribute[station_code] disagree'),
      path: ['jurisdiction_id'],
    }),
);
export type ServiceRequestInput = z.infer<typeof ServiceRequestBody>;

const OPEN311_STATUSES = ['open', 'closed'] as const;
export type Open311Status = (typeof OPEN311_STATUSES)[number];

const csv = <T extends z.ZodType>(item: T, max: number, zh: string, en: string) =>
  z
    .string()
    .max(max * 40)
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const items = v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      if (items.length > max) {
        ctx.addIssue({ code: 'custom', message: tr(`${zh}最多 ${max} 个`, `At most ${max} ${en}`) });
        return z.NEVER;
      }
      const parsed: z.output<T>[] = [];
      for (const s of items) {
        const r = item.safeParse(s);
        if (!r.success) {
          ctx.addIssue({ code: 'custom', message: tr(`${zh}不正确：${s}`, `Not a valid ${en}: ${s}`) });
          return z.NEVER;
        }
        parsed.push(r.data);
      }
      return parsed;
    });

const w3cDate = (zh: string, en: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const ok = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(v);
      // A date or time without an offset is China time.
      const d = ok ? new Date(/T.*(Z|[+-]\d{2}:?\d{2})$/.test(v) ? v : `${v.length === 10 ? `${v}T00:00:00` : v}+08:00`) : null;
      if (!d || Number.isNaN(d.getTime())) {
        ctx.addIssue({
          code: 'custom',
          message: tr(
            `${zh}应为 W3C 日期时间，如 2026-05-01T08:00:00+08:00`,
            `${en} must be a W3C date-time, e.g. 2026-05-01T08:00:00+08:00`,
          ),
        });
        return z.NEVER;
      }
      return d;
    });

export const RequestsQuery = z.object({
  jurisdiction_id: z.preprocess((v) => (v === '' ? undefined : v), StationCode.optional()),
  api_key: z.string().max(200).optional(),
  service_request_id: csv(z.string().trim().toUpperCase().max(16), 50, 'service_request_id', 'service_request_ids'),
  service_code: csv(z.string().trim().min(1).max(32), 20, 'service_code', 'service_codes'),
  status: csv(z.enum(OPEN311_STATUSES), 2, 'status（open 或 closed）', 'statuses (open or closed)'),
  start_date: w3cDate('start_date', 'start_date'),
  end_date: w3cDate('end_date', 'end_date'),
});

export const JurisdictionQuery = z.object({
  jurisdiction_id: z.string().max(64).optional(),
  api_key: z.string().max(200).optional(),
});

export const ServiceCodeParams = z.object({ code: z.string().max(64) });
export const RequestIdParams = z.object({ id: z.string().max(64) });
export const TokenParams = z.object({ token: z.string().max(64) });

// --- responses -----------------------------------------------------------------------------------

export const Open311Errors = z.array(z.object({ code: z.number().int(), description: z.string() }));

export const Discovery = z.object({
  changeset: z.string(),
  contact: z.string(),
  key_service: z.string(),
  endpoints: z.array(
    z.object({
      specification: z.string(),
      url: z.string(),
      changeset: z.string(),
      type: z.string(),
      formats: z.array(z.string()),
    }),
  ),
});

export const ServiceList = z.array(
  z.object({
    service_code: z.string(),
    service_name: z.string(),
    description: z.string(),
    metadata: z.boolean(),
    type: z.enum(['realtime', 'batch', 'blackbox']),
    keywords: z.string(),
    group: z.string(),
  }),
);

export const ServiceDefinition = z.object({
  service_code: z.string(),
  attributes: z.array(
    z.object({
      variable: z.boolean(),
      code: z.string(),
      datatype: z.enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
      required: z.boolean(),
      datatype_description: z.string(),
      order: z.number().int(),
      description: z.string(),
      values: z.array(z.object({ key: z.string(), name: z.string() })).optional(),
    }),
  ),
});

export const CreatedRequests = z.array(
  z.object({
    service_request_id: z.string(),
    token: z.string(),
    service_notice: z.string(),
    account_id: z.string().nullable(),
  }),
);

export const ServiceRequests = z.array(
  z.object({
    service_request_id: z.string(),
    status: z.enum(OPEN311_STATUSES),
    status_notes: z.string().nullable(),
    service_name: z.string().nullable(),
    service_code: z.string().nullable(),
    description: z.string().nullable(),
    agency_responsible: z.string().nullable(),
    service_notice: z.string().nullable(),
    requested_datetime: z.string(),
    updated_datetime: z.string(),
    expected_datetime: z.string().nullable(),
    address: z.string().nullable(),
    address_id: z.string().nullable(),
    zipcode: z.string().nullable(),
    lat: z.number().nullable(),
    long: z.number().nullable(),
    media_url: z.string().nullable(),
  }),
);
export type ServiceRequestItem = z.infer<typeof ServiceRequests>[number];

export const TokenAnswer = z.array(z.object({ service_request_id: z.string(), token: z.string() }));
