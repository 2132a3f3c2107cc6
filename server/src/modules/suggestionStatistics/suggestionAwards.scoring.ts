import { z } from 'zod';
import { tr } from '../../platform/i18n.js';
import type { Figures } from './suggestionStatistics.metrics.js';

/**
 * The year-end evaluation (年终评选): the scoring sheets' criteria, their validation, and the scores.
 * Pure: figures and entered scores in, scores out.
 *
 * Advanced handling units (先进承办单位) are scored from their figures of the congress's suggestions
 * of the year (suggestionStatistics.metrics.ts): each rate criterion adds weight × rate (a rate with
 * nothing to divide by adds nothing), and the re-handling penalty takes its weight in points off per
 * re-handled suggestion. Excellent suggestions (优秀建议) are scored by reviewers: each criterion adds
 * weight × (the reviewers' average / the criterion's top score), so weights summing to 100 give a
 * score out of 100.
 */

export const UNIT_CRITERIA = [
  'on_time_rate',
  'solved_rate',
  'face_to_face_rate',
  'satisfaction_rate',
  'reply_rate',
  'rehandled_penalty',
] as const;
export type UnitCriterion = (typeof UNIT_CRITERIA)[number];

export const UNIT_CRITERION_LABELS: Record<UnitCriterion, { zh: string; en: string }> = {
  on_time_rate: { zh: '按期答复率', en: 'On-time rate' },
  solved_rate: { zh: '解决率（A 类占比）', en: 'Solved rate (class A)' },
  face_to_face_rate: { zh: '见面沟通率', en: 'Face-to-face rate' },
  satisfaction_rate: { zh: '满意率', en: 'Satisfaction rate' },
  reply_rate: { zh: '答复率', en: 'Reply rate' },
  rehandled_penalty: { zh: '重新办理扣分（每件）', en: 'Penalty per re-handled suggestion' },
};

const weight = z
  .number(tr('权重应为数字', 'The weight must be a number'))
  .finite(tr('权重应为有限数字', 'The weight must be a finite number'))
  .min(0, tr('权重应在 0 到 100 之间', 'The weight must be from 0 to 100'))
  .max(100, tr('权重应在 0 到 100 之间', 'The weight must be from 0 to 100'));

const uniqueKeys = (list: { key: string }[]) => new Set(list.map((c) => c.key)).size === list.length;

export const UnitCriteria = z
  .array(
    z.strictObject(
      {
        key: z.enum(UNIT_CRITERIA, {
          error: tr(
            '评分项应为 on_time_rate、solved_rate、face_to_face_rate、satisfaction_rate、reply_rate 或 rehandled_penalty',
            'A criterion must be one of on_time_rate, solved_rate, face_to_face_rate, satisfaction_rate, reply_rate, rehandled_penalty',
          ),
        }),
        weight,
      },
      { error: tr('评分项只能有 key 和 weight', 'A criterion has only key and weight') },
    ),
    { error: tr('评分项应为列表', 'The criteria must be a list') },
  )
  .min(1, tr('至少需要一个评分项', 'At least one criterion is needed'))
  .max(UNIT_CRITERIA.length, tr('评分项过多', 'Too many criteria'))
  .refine(uniqueKeys, tr('评分项不能重复', 'A criterion may appear only once'))
  .refine(
    (list) => list.some((c) => c.key !== 'rehandled_penalty' && c.weight > 0),
    tr('至少一个计分项的权重应大于 0', 'At least one scoring criterion needs a weight above 0'),
  );
export type UnitCriteria = z.infer<typeof UnitCriteria>;

/** A suggestions' sheet as stored; what a reviewer may save is SuggestionCriteria below. */
export const StoredSuggestionCriteria = z
  .array(
    z.strictObject(
      {
        key: z
          .string(tr('评分项代码应为文本', 'The criterion key must be text'))
          .regex(
            /^[a-z][a-z0-9_]{0,31}$/,
            tr(
              '评分项代码应为小写字母开头的字母、数字或下划线，最多 32 个字符',
              'A criterion key is lower-case letters, digits or _, starting with a letter, at most 32 characters',
            ),
          ),
        name: z
          .string(tr('评分项名称应为文本', 'The criterion name must be text'))
          .trim()
          .min(1, tr('请填写评分项名称', 'Give the criterion a name'))
          .max(50, tr('评分项名称不能超过 50 个字符', 'The criterion name is limited to 50 characters')),
        /** The name the English console shows; without it, the Chinese name. */
        nameEn: z
          .string(tr('评分项英文名称应为文本', "The criterion's English name must be text"))
          .trim()
          .max(50, tr('评分项英文名称不能超过 50 个字符', "The criterion's English name is limited to 50 characters"))
          .nullish()
          .transform((v) => v || null),
        weight,
        maxScore: z
          .number(tr('满分应为数字', 'The top score must be a number'))
          .finite(tr('满分应为有限数字', 'The top score must be a finite number'))
          .min(1, tr('满分应在 1 到 1000 之间', 'The top score must be from 1 to 1000'))
          .max(1000, tr('满分应在 1 到 1000 之间', 'The top score must be from 1 to 1000'))
          .default(100),
      },
      {
        error: tr(
          '评分项只能有 key、name、nameEn、weight 和 maxScore',
          'A criterion has only key, name, nameEn, weight and maxScore',
        ),
      },
    ),
    { error: tr('评分项应为列表', 'The criteria must be a list') },
  )
  .min(1, tr('至少需要一个评分项', 'At least one criterion is needed'))
  .max(20, tr('评分项不能超过 20 个', 'At most 20 criteria'))
  .refine(uniqueKeys, tr('评分项代码不能重复', 'A criterion key may appear only once'));

/** The weights share out 100 points, so a suggestion's total reads as a score out of 100. */
export const SuggestionCriteria = StoredSuggestionCriteria.refine(
  (list) => Math.abs(list.reduce((sum, c) => sum + c.weight, 0) - 100) < 1e-6,
  tr('各评分项的权重合计应为 100', 'The weights of the criteria must add up to 100'),
);
export type SuggestionCriteria = z.infer<typeof SuggestionCriteria>;

export const DEFAULT_UNIT_CRITERIA: UnitCriteria = [
  { key: 'on_time_rate', weight: 30 },
  { key: 'solved_rate', weight: 30 },
  { key: 'face_to_face_rate', weight: 20 },
  { key: 'satisfaction_rate', weight: 20 },
  { key: 'rehandled_penalty', weight: 2 },
];

export const DEFAULT_SUGGESTION_CRITERIA: SuggestionCriteria = [
  { key: 'quality', name: '内容质量', nameEn: 'Quality of content', weight: 40, maxScore: 100 },
  { key: 'feasibility', name: '可行性', nameEn: 'Feasibility', weight: 30, maxScore: 100 },
  { key: 'outcome', name: '办理成效', nameEn: 'Outcome of handling', weight: 30, maxScore: 100 },
];

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The rate or count each unit criterion reads from the figures. */
export function unitCriterionValue(key: UnitCriterion, f: Figures): number | null {
  switch (key) {
    case 'on_time_rate':
      return f.onTimeRate;
    case 'solved_rate':
      return f.solvedRate;
    case 'face_to_face_rate':
      return f.faceToFaceRate;
    case 'satisfaction_rate':
      return f.satisfactionRate;
    case 'reply_rate':
      return f.assigned > 0 ? Math.round((f.replied / f.assigned) * 10_000) / 10_000 : null;
    case 'rehandled_penalty':
      return f.rehandled;
  }
}

export function unitScore(criteria: UnitCriteria, f: Figures): { score: number; parts: Record<string, number> } {
  const parts: Record<string, number> = {};
  for (const c of criteria) {
    const value = unitCriterionValue(c.key, f) ?? 0;
    parts[c.key] = round2(c.key === 'rehandled_penalty' ? -c.weight * value : c.weight * value);
  }
  return { score: round2(Object.values(parts).reduce((a, b) => a + b, 0)), parts };
}

/** scores: criterion → the reviewers' scores of one suggestion. */
export function suggestionScore(
  criteria: SuggestionCriteria,
  scores: Map<string, number[]>,
): { score: number; parts: Record<string, number | null> } {
  const parts: Record<string, number | null> = {};
  let total = 0;
  for (const c of criteria) {
    const given = scores.get(c.key) ?? [];
    if (given.length === 0) {
      parts[c.key] = null;
      continue;
    }
    const average = given.reduce((a, b) => a + b, 0) / given.length;
    parts[c.key] = round2(average);
    total += (c.weight * average) / c.maxScore;
  }
  return { score: round2(total), parts };
}

/** Competition ranking (1, 2, 2, 4): equal scores share a place. */
export function ranked<T extends { score: number }>(rows: T[]): (T & { rank: number })[] {
  const sorted = [...rows].sort((a, b) => b.score - a.score);
  return sorted.map((r, i) => ({
    ...r,
    rank: i > 0 && sorted[i - 1]?.score === r.score ? sorted.findIndex((x) => x.score === r.score) + 1 : i + 1,
  }));
}
