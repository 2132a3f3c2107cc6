import { z } from 'zod';
import { listOf, optionalText, PageQuery, RegionCode, requiredText } from '../../platform/http.js';
import { tr } from '../../platform/i18n.js';
import { HOTLINE_RE } from '../../platform/ids.js';
import { MEMBER_ROLES, STATION_STATUSES, STATION_TIERS, STATION_TYPES } from './stations.tables.js';

/** 6-digit county code (GB/T 2260) + '-' + 3-digit sequence, e.g. 230102-001. */
export const STATION_CODE_RE = /^\d{6}-\d{3}$/;
const DEPUTY_LEVELS = ['national', 'provincial', 'municipal', 'county', 'township'] as const;

export const StationCode = z
  .string()
  .trim()
  .regex(
    STATION_CODE_RE,
    tr(
      '联络站编码应为 6 位区县代码加 3 位序号，如 230102-001',
      'A station code is a 6-digit county code, a dash and 3 digits, e.g. 230102-001',
    ),
  );

const StationType = z.enum(STATION_TYPES, {
  error: tr(
    '站点类型应为 station、home、point、online、mobile、court、procuratorate 或 enterprise',
    'The type must be one of station, home, point, online, mobile, court, procuratorate, enterprise',
  ),
});
const StationTier = z.enum(STATION_TIERS, {
  error: tr('站点层级应为 main（总站）、central（中心站）或 basic（联络站）', 'The tier must be main, central or basic'),
});
const StationStatus = z.enum(STATION_STATUSES, {
  error: tr('状态应为 active 或 inactive', 'The status must be active or inactive'),
});
const MemberRole = z.enum(MEMBER_ROLES, {
  error: tr('角色应为 head（站长）、deputy_head（副站长）或 member（成员）', 'The role must be head, deputy_head or member'),
});

const Latitude = z
  .number({ error: tr('纬度应为数字', 'The latitude must be a number') })
  .min(-90, tr('纬度应在 -90 到 90 之间', 'The latitude must be between -90 and 90'))
  .max(90, tr('纬度应在 -90 到 90 之间', 'The latitude must be between -90 and 90'))
  .nullable();
const Longitude = z
  .number({ error: tr('经度应为数字', 'The longitude must be a number') })
  .min(-180, tr('经度应在 -180 到 180 之间', 'The longitude must be between -180 and 180'))
  .max(180, tr('经度应在 -180 到 180 之间', 'The longitude must be between -180 and 180'))
  .nullable();
const StarLevel = z
  .number({ error: tr('星级应为 0 到 5 的整数', 'The star level must be a whole number from 0 to 5') })
  .int(tr('星级应为 0 到 5 的整数', 'The star level must be a whole number from 0 to 5'))
  .min(0, tr('星级应为 0 到 5 的整数', 'The star level must be a whole number from 0 to 5'))
  .max(5, tr('星级应为 0 到 5 的整数', 'The star level must be a whole number from 0 to 5'));
const Hotline = optionalText(30).refine(
  (v) => v === null || HOTLINE_RE.test(v),
  tr('热线电话格式不正确，如 0451-12345678 或 13812345678', 'Not a valid hotline number, e.g. 0451-12345678 or 13812345678'),
);

export const COORDINATES_PAIR_MESSAGE = tr('经度和纬度须同时填写或同时留空', 'Give both latitude and longitude, or neither');

/** The editable fields; create applies defaults, patch keeps absent keys absent. */
const fields = {
  code: StationCode,
  name: requiredText(100),
  type: StationType,
  tier: StationTier,
  regionCode: RegionCode,
  address: optionalText(200),
  latitude: Latitude,
  longitude: Longitude,
  openingHours: optionalText(200),
  receptionSchedule: optionalText(200),
  hotline: Hotline,
  starLevel: StarLevel,
  description: optionalText(2000),
  status: StationStatus,
};

export const CreateStationBody = z
  .object({
    ...fields,
    latitude: fields.latitude.optional().transform((v) => v ?? null),
    longitude: fields.longitude.optional().transform((v) => v ?? null),
    starLevel: fields.starLevel.default(0),
    status: fields.status.default('active'),
  })
  .refine((b) => (b.latitude === null) === (b.longitude === null), { message: COORDINATES_PAIR_MESSAGE, path: ['longitude'] });
export type CreateStationInput = z.infer<typeof CreateStationBody>;

export const UpdateStationBody = z
  .object({
    code: fields.code.optional(),
    name: fields.name.optional(),
    type: fields.type.optional(),
    tier: fields.tier.optional(),
    regionCode: fields.regionCode.optional(),
    address: fields.address.optional(),
    latitude: fields.latitude.optional(),
    longitude: fields.longitude.optional(),
    openingHours: fields.openingHours.optional(),
    receptionSchedule: fields.receptionSchedule.optional(),
    hotline: fields.hotline.optional(),
    starLevel: fields.starLevel.optional(),
    description: fields.description.optional(),
    status: fields.status.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, tr('没有要修改的内容', 'Nothing to change'));
export type UpdateStationInput = z.infer<typeof UpdateStationBody>;

/** A filter left empty in a form (?type=) means no filter. */
const filter = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

export const StationQuery = PageQuery.extend({
  regionCode: filter(RegionCode),
  type: filter(StationType),
  tier: filter(StationTier),
  starLevel: filter(z.coerce.number().pipe(StarLevel)),
  status: filter(StationStatus),
});
export type StationQuery = z.infer<typeof StationQuery>;

export const MemberParams = z.object({
  id: z.uuid(tr('联络站编号格式不正确', 'The station id is not a valid UUID')),
  deputyId: z.uuid(tr('代表编号格式不正确', 'The deputy id is not a valid UUID')),
});
export const MemberBody = z.object({ role: MemberRole });

export const CodeParams = z.object({ code: StationCode });

export const QrQuery = z.object({
  size: z.coerce
    .number()
    .int()
    .min(512, tr('二维码尺寸应在 512 到 2048 像素之间', 'The QR size must be 512 to 2048 pixels'))
    .max(2048, tr('二维码尺寸应在 512 到 2048 像素之间', 'The QR size must be 512 to 2048 pixels'))
    .default(1024),
});

// ── responses ──

const stationFields = {
  id: z.string(),
  code: z.string(),
  name: z.string(),
  type: StationType,
  tier: StationTier,
  regionCode: z.string(),
  regionName: z.string().nullable(),
  address: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  openingHours: z.string().nullable(),
  receptionSchedule: z.string().nullable(),
  hotline: z.string().nullable(),
  starLevel: z.number().int(),
  description: z.string().nullable(),
  status: StationStatus,
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const StationListItem = z.object({ ...stationFields, memberCount: z.number().int() });
export const StationList = listOf(StationListItem);

export const StationMember = z.object({
  deputyId: z.string(),
  personId: z.string(),
  name: z.string(),
  level: z.enum(DEPUTY_LEVELS),
  term: z.number().int(),
  deputyGroup: z.string().nullable(),
  mandateStatus: z.string(),
  role: MemberRole,
  phoneMasked: z.string().nullable(),
  joinedOn: z.string().nullable(),
});

export const StationDetail = z.object({
  ...stationFields,
  regionPath: z.array(z.object({ code: z.string(), name: z.string() })),
  members: z.array(StationMember),
  staff: z.array(z.object({ id: z.string(), username: z.string(), displayName: z.string(), status: z.string() })),
  publicPath: z.string(),
  publicUrl: z.string(),
});

/** A deputy as shown to the public and on the card: no phone, no ID number. */
const PublicDeputy = z.object({
  name: z.string(),
  level: z.enum(DEPUTY_LEVELS),
  role: MemberRole,
  deputyGroup: z.string().nullable(),
});

export const StationCard = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  type: StationType,
  tier: StationTier,
  regionName: z.string().nullable(),
  address: z.string().nullable(),
  hotline: z.string().nullable(),
  openingHours: z.string().nullable(),
  receptionSchedule: z.string().nullable(),
  publicUrl: z.string(),
  qrSvg: z.string(),
  deputies: z.array(PublicDeputy),
});

export const PublicStation = z.object({
  code: z.string(),
  name: z.string(),
  type: StationType,
  tier: StationTier,
  regionName: z.string().nullable(),
  address: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  openingHours: z.string().nullable(),
  receptionSchedule: z.string().nullable(),
  hotline: z.string().nullable(),
  starLevel: z.number().int(),
  description: z.string().nullable(),
  deputies: z.array(PublicDeputy),
});

export const Ok = z.object({ ok: z.literal(true) });
/** Binary bodies (PNG, SVG) are sent as they are; the schema only documents them. */
export const ImageResponse = z.any().describe('image');
