import { and, desc, eq, gte, inArray, lt, notInArray, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { opinionCategories, opinions } from '../opinions/opinions.tables.js';
import { OPEN_STATES } from '../opinions/opinions.workflow.js';
import { organizations } from '../organizations/organizations.tables.js';
import type { Open311Status } from './open311.schema.js';

/** Open311's reads of cases: a case with its category and lead unit, never a column of the person's. */

const columns = {
  id: opinions.id,
  trackingCode: opinions.trackingCode,
  state: opinions.state,
  consentPublish: opinions.consentPublish,
  content: opinions.content,
  published: opinions.published,
  publishedText: opinions.publishedText,
  placeText: opinions.placeText,
  latitude: opinions.latitude,
  longitude: opinions.longitude,
  replyResult: opinions.replyResult,
  dueAt: opinions.dueAt,
  receivedAt: opinions.receivedAt,
  updatedAt: opinions.updatedAt,
  categoryCode: opinionCategories.code,
  categoryName: opinionCategories.name,
  categoryNameEn: opinionCategories.nameEn,
  unitName: organizations.name,
};

const base = (db: Executor) =>
  db
    .select(columns)
    .from(opinions)
    .leftJoin(opinionCategories, eq(opinionCategories.id, opinions.categoryId))
    .leftJoin(organizations, eq(organizations.id, opinions.leadUnitId));

export async function casesByTrackingCodes(db: Executor, codes: string[]) {
  return base(db).where(inArray(opinions.trackingCode, codes)).orderBy(desc(opinions.receivedAt));
}

export async function caseById(db: Executor, id: string) {
  const [row] = await base(db).where(eq(opinions.id, id));
  return row;
}

export type Open311Case = NonNullable<Awaited<ReturnType<typeof caseById>>>;

export interface PublishedFilter {
  stationId: string | null;
  categoryIds: string[] | null;
  statuses: Open311Status[] | null;
  from: Date;
  to: Date;
  limit: number;
}

/** Searches only the cases whose constituent agreed to publish them (DESIGN §7), newest first. */
export async function searchPublishedCases(db: Executor, f: PublishedFilter) {
  const where: SQL[] = [eq(opinions.consentPublish, true), gte(opinions.receivedAt, f.from), lt(opinions.receivedAt, f.to)];
  if (f.stationId) where.push(eq(opinions.stationId, f.stationId));
  if (f.categoryIds) where.push(inArray(opinions.categoryId, f.categoryIds));
  if (f.statuses && f.statuses.length === 1) {
    where.push(
      f.statuses[0] === 'open' ? inArray(opinions.state, [...OPEN_STATES]) : notInArray(opinions.state, [...OPEN_STATES]),
    );
  }
  return base(db)
    .where(and(...where))
    .orderBy(desc(opinions.receivedAt))
    .limit(f.limit);
}

export async function categoryIdsByCodes(db: Executor, codes: string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .select({ id: opinionCategories.id })
    .from(opinionCategories)
    .where(inArray(opinionCategories.code, codes));
  return rows.map((r) => r.id);
}

export async function categoryByCode(db: Executor, code: string) {
  const [row] = await db.select().from(opinionCategories).where(eq(opinionCategories.code, code));
  return row;
}
