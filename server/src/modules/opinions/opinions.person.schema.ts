import { z } from 'zod';
import { requiredText } from '../../platform/http.js';
import { tr } from '../../platform/i18n.js';
import { PHONE_RE } from '../../platform/ids.js';
import { Channel, Evaluation, ReplyResult } from './opinions.schema.js';
import { OPINION_STATES } from './opinions.workflow.js';

/**
 * A constituent's own data, found by the phone they left (DESIGN §7, PIPL arts. 45 and 47). The phone
 * travels in a POST body, never in a URL, so it stays out of access logs and browser history.
 */

/** Typed as the intake stores it: spaces dropped, then the same pattern (so the blind index matches). */
export const PersonPhone = z
  .string({ error: tr('请填写群众的联系电话', 'Give the constituent’s phone number') })
  .transform((v) => v.replace(/[\s\u3000]+/g, ''))
  .refine(
    (v) => PHONE_RE.test(v),
    tr('电话号码格式不正确，如 13812345678 或 0451-12345678', 'Not a valid phone number, e.g. 13812345678 or 0451-12345678'),
  );

export const PersonLookupBody = z.object({ phone: PersonPhone });

export const PersonEraseBody = z.object({
  phone: PersonPhone,
  /** Why: the constituent's request, as the office recorded it (kept in the timeline and the audit trail). */
  reason: requiredText(200),
  /**
   * The office confirms that cases still being handled go on without the constituent's contact
   * details (no SMS, no callback, no tracking by phone digits). Without it, open cases refuse.
   */
  includeOpen: z.boolean().default(false),
});

const State = z.enum(OPINION_STATES);

export const PersonCase = z.object({
  id: z.uuid(),
  trackingCode: z.string(),
  title: z.string(),
  state: State,
  open: z.boolean(),
  channel: Channel,
  stationName: z.string().nullable(),
  regionName: z.string().nullable(),
  receivedAt: z.string(),
  closedAt: z.string().nullable(),
  name: z.string().nullable(),
  address: z.string().nullable(),
});

export const PersonCases = z.object({
  phoneMasked: z.string(),
  total: z.number().int(),
  openCount: z.number().int(),
  cases: z.array(PersonCase),
});

export const PersonEraseResult = z.object({
  erased: z.number().int(),
  openErased: z.number().int(),
  trackingCodes: z.array(z.string()),
});

export const PersonExportCase = z.object({
  trackingCode: z.string(),
  receivedAt: z.string(),
  channel: Channel,
  station: z.string().nullable(),
  region: z.string().nullable(),
  category: z.string().nullable(),
  title: z.string(),
  content: z.string(),
  place: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  submitter: z.object({ name: z.string().nullable(), phone: z.string().nullable(), address: z.string().nullable() }),
  nameHidden: z.boolean(),
  consentShare: z.boolean(),
  consentPublish: z.boolean(),
  consentAt: z.string().nullable(),
  state: State,
  stateLabel: z.string(),
  replyResult: ReplyResult.nullable(),
  replyText: z.string().nullable(),
  repliedAt: z.string().nullable(),
  evaluation: Evaluation.nullable(),
  evaluationComment: z.string().nullable(),
  evaluatedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  photos: z.array(z.string()),
  timeline: z.array(z.object({ at: z.string(), step: z.string(), note: z.string().nullable() })),
});

export const PersonExport = z.object({
  exportedAt: z.string(),
  phone: z.string(),
  cases: z.array(PersonExportCase),
});
export type PersonExportData = z.infer<typeof PersonExport>;
