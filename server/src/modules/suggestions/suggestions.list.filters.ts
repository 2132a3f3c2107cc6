import { and, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { RegionCode } from '../../platform/http.js';
import { tr } from '../../platform/i18n.js';
import {
  classFact,
  cohortParts,
  onTimeFact,
  REACHED,
  ratingFact,
  reachedFact,
  unitParam,
} from '../suggestionStatistics/suggestionStatistics.metrics.js';
import { REPLY_CLASSES } from './congresses.tables.js';

/**
 * The filters the statistics link to (issue 4 item 9): a figure of /api/statistics/suggestions opens
 * the list of GET /api/suggestions with the same filter, and both take their SQL from
 * suggestionStatistics.metrics.ts, so the count and the list's total agree. With `unitId`, the list
 * holds the suggestions assigned to that unit and the stage, class, rating and timeliness are those
 * of the unit's own part.
 */

const blank = (v: unknown) => (v === '' || v === null ? undefined : v);
const RATINGS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;

export const ListStatisticsFilters = {
  reached: z.preprocess(
    blank,
    z
      .enum(REACHED, {
        error: tr(
          'reached 应为 submitted、accepted、assigned、replied、face_to_face、evaluated 或 rehandled',
          'reached must be one of submitted, accepted, assigned, replied, face_to_face, evaluated, rehandled',
        ),
      })
      .optional(),
  ),
  unitId: z.preprocess(blank, z.uuid(tr('承办单位编号格式不正确', 'The unit id is not a valid UUID')).optional()),
  replyClass: z.preprocess(
    blank,
    z.enum(REPLY_CLASSES, { error: tr('答复类别应为 A、B、C 或 D', 'The reply class must be A, B, C or D') }).optional(),
  ),
  rating: z.preprocess(
    blank,
    z
      .enum(RATINGS, {
        error: tr(
          '测评结果应为 satisfied、basically_satisfied 或 unsatisfied',
          'The rating must be satisfied, basically_satisfied or unsatisfied',
        ),
      })
      .optional(),
  ),
  /** true: replied, every reply on time; false: replied, some reply late. */
  onTime: z.preprocess(
    blank,
    z
      .enum(['true', 'false'], { error: tr('onTime 应为 true 或 false', 'onTime must be true or false') })
      .transform((v) => v === 'true')
      .optional(),
  ),
  /** The year of first submission, China time. */
  year: z.preprocess(
    blank,
    z.coerce
      .number(tr('年份应为数字', 'The year must be a number'))
      .int(tr('年份应为整数', 'The year must be a whole number'))
      .min(2000, tr('年份应在 2000 到 2100 之间', 'The year must be from 2000 to 2100'))
      .max(2100, tr('年份应在 2000 到 2100 之间', 'The year must be from 2000 to 2100'))
      .optional(),
  ),
  categoryId: z.preprocess(blank, z.uuid(tr('类别编号格式不正确', 'The category id is not a valid UUID')).optional()),
  /** The lead deputy's delegation, exactly. */
  delegation: z.preprocess(
    blank,
    z
      .string(tr('代表团应为文本', 'The delegation must be text'))
      .trim()
      .max(100, tr('代表团不能超过 100 个字符', 'The delegation is limited to 100 characters'))
      .optional(),
  ),
  /** A region below the account's own (its subtree). */
  regionCode: z.preprocess(blank, RegionCode.optional()),
};

export interface ListStatisticsFilter {
  reached?: (typeof REACHED)[number];
  unitId?: string;
  replyClass?: (typeof REPLY_CLASSES)[number];
  rating?: (typeof RATINGS)[number];
  onTime?: boolean;
  year?: number;
  categoryId?: string;
  delegation?: string;
  regionCode?: string;
}

export function statisticsListFilter(f: ListStatisticsFilter): SQL | undefined {
  const unit = f.unitId ? unitParam(f.unitId) : null;
  return and(
    ...cohortParts({
      regionCode: f.regionCode,
      year: f.year,
      categoryId: f.categoryId,
      delegation: f.delegation,
      unitId: f.unitId,
    }),
    f.reached ? reachedFact(f.reached, unit) : undefined,
    f.replyClass ? sql`${classFact(unit)} = ${f.replyClass}` : undefined,
    f.rating ? sql`${ratingFact(unit)} = ${f.rating}` : undefined,
    f.onTime === undefined
      ? undefined
      : f.onTime
        ? onTimeFact(unit)
        : sql`(${reachedFact('replied', unit)} AND NOT ${onTimeFact(unit)})`,
  );
}
