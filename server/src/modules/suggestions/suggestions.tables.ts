import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import type { ReplyClass } from './congresses.tables.js';
import type { Kind, RejectReason, SuggestionState } from './suggestions.workflow.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

// The values the CHECK constraints of migration 0011 allow.
export const PHASES = ['session', 'recess'] as const;
export type Phase = (typeof PHASES)[number];
export const COSIGNER_STATUSES = ['invited', 'confirmed', 'declined'] as const;
export type CosignerStatus = (typeof COSIGNER_STATUSES)[number];
export const COMMITTEE_DECISIONS = ['listed', 'converted', 'not_listed'] as const;
export type CommitteeDecision = (typeof COMMITTEE_DECISIONS)[number];
export const SUGGESTION_FILE_KINDS = ['attachment', 'reply_letter', 'co_opinion', 'consultation', 'commitment'] as const;
export type SuggestionFileKind = (typeof SUGGESTION_FILE_KINDS)[number];

export const suggestionCategories = pgTable('suggestion_categories', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  code: varchar('code', { length: 32 }).notNull().unique(),
  name: text('name').notNull(),
  nameEn: text('name_en'),
  sortOrder: integer('sort_order').notNull().default(0),
  active: boolean('active').notNull().default(true),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const suggestions = pgTable('suggestions', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  regionCode: varchar('region_code', { length: 12 }).notNull(),
  congressId: uuid('congress_id').notNull(),
  termId: uuid('term_id').notNull(),
  sessionId: uuid('session_id'),
  phase: text('phase').notNull().$type<Phase>(),
  kind: text('kind').notNull().$type<Kind>(),
  originalKind: text('original_kind').notNull().$type<Kind>(),
  number: integer('number'),
  title: text('title').notNull(),
  grounds: text('grounds').notNull().default(''),
  proposal: text('proposal').notNull().default(''),
  categoryId: uuid('category_id'),
  leadDeputyId: uuid('lead_deputy_id').notNull(),
  byDelegation: boolean('by_delegation').notNull().default(false),
  delegation: text('delegation'),
  state: text('state').notNull().default('draft').$type<SuggestionState>(),
  dueAt: ts('due_at'),
  overdue: boolean('overdue').notNull().default(false),
  overdueStages: text('overdue_stages').array().notNull().default(sql`'{}'`),
  cosigningStartedAt: ts('cosigning_started_at'),
  submittedAt: ts('submitted_at'),
  lastSubmittedAt: ts('last_submitted_at'),
  reviewedBy: uuid('reviewed_by'),
  acceptedAt: ts('accepted_at'),
  returnReason: text('return_reason'),
  returnCount: integer('return_count').notNull().default(0),
  rejectReason: text('reject_reason').$type<RejectReason>(),
  rejectNote: text('reject_note'),
  mergedIntoId: uuid('merged_into_id'),
  committeeId: uuid('committee_id'),
  committeeDecision: text('committee_decision').$type<CommitteeDecision>(),
  committeeReason: text('committee_reason'),
  committeeDecidedAt: ts('committee_decided_at'),
  sourceOpinionId: uuid('source_opinion_id'),
  assignedAt: ts('assigned_at'),
  replyClass: text('reply_class').$type<ReplyClass>(),
  repliedAt: ts('replied_at'),
  evaluationRound: integer('evaluation_round').notNull().default(0),
  rehandleCount: integer('rehandle_count').notNull().default(0),
  closedAt: ts('closed_at'),
  fulfilledAt: ts('fulfilled_at'),
  searchTokens: tsvector('search_tokens'),
  version: integer('version').notNull().default(1),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const suggestionCosigners = pgTable(
  'suggestion_cosigners',
  {
    suggestionId: uuid('suggestion_id').notNull(),
    deputyId: uuid('deputy_id').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    status: text('status').notNull().default('invited').$type<CosignerStatus>(),
    invitedBy: uuid('invited_by'),
    invitedAt: ts('invited_at').notNull().defaultNow(),
    respondedBy: uuid('responded_by'),
    respondedAt: ts('responded_at'),
    declineReason: text('decline_reason'),
  },
  (t) => [primaryKey({ columns: [t.suggestionId, t.deputyId] })],
);

export const suggestionFiles = pgTable(
  'suggestion_files',
  {
    suggestionId: uuid('suggestion_id').notNull(),
    fileId: uuid('file_id').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    kind: text('kind').notNull().$type<SuggestionFileKind>(),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.suggestionId, t.fileId] })],
);

export const suggestionEvents = pgTable('suggestion_events', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  suggestionId: uuid('suggestion_id').notNull(),
  regionCode: varchar('region_code', { length: 12 }).notNull(),
  at: ts('at').notNull().defaultNow(),
  actorId: uuid('actor_id'),
  actorRole: text('actor_role'),
  actorName: text('actor_name'),
  action: text('action').notNull(),
  fromState: text('from_state'),
  toState: text('to_state'),
  note: text('note'),
  data: jsonb('data'),
  stageOverdue: boolean('stage_overdue'),
});
