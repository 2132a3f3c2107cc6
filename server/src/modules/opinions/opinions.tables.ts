import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  date,
  doublePrecision,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import type { OpinionState } from './opinions.workflow.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

// The values the CHECK constraints of migration 0004 allow.
export const OPINION_CHANNELS = [
  'station_visit',
  'online',
  'qr',
  'hotline',
  'card',
  'home_visit',
  'mobile_station',
  'letter',
  'hotline_12345',
] as const;
export const REPLY_RESULTS = ['resolved', 'basically_resolved', 'being_resolved', 'cannot_resolve_now'] as const;
export const EVALUATIONS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export const DEADLINE_STEPS = [
  'opinion.accept',
  'opinion.unit_accept',
  'opinion.reply',
  'opinion.reply_complex',
  'opinion.evaluation',
  'opinion.reminder_before',
] as const;
export type OpinionChannel = (typeof OPINION_CHANNELS)[number];
export type ReplyResult = (typeof REPLY_RESULTS)[number];
export type EvaluationValue = (typeof EVALUATIONS)[number];
export type DeadlineStep = (typeof DEADLINE_STEPS)[number];

export const opinionCategories = pgTable('opinion_categories', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  code: varchar('code', { length: 32 }).notNull().unique(),
  parentId: uuid('parent_id'),
  name: text('name').notNull(),
  nameEn: text('name_en'),
  description: text('description'),
  sortOrder: integer('sort_order').notNull().default(0),
  active: boolean('active').notNull().default(true),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const routingRules = pgTable('routing_rules', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  categoryId: uuid('category_id').notNull(),
  regionCode: varchar('region_code', { length: 12 }).notNull(),
  unitId: uuid('unit_id').notNull(),
  validFrom: ts('valid_from').notNull().defaultNow(),
  validTo: ts('valid_to'),
  createdBy: uuid('created_by'),
  endedBy: uuid('ended_by'),
});

export const deadlineRules = pgTable(
  'deadline_rules',
  {
    regionCode: varchar('region_code', { length: 12 }).notNull().default(''),
    step: text('step').notNull().$type<DeadlineStep>(),
    workingDays: integer('working_days').notNull(),
    updatedBy: uuid('updated_by'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.step] })],
);

export const receptions = pgTable('receptions', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  stationId: uuid('station_id').notNull(),
  regionCode: varchar('region_code', { length: 12 }).notNull(),
  receivedOn: date('received_on', { mode: 'string' }).notNull(),
  deputyIds: uuid('deputy_ids').array().notNull().default(sql`'{}'`),
  staffNames: text('staff_names'),
  visitorCount: integer('visitor_count').notNull().default(0),
  summary: text('summary'),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/**
 * The constituent, sealed: encrypted values, masked copies for lists and the phone's blind index. A
 * case and a public submission waiting in the inbox (opinions.inbox.tables.ts) carry the same columns.
 */
export const submitterColumns = () => ({
  submitterNameEnc: text('submitter_name_enc'),
  submitterNameMasked: text('submitter_name_masked'),
  nameHidden: boolean('name_hidden').notNull().default(true),
  submitterPhoneEnc: text('submitter_phone_enc'),
  submitterPhoneHash: text('submitter_phone_hash'),
  submitterPhoneMasked: text('submitter_phone_masked'),
  submitterAddressEnc: text('submitter_address_enc'),
});

export const opinions = pgTable('opinions', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  trackingCode: varchar('tracking_code', { length: 16 }).notNull().unique(),
  regionCode: varchar('region_code', { length: 12 }).notNull(),
  stationId: uuid('station_id'),
  receptionId: uuid('reception_id'),
  channel: text('channel').notNull().$type<OpinionChannel>(),
  categoryId: uuid('category_id'),
  title: text('title').notNull(),
  content: text('content').notNull(),
  placeText: text('place_text'),
  latitude: doublePrecision('latitude'),
  longitude: doublePrecision('longitude'),
  ...submitterColumns(),
  consentShare: boolean('consent_share').notNull().default(false),
  consentPublish: boolean('consent_publish').notNull().default(false),
  consentAt: ts('consent_at'),
  state: text('state').notNull().default('submitted').$type<OpinionState>(),
  responsibleDeputyId: uuid('responsible_deputy_id'),
  leadUnitId: uuid('lead_unit_id'),
  complex: boolean('complex').notNull().default(false),
  dueAt: ts('due_at'),
  overdue: boolean('overdue').notNull().default(false),
  overdueStages: text('overdue_stages').array().notNull().default(sql`'{}'`),
  remindedAt: ts('reminded_at'),
  urgeCount: integer('urge_count').notNull().default(0),
  supervised: boolean('supervised').notNull().default(false),
  supervisedBy: uuid('supervised_by'),
  supervisionInstruction: text('supervision_instruction'),
  rejectReason: text('reject_reason'),
  rejectGuidance: text('reject_guidance'),
  replyResult: text('reply_result').$type<ReplyResult>(),
  replyText: text('reply_text'),
  repliedAt: ts('replied_at'),
  replyDueAt: ts('reply_due_at'),
  repliedOnTime: boolean('replied_on_time'),
  fedBackAt: ts('fed_back_at'),
  evaluation: text('evaluation').$type<EvaluationValue>(),
  evaluationComment: text('evaluation_comment'),
  evaluatedAt: ts('evaluated_at'),
  rehandleCount: integer('rehandle_count').notNull().default(0),
  closedAt: ts('closed_at'),
  mergedIntoId: uuid('merged_into_id'),
  convertedSuggestionId: uuid('converted_suggestion_id'),
  published: boolean('published').notNull().default(false),
  publishedText: text('published_text'),
  publishedTitle: text('published_title'),
  publishedReply: text('published_reply'),
  publishedAt: ts('published_at'),
  publishedBy: uuid('published_by'),
  idempotencyKey: varchar('idempotency_key', { length: 64 }).unique(),
  searchTokens: tsvector('search_tokens'),
  version: integer('version').notNull().default(1),
  createdBy: uuid('created_by'),
  receivedAt: ts('received_at').notNull().defaultNow(),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  anonymizedAt: ts('anonymized_at'),
});

export const opinionUnits = pgTable('opinion_units', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  opinionId: uuid('opinion_id').notNull(),
  regionCode: varchar('region_code', { length: 12 }).notNull(),
  unitId: uuid('unit_id').notNull(),
  role: text('role').notNull().$type<'lead' | 'co'>(),
  round: integer('round').notNull().default(1),
  status: text('status').notNull().default('transferred').$type<'transferred' | 'handling' | 'returned' | 'replied'>(),
  dueAt: ts('due_at'),
  note: text('note'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const opinionEvents = pgTable('opinion_events', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  opinionId: uuid('opinion_id').notNull(),
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

export const opinionFiles = pgTable(
  'opinion_files',
  {
    opinionId: uuid('opinion_id').notNull(),
    fileId: uuid('file_id').notNull(),
    kind: text('kind').notNull().$type<'photo' | 'reply'>(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.opinionId, t.fileId] })],
);

export const opinionExtensions = pgTable('opinion_extensions', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  opinionId: uuid('opinion_id').notNull(),
  regionCode: varchar('region_code', { length: 12 }).notNull(),
  requestedBy: uuid('requested_by').notNull(),
  reason: text('reason').notNull(),
  requestedDays: integer('requested_days').notNull(),
  status: text('status').notNull().default('pending').$type<'pending' | 'approved' | 'rejected'>(),
  decidedBy: uuid('decided_by'),
  decidedAt: ts('decided_at'),
  decisionNote: text('decision_note'),
  newDueAt: ts('new_due_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
});
