import { z } from 'zod';
import { RegionCode } from '../../platform/http.js';
import { tr } from '../../platform/i18n.js';
import { STAGES } from './statistics.metrics.js';

export const DIMENSIONS = ['region', 'station', 'deputy', 'unit', 'category', 'channel', 'month'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** The longest period one request may sum: ten years of months. */
export const MAX_MONTHS = 120;

/** Query strings send '' for a cleared filter: that means no filter. */
const blank = (v: unknown) => (v === '' || v === null ? undefined : v);

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const monthParam = (zh: string, en: string) =>
  z.preprocess(
    blank,
    z
      .string(tr(`${zh}应为文本`, `${en} must be text`))
      .regex(
        MONTH_RE,
        tr(`${zh}格式应为 YYYY-MM（统计按月汇总）`, `${en} must be a month as YYYY-MM (statistics are kept by month)`),
      )
      .refine((m) => m >= '2000-01' && m <= '2100-12', tr(`${zh}超出范围`, `${en} is out of range`))
      .optional(),
  );

const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;

const PeriodFields = z.object({
  from: monthParam('开始月份', 'The first month'),
  to: monthParam('结束月份', 'The last month'),
  regionCode: z.preprocess(blank, RegionCode.optional()),
});

const periodChecks = <T extends z.ZodType<{ from?: string; to?: string }>>(schema: T) =>
  schema
    .refine((q) => !q.from || !q.to || q.from <= q.to, {
      message: tr('开始月份不能晚于结束月份', 'The first month must not be after the last month'),
      path: ['from'],
    })
    .refine((q) => !q.from || !q.to || monthIndex(q.to) - monthIndex(q.from) < MAX_MONTHS, {
      message: tr(`统计期间不能超过 ${MAX_MONTHS} 个月`, `The period may not exceed ${MAX_MONTHS} months`),
      path: ['to'],
    });

export const OverviewQuery = periodChecks(PeriodFields);
export type OverviewQuery = z.infer<typeof OverviewQuery>;

export const BreakdownQuery = periodChecks(
  PeriodFields.extend({
    dimension: z.enum(
      DIMENSIONS,
      tr(
        '统计维度应为 region、station、deputy、unit、category、channel 或 month',
        'The dimension must be one of region, station, deputy, unit, category, channel, month',
      ),
    ),
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
  }),
);
export type BreakdownQuery = z.infer<typeof BreakdownQuery>;

export const ExportQuery = OverviewQuery;
export type ExportQuery = OverviewQuery;

// --- responses -----------------------------------------------------------------------------------

const Rate = z.number().nullable();
const StageFigure = z.object({ cases: z.number().int(), averageDays: z.number().nullable() });

export const FiguresView = z.object({
  received: z.number().int(),
  accepted: z.number().int(),
  pending: z.number().int(),
  rejected: z.number().int(),
  inProgress: z.number().int(),
  converted: z.number().int(),
  closed: z.number().int(),
  overdue: z.number().int(),
  supervised: z.number().int(),
  replied: z.number().int(),
  resolved: z.number().int(),
  repliedOnTime: z.number().int(),
  fedBack: z.number().int(),
  evaluated: z.number().int(),
  satisfied: z.number().int(),
  basicallySatisfied: z.number().int(),
  unsatisfied: z.number().int(),
  satisfactionRate: Rate,
  onTimeRate: Rate,
  resolvedRate: Rate,
  stages: z.object(
    Object.fromEntries(STAGES.map((s) => [s, StageFigure])) as Record<(typeof STAGES)[number], typeof StageFigure>,
  ),
});

const Place = z.object({ code: z.string(), name: z.string() });

export const ScopeView = z.object({
  /** The region the figures cover ('' = every region the account sees). */
  regionCode: z.string(),
  regionName: z.string().nullable(),
  /** From the account's own region down to regionCode: the drill-down's breadcrumb. */
  path: z.array(Place),
  /** A unit account sees the cases of its unit only. */
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
});

export const PeriodView = z.object({ from: z.string(), to: z.string() });

export const OverviewView = z.object({ period: PeriodView, scope: ScopeView, figures: FiguresView });

export const BreakdownItem = z.object({
  /** Region code, station/deputy/unit/category id, channel, or YYYY-MM; null for "none" (no station, no category…). */
  key: z.string().nullable(),
  name: z.string().nullable(),
  nameEn: z.string().nullable(),
  /** A region row that can be opened one level down. */
  drillable: z.boolean(),
  figures: FiguresView,
});

export const BreakdownView = z.object({
  dimension: z.enum(DIMENSIONS),
  period: PeriodView,
  scope: ScopeView,
  items: z.array(BreakdownItem),
  total: z.number().int(),
});
