import { z } from 'zod';
import { optionalText } from '../../platform/http.js';
import { tr } from '../../platform/i18n.js';
import { PHONE_RE } from '../../platform/ids.js';
import { Content, Evaluation, ReplyResult, Uuid } from '../opinions/opinions.schema.js';
import { OPINION_STATES } from '../opinions/opinions.workflow.js';
import { StationCode } from '../stations/stations.schema.js';

/** The public portal's contracts (docs: /work/notes/contracts.md §B). Multipart fields arrive as strings. */

/** '' from an empty form input means "not given". */
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const flagMessage = (zh: string, en: string) => tr(`${zh}应为 true 或 false`, `${en} must be true or false`);

const flag = (zh: string, en: string, fallback: boolean) =>
  z.preprocess(
    blankToUndefined,
    z
      .enum(['true', 'false'], { error: flagMessage(zh, en) })
      .optional()
      .transform((v) => (v === undefined ? fallback : v === 'true')),
  );

const jsonFlag = (zh: string, en: string, fallback: boolean) =>
  z
    .boolean({ error: flagMessage(zh, en) })
    .nullish()
    .transform((v) => v ?? fallback);

const inRange = (min: number, max: number, zh: string, en: string) =>
  z
    .number({ error: tr(`${zh}应为数字`, `The ${en} must be a number`) })
    .min(min, tr(`${zh}应在 ${min} 到 ${max} 之间`, `The ${en} must be between ${min} and ${max}`))
    .max(max, tr(`${zh}应在 ${min} 到 ${max} 之间`, `The ${en} must be between ${min} and ${max}`));

const coordinate = (min: number, max: number, zh: string, en: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^-?\d{1,3}(\.\d{1,12})?$/, tr(`${zh}应为数字`, `The ${en} must be a number`))
      .transform(Number)
      .pipe(inRange(min, max, zh, en))
      .optional()
      .transform((v) => v ?? null),
  );

const jsonCoordinate = (min: number, max: number, zh: string, en: string) =>
  inRange(min, max, zh, en)
    .nullish()
    .transform((v) => v ?? null);

export const PHONE_MESSAGE = tr(
  '请填写正确的手机号或固定电话，如 13812345678 或 0451-12345678，以便答复您',
  'Give a valid mobile or landline number, e.g. 13812345678 or 0451-12345678, so that we can answer you',
);

/** A person's number, spaces removed; the portal needs it to answer and to let the person track the case. */
export const RequiredPhone = z
  .string({ error: tr('请填写联系电话，以便答复您', 'Give your phone number so that we can answer you') })
  .max(30, PHONE_MESSAGE)
  .transform((v) => v.replace(/\s+/g, ''))
  .refine((v) => v.length > 0, tr('请填写联系电话，以便答复您', 'Give your phone number so that we can answer you'))
  .refine((v) => v.length === 0 || PHONE_RE.test(v), PHONE_MESSAGE);

const CONSENT_SHARE = {
  error: tr(
    '请阅读并同意将您的意见和联系方式提供给代表和承办单位用于办理和答复',
    'Please agree that your opinion and contact details go to the deputies and the handling units to handle and answer it',
  ),
};

/** The fields whose text is the same in a form and in JSON. */
const textFields = {
  stationCode: z.string({ error: tr('缺少联络站编码', 'The station code is missing') }).pipe(StationCode),
  content: Content,
  placeText: optionalText(200),
  name: optionalText(50),
  /** The constituent's own address (optional): encrypted like the name and phone. */
  address: optionalText(200),
  phone: RequiredPhone,
};

const bothOrNeither = {
  message: tr('经度和纬度须同时填写或同时留空', 'Give both latitude and longitude, or neither'),
  path: ['latitude'],
};
const pointComplete = (b: { latitude: number | null; longitude: number | null }) =>
  (b.latitude === null) === (b.longitude === null);

/** The portal's form with photos (multipart, every field a string; '' means not given). */
export const IntakeFields = z
  .object({
    ...textFields,
    categoryId: z.preprocess(blankToUndefined, Uuid('类别编号', 'The category id').optional()).transform((v) => v ?? null),
    latitude: coordinate(-90, 90, '纬度', 'latitude'),
    longitude: coordinate(-180, 180, '经度', 'longitude'),
    nameHidden: flag('是否隐藏姓名', 'nameHidden', true),
    consentShare: z.literal('true', CONSENT_SHARE),
    consentPublish: flag('是否同意公开', 'consentPublish', false),
  })
  .refine(pointComplete, bothOrNeither);

/**
 * The same submission as JSON, when it has no photos (the portal sends it so): flags as booleans and
 * coordinates as numbers. Reading a multipart form was the largest part of the route's own work
 * (docs/decisions.md).
 */
export const IntakeJson = z
  .object({
    ...textFields,
    categoryId: Uuid('类别编号', 'The category id')
      .nullish()
      .transform((v) => v ?? null),
    latitude: jsonCoordinate(-90, 90, '纬度', 'latitude'),
    longitude: jsonCoordinate(-180, 180, '经度', 'longitude'),
    nameHidden: jsonFlag('是否隐藏姓名', 'nameHidden', true),
    consentShare: z.literal(true, CONSENT_SHARE),
    consentPublish: jsonFlag('是否同意公开', 'consentPublish', false),
  })
  .refine(pointComplete, bothOrNeither);
export type IntakeInput = Omit<z.infer<typeof IntakeJson>, 'consentShare'>;

export const IntakeResult = z.object({ trackingCode: z.string(), receivedAt: z.string(), stationName: z.string() });

export const Last4 = z
  .string({ error: tr('请填写手机号后四位', 'Give the last four digits of your phone number') })
  .trim()
  .regex(/^\d{4}$/, tr('请填写手机号后四位数字', 'Give the last four digits of your phone number'));

export const TrackingParams = z.object({
  trackingCode: z.string().max(64, tr('查询码不正确', 'Not a valid tracking code')),
});
export const TrackingQuery = z.object({ last4: Last4 });
export const PhotoParams = TrackingParams.extend({ fileId: Uuid('照片编号', 'The photo id') });

export const EvaluationBody = z.object({
  last4: Last4,
  evaluation: Evaluation,
  comment: optionalText(1000),
  /** Whether the matter itself was solved; left out when the constituent does not say. */
  solved: z.boolean({ error: tr('“是否解决”应为 true 或 false', 'solved must be true or false') }).nullish(),
});

export const PUBLIC_STAGES = ['submitted', 'accepted', 'handling', 'replied', 'closed', 'rejected', 'merged'] as const;
export type PublicStage = (typeof PUBLIC_STAGES)[number];

export const PublicOpinionView = z.object({
  trackingCode: z.string(),
  state: z.enum(OPINION_STATES),
  stage: z.enum(PUBLIC_STAGES),
  stationName: z.string().nullable(),
  categoryName: z.string().nullable(),
  content: z.string(),
  placeText: z.string().nullable(),
  receivedAt: z.string(),
  /** Public-safe steps of the timeline; `label` in the language the request asked for. */
  steps: z.array(z.object({ at: z.string(), action: z.string(), label: z.string() })),
  reply: z
    .object({
      result: ReplyResult.nullable(),
      text: z.string().nullable(),
      repliedAt: z.string().nullable(),
      unitName: z.string().nullable(),
    })
    .nullable(),
  rejectReason: z.string().nullable(),
  rejectGuidance: z.string().nullable(),
  evaluation: Evaluation.nullable(),
  canEvaluate: z.boolean(),
  photos: z.array(z.object({ id: z.string(), url: z.string() })),
});
export type PublicOpinionViewOutput = z.infer<typeof PublicOpinionView>;
