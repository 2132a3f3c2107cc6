import { z } from 'zod';
import { ROLES } from '../../platform/auth/roles.js';
import { listOf, optionalText, PageQuery, RegionCode, requiredText } from '../../platform/http.js';
import { tr } from '../../platform/i18n.js';
import { HOTLINE_RE } from '../../platform/ids.js';
import { categoryOf, ORGANIZATION_CATEGORIES, ORGANIZATION_KINDS, ORGANIZATION_STATUSES } from './organizations.tables.js';

export const Category = z.enum(ORGANIZATION_CATEGORIES, {
  error: tr('类别只能是 congress（人大机构）或 unit（承办单位）', 'The category must be congress or unit'),
});
export const Kind = z.enum(ORGANIZATION_KINDS, {
  error: tr(
    '机构类型只能是 standing_committee、office、special_committee、township_presidium、street_working_committee、government_department、court、procuratorate、public_utility 或 other_unit',
    'The kind must be one of standing_committee, office, special_committee, township_presidium, street_working_committee, government_department, court, procuratorate, public_utility, other_unit',
  ),
});
export const Status = z.enum(ORGANIZATION_STATUSES, {
  error: tr('状态只能是 active（启用）或 inactive（停用）', 'The status must be active or inactive'),
});

const ContactPhone = optionalText(30).refine((v) => v === null || HOTLINE_RE.test(v), {
  message: tr(
    '联系电话格式不正确（手机号或带区号的固定电话，如 0451-12345678）',
    'Not a valid phone number (a mobile number, or a landline with its area code such as 0451-12345678)',
  ),
});
const ParentId = z.uuid(tr('上级机构编号格式不正确', 'The parent id is not a valid UUID')).nullish();

const categoryMatchesKind = (v: { kind?: z.infer<typeof Kind>; category?: z.infer<typeof Category> }) =>
  !v.kind || !v.category || categoryOf(v.kind) === v.category;
const CATEGORY_MISMATCH = {
  message: tr(
    '机构类别与类型不符：人大机构类型属于 congress，承办单位类型属于 unit',
    'The category does not match the kind: congress bodies are category congress, handling units category unit',
  ),
  path: ['category'],
};

export const OrganizationFields = {
  regionCode: RegionCode,
  parentId: ParentId,
  kind: Kind,
  /** Optional: the kind decides it; when sent it must agree. */
  category: Category.optional(),
  name: requiredText(100),
  shortName: optionalText(50),
  contactName: optionalText(50),
  contactPhone: ContactPhone,
  address: optionalText(200),
  status: Status.default('active'),
};

export const CreateOrganizationBody = z.object(OrganizationFields).refine(categoryMatchesKind, CATEGORY_MISMATCH);
export type CreateOrganizationBody = z.infer<typeof CreateOrganizationBody>;

// In an update an absent field stays as it is and null clears it, so every field is wrapped in optional().
export const UpdateOrganizationBody = z
  .object({
    regionCode: RegionCode.optional(),
    parentId: ParentId.optional(),
    kind: Kind.optional(),
    category: Category.optional(),
    name: requiredText(100).optional(),
    shortName: optionalText(50).optional(),
    contactName: optionalText(50).optional(),
    contactPhone: ContactPhone.optional(),
    address: optionalText(200).optional(),
    status: Status.optional(),
  })
  .refine(categoryMatchesKind, CATEGORY_MISMATCH)
  .refine((v) => Object.values(v).some((x) => x !== undefined), {
    message: tr('没有要修改的内容', 'Nothing to change'),
  });
export type UpdateOrganizationBody = z.infer<typeof UpdateOrganizationBody>;

export const OrganizationQuery = PageQuery.extend({
  /** The region and every region below it. */
  regionCode: RegionCode.optional(),
  category: Category.optional(),
  kind: Kind.optional(),
  status: Status.optional(),
  parentId: z.uuid(tr('上级机构编号格式不正确', 'The parent id is not a valid UUID')).optional(),
});
export type OrganizationQuery = z.infer<typeof OrganizationQuery>;

export const OrganizationItem = z.object({
  id: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  parentId: z.string().nullable(),
  parentName: z.string().nullable(),
  category: Category,
  kind: Kind,
  name: z.string(),
  shortName: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  address: z.string().nullable(),
  status: Status,
  namePinyin: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OrganizationItem = z.infer<typeof OrganizationItem>;

export const OrganizationList = listOf(OrganizationItem);

export const OrganizationAccount = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  status: z.string(),
});

export const OrganizationDetail = OrganizationItem.extend({
  childCount: z.number().int(),
  /** The accounts that act for the organization; null when the caller's role may not see accounts. */
  accounts: z.array(OrganizationAccount).nullable(),
});
export type OrganizationDetail = z.infer<typeof OrganizationDetail>;
