import { and, count, desc, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { likeEscape } from '../../platform/text.js';
import { stations } from '../stations/stations.tables.js';
import { opinions, receptions } from './opinions.tables.js';

/** All SQL on reception records (接待记录). */

export type ReceptionRow = typeof receptions.$inferSelect;

export async function findReception(db: Executor, id: string): Promise<ReceptionRow | undefined> {
  const [row] = await db.select().from(receptions).where(eq(receptions.id, id));
  return row;
}

export async function insertReception(db: Executor, values: typeof receptions.$inferInsert): Promise<ReceptionRow> {
  const [row] = await db.insert(receptions).values(values).returning();
  if (!row) throw new Error('reception not inserted');
  return row;
}

export interface ReceptionFilter {
  /** Limits to a region subtree ('' or undefined: everywhere). */
  regionPrefix?: string;
  /** Limits to these stations (a station's staff, a deputy's stations). */
  stationIds?: string[];
  stationId?: string;
  from?: string;
  to?: string;
  /** Words in the station's name or the summary. */
  q?: string;
  page: number;
  pageSize: number;
}

const receptionColumns = {
  reception: receptions,
  stationName: stations.name,
  stationCode: stations.code,
  opinionCount: sql<number>`(SELECT count(*)::int FROM ${opinions} WHERE ${opinions.receptionId} = ${receptions.id})`,
};

function where(f: ReceptionFilter): SQL | undefined {
  return and(
    f.regionPrefix ? sql`${receptions.regionCode} LIKE ${`${f.regionPrefix}%`}` : undefined,
    f.stationIds ? (f.stationIds.length ? inArray(receptions.stationId, f.stationIds) : sql`false`) : undefined,
    f.stationId ? eq(receptions.stationId, f.stationId) : undefined,
    f.from ? gte(receptions.receivedOn, f.from) : undefined,
    f.to ? lte(receptions.receivedOn, f.to) : undefined,
    f.q
      ? sql`(${stations.name} ILIKE ${`%${likeEscape(f.q)}%`} OR ${receptions.summary} ILIKE ${`%${likeEscape(f.q)}%`})`
      : undefined,
  );
}

export async function listReceptions(db: Executor, f: ReceptionFilter) {
  const condition = where(f);
  const [items, [total]] = await Promise.all([
    db
      .select(receptionColumns)
      .from(receptions)
      .innerJoin(stations, eq(stations.id, receptions.stationId))
      .where(condition)
      .orderBy(desc(receptions.receivedOn), desc(receptions.createdAt))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(receptions).innerJoin(stations, eq(stations.id, receptions.stationId)).where(condition),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function findReceptionView(db: Executor, id: string) {
  const [row] = await db
    .select(receptionColumns)
    .from(receptions)
    .innerJoin(stations, eq(stations.id, receptions.stationId))
    .where(eq(receptions.id, id));
  return row;
}

export type ReceptionView = NonNullable<Awaited<ReturnType<typeof findReceptionView>>>;
