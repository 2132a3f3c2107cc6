import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { boolean, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

// The values the CHECK constraint of migration 0001 allows, from the top of the tree down.
export const REGION_LEVELS = ['province', 'city', 'county', 'township', 'community'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];
/** Region codes of a county and below are this long or longer (province 2, city 4, county 6, township 9). */
export const COUNTY_CODE_LENGTH = 6;

/**
 * The first code past every code under `prefix`: a region's subtree is the byte-wise range
 * [prefix, regionRangeEnd(prefix)), since codes are digits and ':' follows '9'.
 */
export const regionRangeEnd = (prefix: string) => `${prefix}:`;

/**
 * A region and everything under it, as a range of its codes on the text_pattern_ops indexes (byte-wise
 * comparisons). Unlike LIKE with a parameter, a range is an index bound in a prepared statement's
 * generic plan too.
 */
export const underRegion = (column: AnyColumn | SQL, prefix: string): SQL =>
  sql`(${column} ~>=~ ${prefix} AND ${column} ~<~ ${regionRangeEnd(prefix)})`;

export const regions = pgTable('regions', {
  code: varchar('code', { length: 12 }).primaryKey(),
  name: text('name').notNull(),
  level: text('level').notNull().$type<RegionLevel>(),
  parentCode: varchar('parent_code', { length: 12 }),
  provinceCode: varchar('province_code', { length: 2 }).notNull(),
  isGrouping: boolean('is_grouping').notNull().default(false),
  namePinyin: text('name_pinyin').notNull(),
  nameInitials: text('name_initials').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  createdBy: uuid('created_by'),
});
