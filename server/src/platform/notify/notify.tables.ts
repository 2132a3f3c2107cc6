import { sql } from 'drizzle-orm';
import { bigint, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

// The values the CHECK constraints of migration 0005 allow.
export const CHANNELS = ['in_app', 'sms', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];
export const NOTIFICATION_STATUSES = ['queued', 'sent', 'failed', 'dead', 'skipped'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];
export const TEMPLATE_LOCALES = ['zh', 'en'] as const;
export type TemplateLocale = (typeof TEMPLATE_LOCALES)[number];

export type TemplateVars = Record<string, string | number>;

export const outbox = pgTable('outbox', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  topic: text('topic').notNull(),
  aggregateType: text('aggregate_type').notNull(),
  aggregateId: text('aggregate_id').notNull(),
  regionCode: varchar('region_code', { length: 12 }),
  payload: jsonb('payload').notNull().$type<Record<string, unknown>>().default({}),
  createdAt: ts('created_at').notNull().defaultNow(),
  dispatchedAt: ts('dispatched_at'),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
  nextAttemptAt: ts('next_attempt_at').notNull().defaultNow(),
});

export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    outboxId: bigint('outbox_id', { mode: 'number' }).notNull(),
    topic: text('topic').notNull(),
    channel: text('channel').notNull().$type<Channel>(),
    recipientKey: text('recipient_key').notNull(),
    recipientUserId: uuid('recipient_user_id'),
    recipientPhoneEnc: text('recipient_phone_enc'),
    recipientPhoneMasked: text('recipient_phone_masked'),
    recipientEmail: text('recipient_email'),
    templateKey: text('template_key').notNull(),
    locale: text('locale').notNull().$type<TemplateLocale>(),
    vars: jsonb('vars').notNull().$type<TemplateVars>().default({}),
    link: text('link'),
    subject: text('subject'),
    body: text('body').notNull(),
    status: text('status').notNull().$type<NotificationStatus>(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    nextAttemptAt: ts('next_attempt_at'),
    sentAt: ts('sent_at'),
    provider: text('provider'),
    providerMessageId: text('provider_message_id'),
    readAt: ts('read_at'),
    regionCode: varchar('region_code', { length: 12 }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [unique('notifications_outbox_id_channel_recipient_key_key').on(t.outboxId, t.channel, t.recipientKey)],
);

export const notificationTemplates = pgTable(
  'notification_templates',
  {
    key: text('key').notNull(),
    channel: text('channel').notNull().$type<Channel>(),
    locale: text('locale').notNull().$type<TemplateLocale>(),
    subject: text('subject'),
    body: text('body').notNull(),
    updatedBy: uuid('updated_by'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.key, t.channel, t.locale] })],
);
