import { z } from 'zod';
import { listOf, PageQuery, RegionCode, requiredText } from '../../platform/http.js';
import { tr } from '../../platform/i18n.js';
import { REGION_LEVELS } from './regions.tables.js';

export const RegionLevelSchema = z.enum(REGION_LEVELS, {
  error: tr(
    '层级只能是 province、city、county、township 或 community',
    'The level must be one of province, city, county, township, community',
  ),
});

export const RegionQuery = PageQuery.extend({
  /**
   * Alone, `parent` lists its direct children; with `level` or `q` it limits the search to its subtree
   * (so `parent=2301&level=township` gives every township of Harbin).
   */
  parent: RegionCode.optional(),
  level: RegionLevelSchema.optional(),
});
export type RegionQuery = z.infer<typeof RegionQuery>;

export const RegionCodeParams = z.object({ code: RegionCode });

const CommunityCode = z
  .string()
  .regex(/^\d{12}$/, tr('社区（村）代码应为 12 位数字', 'A community or village code has 12 digits'));
const CommunityName = requiredText(50);

export const CreateCommunityBody = z.object({
  code: CommunityCode,
  /** The township the community belongs to; taken from the code's first 9 digits when omitted. */
  parentCode: RegionCode.optional(),
  name: CommunityName,
});
export type CreateCommunityBody = z.infer<typeof CreateCommunityBody>;

export const RenameRegionBody = z.object({ name: CommunityName });
export type RenameRegionBody = z.infer<typeof RenameRegionBody>;

export const RegionPathEntry = z.object({ code: z.string(), name: z.string(), isGrouping: z.boolean() });

export const RegionItem = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(REGION_LEVELS),
  parentCode: z.string().nullable(),
  isGrouping: z.boolean(),
  namePinyin: z.string(),
  nameInitials: z.string(),
  hasChildren: z.boolean(),
  /** Ancestors from the province down, for breadcrumbs and pickers. */
  path: z.array(RegionPathEntry),
});
export type RegionItem = z.infer<typeof RegionItem>;

export const RegionList = listOf(RegionItem);

export const RegionDetail = RegionItem.extend({
  childCount: z.number().int(),
  /** Communities added by administrators may be renamed; the statistical divisions are read-only. */
  editable: z.boolean(),
  createdAt: z.string(),
});
export type RegionDetail = z.infer<typeof RegionDetail>;
