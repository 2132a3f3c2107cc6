import { sql } from 'drizzle-orm';
import { date, integer, jsonb, pgTable, smallint, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

// The values the CHECK constraints of migration 0002 allow.
export const DEPUTY_LEVELS = ['national', 'provincial', 'municipal', 'county', 'township'] as const;
export const DEPUTY_STATUSES = ['serving', 'ended', 'resigned', 'recalled', 'deceased'] as const;
export const GENDERS = ['male', 'female'] as const;
export const IMPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type DeputyLevel = (typeof DEPUTY_LEVELS)[number];
export type DeputyStatus = (typeof DEPUTY_STATUSES)[number];
export type Gender = (typeof GENDERS)[number];
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** One bad cell (or bad row, when column is absent) of a roster import. */
export interface ImportError {
  /** The row number as Excel shows it (the header is row 1). */
  row: number;
  /** The Chinese column header, as in the file. */
  column?: string;
  message: string;
  messageEn: string;
}

export const persons = pgTable('persons', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  regionCode: varchar('region_code', { length: 12 }).notNull(),
  name: text('name').notNull(),
  gender: text('gender').$type<Gender>(),
  ethnicity: text('ethnicity'),
  birthDate: date('birth_date', { mode: 'string' }),
  party: text('party'),
  education: text('education'),
  occupationCategory: text('occupation_category'),
  occupation: text('occupation'),
  photoFileId: uuid('photo_file_id'),
  phoneEnc: text('phone_enc'),
  phoneHash: text('phone_hash'),
  phoneMasked: text('phone_masked'),
  idNumberEnc: text('id_number_enc'),
  idNumberHash: text('id_number_hash').unique(),
  idNumberMasked: text('id_number_masked'),
  namePinyin: text('name_pinyin').notNull(),
  nameInitials: text('name_initials').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const deputies = pgTable('deputies', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  personId: uuid('person_id').notNull(),
  level: text('level').notNull().$type<DeputyLevel>(),
  congressRegionCode: varchar('congress_region_code', { length: 12 }).notNull(),
  regionCode: varchar('region_code', { length: 12 }).notNull(),
  term: integer('term').notNull(),
  delegation: text('delegation'),
  constituency: text('constituency'),
  deputyGroup: text('deputy_group'),
  status: text('status').notNull().default('serving').$type<DeputyStatus>(),
  startedOn: date('started_on', { mode: 'string' }),
  endedOn: date('ended_on', { mode: 'string' }),
  statusChangedOn: date('status_changed_on', { mode: 'string' }),
  /** National 1 … township 5, computed by the database. */
  levelRank: smallint('level_rank').generatedAlwaysAs(
    sql`CASE level WHEN 'national' THEN 1 WHEN 'provincial' THEN 2 WHEN 'municipal' THEN 3 WHEN 'county' THEN 4 ELSE 5 END`,
  ),
  /** The person's name order (pinyin, space, name), set by a trigger of migration 0002; never written by the app. */
  sortKey: text('sort_key'),
  /** The person's name and initials, copied by the same triggers (migration 0009) for search; never written by the app. */
  personName: text('person_name'),
  personInitials: text('person_initials'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const deputyImports = pgTable('deputy_imports', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  regionCode: varchar('region_code', { length: 12 }).notNull(),
  fileId: uuid('file_id'),
  filename: text('filename').notNull(),
  status: text('status').notNull().default('queued').$type<ImportStatus>(),
  totalRows: integer('total_rows').notNull().default(0),
  processedRows: integer('processed_rows').notNull().default(0),
  importedRows: integer('imported_rows').notNull().default(0),
  errorRows: integer('error_rows').notNull().default(0),
  errors: jsonb('errors').notNull().default([]).$type<ImportError[]>(),
  /** Why a whole file failed (zh and en); bad rows go to errors. */
  message: text('message'),
  messageEn: text('message_en'),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  startedAt: ts('started_at'),
  finishedAt: ts('finished_at'),
});
