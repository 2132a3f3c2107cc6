import { date, pgTable, primaryKey, text, uuid, varchar } from 'drizzle-orm/pg-core';

/**
 * The aggregate of migration 0007: the key columns; the metric columns (statistics.metrics.ts) are
 * summed by name in statistics.repo.ts. Written by database triggers only, never by the app.
 */
export const opinionStatCube = pgTable(
  'opinion_stat_cube',
  {
    unitId: uuid('unit_id').notNull(),
    dim: text('dim').notNull(),
    scope: varchar('scope', { length: 12 }).notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    member: text('member').notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.dim, t.scope, t.month, t.member] })],
);
