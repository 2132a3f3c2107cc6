import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { stations } from '../stations/stations.tables.js';
import { opinionCategories, opinions } from './opinions.tables.js';

/** All SQL of publishing cases and of the public list of them. */

export async function stationIdByCode(db: Executor, code: string): Promise<string | undefined> {
  const [row] = await db.select({ id: stations.id }).from(stations).where(eq(stations.code, code)).limit(1);
  return row?.id;
}

/** Published cases, newest publication first; only the published wording leaves this query. */
export async function publishedCases(db: Executor, p: { stationId?: string; limit: number; offset: number }) {
  const where: SQL | undefined = and(eq(opinions.published, true), p.stationId ? eq(opinions.stationId, p.stationId) : undefined);
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: opinions.id,
        title: opinions.publishedTitle,
        text: opinions.publishedText,
        reply: opinions.publishedReply,
        replyResult: opinions.replyResult,
        category: opinionCategories.name,
        stationCode: stations.code,
        stationName: stations.name,
        receivedAt: opinions.receivedAt,
        closedAt: opinions.closedAt,
        publishedAt: opinions.publishedAt,
      })
      .from(opinions)
      .leftJoin(stations, eq(stations.id, opinions.stationId))
      .leftJoin(opinionCategories, eq(opinionCategories.id, opinions.categoryId))
      .where(where)
      .orderBy(desc(opinions.publishedAt), desc(opinions.id))
      .limit(p.limit)
      .offset(p.offset),
    db.select({ n: count() }).from(opinions).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}
