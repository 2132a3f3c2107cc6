import { z } from 'zod';
import { RegionCode } from '../../platform/http.js';
import { tr } from '../../platform/i18n.js';
import { COUNTS, type CountName } from './suggestionStatistics.metrics.js';

export const DIMENSIONS = ['unit', 'session', 'year', 'category', 'delegation'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Query strings send '' for a cleared filter: that means no filter. */
const blank = (v: unknown) => (v === '' || v === null ? undefined : v);
const uuid = (zh: string, en: string) =>
  z.preprocess(blank, z.uuid(tr(`${zh}格式不正确`, `${en} is not a valid UUID`)).optional());

export const StatsQuery = z.object({
  regionCode: z.preprocess(blank, RegionCode.optional()),
  congressId: uuid('人大编号', 'The congress id'),
  sessionId: uuid('会议编号', 'The session id'),
  phase: z.preprocess(
    blank,
    z.enum(['session', 'recess'], { error: tr('phase 应为 session 或 recess', 'phase must be session or recess') }).optional(),
  ),
  year: z.preprocess(
    blank,
    z.coerce
      .number(tr('年份应为数字', 'The year must be a number'))
      .int(tr('年份应为整数', 'The year must be a whole number'))
      .min(2000, tr('年份应在 2000 到 2100 之间', 'The year must be from 2000 to 2100'))
      .max(2100, tr('年份应在 2000 到 2100 之间', 'The year must be from 2000 to 2100'))
      .optional(),
  ),
  categoryId: uuid('类别编号', 'The category id'),
  delegation: z.preprocess(
    blank,
    z
      .string(tr('代表团应为文本', 'The delegation must be text'))
      .trim()
      .max(100, tr('代表团不能超过 100 个字符', 'The delegation is limited to 100 characters'))
      .optional(),
  ),
  unitId: uuid('承办单位编号', 'The unit id'),
});
export type StatsQuery = z.infer<typeof StatsQuery>;

export const BreakdownQuery = StatsQuery.extend({
  dimension: z.enum(DIMENSIONS, {
    error: tr(
      '统计维度应为 unit、session、year、category 或 delegation',
      'The dimension must be one of unit, session, year, category, delegation',
    ),
  }),
});
export type BreakdownQuery = z.infer<typeof BreakdownQuery>;

// --- responses -----------------------------------------------------------------------------------

const Rate = z.number().nullable();
const Count = z.number().int();

export const FiguresView = z.object({
  ...(Object.fromEntries(COUNTS.map((c) => [c, Count])) as Record<CountName, typeof Count>),
  onTimeRate: Rate,
  solvedRate: Rate,
  classShares: z.object({ A: Rate, B: Rate, C: Rate, D: Rate }),
  faceToFaceRate: Rate,
  satisfactionRate: Rate,
});

/** For each count, the query string of GET /api/suggestions that lists what it counts. */
export const LinksView = z.object(Object.fromEntries(COUNTS.map((c) => [c, z.string()])) as Record<CountName, z.ZodString>);

export const FilterView = z.object({
  regionCode: z.string().optional(),
  congressId: z.string().optional(),
  sessionId: z.string().optional(),
  phase: z.enum(['session', 'recess']).optional(),
  year: z.number().int().optional(),
  categoryId: z.string().optional(),
  delegation: z.string().optional(),
  unitId: z.string().optional(),
});

export const OverviewView = z.object({ filter: FilterView, figures: FiguresView, links: LinksView });

export const BreakdownItem = z.object({
  /** Unit, session or category id, year, or delegation; null for "none" (recess, no category, no delegation). */
  key: z.string().nullable(),
  name: z.string().nullable(),
  nameEn: z.string().nullable(),
  figures: FiguresView,
  /** Null where the list has no filter for the row (no category, no delegation). */
  links: LinksView.nullable(),
});

export const BreakdownView = z.object({
  dimension: z.enum(DIMENSIONS),
  filter: FilterView,
  items: z.array(BreakdownItem),
  total: z.number().int(),
});
