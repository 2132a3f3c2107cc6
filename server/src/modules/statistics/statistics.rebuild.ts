import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import type { RequestContext } from '../../platform/context.js';
import { opinionStatCube } from './statistics.tables.js';

/**
 * Recomputes the opinion counters from the cases, their units and their timelines, in one
 * transaction (migration 0007, opinion_statistics_rebuild()). Needed after a past year's calendar
 * changed, since the stage lengths were counted in working days of the old one; otherwise it gives
 * the rows the triggers already keep.
 */
export async function rebuildOpinionStatistics(db: Db, ctx: RequestContext): Promise<{ cells: number }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT opinion_statistics_rebuild()`);
    const [row] = await tx.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(opinionStatCube);
    const cells = row?.n ?? 0;
    await recordAudit(tx, ctx, { action: 'opinion_statistics.rebuild', entityType: 'opinion_statistics', after: { cells } });
    return { cells };
  });
}
