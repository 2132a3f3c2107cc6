import { sql } from 'drizzle-orm';
import { date, doublePrecision, integer, pgTable, primaryKey, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

// The values the CHECK constraints of migration 0002 allow.
export const STATION_TYPES = ['station', 'home', 'point', 'online', 'mobile', 'court', 'procuratorate', 'enterprise'] as const;
export const STATION_TIERS = ['main', 'central', 'basic'] as const;
export const STATION_STATUSES = ['active', 'inactive'] as const;
export const MEMBER_ROLES = ['head', 'deputy_head', 'member'] as const;
export type StationType = (typeof STATION_TYPES)[number];
export type StationTier = (typeof STATION_TIERS)[number];
export type StationStatus = (typeof STATION_STATUSES)[number];
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const stations = pgTable('stations', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  code: varchar('code', { length: 32 }).notNull().unique(),
  name: text('name').notNull(),
  type: text('type').notNull().$type<StationType>(),
  tier: text('tier').notNull().$type<StationTier>(),
  regionCode: varchar('region_code', { length: 12 }).notNull(),
  address: text('address'),
  latitude: doublePrecision('latitude'),
  longitude: doublePrecision('longitude'),
  openingHours: text('opening_hours'),
  receptionSchedule: text('reception_schedule'),
  hotline: text('hotline'),
  starLevel: integer('star_level').notNull().default(0),
  description: text('description'),
  status: text('status').notNull().default('active').$type<StationStatus>(),
  namePinyin: text('name_pinyin').notNull(),
  nameInitials: text('name_initials').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const stationMembers = pgTable(
  'station_members',
  {
    stationId: uuid('station_id').notNull(),
    deputyId: uuid('deputy_id').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    role: text('role').notNull().default('member').$type<MemberRole>(),
    joinedOn: date('joined_on', { mode: 'string' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.stationId, t.deputyId] })],
);
