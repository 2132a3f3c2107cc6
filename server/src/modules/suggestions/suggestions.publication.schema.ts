import { z } from 'zod';
import { listOf, PageQuery, RegionCode } from '../../platform/http.js';
import { tr } from '../../platform/i18n.js';
import { Uuid } from './congresses.schema.js';
import { REPLY_CLASSES } from './congresses.tables.js';
import { KeyItemView, Year } from './suggestions.supervision.schema.js';
import { PUBLICATION_STATUSES } from './suggestions.supervision.tables.js';

/** Requests and answers of reply publication: the office's side and the public's. */

const chars = (s: string) => [...s].length;
const text = (zh: string, en: string, max: number) =>
  z
    .string({ error: tr(`请填写${zh}`, `Give the ${en}`) })
    .trim()
    .refine((s) => s.length > 0, tr(`请填写${zh}`, `Give the ${en}`))
    .refine((s) => chars(s) <= max, tr(`${zh}不能超过 ${max} 个字`, `The ${en} is limited to ${max} characters`));

/** Names to mask: people named in the reply (the deputy's on request, residents, staff). */
const NameList = z
  .array(
    z
      .string()
      .trim()
      .min(2, tr('要隐去的姓名至少 2 个字', 'A name to mask has at least 2 characters'))
      .max(50, tr('要隐去的姓名不能超过 50 个字', 'A name to mask is limited to 50 characters')),
    { error: tr('要隐去的姓名应为列表', 'The names to mask must be a list') },
  )
  .max(50, tr('一次最多隐去 50 个姓名', 'At most 50 names'));
// No default inside an edit: Zod 4 would fill it in for a field left out, and wipe the list.
export const Names = NameList.default([]);

export const RedactBody = z.object({ text: text('文本', 'text', 20000), names: Names });
export const RedactView = z.object({
  text: z.string(),
  found: z.record(z.string(), z.number().int()),
});

export const DraftPublicationBody = z.object({ replyId: Uuid('答复编号', 'The reply id'), names: Names });

export const EditPublicationBody = z.object({
  version: z
    .number({ error: tr('请提供版本号', 'Give the version you edited') })
    .int()
    .min(1),
  title: text('公开标题', 'public title', 200).optional(),
  text: text('公开文本', 'public text', 20000).optional(),
  names: NameList.optional(),
});

export const PublishBody = z.object({
  version: z.number().int().min(1).optional(),
});
export const UnpublishBody = z.object({
  reason: text('撤回理由', 'reason', 500),
});

export const PublicationView = z.object({
  id: z.string(),
  replyId: z.string(),
  suggestionId: z.string(),
  regionCode: z.string(),
  year: z.number().int(),
  status: z.enum(PUBLICATION_STATUSES),
  title: z.string(),
  text: z.string(),
  names: z.array(z.string()),
  unitName: z.string(),
  replyClass: z.enum(REPLY_CLASSES).nullable(),
  publishedAt: z.string().nullable(),
  unpublishedAt: z.string().nullable(),
  unpublishReason: z.string().nullable(),
  /** The reply as the unit sent it, for the office to compare; never shown to the public. */
  original: z.object({ title: z.string(), text: z.string() }).optional(),
  version: z.number().int(),
});
export const PublicationList = listOf(PublicationView.omit({ original: true }));
/** `q` searches the published wording: the title and the text the office edited. */
export const PublicationQuery = PageQuery.extend({
  year: Year.optional(),
  status: z.enum(PUBLICATION_STATUSES, { error: tr('状态应为 draft、published 或 unpublished', 'Unknown status') }).optional(),
});

export const PublicReplyQuery = z.object({
  year: Year.optional(),
  q: z.string().trim().max(50, tr('搜索词不能超过 50 个字符', 'The search text is limited to 50 characters')).optional(),
  page: z.coerce
    .number({ error: tr('页码应为正整数', 'The page must be a positive whole number') })
    .int(tr('页码应为正整数', 'The page must be a positive whole number'))
    .min(1, tr('页码应为正整数', 'The page must be a positive whole number'))
    .max(1000, tr('页码不能超过 1000', 'The page cannot exceed 1000'))
    .default(1),
  regionCode: RegionCode.optional(),
});

export const PublicReplyItem = z.object({
  id: z.string(),
  year: z.number().int(),
  title: z.string(),
  congressName: z.string(),
  unitName: z.string(),
  replyClass: z.enum(REPLY_CLASSES).nullable(),
  repliedOn: z.string().nullable(),
  publishedAt: z.string(),
});
export const PublicReplyList = z.object({ items: z.array(PublicReplyItem), total: z.number().int(), page: z.number().int() });
export const PublicReplyView = PublicReplyItem.extend({ text: z.string() });

export const ReportQuery = z.object({ year: Year });
const Counts = z.object({
  assigned: z.number().int(),
  replied: z.number().int(),
  repliedOnTime: z.number().int(),
  classes: z.object({ A: z.number().int(), B: z.number().int(), C: z.number().int(), D: z.number().int() }),
  faceToFace: z.number().int(),
  rated: z.number().int(),
  satisfied: z.number().int(),
  basicallySatisfied: z.number().int(),
  unsatisfied: z.number().int(),
});
export const HandlingReportView = z.object({
  congressName: z.string(),
  year: z.number().int(),
  counts: Counts.extend({ submitted: z.number().int(), accepted: z.number().int() }),
  /** The figures as the report writes them (label, value), shares included. */
  figures: z.array(z.tuple([z.string(), z.string()])),
  units: z.array(Counts.extend({ unitId: z.string(), unitName: z.string() })),
  keyItems: z.array(KeyItemView),
});
