import { sql } from 'drizzle-orm';
import { boolean, date, integer, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import type { ReplyClass } from './congresses.tables.js';
import type { AssignmentRole, AssignmentStatus } from './suggestions.assignment.workflow.js';
import type { Rating } from './suggestions.workflow.js';

/**
 * The tables of assignment, handling and evaluation (DESIGN §3.2, items 4–6 of issue 4), mirroring
 * migration 0011. The commands that write them come with the assignment and handling work.
 */

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const CONSULTATION_KINDS = ['face_to_face', 'phone', 'visit', 'meeting'] as const;
export type ConsultationKind = (typeof CONSULTATION_KINDS)[number];
export const REPLY_STATUSES = ['draft', 'awaiting_approval', 'approved', 'sent'] as const;
export type ReplyStatus = (typeof REPLY_STATUSES)[number];
export type Decided = 'pending' | 'approved' | 'rejected';

export const suggestionAssignments = pgTable('suggestion_assignments', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  suggestionId: uuid('suggestion_id').notNull(),
  regionCode: varchar('region_code', { length: 12 }).notNull(),
  unitId: uuid('unit_id').notNull(),
  role: text('role').notNull().$type<AssignmentRole>(),
  round: integer('round').notNull().default(1),
  status: text('status').notNull().default('pending').$type<AssignmentStatus>(),
  batchLabel: text('batch_label'),
  assignedBy: uuid('assigned_by'),
  assignedAt: ts('assigned_at').notNull(),
  returnDueAt: ts('return_due_at'),
  dueAt: ts('due_at').notNull(),
  originalDueAt: ts('original_due_at').notNull(),
  acceptedAt: ts('accepted_at'),
  repliedAt: ts('replied_at'),
  repliedOnTime: boolean('replied_on_time'),
  overdue: boolean('overdue').notNull().default(false),
  reassignedFromId: uuid('reassigned_from_id'),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const suggestionCoOpinions = pgTable('suggestion_co_opinions', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  suggestionId: uuid('suggestion_id').notNull(),
  regionCode: varchar('region_code', { length: 12 }).notNull(),
  assignmentId: uuid('assignment_id').notNull().unique(),
  leadAssignmentId: uuid('lead_assignment_id').notNull(),
  text: text('text').notNull(),
  fileId: uuid('file_id'),
  sentBy: uuid('sent_by'),
  sentAt: ts('sent_at').notNull(),
  onTime: boolean('on_time'),
});

export const suggestionConsultations = pgTable('suggestion_consultations', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  suggestionId: uuid('suggestion_id').notNull(),
  regionCode: varchar('region_code', { length: 12 }).notNull(),
  assignmentId: uuid('assignment_id').notNull(),
  unitId: uuid('unit_id').notNull(),
  deputyId: uuid('deputy_id').notNull(),
  kind: text('kind').notNull().$type<ConsultationKind>(),
  heldAt: ts('held_at').notNull(),
  place: text('place'),
  participants: text('participants'),
  summary: text('summary').notNull(),
  confirmation: text('confirmation').notNull().default('pending').$type<'pending' | 'confirmed' | 'disputed'>(),
  confirmedAt: ts('confirmed_at'),
  confirmationNote: text('confirmation_note'),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const suggestionReplies = pgTable('suggestion_replies', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  suggestionId: uuid('suggestion_id').notNull(),
  regionCode: varchar('region_code', { length: 12 }).notNull(),
  assignmentId: uuid('assignment_id').notNull().unique(),
  unitId: uuid('unit_id').notNull(),
  round: integer('round').notNull().default(1),
  status: text('status').notNull().default('draft').$type<ReplyStatus>(),
  replyClass: text('reply_class').$type<ReplyClass>(),
  text: text('text').notNull(),
  referenceNumber: varchar('reference_number', { length: 64 }),
  signerName: text('signer_name'),
  contactName: text('contact_name'),
  contactPhone: text('contact_phone'),
  letterFileId: uuid('letter_file_id'),
  draftedBy: uuid('drafted_by'),
  approvedBy: uuid('approved_by'),
  approvedAt: ts('approved_at'),
  sentAt: ts('sent_at'),
  onTime: boolean('on_time'),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const suggestionCommitments = pgTable('suggestion_commitments', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  suggestionId: uuid('suggestion_id').notNull(),
  regionCode: varchar('region_code', { length: 12 }).notNull(),
  replyId: uuid('reply_id').notNull(),
  unitId: uuid('unit_id').notNull(),
  content: text('content').notNull(),
  dueOn: date('due_on', { mode: 'string' }).notNull(),
  status: text('status').notNull().default('open').$type<'open' | 'done' | 'cancelled'>(),
  doneAt: ts('done_at'),
  doneNote: text('done_note'),
  evidenceFileId: uuid('evidence_file_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const suggestionEvaluations = pgTable('suggestion_evaluations', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  suggestionId: uuid('suggestion_id').notNull(),
  regionCode: varchar('region_code', { length: 12 }).notNull(),
  round: integer('round').notNull(),
  assignmentId: uuid('assignment_id'),
  deputyId: uuid('deputy_id').notNull(),
  result: text('result').$type<Rating>(),
  attitude: text('attitude').$type<Rating>(),
  silent: boolean('silent').notNull().default(false),
  comment: text('comment'),
  evaluatedAt: ts('evaluated_at').notNull(),
  createdBy: uuid('created_by'),
});

export const suggestionExtensions = pgTable('suggestion_extensions', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  suggestionId: uuid('suggestion_id').notNull(),
  regionCode: varchar('region_code', { length: 12 }).notNull(),
  assignmentId: uuid('assignment_id').notNull(),
  requestedBy: uuid('requested_by').notNull(),
  reason: text('reason').notNull(),
  requestedDueAt: ts('requested_due_at').notNull(),
  status: text('status').notNull().default('pending').$type<Decided>(),
  decidedBy: uuid('decided_by'),
  decidedAt: ts('decided_at'),
  decisionNote: text('decision_note'),
  newDueAt: ts('new_due_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const suggestionReturns = pgTable('suggestion_returns', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  suggestionId: uuid('suggestion_id').notNull(),
  regionCode: varchar('region_code', { length: 12 }).notNull(),
  assignmentId: uuid('assignment_id').notNull(),
  unitId: uuid('unit_id').notNull(),
  reason: text('reason').notNull(),
  requestedBy: uuid('requested_by').notNull(),
  requestedAt: ts('requested_at').notNull(),
  status: text('status').notNull().default('pending').$type<'pending' | 'approved' | 'refused'>(),
  decidedBy: uuid('decided_by'),
  decidedAt: ts('decided_at'),
  decisionNote: text('decision_note'),
  reassignedAssignmentId: uuid('reassigned_assignment_id'),
});
