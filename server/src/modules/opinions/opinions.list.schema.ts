import { z } from 'zod';
import { RegionCode } from '../../platform/http.js';
import { tr } from '../../platform/i18n.js';
import { Channel, Evaluation, Uuid } from './opinions.schema.js';
import { OPINION_CHANNELS } from './opinions.tables.js';
import { OPINION_STATES } from './opinions.workflow.js';

/** The queues of the workbench, per role (contracts.md §A); a queue is also a filter of the list. */
export const QUEUES = {
  deputy: ['mine', 'due_soon', 'overdue'],
  station_staff: ['station_queue', 'due_soon', 'overdue'],
  office_staff: ['triage', 'all', 'overdue', 'supervised', 'returned', 'extensions'],
  unit_staff: ['received', 'due', 'replied', 'returned'],
  leader: ['supervised', 'overdue'],
} as const;
export type QueueRole = keyof typeof QUEUES;
export type QueueKey = (typeof QUEUES)[QueueRole][number];
const ALL_QUEUES = [...new Set(Object.values(QUEUES).flat())] as [QueueKey, ...QueueKey[]];

/** Relevance is the order of a search when no other order is asked for. */
export const OPINION_SORTS = ['receivedAt', '-receivedAt', 'dueAt', '-dueAt', 'relevance'] as const;
export type OpinionSort = (typeof OPINION_SORTS)[number];

/** Query strings send '' for a cleared filter: that means no filter. */
const blank = (v: unknown) => (v === '' || v === null ? undefined : v);

/** "submitted,accepted" → ['submitted', 'accepted']; a repeated parameter arrives as an array. */
const csvOf = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.preprocess((v) => {
    const parts = (Array.isArray(v) ? v : [v])
      .filter((p): p is string => typeof p === 'string')
      .flatMap((p) => p.split(','))
      .map((p) => p.trim())
      .filter((p) => p !== '');
    return parts.length ? [...new Set(parts)] : undefined;
  }, z.array(z.enum(values, message)).max(values.length).optional());

const uuidParam = (zh: string, en: string) => z.preprocess(blank, Uuid(zh, en).optional());

const booleanParam = (zh: string, en: string) =>
  z.preprocess(
    blank,
    z
      .enum(['true', 'false'], tr(`${zh}只能为 true 或 false`, `${en} must be true or false`))
      .transform((v) => v === 'true')
      .optional(),
  );

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const realDate = (d: string) => {
  const t = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(d);
};
const dateParam = (zh: string, en: string) =>
  z.preprocess(
    blank,
    z
      .string()
      .regex(DATE_RE, tr(`${zh}格式应为 YYYY-MM-DD`, `${en} must be a date as YYYY-MM-DD`))
      .refine(realDate, tr(`${zh}不是有效的日期`, `${en} is not a real date`))
      .refine((d) => d >= '2000-01-01' && d <= '2100-12-31', tr(`${zh}超出范围`, `${en} is out of range`))
      .optional(),
  );

const FilterFields = z.object({
  q: z.preprocess(
    blank,
    z
      .string(tr('搜索词应为文本', 'The search text must be text'))
      .trim()
      .max(100, tr('搜索词不能超过 100 个字符', 'The search text is limited to 100 characters'))
      .transform((v) => (v === '' ? undefined : v))
      .optional(),
  ),
  state: csvOf(OPINION_STATES, tr('未知的意见状态', 'Unknown opinion state')),
  channel: csvOf(OPINION_CHANNELS, tr('未知的渠道', 'Unknown channel')),
  categoryId: uuidParam('类别编号', 'The category id'),
  regionCode: z.preprocess(blank, RegionCode.optional()),
  stationId: uuidParam('联络站编号', 'The station id'),
  deputyId: uuidParam('代表编号', 'The deputy id'),
  unitId: uuidParam('承办单位编号', 'The unit id'),
  from: dateParam('开始日期', 'The start date'),
  to: dateParam('结束日期', 'The end date'),
  overdue: booleanParam('是否超期', 'overdue'),
  supervised: booleanParam('是否督办', 'supervised'),
  queue: z.preprocess(blank, z.enum(ALL_QUEUES, tr('未知的工作队列', 'Unknown queue')).optional()),
  sort: z.preprocess(blank, z.enum(OPINION_SORTS, tr('排序方式不正确', 'Unknown sort order')).optional()),
});

const datesInOrder = {
  check: (f: { from?: string; to?: string }) => !f.from || !f.to || f.from <= f.to,
  params: {
    message: tr('开始日期不能晚于结束日期', 'The start date must not be after the end date'),
    path: ['from'],
  },
};

export const OpinionFilterQuery = FilterFields.refine(datesInOrder.check, datesInOrder.params);
export type OpinionFilter = z.infer<typeof OpinionFilterQuery>;

export const OpinionListQuery = FilterFields.extend({
  page: z.preprocess(
    blank,
    z.coerce
      .number(tr('页码应为数字', 'The page must be a number'))
      .int(tr('页码应为整数', 'The page must be a whole number'))
      .min(1, tr('页码从 1 开始', 'Pages start at 1'))
      .max(10_000, tr('页码不能超过 10000', 'The page may not exceed 10000'))
      .default(1),
  ),
  pageSize: z.preprocess(
    blank,
    z.coerce
      .number(tr('每页条数应为数字', 'The page size must be a number'))
      .int(tr('每页条数应为整数', 'The page size must be a whole number'))
      .min(1, tr('每页条数应在 1 到 100 之间', 'The page size must be from 1 to 100'))
      .max(100, tr('每页条数应在 1 到 100 之间', 'The page size must be from 1 to 100'))
      .default(20),
  ),
}).refine(datesInOrder.check, datesInOrder.params);
export type OpinionListQuery = z.infer<typeof OpinionListQuery>;

// --- responses -----------------------------------------------------------------------------------

const Iso = z.string().nullable();

export const OpinionListItem = z.object({
  id: z.string(),
  trackingCode: z.string(),
  title: z.string(),
  summary: z.string(),
  state: z.enum(OPINION_STATES),
  channel: Channel,
  categoryId: z.string().nullable(),
  categoryName: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  stationId: z.string().nullable(),
  stationName: z.string().nullable(),
  responsibleDeputyId: z.string().nullable(),
  responsibleDeputyName: z.string().nullable(),
  leadUnitId: z.string().nullable(),
  leadUnitName: z.string().nullable(),
  dueAt: Iso,
  overdue: z.boolean(),
  supervised: z.boolean(),
  urgeCount: z.number().int(),
  evaluation: Evaluation.nullable(),
  receivedAt: z.string(),
  submitterNameMasked: z.string().nullable(),
});

export const OpinionList = z.object({
  items: z.array(OpinionListItem),
  total: z.number().int(),
  /** False when a search matched more cases than are counted one by one: total is then a lower bound. */
  totalExact: z.boolean(),
});

export const Workbench = z.object({
  role: z.enum(Object.keys(QUEUES) as [QueueRole, ...QueueRole[]]),
  queues: z.array(z.object({ key: z.enum(ALL_QUEUES), count: z.number().int() })),
});

export const SimilarList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      trackingCode: z.string(),
      title: z.string(),
      state: z.enum(OPINION_STATES),
      score: z.number(),
      leadUnitId: z.string().nullable(),
      leadUnitName: z.string().nullable(),
      receivedAt: z.string(),
    }),
  ),
});
