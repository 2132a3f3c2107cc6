import { z } from 'zod';
import { optionalText, requiredText } from '../../platform/http.js';
import { tr } from '../../platform/i18n.js';
import { ReplyResult } from './opinions.schema.js';
import { OPINION_STATES } from './opinions.workflow.js';

/** Publication of a closed case (公开): the office's redacted wording, and the public list of it. */

const Found = z.record(z.string(), z.number().int());

export const PublicationView = z.object({
  opinionId: z.uuid(),
  state: z.enum(OPINION_STATES),
  consentPublish: z.boolean(),
  published: z.boolean(),
  publishedAt: z.string().nullable(),
  /** Why it cannot be published now (not closed, no consent); null when it can. */
  refusal: z.object({ zh: z.string(), en: z.string() }).nullable(),
  /** The published wording, or — before the first publication — the automatically redacted texts. */
  draft: z.object({ title: z.string(), text: z.string(), reply: z.string().nullable() }),
  /** What the automatic redaction masked in the draft, by kind (phone, id_number, name…). */
  found: Found,
});

export const PublishBody = z.object({
  title: requiredText(100),
  text: requiredText(3000),
  reply: optionalText(5000),
});

export const UnpublishBody = z.object({ reason: requiredText(200) });

export const PublishedQuery = z.object({
  stationCode: z
    .string()
    .trim()
    .max(32, tr('联络站编码格式不正确', 'Not a valid station code'))
    .optional()
    .transform((v) => v || undefined),
  page: z.coerce
    .number({ error: tr('页码应为正整数', 'The page must be a positive whole number') })
    .int(tr('页码应为正整数', 'The page must be a positive whole number'))
    .min(1, tr('页码应为正整数', 'The page must be a positive whole number'))
    .max(1000, tr('页码不能超过 1000', 'The page is at most 1000'))
    .default(1),
  pageSize: z.coerce
    .number({ error: tr('每页条数应为 1 到 50', 'The page size must be 1 to 50') })
    .int(tr('每页条数应为 1 到 50', 'The page size must be 1 to 50'))
    .min(1, tr('每页条数应为 1 到 50', 'The page size must be 1 to 50'))
    .max(50, tr('每页条数应为 1 到 50', 'The page size must be 1 to 50'))
    .default(10),
});

/** What the public sees of a published case: the office's wording only — no name, phone, address or original text. */
export const PublishedCase = z.object({
  id: z.uuid(),
  title: z.string(),
  text: z.string(),
  reply: z.string().nullable(),
  replyResult: ReplyResult.nullable(),
  category: z.string().nullable(),
  stationCode: z.string().nullable(),
  stationName: z.string().nullable(),
  receivedOn: z.string(),
  closedOn: z.string().nullable(),
  publishedAt: z.string(),
});

export const PublishedList = z.object({ items: z.array(PublishedCase), total: z.number().int(), page: z.number().int() });
