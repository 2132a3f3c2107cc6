import { z } from 'zod';
import { listOf, PageQuery } from '../../platform/http.js';
import { tr } from '../../platform/i18n.js';
import { CHANNELS, NOTIFICATION_STATUSES, TEMPLATE_LOCALES } from '../../platform/notify/notify.tables.js';

const Channel = z.enum(CHANNELS, {
  error: tr('渠道应为 in_app（站内）、sms（短信）或 email（邮件）', 'The channel is in_app, sms or email'),
});
const Status = z.enum(NOTIFICATION_STATUSES, {
  error: tr('状态应为 queued、sent、failed、dead 或 skipped', 'The status is queued, sent, failed, dead or skipped'),
});
const Locale = z.enum(TEMPLATE_LOCALES, { error: tr('语言应为 zh 或 en', 'The language is zh or en') });
const BoolFlag = z
  .enum(['true', 'false'], { error: tr('应为 true 或 false', 'Use true or false') })
  .transform((v) => v === 'true');

// ── In-app messages ────────────────────────────────────────────────────────────

export const MessagesQuery = PageQuery.extend({ unread: BoolFlag.optional() });

export const Message = z.object({
  id: z.string(),
  topic: z.string(),
  templateKey: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});

export const MessageList = listOf(Message).extend({ unread: z.number().int() });
export const ReadResult = z.object({ ok: z.literal(true), unread: z.number().int() });
export const ReadAllResult = z.object({ updated: z.number().int(), unread: z.number().int() });

// ── Deliveries (administrator) ─────────────────────────────────────────────────

export const DeliveryQuery = PageQuery.extend({
  status: Status.optional(),
  channel: Channel.optional(),
  topic: z.string().trim().max(100).optional(),
});

/** No body or subject: the administrators see that a message went out and why it failed, not what it said (DESIGN §7). */
export const Delivery = z.object({
  id: z.string(),
  outboxId: z.number().int(),
  topic: z.string(),
  channel: Channel,
  templateKey: z.string(),
  locale: Locale,
  /** Masked: 138****8000, z***@example.com, or the account's name. */
  recipient: z.string(),
  recipientUserId: z.string().nullable(),
  status: Status,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  provider: z.string().nullable(),
  providerMessageId: z.string().nullable(),
  regionCode: z.string().nullable(),
  createdAt: z.string(),
});
export const DeliveryList = listOf(Delivery);

// ── Templates ──────────────────────────────────────────────────────────────────

const TEMPLATE_KEY_RE = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;

export const TemplateParams = z.object({
  key: z
    .string()
    .max(100)
    .regex(TEMPLATE_KEY_RE, tr('模板键格式不正确，如 opinion.accepted', 'Not a template key, e.g. opinion.accepted')),
  channel: Channel,
  locale: Locale,
});

/** Length limits per channel: an SMS is billed per 70 characters, an in-app message is read on a phone. */
export const BODY_LIMITS = { sms: 500, in_app: 2000, email: 20_000 } as const;

export const PutTemplateBody = z.object({
  subject: z
    .string()
    .trim()
    .max(200, tr('标题不能超过 200 个字符', 'The subject is limited to 200 characters'))
    .nullish()
    .transform((v) => v || null),
  body: z
    .string()
    .trim()
    .min(1, tr('模板内容不能为空', 'The template text is required'))
    .max(
      BODY_LIMITS.email,
      tr(`模板内容不能超过 ${BODY_LIMITS.email} 个字符`, `The template text is limited to ${BODY_LIMITS.email} characters`),
    ),
});

export const TemplatesQuery = z.object({
  key: z.string().trim().max(100).optional(),
  channel: Channel.optional(),
  locale: Locale.optional(),
});

const Variable = z.object({ name: z.string(), description: z.string() });

export const Template = z.object({
  key: z.string(),
  channel: Channel,
  locale: Locale,
  subject: z.string().nullable(),
  body: z.string(),
  /** false for a stored template whose event no module declares any more. */
  declared: z.boolean(),
  variables: z.array(Variable),
  updatedBy: z.string().nullable(),
  updatedAt: z.string(),
});

export const TemplateKey = z.object({ key: z.string(), description: z.string(), variables: z.array(Variable) });

export const TemplateList = listOf(Template).extend({ keys: z.array(TemplateKey) });
