import { sql } from 'drizzle-orm';
import { pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

// The values the CHECK constraints of migration 0001 allow.
export const ORGANIZATION_CATEGORIES = ['congress', 'unit'] as const;
export const CONGRESS_KINDS = [
  'standing_committee',
  'office',
  'special_committee',
  'township_presidium',
  'street_working_committee',
] as const;
export const UNIT_KINDS = ['government_department', 'court', 'procuratorate', 'public_utility', 'other_unit'] as const;
export const ORGANIZATION_KINDS = [...CONGRESS_KINDS, ...UNIT_KINDS] as const;
export const ORGANIZATION_STATUSES = ['active', 'inactive'] as const;
export type OrganizationCategory = (typeof ORGANIZATION_CATEGORIES)[number];
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];
export type OrganizationStatus = (typeof ORGANIZATION_STATUSES)[number];

/** Each kind belongs to exactly one category: congress bodies, or the units that handle cases. */
export const categoryOf = (kind: OrganizationKind): OrganizationCategory =>
  (CONGRESS_KINDS as readonly string[]).includes(kind) ? 'congress' : 'unit';

export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  regionCode: varchar('region_code', { length: 12 }).notNull(),
  parentId: uuid('parent_id'),
  category: text('category').notNull().$type<OrganizationCategory>(),
  kind: text('kind').notNull().$type<OrganizationKind>(),
  name: text('name').notNull(),
  shortName: text('short_name'),
  contactName: text('contact_name'),
  contactPhone: text('contact_phone'),
  address: text('address'),
  status: text('status').notNull().default('active').$type<OrganizationStatus>(),
  namePinyin: text('name_pinyin').notNull(),
  nameInitials: text('name_initials').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
