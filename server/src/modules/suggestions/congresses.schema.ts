import { z } from 'zod';
import { listOf, PageQuery, RegionCode } from '../../platform/http.js';
import { tr } from '../../platform/i18n.js';
import { CONGRESS_LEVELS } from './congresses.tables.js';

const Day = z.iso.date(tr('日期格式应为 YYYY-MM-DD', 'The date must be YYYY-MM-DD'));
export const Uuid = (zh: string, en: string) => z.uuid(tr(`${zh}格式不正确`, `${en} is not a valid id`));

const whole = (zh: string, en: string, min: number, max: number) =>
  z
    .number({ error: tr(`${zh}应为 ${min} 到 ${max} 的整数`, `${en} must be a whole number from ${min} to ${max}`) })
    .int(tr(`${zh}应为 ${min} 到 ${max} 的整数`, `${en} must be a whole number from ${min} to ${max}`))
    .min(min, tr(`${zh}应为 ${min} 到 ${max} 的整数`, `${en} must be a whole number from ${min} to ${max}`))
    .max(max, tr(`${zh}应为 ${min} 到 ${max} 的整数`, `${en} must be a whole number from ${min} to ${max}`));

const Name = z
  .string({ error: tr('请填写人大名称', 'Give the name of the congress') })
  .trim()
  .min(1, tr('请填写人大名称', 'Give the name of the congress'))
  .max(100, tr('人大名称不能超过 100 个字符', 'The name is limited to 100 characters'));

const Label = z
  .string()
  .trim()
  .min(1, tr('答复类别说明不能为空', 'A reply class label cannot be empty'))
  .max(100, tr('答复类别说明不能超过 100 个字符', 'A reply class label is limited to 100 characters'));

/** The rules of DESIGN §3.2 and §4 that a congress may set for itself. */
const Settings = {
  motionMinSigners: whole('议案联名人数', 'The motion threshold', 2, 100),
  assignWorkingDays: whole('交办期限（工作日）', 'The assignment time (working days)', 1, 60),
  returnWorkingDays: whole('申请退回期限（工作日）', 'The return window (working days)', 1, 60),
  coOpinionMonths: whole('协办意见期限（月）', 'The co unit time (months)', 1, 12),
  replyMonths: whole('答复期限（月）', 'The reply time (months)', 1, 12),
  extensionMaxMonths: whole('延期后最长办理期限（月）', 'The longest handling time (months)', 1, 24),
  evaluationWorkingDays: whole('评价期限（工作日）', 'The evaluation window (working days)', 1, 90),
  rehandleMonths: whole('重新办理期限（月）', 'The re-handling time (months)', 1, 12),
  replyClassLabels: z.object(
    { A: Label, B: Label, C: Label, D: Label },
    { error: tr('答复类别说明应包含 A、B、C、D', 'Give labels for A, B, C and D') },
  ),
};

const repliesFitExtensions = (b: { replyMonths?: number; extensionMaxMonths?: number }) =>
  b.replyMonths === undefined || b.extensionMaxMonths === undefined || b.extensionMaxMonths >= b.replyMonths;
const extensionMessage = {
  message: tr('延期后最长办理期限不能短于答复期限', 'The longest handling time cannot be shorter than the reply time'),
  path: ['extensionMaxMonths'],
};

const OptionalSettings = z.object(Settings).partial().shape;

export const CreateCongressBody = z
  .object({ regionCode: RegionCode, name: Name.optional(), ...OptionalSettings })
  .refine(repliesFitExtensions, extensionMessage);
export type CreateCongressInput = z.infer<typeof CreateCongressBody>;

export const UpdateCongressBody = z
  .object({ name: Name.optional(), ...OptionalSettings })
  .refine(repliesFitExtensions, extensionMessage);
export type UpdateCongressInput = z.infer<typeof UpdateCongressBody>;

const TermNumber = whole('届次', 'The term number', 1, 99);
const SessionNumber = whole('会议次数', 'The session number', 1, 99);

export const TermBody = z
  .object({ number: TermNumber, startsOn: Day, endsOn: Day.nullish() })
  .refine((b) => !b.endsOn || b.endsOn > b.startsOn, {
    message: tr('届满日期须晚于开始日期', 'The end of the term must be after its start'),
    path: ['endsOn'],
  });
export type TermInput = z.infer<typeof TermBody>;

export const UpdateTermBody = z.object({ number: TermNumber.optional(), startsOn: Day.optional(), endsOn: Day.nullish() });
export type UpdateTermInput = z.infer<typeof UpdateTermBody>;

export const SessionBody = z
  .object({ termId: Uuid('届次编号', 'The term id'), number: SessionNumber, opensOn: Day, closesOn: Day })
  .refine((b) => b.closesOn >= b.opensOn, {
    message: tr('闭幕日期不能早于开幕日期', 'The closing day cannot be before the opening day'),
    path: ['closesOn'],
  });
export type SessionInput = z.infer<typeof SessionBody>;

export const UpdateSessionBody = z.object({
  number: SessionNumber.optional(),
  opensOn: Day.optional(),
  closesOn: Day.optional(),
});
export type UpdateSessionInput = z.infer<typeof UpdateSessionBody>;

export const CongressQuery = PageQuery.extend({ regionCode: RegionCode.optional() });
export const SessionQuery = PageQuery.extend({
  congressId: Uuid('人大编号', 'The congress id').optional(),
  termId: Uuid('届次编号', 'The term id').optional(),
  regionCode: RegionCode.optional(),
  /** Sessions open on this day (a deputy drafting during a session picks it). */
  openOn: Day.optional(),
});
export const TermParams = z.object({ id: Uuid('人大编号', 'The congress id'), termId: Uuid('届次编号', 'The term id') });

const TextView = z.object({ zh: z.string(), en: z.string() });

export const SessionView = z.object({
  id: z.string(),
  congressId: z.string(),
  congressName: z.string(),
  regionCode: z.string(),
  termId: z.string(),
  termNumber: z.number().int(),
  number: z.number().int(),
  opensOn: z.string(),
  closesOn: z.string(),
  label: TextView,
});
export const SessionList = listOf(SessionView);

export const TermView = z.object({
  id: z.string(),
  congressId: z.string(),
  number: z.number().int(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  sessions: z.array(SessionView),
});

export const CongressItem = z.object({
  id: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  level: z.enum(CONGRESS_LEVELS),
  name: z.string(),
  motionMinSigners: z.number().int(),
  assignWorkingDays: z.number().int(),
  returnWorkingDays: z.number().int(),
  coOpinionMonths: z.number().int(),
  replyMonths: z.number().int(),
  extensionMaxMonths: z.number().int(),
  evaluationWorkingDays: z.number().int(),
  rehandleMonths: z.number().int(),
  replyClassLabels: z.object({ A: z.string(), B: z.string(), C: z.string(), D: z.string() }),
  version: z.number().int(),
});
export const CongressList = listOf(CongressItem);
export const CongressView = CongressItem.extend({ terms: z.array(TermView) });
