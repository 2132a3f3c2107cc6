import { z } from 'zod';
import { listOf, optionalText, PageQuery, RegionCode, requiredText } from '../../platform/http.js';
import { tr } from '../../platform/i18n.js';

const Flag = z
  .enum(['0', '1', 'true', 'false'], { error: tr('只能为 0、1、true 或 false', 'Use 0, 1, true or false') })
  .transform((v) => v === '1' || v === 'true');

const Uuid = (zh: string, en: string) => z.uuid(tr(`${zh}格式不正确`, `${en} is not a valid UUID`));
const CategoryId = Uuid('分类编号', 'The category id');
const UnitId = Uuid('承办单位编号', 'The unit id');

/** Lower-case ASCII so that codes work as Open311 service codes and in URLs; one dot at most (two levels). */
export const CATEGORY_CODE_RE = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)?$/;
const CategoryCode = z
  .string()
  .trim()
  .max(32, tr('分类代码不能超过 32 个字符', 'The category code is limited to 32 characters'))
  .regex(
    CATEGORY_CODE_RE,
    tr(
      '分类代码以小写字母开头，只含小写字母、数字和下划线，二级分类为“上级代码.子代码”（如 urban.roads）',
      'A category code starts with a lower-case letter and holds lower-case letters, digits and underscores; a second-level code is "parent.child" (urban.roads)',
    ),
  );
const SortOrder = z
  .number(tr('排序号应为整数', 'The sort order must be a whole number'))
  .int(tr('排序号应为整数', 'The sort order must be a whole number'))
  .min(0, tr('排序号不能小于 0', 'The sort order cannot be negative'))
  .max(100_000, tr('排序号不能超过 100000', 'The sort order is at most 100000'));
const Active = z.boolean(tr('启用状态应为 true 或 false', 'active must be true or false'));

// Names appear on a phone screen in the public form, so they are kept short.
const CategoryFields = {
  name: requiredText(30),
  nameEn: optionalText(80),
  description: optionalText(500),
  sortOrder: SortOrder.optional(),
};

export const CreateCategoryBody = z.object({
  code: CategoryCode,
  parentId: CategoryId.nullish(),
  ...CategoryFields,
});
export type CreateCategoryBody = z.infer<typeof CreateCategoryBody>;

/** The code and the parent stay as they are: Open311 clients and past cases refer to the code. */
export const UpdateCategoryBody = z
  .object({
    name: CategoryFields.name.optional(),
    nameEn: CategoryFields.nameEn.optional(),
    description: CategoryFields.description.optional(),
    sortOrder: SortOrder.optional(),
    active: Active.optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: tr('没有要修改的内容', 'Nothing to change') });
export type UpdateCategoryBody = z.infer<typeof UpdateCategoryBody>;

export const CategoryQuery = z.object({ flat: Flag.optional() });

export const CategoryItem = z.object({
  id: z.string(),
  code: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  nameEn: z.string().nullable(),
  description: z.string().nullable(),
  sortOrder: z.number().int(),
  active: z.boolean(),
  createdAt: z.string(),
});
export type CategoryItem = z.infer<typeof CategoryItem>;
/** A top-level category with its children in the tree; a flat list leaves `children` out. */
export const CategoryNode = CategoryItem.extend({ children: z.array(CategoryItem).optional() });
export type CategoryNode = z.infer<typeof CategoryNode>;
export const CategoryList = listOf(CategoryNode);

export const PublicCategoryItem = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  description: z.string().nullable(),
});
export const PublicCategoryNode = PublicCategoryItem.extend({ children: z.array(PublicCategoryItem) });
export type PublicCategoryNode = z.infer<typeof PublicCategoryNode>;
export const PublicCategoryList = listOf(PublicCategoryNode);

export const RuleQuery = PageQuery.omit({ q: true }).extend({
  /** The region and every region below it. */
  regionCode: RegionCode.optional(),
  categoryId: CategoryId.optional(),
  /** Ended rules too, newest first within each category and region. */
  includeHistory: Flag.optional(),
});
export type RuleQuery = z.infer<typeof RuleQuery>;

export const PutRuleBody = z.object({ categoryId: CategoryId, regionCode: RegionCode, unitId: UnitId });
export type PutRuleBody = z.infer<typeof PutRuleBody>;

export const RuleItem = z.object({
  id: z.string(),
  categoryId: z.string(),
  categoryCode: z.string(),
  categoryName: z.string(),
  categoryNameEn: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  unitId: z.string(),
  unitName: z.string(),
  unitRegionCode: z.string(),
  unitStatus: z.enum(['active', 'inactive']),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  current: z.boolean(),
  createdBy: z.string().nullable(),
  createdByName: z.string().nullable(),
  endedBy: z.string().nullable(),
  endedByName: z.string().nullable(),
});
export type RuleItem = z.infer<typeof RuleItem>;
export const RuleList = listOf(RuleItem);

export const SuggestionQuery = z.object({
  regionCode: RegionCode,
  categoryId: CategoryId.optional(),
  text: z.string().trim().max(2000, tr('文本不能超过 2000 个字符', 'The text is limited to 2,000 characters')).optional(),
  limit: z.coerce
    .number(tr('数量应为 1 到 20 的整数', 'The limit must be a whole number from 1 to 20'))
    .int(tr('数量应为 1 到 20 的整数', 'The limit must be a whole number from 1 to 20'))
    .min(1, tr('数量应为 1 到 20 的整数', 'The limit must be a whole number from 1 to 20'))
    .max(20, tr('数量应为 1 到 20 的整数', 'The limit must be a whole number from 1 to 20'))
    .default(5),
});
export type SuggestionQuery = z.infer<typeof SuggestionQuery>;

export const SuggestionItem = z.object({
  unitId: z.string(),
  unitName: z.string(),
  unitRegionCode: z.string(),
  /** What put the unit on the list first: a routing rule, or similar cases it handled. */
  source: z.enum(['rule', 'similar']),
  reason: z.string(),
  rule: z
    .object({
      id: z.string(),
      regionCode: z.string(),
      regionName: z.string().nullable(),
      categoryId: z.string(),
      categoryName: z.string(),
      /** The rule was set for the parent of the case's category. */
      parentCategory: z.boolean(),
    })
    .nullable(),
  similar: z.object({ count: z.number().int(), lastReceivedAt: z.string(), score: z.number() }).nullable(),
});
export type SuggestionItem = z.infer<typeof SuggestionItem>;
export const SuggestionList = listOf(SuggestionItem);
