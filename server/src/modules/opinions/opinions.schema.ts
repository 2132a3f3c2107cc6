import { z } from 'zod';
import { optionalText, RegionCode } from '../../platform/http.js';
import { tr } from '../../platform/i18n.js';
import { PHONE_RE } from '../../platform/ids.js';
import { EVALUATIONS, OPINION_CHANNELS, REPLY_RESULTS } from './opinions.tables.js';
import { OPINION_ACTIONS, OPINION_STATES } from './opinions.workflow.js';

/** A constituent's opinion may be this long (counted in characters, so an emoji is one). */
export const MAX_CONTENT_CHARS = 2000;
const charCount = (s: string) => [...s].length;

export const Channel = z.enum(OPINION_CHANNELS, {
  error: tr(
    '渠道应为 station_visit、online、qr、hotline、card、home_visit、mobile_station、letter 或 hotline_12345',
    'The channel must be one of station_visit, online, qr, hotline, card, home_visit, mobile_station, letter, hotline_12345',
  ),
});
export const ReplyResult = z.enum(REPLY_RESULTS, {
  error: tr(
    '办理结果应为 resolved（已解决）、basically_resolved（基本解决）、being_resolved（正在解决）或 cannot_resolve_now（暂不能解决）',
    'The result must be resolved, basically_resolved, being_resolved or cannot_resolve_now',
  ),
});
export const Evaluation = z.enum(EVALUATIONS, {
  error: tr(
    '评价应为 satisfied（满意）、basically_satisfied（基本满意）或 unsatisfied（不满意）',
    'The evaluation must be satisfied, basically_satisfied or unsatisfied',
  ),
});

export const Uuid = (zh: string, en: string) => z.uuid(tr(`${zh}格式不正确`, `${en} is not a valid id`));

export const Content = z
  .string({ error: tr('请填写意见内容', 'Write the opinion') })
  .trim()
  .refine((s) => s.length > 0, tr('请填写意见内容', 'Write the opinion'))
  .refine(
    (s) => charCount(s) <= MAX_CONTENT_CHARS,
    tr(`意见内容不能超过 ${MAX_CONTENT_CHARS} 个字`, `The opinion is limited to ${MAX_CONTENT_CHARS} characters`),
  );

const Phone = z
  .string()
  .trim()
  .max(30, tr('电话号码格式不正确', 'Not a valid phone number'))
  .nullish()
  .transform((v) => (v ? v.replace(/\s+/g, '') : null))
  .refine(
    (v) => v === null || PHONE_RE.test(v),
    tr('电话号码格式不正确，如 13812345678 或 0451-12345678', 'Not a valid phone number, e.g. 13812345678 or 0451-12345678'),
  );

const Latitude = z
  .number({ error: tr('纬度应为数字', 'The latitude must be a number') })
  .min(-90, tr('纬度应在 -90 到 90 之间', 'The latitude must be between -90 and 90'))
  .max(90, tr('纬度应在 -90 到 90 之间', 'The latitude must be between -90 and 90'))
  .nullish();
const Longitude = z
  .number({ error: tr('经度应为数字', 'The longitude must be a number') })
  .min(-180, tr('经度应在 -180 到 180 之间', 'The longitude must be between -180 and 180'))
  .max(180, tr('经度应在 -180 到 180 之间', 'The longitude must be between -180 and 180'))
  .nullish();

export const IdempotencyKey = z
  .string()
  .regex(
    /^[A-Za-z0-9_-]{8,64}$/,
    tr('幂等键应为 8 到 64 位字母、数字、下划线或连字符', 'The idempotency key must be 8 to 64 letters, digits, _ or -'),
  );

export const SubmitterInput = z.object({
  name: optionalText(50),
  phone: Phone,
  address: optionalText(200),
  /** Whether the name stays hidden on anything the public sees. */
  nameHidden: z.boolean().default(true),
});

export const CreateOpinionBody = z
  .object({
    channel: Channel,
    stationId: Uuid('联络站编号', 'The station id').nullish(),
    regionCode: RegionCode.nullish(),
    receptionId: Uuid('接待记录编号', 'The reception id').nullish(),
    categoryId: Uuid('类别编号', 'The category id').nullish(),
    title: optionalText(100),
    content: Content,
    placeText: optionalText(200),
    latitude: Latitude,
    longitude: Longitude,
    submitter: SubmitterInput.default({ nameHidden: true, name: null, phone: null, address: null }),
    consentShare: z.boolean().default(false),
    consentPublish: z.boolean().default(false),
    complex: z.boolean().default(false),
    responsibleDeputyId: Uuid('代表编号', 'The deputy id').nullish(),
    /** When the opinion reached the station (a letter opened yesterday); now when left out. */
    receivedAt: z.iso
      .datetime({ offset: true, error: tr('收到时间格式不正确', 'receivedAt must be an ISO date-time') })
      .nullish(),
    idempotencyKey: IdempotencyKey.nullish(),
  })
  .refine((b) => (b.latitude == null) === (b.longitude == null), {
    message: tr('经度和纬度须同时填写或同时留空', 'Give both latitude and longitude, or neither'),
    path: ['latitude'],
  });
export type CreateOpinionInput = z.infer<typeof CreateOpinionBody>;

export const ActionParams = z.object({
  id: Uuid('编号', 'The id'),
  action: z.enum(
    OPINION_ACTIONS.filter((a) => a !== 'expire_evaluation') as [
      Exclude<(typeof OPINION_ACTIONS)[number], 'expire_evaluation'>,
      ...Exclude<(typeof OPINION_ACTIONS)[number], 'expire_evaluation'>[],
    ],
    { error: tr('不支持的操作', 'Unknown action') },
  ),
});
export const ExtensionParams = z.object({ id: Uuid('编号', 'The id'), extId: Uuid('延期申请编号', 'The extension id') });

/** Urging needs no body; a note is optional. */
export const UrgeBody = z
  .object({ note: optionalText(500) })
  .nullish()
  .transform((b) => ({ note: b?.note ?? null }));
export const SuperviseBody = z.object({
  instruction: z
    .string({ error: tr('请填写督办批示', 'Write the instruction') })
    .trim()
    .min(1, tr('请填写督办批示', 'Write the instruction'))
    .max(1000, tr('督办批示不能超过 1000 个字符', 'The instruction is limited to 1000 characters')),
});
export const ExtensionBody = z.object({
  reason: z
    .string({ error: tr('请填写延期理由', 'Give the reason for the extension') })
    .trim()
    .min(1, tr('请填写延期理由', 'Give the reason for the extension'))
    .max(500, tr('延期理由不能超过 500 个字符', 'The reason is limited to 500 characters')),
  days: z
    .number({ error: tr('延期天数应为 1 到 60 的整数', 'The days must be a whole number from 1 to 60') })
    .int(tr('延期天数应为 1 到 60 的整数', 'The days must be a whole number from 1 to 60'))
    .min(1, tr('延期天数应为 1 到 60 的整数', 'The days must be a whole number from 1 to 60'))
    .max(60, tr('延期天数应为 1 到 60 的整数', 'The days must be a whole number from 1 to 60')),
});
export const ExtensionDecisionBody = z.object({
  approve: z.boolean({ error: tr('请选择批准或不批准', 'Say whether to approve') }),
  note: optionalText(500),
});

// --- responses -----------------------------------------------------------------------------------

const LabelText = z.object({ zh: z.string(), en: z.string() });
const Named = z.object({ id: z.string(), name: z.string() }).nullable();
const Iso = z.string().nullable();

export const ExtensionView = z.object({
  id: z.string(),
  opinionId: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  reason: z.string(),
  requestedDays: z.number().int(),
  requestedBy: z.string(),
  requestedByName: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: Iso,
  decisionNote: z.string().nullable(),
  newDueAt: Iso,
  createdAt: z.string(),
});

export const OpinionView = z.object({
  id: z.string(),
  trackingCode: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  station: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
  receptionId: z.string().nullable(),
  channel: Channel,
  category: z.object({ id: z.string(), code: z.string(), name: z.string(), nameEn: z.string().nullable() }).nullable(),
  title: z.string(),
  content: z.string(),
  placeText: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  submitter: z.object({
    name: z.string().nullable(),
    phone: z.string().nullable(),
    address: z.string().nullable(),
    nameHidden: z.boolean(),
    /** Whether name, phone and address are shown in full to this reader (otherwise masked or left out). */
    revealed: z.boolean(),
  }),
  consentShare: z.boolean(),
  consentPublish: z.boolean(),
  state: z.enum(OPINION_STATES),
  stateLabel: LabelText,
  responsibleDeputy: Named,
  leadUnit: Named,
  units: z.array(
    z.object({
      unitId: z.string(),
      name: z.string(),
      role: z.enum(['lead', 'co']),
      round: z.number().int(),
      status: z.enum(['transferred', 'handling', 'returned', 'replied']),
      dueAt: Iso,
    }),
  ),
  complex: z.boolean(),
  dueAt: Iso,
  overdue: z.boolean(),
  overdueStages: z.array(z.string()),
  urgeCount: z.number().int(),
  supervised: z.boolean(),
  supervisedBy: Named,
  supervisionInstruction: z.string().nullable(),
  rejectReason: z.string().nullable(),
  rejectGuidance: z.string().nullable(),
  reply: z.object({
    result: ReplyResult.nullable(),
    text: z.string().nullable(),
    repliedAt: Iso,
    dueAt: Iso,
    onTime: z.boolean().nullable(),
  }),
  files: z.array(
    z.object({
      id: z.string(),
      filename: z.string(),
      mimeType: z.string(),
      size: z.number().int(),
      kind: z.enum(['photo', 'reply']),
    }),
  ),
  fedBackAt: Iso,
  evaluation: Evaluation.nullable(),
  evaluationComment: z.string().nullable(),
  evaluatedAt: Iso,
  rehandleCount: z.number().int(),
  closedAt: Iso,
  mergedIntoId: z.string().nullable(),
  mergedCount: z.number().int(),
  convertedSuggestionId: z.string().nullable(),
  extensions: z.array(ExtensionView),
  version: z.number().int(),
  receivedAt: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  actions: z.array(z.enum(OPINION_ACTIONS)),
});

export const ActionsView = z.object({
  state: z.enum(OPINION_STATES),
  actions: z.array(z.object({ action: z.enum(OPINION_ACTIONS), label: LabelText })),
  urge: z.boolean(),
  supervise: z.boolean(),
  requestExtension: z.boolean(),
  decideExtension: z.boolean(),
});

export const TimelineView = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      at: z.string(),
      actorId: z.string().nullable(),
      actorRole: z.string().nullable(),
      actorName: z.string().nullable(),
      action: z.string(),
      label: LabelText,
      fromState: z.string().nullable(),
      toState: z.string().nullable(),
      note: z.string().nullable(),
      data: z.record(z.string(), z.unknown()).nullable(),
      stageOverdue: z.boolean().nullable(),
    }),
  ),
  total: z.number().int(),
});

export const UploadedFile = z.object({ id: z.string(), filename: z.string(), mimeType: z.string(), size: z.number().int() });
