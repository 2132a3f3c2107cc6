import { z } from 'zod';
import { listOf, optionalText, PageQuery, RegionCode, requiredText } from '../../platform/http.js';
import { tr } from '../../platform/i18n.js';
import { isValidIdNumber, PHONE_RE } from '../../platform/ids.js';
import { normalizeIdNumber, normalizePhone } from './deputies.rules.js';
import { DEPUTY_LEVELS, DEPUTY_STATUSES, GENDERS } from './deputies.tables.js';

/** Query strings send '' for a cleared filter: that means no filter. */
const blank = (v: unknown) => (v === '' ? undefined : v);

/** "county,township" → ['county', 'township'], so a filter can take several values. */
const csvOf = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? (v === '' ? undefined : v.split(',').map((s) => s.trim())) : v),
    z.array(z.enum(values, message)).max(values.length).optional(),
  );

export const DEPUTY_SORTS = [
  'name',
  '-name',
  'level',
  '-level',
  'term',
  '-term',
  'region',
  '-region',
  'createdAt',
  '-createdAt',
] as const;
export type DeputySort = (typeof DEPUTY_SORTS)[number];

const filterText = (max: number) =>
  z.preprocess(
    blank,
    z
      .string()
      .trim()
      .max(max, tr(`不能超过 ${max} 个字符`, `At most ${max} characters`))
      .optional(),
  );

export const DeputyFilterQuery = z.object({
  q: z.preprocess(blank, PageQuery.shape.q),
  level: csvOf(DEPUTY_LEVELS, tr('代表层级不正确', 'Unknown deputy level')),
  status: csvOf(DEPUTY_STATUSES, tr('代表状态不正确', 'Unknown deputy status')),
  regionCode: z.preprocess(blank, RegionCode.optional()),
  term: z.preprocess(blank, z.coerce.number(tr('届次应为数字', 'The term must be a number')).int().min(1).max(99).optional()),
  delegation: filterText(100),
  deputyGroup: filterText(100),
  gender: z.preprocess(blank, z.enum(GENDERS, tr('性别不正确', 'Unknown gender')).optional()),
  party: filterText(50),
  stationId: z.preprocess(blank, z.uuid(tr('联络站编号格式不正确', 'The station id is not a valid UUID')).optional()),
  sort: z.preprocess(blank, z.enum(DEPUTY_SORTS, tr('排序方式不正确', 'Unknown sort order')).default('name')),
});
export type DeputyFilter = z.infer<typeof DeputyFilterQuery>;

export const DeputyListQuery = DeputyFilterQuery.extend({ page: PageQuery.shape.page, pageSize: PageQuery.shape.pageSize });
export type DeputyListQuery = z.infer<typeof DeputyListQuery>;

export const DeputyDetailQuery = z.object({
  reveal: z.enum(['0', '1', 'true', 'false'], tr('reveal 只能为 0 或 1', 'reveal must be 0 or 1')).optional(),
});

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, tr('日期格式应为 YYYY-MM-DD', 'Use the date format YYYY-MM-DD'))
  .refine(
    (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    tr('日期不存在', 'No such date'),
  )
  .refine((d) => d >= '1900-01-01' && d <= '2100-12-31', tr('日期超出范围', 'The date is out of range'));
const optionalDate = isoDate.nullish().transform((v) => v ?? null);

export const PhoneInput = z
  .string(tr('电话应为文本', 'The phone must be text'))
  .max(30, tr('电话号码过长', 'The phone number is too long'))
  .transform(normalizePhone)
  .refine((v) => v === '' || PHONE_RE.test(v), tr('电话号码格式不正确', 'Not a valid phone number'))
  .transform((v) => (v === '' ? null : v));

export const IdNumberInput = z
  .string(tr('身份证号应为文本', 'The ID number must be text'))
  .max(30, tr('身份证号过长', 'The ID number is too long'))
  .transform(normalizeIdNumber)
  .refine((v) => v.length > 0, tr('请填写身份证号', 'Enter the ID number'))
  .refine(
    isValidIdNumber,
    tr('身份证号不正确（18 位，校验码须符合 GB 11643）', 'Not a valid ID number (18 characters with a GB 11643 check character)'),
  );

const personFields = {
  name: requiredText(50),
  gender: z.enum(GENDERS, tr('性别只能是 male 或 female', 'The gender is male or female')).nullish(),
  ethnicity: optionalText(20),
  birthDate: optionalDate,
  party: optionalText(50),
  education: optionalText(50),
  occupationCategory: optionalText(50),
  occupation: optionalText(200),
  phone: PhoneInput.nullish().transform((v) => v ?? null),
  idNumber: IdNumberInput,
};

const mandateFields = {
  level: z.enum(DEPUTY_LEVELS, tr('代表层级不正确', 'Unknown deputy level')),
  term: z
    .number(tr('届次应为数字', 'The term must be a number'))
    .int(tr('届次应为整数', 'The term must be a whole number'))
    .min(1)
    .max(99),
  regionCode: RegionCode,
  congressRegionCode: RegionCode.nullish(),
  delegation: optionalText(100),
  constituency: optionalText(100),
  deputyGroup: optionalText(100),
  status: z.enum(DEPUTY_STATUSES, tr('代表状态不正确', 'Unknown deputy status')),
  startedOn: optionalDate,
  endedOn: optionalDate,
  statusChangedOn: optionalDate,
};

export const CreateDeputyBody = z.object({
  ...personFields,
  ...mandateFields,
  status: mandateFields.status.default('serving'),
});
export type CreateDeputyInput = z.infer<typeof CreateDeputyBody>;

/** Absent keys stay as they are; null clears an optional field. */
export const UpdateDeputyBody = z
  .object({ ...personFields, ...mandateFields })
  .partial()
  .refine((b) => Object.values(b).some((v) => v !== undefined), tr('没有要修改的内容', 'Nothing to change'));
export type UpdateDeputyInput = z.infer<typeof UpdateDeputyBody>;

const mandateOut = {
  level: z.enum(DEPUTY_LEVELS),
  term: z.number().int(),
  congressRegionCode: z.string(),
  congressRegionName: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  status: z.enum(DEPUTY_STATUSES),
};

export const DeputyListItem = z.object({
  id: z.string(),
  personId: z.string(),
  name: z.string(),
  namePinyin: z.string(),
  gender: z.enum(GENDERS).nullable(),
  ethnicity: z.string().nullable(),
  birthDate: z.string().nullable(),
  party: z.string().nullable(),
  education: z.string().nullable(),
  occupationCategory: z.string().nullable(),
  occupation: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  hasPhoto: z.boolean(),
  ...mandateOut,
  delegation: z.string().nullable(),
  constituency: z.string().nullable(),
  deputyGroup: z.string().nullable(),
  startedOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  statusChangedOn: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DeputyListItem = z.infer<typeof DeputyListItem>;
export const DeputyList = listOf(DeputyListItem);

export const DeputyDetail = DeputyListItem.extend({
  /** Plain values only when the caller asked to reveal them and may. */
  phone: z.string().nullable(),
  idNumber: z.string().nullable(),
  revealed: z.boolean(),
  photoUrl: z.string().nullable(),
  otherMandates: z.array(z.object({ id: z.string(), ...mandateOut, inScope: z.boolean() })),
  stations: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      role: z.enum(['head', 'deputy_head', 'member']),
      deputyId: z.string(),
    }),
  ),
});
export type DeputyDetail = z.infer<typeof DeputyDetail>;

export const CreatedDeputy = DeputyDetail.extend({
  /** True when the ID number matched a person already registered: a new mandate was added to them. */
  matchedExistingPerson: z.boolean(),
});
