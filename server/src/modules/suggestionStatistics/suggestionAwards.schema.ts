import { z } from 'zod';
import { tr } from '../../platform/i18n.js';
import { SuggestionCriteria, UnitCriteria } from './suggestionAwards.scoring.js';
import { FiguresView } from './suggestionStatistics.schema.js';

const Uuid = (zh: string, en: string) => z.uuid(tr(`${zh}格式不正确`, `${en} is not a valid UUID`));

export const AwardParams = z.object({
  congressId: Uuid('人大编号', 'The congress id'),
  year: z.coerce
    .number(tr('年份应为数字', 'The year must be a number'))
    .int(tr('年份应为整数', 'The year must be a whole number'))
    .min(2000, tr('年份应在 2000 到 2100 之间', 'The year must be from 2000 to 2100'))
    .max(2100, tr('年份应在 2000 到 2100 之间', 'The year must be from 2000 to 2100')),
});
export type AwardParams = z.infer<typeof AwardParams>;

export const ScoreParams = AwardParams.extend({ suggestionId: Uuid('建议编号', 'The suggestion id') });

const Version = z
  .number(tr('版本号应为数字', 'The version must be a number'))
  .int(tr('版本号应为整数', 'The version must be a whole number'))
  .min(0, tr('版本号不能为负数', 'The version may not be negative'));

/** version: the sheet's version as read (0 when none was saved yet), so two editors do not overwrite each other. */
export const UnitSheetBody = z.object({ criteria: UnitCriteria, version: Version });
export const SuggestionSheetBody = z.object({ criteria: SuggestionCriteria, version: Version });

export const ScoresBody = z.object({
  /** Criterion key → the score, from 0 to the criterion's top score. */
  scores: z
    .record(
      z.string().max(32, tr('评分项代码不能超过 32 个字符', 'A criterion key is limited to 32 characters')),
      z
        .number(tr('分数应为数字', 'A score must be a number'))
        .finite(tr('分数应为有限数字', 'A score must be a finite number'))
        .min(0, tr('分数不能为负数', 'A score may not be negative'))
        .max(1000, tr('分数不能超过 1000', 'A score may not exceed 1000')),
      { error: tr('scores 应为评分项到分数的对象', 'scores must map criterion keys to numbers') },
    )
    .refine((s) => Object.keys(s).length > 0, tr('请至少填写一项分数', 'Give at least one score'))
    .refine((s) => Object.keys(s).length <= 20, tr('分数不能超过 20 项', 'At most 20 scores')),
});
export type ScoresBody = z.infer<typeof ScoresBody>;

// --- responses -----------------------------------------------------------------------------------

export const CriterionView = z.object({
  key: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  weight: z.number(),
  /** Suggestions' criteria: the top score a reviewer may give. */
  maxScore: z.number().nullable(),
});

export const SheetView = z.object({
  target: z.enum(['unit', 'suggestion']),
  congressId: z.string(),
  year: z.number().int(),
  criteria: z.array(CriterionView),
  /** 0: not saved yet, the defaults are shown. */
  version: z.number().int(),
  updatedAt: z.string().nullable(),
});

export const SheetsView = z.object({ unit: SheetView, suggestion: SheetView });

export const ScoresView = z.object({
  suggestionId: z.string(),
  reviewerId: z.string(),
  scores: z.record(z.string(), z.number()),
});

export const UnitRankingView = z.object({
  congressId: z.string(),
  year: z.number().int(),
  sheet: SheetView,
  items: z.array(
    z.object({
      rank: z.number().int(),
      unitId: z.string(),
      name: z.string(),
      score: z.number(),
      /** Each criterion's points (the penalty negative). */
      parts: z.record(z.string(), z.number()),
      figures: FiguresView,
    }),
  ),
});

export const SuggestionRankingView = z.object({
  congressId: z.string(),
  year: z.number().int(),
  sheet: SheetView,
  items: z.array(
    z.object({
      rank: z.number().int(),
      suggestionId: z.string(),
      number: z.number().int().nullable(),
      title: z.string(),
      leadName: z.string(),
      score: z.number(),
      /** Reviewers who scored it. */
      reviewers: z.number().int(),
      /** Each criterion's average score; null when nobody scored it. */
      parts: z.record(z.string(), z.number().nullable()),
      /** The scores the account asking gave it, to read back and correct; null when it gave none. */
      mine: z.record(z.string(), z.number()).nullable(),
    }),
  ),
});
