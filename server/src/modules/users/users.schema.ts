import { z } from 'zod';
import { ROLES } from '../../platform/auth/roles.js';
import { listOf, PageQuery, RegionCode, requiredText } from '../../platform/http.js';
import { tr } from '../../platform/i18n.js';
import { PHONE_RE } from '../../platform/ids.js';

const RoleEnum = z.enum(ROLES, tr('角色不存在', 'Unknown role'));

export const Username = z
  .string(tr('请输入用户名', 'Enter the username'))
  .trim()
  .min(3, tr('用户名至少 3 个字符', 'A username has at least 3 characters'))
  .max(32, tr('用户名不能超过 32 个字符', 'A username has at most 32 characters'))
  .regex(
    /^[a-zA-Z0-9_.-]+$/,
    tr('用户名只能包含字母、数字、下划线、点和连字符', 'A username may contain letters, digits, _ . and - only'),
  );

/** '' is the whole country; any other value must be a region code. */
export const ScopeRegionCode = z.union(
  [z.literal(''), RegionCode],
  tr('管辖区域代码格式不正确', 'Not a valid region code for the scope'),
);

const Uuid = (zh: string, en: string) => z.uuid(tr(`${zh}编号格式不正确`, `The ${en} id is not a valid UUID`));

const Phone = z
  .string()
  .trim()
  .max(32, tr('电话号码过长', 'The phone number is too long'))
  .refine((v) => v === '' || PHONE_RE.test(v), tr('电话号码格式不正确', 'Not a valid phone number'))
  .nullish()
  .transform((v) => (v ? v : null));

export const UserQuery = PageQuery.extend({
  role: RoleEnum.optional(),
  regionCode: RegionCode.optional(),
  status: z.enum(['active', 'disabled'], tr('状态只能是 active 或 disabled', 'The status is active or disabled')).optional(),
  organizationId: Uuid('组织', 'organization').optional(),
  stationId: Uuid('联络站', 'station').optional(),
});
export type UserQuery = z.infer<typeof UserQuery>;

export const CreateUserBody = z.object({
  username: Username,
  displayName: requiredText(64),
  role: RoleEnum,
  regionCode: ScopeRegionCode,
  organizationId: Uuid('组织', 'organization').nullish(),
  stationId: Uuid('联络站', 'station').nullish(),
  personId: Uuid('人员', 'person').nullish(),
  phone: Phone,
});
export type CreateUserBody = z.infer<typeof CreateUserBody>;

export const UpdateUserBody = z
  .object({
    displayName: requiredText(64).optional(),
    phone: Phone.optional(),
    status: z.enum(['active', 'disabled'], tr('状态只能是 active 或 disabled', 'The status is active or disabled')).optional(),
  })
  .refine((b) => b.displayName !== undefined || b.phone !== undefined || b.status !== undefined, {
    message: tr('没有要修改的内容', 'Nothing to change'),
  });
export type UpdateUserBody = z.infer<typeof UpdateUserBody>;

/**
 * The role and the whole scope are replaced together, since a scope only makes sense for its role.
 * personId may be left out to keep the account's current person.
 */
export const ChangeRoleBody = z.object({
  role: RoleEnum,
  regionCode: ScopeRegionCode,
  organizationId: Uuid('组织', 'organization').nullish(),
  stationId: Uuid('联络站', 'station').nullish(),
  personId: Uuid('人员', 'person').nullish(),
});
export type ChangeRoleBody = z.infer<typeof ChangeRoleBody>;

export const UserDetail = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: RoleEnum,
  regionCode: z.string(),
  regionName: z.string().nullable(),
  organizationId: z.string().nullable(),
  organizationName: z.string().nullable(),
  stationId: z.string().nullable(),
  stationName: z.string().nullable(),
  personId: z.string().nullable(),
  /** The deputy's name, for a deputy account: the administrators see the name and nothing else of the person. */
  personName: z.string().nullable(),
  phone: z.string().nullable(),
  status: z.enum(['active', 'disabled']),
  mustChangePassword: z.boolean(),
  failedLogins: z.number().int(),
  lockedUntil: z.string().nullable(),
  /** lockedUntil lies in the future. */
  locked: z.boolean(),
  lastLoginAt: z.string().nullable(),
  passwordChangedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type UserDetail = z.infer<typeof UserDetail>;

export const UserList = listOf(UserDetail);

/** The generated password is in this answer and nowhere else: it is never stored or logged in clear. */
export const UserWithPassword = z.object({ user: UserDetail, password: z.string() });

const Localized = z.object({ zh: z.string(), en: z.string() });
export const RoleCatalog = listOf(
  z.object({
    role: RoleEnum,
    administrator: z.boolean(),
    boundTo: z.enum(['region', 'organization', 'station', 'person']),
    name: Localized,
    description: Localized,
    abilities: z.object({ zh: z.array(z.string()), en: z.array(z.string()) }),
    grantedBy: z.array(RoleEnum),
  }),
);
