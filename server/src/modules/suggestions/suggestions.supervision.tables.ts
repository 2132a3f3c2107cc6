import { sql } from 'drizzle-orm';
import { date, integer, pgTable, primaryKey, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/**
 * Supervision and publication of suggestions (issue 4, items 7 and 8), mirroring migration 0012:
 * key items and their topics, progress reports, urgings, coordination meetings, published replies.
 */

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const PROGRESS_SIDES = ['supervisor', 'unit'] as const;
export type ProgressSide = (typeof PROGRESS_SIDES)[number];
export const PUBLICATION_STATUSES = ['draft', 'published', 'unpublished'] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];

export const suggestionSupervisionTopics = pgTable('suggestion_supervision_topics', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  congressId: uuid('congress_id').notNull(),
  regionCode: varchar('region_code', { length: 12 }).notNull(),
  year: integer('year').notNull(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  leaderId: uuid('leader_id'),
  committeeId: uuid('committee_id'),
  version: integer('version').notNull().default(1),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const suggestionKeyItems = pgTable('suggestion_key_items', {
  suggestionId: uuid('suggestion_id').primaryKey(),
  regionCode: varchar('region_code', { length: 12 }).notNull(),
  topicId: uuid('topic_id'),
  note: text('note'),
  markedBy: uuid('marked_by'),
  markedAt: ts('marked_at').notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const suggestionProgressReports = pgTable('suggestion_progress_reports', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  suggestionId: uuid('suggestion_id').notNull(),
  regionCode: varchar('region_code', { length: 12 }).notNull(),
  side: text('side').notNull().$type<ProgressSide>(),
  assignmentId: uuid('assignment_id'),
  unitId: uuid('unit_id'),
  reportedOn: date('reported_on', { mode: 'string' }).notNull(),
  text: text('text').notNull(),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const suggestionUrgings = pgTable('suggestion_urgings', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  suggestionId: uuid('suggestion_id').notNull(),
  regionCode: varchar('region_code', { length: 12 }).notNull(),
  assignmentId: uuid('assignment_id').notNull(),
  unitId: uuid('unit_id').notNull(),
  note: text('note'),
  urgedBy: uuid('urged_by'),
  urgedAt: ts('urged_at').notNull(),
});

export const suggestionCoordinationMeetings = pgTable('suggestion_coordination_meetings', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  congressId: uuid('congress_id').notNull(),
  regionCode: varchar('region_code', { length: 12 }).notNull(),
  heldOn: date('held_on', { mode: 'string' }).notNull(),
  place: text('place').notNull(),
  attendees: text('attendees').notNull(),
  summary: text('summary').notNull().default(''),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const suggestionMeetingUnits = pgTable(
  'suggestion_meeting_units',
  { meetingId: uuid('meeting_id').notNull(), unitId: uuid('unit_id').notNull() },
  (t) => [primaryKey({ columns: [t.meetingId, t.unitId] })],
);

export const suggestionMeetingSuggestions = pgTable(
  'suggestion_meeting_suggestions',
  { meetingId: uuid('meeting_id').notNull(), suggestionId: uuid('suggestion_id').notNull() },
  (t) => [primaryKey({ columns: [t.meetingId, t.suggestionId] })],
);

export const suggestionMeetingProblems = pgTable('suggestion_meeting_problems', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  meetingId: uuid('meeting_id').notNull(),
  position: integer('position').notNull(),
  suggestionId: uuid('suggestion_id'),
  problem: text('problem').notNull(),
  result: text('result').notNull(),
});

export const suggestionReplyPublications = pgTable('suggestion_reply_publications', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  replyId: uuid('reply_id').notNull().unique(),
  suggestionId: uuid('suggestion_id').notNull(),
  regionCode: varchar('region_code', { length: 12 }).notNull(),
  congressId: uuid('congress_id').notNull(),
  year: integer('year').notNull(),
  title: text('title').notNull(),
  text: text('text').notNull(),
  names: text('names').array().notNull().default(sql`'{}'::text[]`),
  status: text('status').notNull().default('draft').$type<PublicationStatus>(),
  publishedAt: ts('published_at'),
  publishedBy: uuid('published_by'),
  unpublishedAt: ts('unpublished_at'),
  unpublishReason: text('unpublish_reason'),
  version: integer('version').notNull().default(1),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
