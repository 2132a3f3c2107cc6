import { sql } from 'drizzle-orm';
import { integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/** The year-end evaluation's scoring sheets and reviewers' scores, mirroring migration 0013. */

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const AWARD_TARGETS = ['unit', 'suggestion'] as const;
export type AwardTarget = (typeof AWARD_TARGETS)[number];

export const suggestionAwardSheets = pgTable('suggestion_award_sheets', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  congressId: uuid('congress_id').notNull(),
  regionCode: varchar('region_code', { length: 12 }).notNull(),
  year: integer('year').notNull(),
  target: text('target').notNull().$type<AwardTarget>(),
  criteria: jsonb('criteria').notNull().$type<unknown[]>(),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const suggestionAwardScores = pgTable(
  'suggestion_award_scores',
  {
    sheetId: uuid('sheet_id').notNull(),
    suggestionId: uuid('suggestion_id').notNull(),
    reviewerId: uuid('reviewer_id').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    criterion: varchar('criterion', { length: 32 }).notNull(),
    score: numeric('score', { precision: 7, scale: 2, mode: 'number' }).notNull(),
    enteredAt: ts('entered_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sheetId, t.suggestionId, t.reviewerId, t.criterion] })],
);
