import { boolean, doublePrecision, integer, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { submitterColumns } from './opinions.tables.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Public submissions waiting to be registered as cases (migration 0016). */
export const opinionInbox = pgTable('opinion_inbox', {
  id: uuid('id').primaryKey(),
  trackingCode: varchar('tracking_code', { length: 16 }).notNull().unique(),
  stationId: uuid('station_id').notNull(),
  regionCode: varchar('region_code', { length: 12 }).notNull(),
  channel: text('channel').$type<'qr' | 'online'>().notNull(),
  categoryId: uuid('category_id'),
  content: text('content').notNull(),
  placeText: text('place_text'),
  latitude: doublePrecision('latitude'),
  longitude: doublePrecision('longitude'),
  ...submitterColumns(),
  consentShare: boolean('consent_share').notNull(),
  consentPublish: boolean('consent_publish').notNull(),
  idempotencyKey: varchar('idempotency_key', { length: 64 }).unique(),
  photoIds: uuid('photo_ids').array().notNull(),
  ip: text('ip'),
  userAgent: text('user_agent'),
  receivedAt: ts('received_at').notNull(),
  attempts: integer('attempts').notNull(),
  lastError: text('last_error'),
});

export type InboxRow = typeof opinionInbox.$inferSelect;
