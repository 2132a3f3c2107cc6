import { sql } from 'drizzle-orm';
import { date, integer, jsonb, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

// The values the CHECK constraints of migration 0011 allow.
export const CONGRESS_LEVELS = ['provincial', 'municipal', 'county', 'township'] as const;
export type CongressLevel = (typeof CONGRESS_LEVELS)[number];
export const REPLY_CLASSES = ['A', 'B', 'C', 'D'] as const;
export type ReplyClass = (typeof REPLY_CLASSES)[number];
export type ReplyClassLabels = Record<ReplyClass, string>;

/** The NPC's wording of the reply classes (migration 0011's default). */
export const DEFAULT_REPLY_CLASS_LABELS: ReplyClassLabels = {
  A: '所提问题已经解决或者基本解决',
  B: '正在解决或者列入规划逐步解决',
  C: '因目前条件限制或者其他原因需待以后解决',
  D: '留作参考',
};

export const congresses = pgTable('congresses', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  regionCode: varchar('region_code', { length: 12 }).notNull(),
  level: text('level').notNull().$type<CongressLevel>(),
  name: text('name').notNull(),
  motionMinSigners: integer('motion_min_signers').notNull(),
  assignWorkingDays: integer('assign_working_days').notNull().default(5),
  returnWorkingDays: integer('return_working_days').notNull().default(7),
  coOpinionMonths: integer('co_opinion_months').notNull().default(1),
  replyMonths: integer('reply_months').notNull().default(3),
  extensionMaxMonths: integer('extension_max_months').notNull().default(6),
  evaluationWorkingDays: integer('evaluation_working_days').notNull().default(20),
  rehandleMonths: integer('rehandle_months').notNull().default(1),
  replyClassLabels: jsonb('reply_class_labels').notNull().$type<ReplyClassLabels>().default(DEFAULT_REPLY_CLASS_LABELS),
  version: integer('version').notNull().default(1),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const congressTerms = pgTable('congress_terms', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  congressId: uuid('congress_id').notNull(),
  regionCode: varchar('region_code', { length: 12 }).notNull(),
  number: integer('number').notNull(),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  endsOn: date('ends_on', { mode: 'string' }),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const congressSessions = pgTable('congress_sessions', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  congressId: uuid('congress_id').notNull(),
  termId: uuid('term_id').notNull(),
  regionCode: varchar('region_code', { length: 12 }).notNull(),
  number: integer('number').notNull(),
  opensOn: date('opens_on', { mode: 'string' }).notNull(),
  closesOn: date('closes_on', { mode: 'string' }).notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
